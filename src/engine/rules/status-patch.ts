/**
 * Conditions set outside the kubelet's own status generation: a client's patch for a readiness
 * gate, and DisruptionTarget, set by whoever stops the pod for a disruption (the taint eviction
 * controller; the kubelet's eviction manager, through its status function).
 */
import { changed, type Sim } from '../runtime';
import type { PodCondition } from '../trace';

/**
 * A client's patch of the pod's status conditions, as the controller behind a readiness gate sends
 * (`kubectl patch pod --subresource=status`). The API server keeps the condition, which the
 * kubelet does not own (status_manager.go mergePodStatus keeps it); the kubelet, seeing a pod with
 * readiness gates whose Ready no longer matches (kubelet.go HandlePodReconcile,
 * status.NeedToReconcilePodReadiness), syncs the pod and works Ready out again (see conditions.ts).
 */
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

/**
 * DisruptionTarget True with the disruption's reason and message, as pkg/api/v1/pod/util.go
 * UpdatePodCondition sets it: a new condition goes last, an existing one is replaced in place,
 * its transition time kept while it stays True.
 */
export function setDisruptionTarget(sim: Sim, reason: string, message: string): void {
  const { rec, now } = sim;
  const conditions = rec.conditions[rec.conditions.length - 1]?.value ?? [];
  const old = conditions.find((c) => c.type === 'DisruptionTarget');
  if (old?.status === 'True' && old.reason === reason && old.message === message) return;
  const target: PodCondition = { type: 'DisruptionTarget', status: 'True', reason, message, lastTransitionTime: old?.status === 'True' ? old.lastTransitionTime : now };
  rec.setConditions(now, old ? conditions.map((c) => (c === old ? target : c)) : [...conditions, target]);
  if (old?.status !== 'True') rec.emit({ t: now, type: 'PodCondition', condition: 'DisruptionTarget', status: 'True', reason });
}
