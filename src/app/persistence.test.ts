import { afterEach, describe, expect, it } from 'vitest';
import { useNoticeStore } from './notices';
import { isPristine, markOpened, readSavedWork, SAVED_WORK_KEY, writeSavedWork } from './persistence';

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
