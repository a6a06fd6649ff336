/** A timed act of the scenario in words, as the Actions tab lists it; what is not valid is shown as written. */
import type { ActionEntry } from '../../scenario/edit-read';
import { DEFAULT_NODE_DOWN } from '../../scenario/validate-actions';
import { asText } from './Field';

export function actionWords(action: ActionEntry): string {
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
      if (action.volume !== undefined) return `evict the pod (emptyDir ${asText(action.volume)} past its sizeLimit)`;
      return action.container === undefined
        ? `evict the pod (node low on ${asText(action.resource ?? 'memory')})`
        : `evict the pod (${asText(action.container)} past its ephemeral-storage limit)`;
    case 'drain':
      return `drain the node: evict the pod through the API${action.gracePeriodSeconds !== undefined ? ` (grace ${asText(action.gracePeriodSeconds)}s)` : ''}`;
    case 'shutdown-node':
      return `shut the node down (graceful node shutdown${action.othersStopIn !== undefined ? `; lower-priority pods stop in ${asText(action.othersStopIn)}s` : ''})`;
    case 'create': {
      const [kind, name, key] = asText(action.object).split('/');
      return key === undefined ? `create ${asText(action.object)}` : `add key ${key} to ${kind}/${name}`;
    }
    case 'debug':
      return `kubectl debug: add the ephemeral container ${asText(action.container)}`;
    case 'set-deadline':
      return `set activeDeadlineSeconds to ${asText(action.activeDeadlineSeconds)}`;
    case 'set-condition':
      return `set condition ${asText(action.condition)} to ${asText(action.status)}`;
    default:
      return asText(action.do);
  }
}
