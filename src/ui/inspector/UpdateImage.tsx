import { useCallback, useId, useState } from 'react';
import { setImageAt } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore, type AppState } from '../../app/store';
import { imageProblem } from '../../scenario/image-reference';
import { specImageAt } from '../../scenario/spec-image-at';

/**
 * `kubectl set image` for the target container at the current time. The field starts from the
 * image the spec names now and follows it (another container, a later update) until edited.
 * Loaded just after the first screen, which Break it's buttons are enough for.
 */
export function UpdateImage({ target }: { target: string }) {
  // A string: while playing, this re-renders only when the image the spec names changes.
  const current = useAppStore(useCallback((s: AppState) => specImageAt(selectPodView(s), target, s.playback.t), [target]));
  const [draft, setDraft] = useState<{ from: string; value: string } | null>(null);
  const from = `${target}\u0000${current}`;
  const value = draft?.from === from ? draft.value : current;
  const problem = value === current ? undefined : imageProblem(value);
  const id = useId();
  const update = () => {
    setImageAt(target, value);
    setDraft(null);
  };
  return (
    <form
      className="break-row break-image"
      onSubmit={(event) => {
        event.preventDefault();
        if (target && !problem && value !== current) update();
      }}
    >
      <label>
        <span>New image</span>
        <input
          aria-label="New image"
          value={value}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-issue` : undefined}
          onChange={(event) => setDraft({ from, value: event.target.value })}
        />
        {problem && <span id={`${id}-issue`} className="field-issue"><span aria-hidden="true">⚠ </span>{problem}</span>}
      </label>
      <button type="submit" disabled={!target || problem !== undefined || value === current}>Update image</button>
    </form>
  );
}
