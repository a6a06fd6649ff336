import { useState } from 'react';
import { setConditionAt } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';

/**
 * For a pod with readiness gates: set a gate's condition now, as the controller behind the gate
 * would through the API (`kubectl patch --subresource=status`). Nothing shows without gates.
 */
export function ReadinessGates() {
  const spec = useAppStore(selectPodView).spec;
  const gates = (Array.isArray(spec.readinessGates) ? spec.readinessGates : []).flatMap((gate: unknown) => {
    const type = (gate as { conditionType?: unknown } | null)?.conditionType;
    return typeof type === 'string' ? [type] : [];
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const gate = chosen !== null && gates.includes(chosen) ? chosen : gates[0];
  if (gate === undefined) return null;
  return (
    <div className="break-row break-gate">
      <label>
        <span>Readiness gate</span>
        <select aria-label="Readiness gate" value={gate} onChange={(event) => setChosen(event.target.value)}>
          {gates.map((type) => (
            <option key={type} value={type}>{type}</option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setConditionAt(gate, 'True')}>Gate True</button>
      <button type="button" onClick={() => setConditionAt(gate, 'False')}>Gate False</button>
    </div>
  );
}
