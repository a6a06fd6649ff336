/**
 * A client's patch of the pod's status conditions, as the controller behind a readiness gate sends
 * (`kubectl patch pod --subresource=status`). The API server keeps the condition, which the
 * kubelet does not own (status_manager.go mergePodStatus keeps it); the kubelet, seeing a pod with
 * readiness gates whose Ready no longer matches (kubelet.go HandlePodReconcile,
 * status.NeedToReconcilePodReadiness), syncs the pod and works Ready out again (see conditions.ts).
 */
import { changed, type Sim } from '../runtime';
import type { PodCondition } from '../trace';

export function patchCondition(sim: Sim, type: string, status: 'True' | 'False'): void {
  // A pod gone from the API takes no patch.
  if (sim.deletedAt !== undefined) return;
  const { rec, now } = sim;
  const conditions = rec.conditions[rec.conditions.length - 1]?.value ?? [];
  const old = conditions.find((c) => c.type === type);
  if (old?.status === status) return;
  const patched: PodCondition = { type, status, lastTransitionTime: now };
  // A strategic merge patch of conditions (merge key: type) replaces one in place, else appends it.
  rec.setConditions(now, old ? conditions.map((c) => (c === old ? patched : c)) : [...conditions, patched]);
  rec.emit({ t: now, type: 'PodCondition', condition: type, status });
  changed(sim);
}
