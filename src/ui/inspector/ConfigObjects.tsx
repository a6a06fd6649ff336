import { setObjectMissing } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { configRefsOf } from '../../scenario/to-model';

/**
 * The ConfigMaps and Secrets the containers' env and envFrom read, each there or missing when the
 * pod is created (podlab.dev/missing): "what if this Secret does not exist?". Nothing shows when
 * no container reads one.
 */
export function ConfigObjects() {
  const view = useAppStore(selectPodView);
  const read = [...new Set([...view.initContainers, ...view.containers].flatMap((c) => configRefsOf(c.spec).map((ref) => ref.object)))];
  if (read.length === 0) return null;
  return (
    <fieldset className="group">
      <legend>ConfigMaps and Secrets</legend>
      <p className="field-hint">What the containers' env and envFrom read. One that is missing holds them in CreateContainerConfigError until Break it creates it.</p>
      {read.map((object) => (
        <label key={object} className="field field-check">
          <input type="checkbox" checked={view.missing.includes(object)} onChange={(event) => setObjectMissing(object, event.target.checked)} />
          {object} is missing
        </label>
      ))}
    </fieldset>
  );
}
