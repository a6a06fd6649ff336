import { useId } from 'react';
import { editScenario } from '../../app/actions';
import { selectResult } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { SYSTEM_CRITICAL_PRIORITY, shutdownGroups } from '../../engine/shutdown-groups';
import { setShutdownGroups, type ShutdownGroupSetting } from '../../scenario/edit-kubelet';
import { isRecord } from '../../scenario/value-checks';
import { parseNumberInput } from '../shared/format';
import { TextField, asText } from './Field';

const GROUPS_PATH = 'metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodByPodPriority';
/** The docs' example: the pods below system-cluster-critical get 20 s, the critical ones 10 s after them. */
const FIRST_GROUPS: ShutdownGroupSetting[] = [
  { priority: 0, shutdownGracePeriodSeconds: 20 },
  { priority: SYSTEM_CRITICAL_PRIORITY, shutdownGracePeriodSeconds: 10 },
];

const setGroups = (groups: ShutdownGroupSetting[] | null) => editScenario((source) => setShutdownGroups(source, groups));

/** Turns the two shutdown periods into the groups they stand for (migrateConfig), or the docs' example. */
export function ByPriorityButton() {
  const kubelet = useAppStore((s) => {
    const result = selectResult(s);
    return result.ok ? result.model.kubelet : undefined;
  });
  const byPriority = () => {
    const migrated = shutdownGroups(kubelet);
    setGroups(migrated.length > 0 ? migrated : FIRST_GROUPS);
  };
  return (
    <button type="button" onClick={byPriority}>
      Shut down by pod priority
    </button>
  );
}

/**
 * shutdownGracePeriodByPodPriority, a group to a row: each from its priority up to the next
 * group's, with its seconds. Values stay as typed until they are whole numbers, for the gate to
 * show at the field; removing the last group goes back to the two periods.
 */
export function ShutdownGroups({ groups }: { groups: unknown[] }) {
  const settings: ShutdownGroupSetting[] = groups.map((group) => {
    const { priority = 0, shutdownGracePeriodSeconds = 0 } = isRecord(group) ? group : {};
    return { priority: priority as number | string, shutdownGracePeriodSeconds: shutdownGracePeriodSeconds as number | string };
  });
  const change = (index: number, patch: Partial<ShutdownGroupSetting>) => setGroups(settings.map((group, i) => (i === index ? { ...group, ...patch } : group)));
  const highest = Math.max(0, ...settings.map((group) => (typeof group.priority === 'number' ? group.priority : 0)));
  const note = useId();
  return (
    <div className="shutdown-groups" role="group" aria-label="Shutdown by pod priority" aria-describedby={note}>
      <span id={note} className="field-hint">
        shutdownGracePeriodByPodPriority: on shutdown the kubelet stops the pods group by group, lowest priority first, each group from its priority up to the next
      </span>
      {settings.map((group, i) => (
        <div className="shutdown-group" key={i}>
          <TextField
            label={`Group ${i + 1} from priority`}
            numeric
            value={asText(group.priority)}
            issuePath={`${GROUPS_PATH}[${i}].priority`}
            onCommit={(text) => change(i, { priority: parseNumberInput(text) ?? 0 })}
          />
          <TextField
            label={`Group ${i + 1} seconds`}
            numeric
            value={asText(group.shutdownGracePeriodSeconds)}
            issuePath={`${GROUPS_PATH}[${i}].shutdownGracePeriodSeconds`}
            onCommit={(text) => change(i, { shutdownGracePeriodSeconds: parseNumberInput(text) ?? 0 })}
          />
          <button type="button" aria-label={`Remove group ${i + 1}`} title={`Remove group ${i + 1}`} onClick={() => setGroups(settings.length > 1 ? settings.filter((_, j) => j !== i) : null)}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setGroups([...settings, { priority: highest + 1000, shutdownGracePeriodSeconds: 10 }])}>
        Add group
      </button>
    </div>
  );
}
