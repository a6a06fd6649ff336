import { KubectlTable } from './KubectlTable';
import { PodConditions } from './PodConditions';

/** Under the player: kubectl's line and the pod conditions at t. */
export function StatusStrip() {
  return (
    <div className="status-strip">
      <KubectlTable />
      <PodConditions />
    </div>
  );
}
