import { setContainerField, setProbeWindowField } from '../../app/actions';
import type { ProbeKind } from '../../engine/types';
import { BEHAVIOR_ANNOTATION } from '../../scenario/annotations';
import type { ContainerEntry } from '../../scenario/edit-read';
import { formatPath } from '../../scenario/issues';
import { parseNumberInput } from '../shared/format';
import { TextField, asText } from './Field';

const PROBES = [
  { key: 'startupProbe', kind: 'startup', label: 'Startup probe' },
  { key: 'readinessProbe', kind: 'readiness', label: 'Readiness probe' },
  { key: 'livenessProbe', kind: 'liveness', label: 'Liveness probe' },
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

/** Probes with their timing fields and when each passes; absent ones can be added, present ones removed. */
export function ProbeFields({ name, entry, base, behavior }: { name: string; entry: ContainerEntry; base: string; behavior: Record<string, unknown> }) {
  const allowed = entry.role !== 'init';
  return (
    <fieldset className="group">
      <legend>Probes</legend>
      {!allowed && <p className="field-hint">Plain init containers cannot have probes.</p>}
      {PROBES.map(({ key, kind, label }) => {
        const probe = entry.spec[key] as Record<string, unknown> | undefined;
        return (
          <div key={key} className="probe" role="group" aria-label={label}>
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
                <ProbeWindowFields name={name} kind={kind} behavior={behavior} http={probe.httpGet !== undefined} />
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * When this probe passes, if not when the container's probes do (the behaviour's `probes` entry):
 * "the database is down" is a readiness probe that fails while liveness passes. An HTTP probe can
 * also be redirected to another host, which passes with a ProbeWarning.
 */
function ProbeWindowFields({ name, kind, behavior, http }: { name: string; kind: ProbeKind; behavior: Record<string, unknown>; http: boolean }) {
  const own = ((behavior.probes ?? {}) as Record<string, Record<string, unknown> | undefined>)[kind] ?? {};
  const path = (field: string) => formatPath(['metadata', 'annotations', BEHAVIOR_ANNOTATION, name, 'probes', kind, field]);
  const containerFrom = asText(behavior.unhealthyAfter) || 'never';
  return (
    <>
      <p className="probe-window-title">When this probe passes <span className="muted">(else as the container)</span></p>
      <TextField
        label="Passes after (s)"
        hint={`empty: as the container (${asText(behavior.startup) || '0'} s)`}
        numeric
        value={asText(own.startup)}
        issuePath={path('startup')}
        onCommit={(text) => setProbeWindowField(name, kind, 'startup', parseNumberInput(text))}
      />
      <TextField
        label="Fails from (s)"
        hint={`empty: as the container (${containerFrom}); never: passes on`}
        value={own.unhealthyAfter === null ? 'never' : asText(own.unhealthyAfter)}
        issuePath={path('unhealthyAfter')}
        onCommit={(text) => setProbeWindowField(name, kind, 'unhealthyAfter', text.trim() === 'never' ? null : parseNumberInput(text))}
      />
      {http && (
        <TextField
          label="Redirected to"
          hint="a URL on another host: it passes, with a ProbeWarning; empty: no redirect"
          commitOn="blur"
          value={asText(own.redirect)}
          issuePath={path('redirect')}
          onCommit={(text) => setProbeWindowField(name, kind, 'redirect', text.trim() || undefined)}
        />
      )}
    </>
  );
}
