/**
 * Above the YAML editor: names the containers the behaviour annotation leaves out, which run until
 * stopped where Import would have inferred what they do, and infers theirs on request as one
 * undoable edit; then says what it inferred and why, until the next edit. Text only, never HTML.
 * The inference comes with the editor's chunk (in a chunk it shares with Import): imported from
 * here on a press instead, it made the bundler split the app's first chunks and grow them by 1 KB.
 */
import { useMemo, useRef, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { replaceSource } from '../../app/actions';
import { scenarioResultOf } from '../../app/derived';
import { selectSource } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { addInferredBehaviors, type InferredEdit } from '../../scenario/add-inferred-behaviors';
import { BEHAVIOR_ANNOTATION } from '../../scenario/annotations';
import { inferMissing } from '../../scenario/infer-missing';
import { sharedDocument } from '../../scenario/yaml-source';
import { InferredList } from '../shared/InferredList';
import { namesOf } from '../shared/names';

export function InferNotice() {
  const source = useAppStore(selectSource);
  const undescribed = useMemo(() => misplayed(source), [source]);
  const [done, setDone] = useState<InferredEdit | null>(null);
  const report = useRef<HTMLDivElement>(null);

  function infer(): void {
    const edit = addInferredBehaviors(source);
    if (edit.inferred.length === 0) return;
    replaceSource(edit.source);
    // The report replaces the button that had the focus: the focus goes to it, not to the page.
    flushSync(() => setDone(edit));
    report.current?.focus({ preventScroll: true });
  }

  if (done?.source === source) return <InferredReport edit={done} ref={report} />;
  if (undescribed.length === 0) return null;
  const one = undescribed.length === 1;
  return (
    <div className="infer-notice" role="status">
      <p>
        No behaviour given for <strong>{namesOf(undescribed)}</strong>: {one ? 'it runs' : 'they run'} until stopped.{' '}
        <button type="button" onClick={infer}>
          {one ? 'Infer behaviour' : 'Infer behaviours'}
        </button>
      </p>
    </div>
  );
}

/**
 * The containers the annotation leaves out whose inferred behaviour differs from the default they
 * play (a `sleep 5` that would exit, a `tail -f` as PID 1 that would ignore SIGTERM); not a server
 * that runs until stopped either way. None when the text is not a valid Pod.
 */
function misplayed(source: string): string[] {
  const pod = scenarioResultOf(source).ok ? sharedDocument(source) : null;
  return pod ? inferMissing(pod).flatMap((i) => (Object.keys(i.behavior).length > 0 ? [i.container] : [])) : [];
}

/** What was inferred, each with its reason. */
function InferredReport({ edit, ref }: { edit: InferredEdit; ref: Ref<HTMLDivElement> }) {
  return (
    <div className="infer-notice is-done" role="status" tabIndex={-1} ref={ref}>
      <p>
        <strong>Inferred</strong> into {BEHAVIOR_ANNOTATION} (Undo takes it back):
      </p>
      <InferredList inferred={edit.inferred} />
    </div>
  );
}
