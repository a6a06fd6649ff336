import { editScenario } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { setMissing } from '../../scenario/edit-missing';
import { objectUsesOf } from '../../scenario/to-model';
import { objectOf } from '../../scenario/validate-missing';

/**
 * The ConfigMaps and Secrets the pod uses (env and envFrom, mounted volumes) and the keys it reads
 * of them, each there or missing when the pod is created (podlab.dev/missing): "what if this Secret
 * does not exist?". Nothing shows when it uses none.
 */
export function ConfigObjects() {
  const view = useAppStore(selectPodView);
  const { read, mounted, keys } = objectUsesOf(view.spec);
  const used = [...new Set([...read, ...mounted]), ...keys];
  if (used.length === 0) return null;
  return (
    <fieldset className="group">
      <legend>ConfigMaps and Secrets</legend>
      <p className="field-hint">What the containers' env and envFrom read and the volumes they mount, and the keys they read of them. One that is missing holds them back (CreateContainerConfigError; for a volume, the whole pod in ContainerCreating) until Break it creates it.</p>
      {used.map((object) => (
        <label key={object} className="field field-check">
          <input
            type="checkbox"
            checked={view.missing.includes(object)}
            // A key goes with its object: while the object is missing, so is the key.
            disabled={object !== objectOf(object) && view.missing.includes(objectOf(object))}
            onChange={(event) => editScenario((source) => setMissing(source, object, event.target.checked))}
          />
          {entryWords(object)} is missing
        </label>
      ))}
    </fieldset>
  );
}

/** `configmap/app/LOG_LEVEL` as a reader says it: key LOG_LEVEL of configmap/app. */
function entryWords(entry: string): string {
  const [kind, name, key] = entry.split('/');
  return key === undefined ? entry : `key ${key} of ${kind}/${name}`;
}
