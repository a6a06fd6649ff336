/**
 * What the Actions list lets one change in an action beside its time: the act's own settings,
 * each under the annotation key it is written to. Who the act is done to (its container, its
 * object) stays as Break it chose it; a new target is a new action.
 */
import type { ActionEntry } from '../../scenario/edit-read';
import { DEFAULT_NODE_DOWN } from '../../scenario/validate-actions';

type Key = keyof ActionEntry & string;

export type ActionField =
  /** A number of seconds or a code; blank leaves the key out (the hint says what that means). */
  | { kind: 'number'; key: Key; label: string; hint?: string }
  | { kind: 'text'; key: Key; label: string }
  /** One of a few words; the option with value '' leaves the key out. */
  | { kind: 'choice'; key: Key; label: string; options: { value: string; label: string }[] };

const GRACE: ActionField = { kind: 'number', key: 'gracePeriodSeconds', label: 'Grace period (s)', hint: "Blank: the pod's own terminationGracePeriodSeconds." };

export function actionFields(action: ActionEntry): ActionField[] {
  switch (action.do) {
    case 'delete':
    case 'drain':
      return [GRACE];
    case 'kill':
      // The kernel's OOM killer sends SIGKILL: the runtime reports 137, whatever is asked.
      return action.oom === true ? [] : [{ kind: 'number', key: 'exitCode', label: 'Exit code', hint: 'Blank: 137, as after SIGKILL.' }];
    case 'set-image':
      return [{ kind: 'text', key: 'image', label: 'Image' }];
    case 'fail-probes':
      return [{ kind: 'choice', key: 'probe', label: 'Probe', options: [{ value: '', label: 'Every probe' }, ...['startup', 'readiness', 'liveness'].map((p) => ({ value: p, label: p }))] }];
    case 'reboot-node':
      return [{ kind: 'number', key: 'down', label: 'Down for (s)', hint: `Blank: ${DEFAULT_NODE_DOWN} s.` }];
    case 'set-condition':
      return [{ kind: 'choice', key: 'status', label: 'Status', options: ['True', 'False'].map((s) => ({ value: s, label: s })) }];
    case 'set-deadline':
      return [{ kind: 'number', key: 'activeDeadlineSeconds', label: 'Deadline (s)' }];
    case 'evict':
      // An eviction for a container's or a volume's own limit is always about ephemeral storage.
      if (action.container !== undefined || action.volume !== undefined) return [];
      return [{ kind: 'choice', key: 'resource', label: 'Node low on', options: ['memory', 'ephemeral-storage', 'pid'].map((r) => ({ value: r, label: r })) }];
    case 'shutdown-node':
      return [{ kind: 'number', key: 'othersStopIn', label: 'Lower-priority pods stop in (s)', hint: 'Blank: each lower-priority group takes its whole period.' }];
    default:
      return [];
  }
}
