import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNoticeStore } from './notices';
import { isPristine, keepWorkSaved, markOpened, readSavedWork, SAVED_WORK_KEY, writeSavedWork } from './persistence';
import { initialState, useAppStore } from './store';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('saved work', () => {
  afterEach(() => useNoticeStore.setState({ notices: [] }));

  it('round-trips the source, the time and what it was opened from', () => {
    const storage = new MemoryStorage();
    expect(writeSavedWork({ source: 'kind: Pod\n', t: 12.5, opened: null }, storage)).toBe(true);
    expect(readSavedWork(storage)).toEqual({ source: 'kind: Pod\n', t: 12.5, opened: null });
  });

  it('ignores what it cannot read', () => {
    const storage = new MemoryStorage();
    storage.setItem(SAVED_WORK_KEY, '{not json');
    expect(readSavedWork(storage)).toBeNull();
    storage.setItem(SAVED_WORK_KEY, JSON.stringify({ source: 'x', t: -3 }));
    expect(readSavedWork(storage)).toEqual({ source: 'x', t: 0, opened: null });
  });

  it('reports a full quota as a visible notice, and clears it once saving works again', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(writeSavedWork({ source: 'x', t: 0, opened: null }, storage)).toBe(false);
    expect(useNoticeStore.getState().notices).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('storage for this site is full') })]);
    storage.full = false;
    writeSavedWork({ source: 'x', t: 0, opened: null }, storage);
    expect(useNoticeStore.getState().notices).toEqual([]);
  });

  it('counts as pristine only the text last opened, unchanged', () => {
    markOpened('a: 1\n');
    expect(isPristine('a: 1\n')).toBe(true);
    expect(isPristine('a: 2\n')).toBe(false);
    markOpened(null);
    expect(isPristine('a: 1\n')).toBe(false);
  });
});

describe('keeping the work saved', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    useAppStore.setState(initialState());
  });

  /** Starts keepWorkSaved against a storage of its own; returns the storage and the page's window. */
  function keep() {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const window = new EventTarget();
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', new EventTarget());
    const stop = keepWorkSaved();
    const saved = () => readSavedWork(storage);
    return { stop, saved, window };
  }
  const move = (t: number, playing: boolean) => useAppStore.setState((s) => ({ playback: { ...s.playback, t, playing } }));

  it('saves a seek shortly after it, but not every frame of playing; pausing saves where it stopped', () => {
    const { stop, saved } = keep();
    move(7, false);
    vi.advanceTimersByTime(1000);
    expect(saved()?.t).toBe(7);
    for (let t = 7; t < 12; t += 0.3) {
      move(t, true);
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(1000);
    expect(saved()?.t).toBe(7);
    move(12.5, false);
    vi.advanceTimersByTime(1000);
    expect(saved()?.t).toBe(12.5);
    stop();
  });

  it('saves an edit made while playing, and where playing got to when the page is hidden', () => {
    const { stop, saved, window } = keep();
    move(3, true);
    useAppStore.setState((s) => ({ scenario: { ...s.scenario, source: 'kind: Pod\n' } }));
    vi.advanceTimersByTime(1000);
    expect(saved()?.source).toBe('kind: Pod\n');
    move(9, true);
    window.dispatchEvent(new Event('pagehide'));
    expect(saved()?.t).toBe(9);
    stop();
  });
});
