import { setHorizon, setPodField } from '../../app/actions';
import { selectHorizon, selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { parseNumberInput } from '../shared/format';
import { SelectField, TextField, asText } from './Field';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'].map((value) => ({ value, label: value }));

/** The pod's own fields, and how long the run goes when the pod does not finish by itself. */
export default function PodInspector() {
  const view = useAppStore(selectPodView);
  const horizon = useAppStore(selectHorizon);
  return (
    <div className="inspector" aria-label="Pod settings">
      <TextField label="Pod name" value={view.name} commitOn="blur" issuePath="metadata.name" onCommit={(text) => setPodField(['metadata', 'name'], text.trim() || undefined)} />
      <SelectField
        label="Restart policy"
        value={String(view.spec.restartPolicy ?? 'Always')}
        options={RESTART_POLICIES}
        issuePath="spec.restartPolicy"
        onChange={(value) => setPodField(['spec', 'restartPolicy'], value)}
      />
      <TextField
        label="Grace period (s)"
        numeric
        hint="terminationGracePeriodSeconds, 30 by default"
        value={asText(view.spec.terminationGracePeriodSeconds)}
        issuePath="spec.terminationGracePeriodSeconds"
        onCommit={(text) => setPodField(['spec', 'terminationGracePeriodSeconds'], parseNumberInput(text))}
      />
      <TextField
        label="Active deadline (s)"
        numeric
        hint="activeDeadlineSeconds: the pod fails after it"
        value={asText(view.spec.activeDeadlineSeconds)}
        issuePath="spec.activeDeadlineSeconds"
        onCommit={(text) => setPodField(['spec', 'activeDeadlineSeconds'], parseNumberInput(text))}
      />
      <TextField
        label="Run until (s)"
        numeric
        hint="empty: until the pod is gone or done (at most 10 minutes)"
        value={horizon === null ? '' : String(horizon)}
        onCommit={(text) => {
          const value = parseNumberInput(text);
          setHorizon(typeof value === 'number' && value > 0 ? value : null);
        }}
      />
    </div>
  );
}
