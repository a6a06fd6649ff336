import { useState } from 'react';
import { createObjectAt } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';

/**
 * For a pod that uses a missing ConfigMap or Secret, or a missing key of one: create it now, as
 * `kubectl create` (or, for a key, `kubectl edit`) would. What waits for it starts at the kubelet's
 * next try. Nothing shows when nothing is missing.
 */
export function CreateObject() {
  const missing = useAppStore(selectPodView).missing;
  const [chosen, setChosen] = useState<string | null>(null);
  const object = chosen !== null && missing.includes(chosen) ? chosen : missing[0];
  if (object === undefined) return null;
  return (
    <div className="break-row break-gate">
      <label>
        <span>Missing object</span>
        <select aria-label="Missing object" value={object} onChange={(event) => setChosen(event.target.value)}>
          {missing.map((name) => (
            <option key={name} value={name}>{name}</option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => createObjectAt(object)} title="kubectl create (a key: kubectl edit): what waits for it starts at the kubelet's next try">Create</button>
    </div>
  );
}
