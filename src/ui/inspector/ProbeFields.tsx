import { setContainerField } from '../../app/actions';
import type { ContainerEntry } from '../../scenario/edit-read';
import { parseNumberInput } from '../shared/format';
import { TextField, asText } from './Field';

const PROBES = [
  { key: 'startupProbe', label: 'Startup probe' },
  { key: 'readinessProbe', label: 'Readiness probe' },
  { key: 'livenessProbe', label: 'Liveness probe' },
] as const;

const TIMING = [
  { field: 'initialDelaySeconds', label: 'Initial delay (s)', hint: 'default 0' },
  { field: 'periodSeconds', label: 'Period (s)', hint: 'default 10' },
  // The behaviour model has no probe response time: say so rather than let the field look live.
  { field: 'timeoutSeconds', label: 'Timeout (s)', hint: 'default 1; probes here answer at once' },
  { field: 'successThreshold', label: 'Success threshold', hint: 'default 1' },
  { field: 'failureThreshold', label: 'Failure threshold', hint: 'default 3' },
];

const DEFAULT_PROBE = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 2 };

/** Probes with their timing fields; absent ones can be added, present ones removed. */
export function ProbeFields({ name, entry, base }: { name: string; entry: ContainerEntry; base: string }) {
  const allowed = entry.role !== 'init';
  return (
    <fieldset className="group">
      <legend>Probes</legend>
      {!allowed && <p className="field-hint">Plain init containers cannot have probes.</p>}
      {PROBES.map(({ key, label }) => {
        const probe = entry.spec[key] as Record<string, unknown> | undefined;
        return (
          <div key={key} className="probe">
            <label className="field field-check">
              <input
                type="checkbox"
                disabled={!allowed}
                checked={probe !== undefined}
                onChange={(e) => setContainerField(name, [key], e.target.checked ? DEFAULT_PROBE : undefined)}
              />
              {label}
            </label>
            {probe && (
              <div className="field-grid">
                {TIMING.map(({ field, label: fieldLabel, hint }) => (
                  <TextField
                    key={field}
                    label={fieldLabel}
                    hint={hint}
                    numeric
                    value={asText(probe[field])}
                    issuePath={`${base}.${key}.${field}`}
                    onCommit={(text) => setContainerField(name, [key, field], parseNumberInput(text))}
                  />
                ))}
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
