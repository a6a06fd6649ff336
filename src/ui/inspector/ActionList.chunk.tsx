import { removeAction, seek, setActionField } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { ACTIONS_ANNOTATION } from '../../scenario/annotations';
import type { ActionEntry } from '../../scenario/edit-read';
import { formatPath } from '../../scenario/issues';
import { DEFAULT_NODE_DOWN } from '../../scenario/validate-actions';
import { parseNumberInput } from '../shared/format';
import { TextField, asText } from './Field';

function describe(action: ActionEntry): string {
  switch (action.do) {
    case 'delete':
      return `delete the pod${action.gracePeriodSeconds !== undefined ? ` (grace ${asText(action.gracePeriodSeconds)}s)` : ''}`;
    case 'kill':
      return action.oom === true ? `OOM-kill ${asText(action.container)}` : `kill ${asText(action.container)} (exit ${asText(action.exitCode ?? 137)})`;
    case 'set-image':
      return `set the image of ${asText(action.container)} to ${asText(action.image)}`;
    case 'fail-probes':
      return action.probe === undefined ? `make the probes of ${asText(action.container)} fail` : `make the ${asText(action.probe)} probe of ${asText(action.container)} fail`;
    case 'reboot-node':
      return `reboot the node (down ${asText(action.down ?? DEFAULT_NODE_DOWN)}s)`;
    case 'evict':
      return `evict the pod (node low on ${asText(action.resource ?? 'memory')})`;
    case 'set-deadline':
      return `set activeDeadlineSeconds to ${asText(action.activeDeadlineSeconds)}`;
    case 'set-condition':
      return `set condition ${asText(action.condition)} to ${asText(action.status)}`;
    default:
      return asText(action.do);
  }
}

/** The timed acts of the scenario: each can be re-timed, jumped to or removed. Loaded with its tab. */
export default function ActionList() {
  const actions = useAppStore(selectPodView).actions;
  if (actions.length === 0) return <p className="muted">No actions yet. Use “Break it” above while playing or paused.</p>;
  return (
    <ol className="action-list" aria-label="Actions">
      {actions.map((action, index) => (
        <li key={index}>
          <TextField
            label="at (s)"
            numeric
            value={asText(action.at)}
            issuePath={formatPath(['metadata', 'annotations', ACTIONS_ANNOTATION, index])}
            onCommit={(text) => setActionField(index, 'at', parseNumberInput(text))}
          />
          <span className="action-what">{describe(action)}</span>
          <button type="button" onClick={() => typeof action.at === 'number' && seek(action.at)} aria-label={`Go to action ${index + 1}`}>Go to</button>
          <button type="button" className="danger" onClick={() => removeAction(index)} aria-label={`Remove action ${index + 1}`}>Remove</button>
        </li>
      ))}
    </ol>
  );
}
