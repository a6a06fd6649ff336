/**
 * The control plane while the node is down: kube-controller-manager notices the silence, marks the
 * pod not Ready, and after the pod's toleration of the unreachable taint runs out, deletes it.
 *
 * - Node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go
 *   monitorNodeHealth): no heartbeat for --node-monitor-grace-period (50 s since 1.32, k/k
 *   PR #126287) makes the node's Ready condition Unknown. It then calls MarkPodsNotReady
 *   (pkg/controller/util/node/controller_utils.go): only the pod's Ready condition turns False,
 *   through UpdatePodCondition (pkg/api/v1/pod/util.go: reason and message stay, lastTransitionTime
 *   moves; nothing happens to a condition already False), then a Warning `NodeNotReady` "Node is
 *   not ready" from node-controller. Container statuses are untouched.
 * - At the same pass (doNoExecuteTaintingPass, Ready Unknown) the node gets the
 *   `node.kubernetes.io/unreachable:NoExecute` taint. The taint eviction controller
 *   (pkg/controller/tainteviction/taint_eviction.go processPodOnNode) matches it against the pod's
 *   tolerations; the smallest tolerationSeconds of the matching ones (getMinTolerationTime: none
 *   set, forever; 0 or less, at once) schedules the eviction. When it fires, deletePodHandler
 *   records a Normal `TaintManagerEviction` "Marking for deletion Pod ns/name", then
 *   addConditionAndDeletePod appends DisruptionTarget True (DeletionByTaintManager) and deletes the
 *   pod with default options: the pod's own grace period.
 * - The node back before that: the taint goes, and handleNodeUpdate cancels the pending eviction
 *   with a Normal `TaintManagerEviction` "Cancelling deletion of Pod ns/name" (cancelWorkWithEvent:
 *   only when an eviction was scheduled and has not fired).
 *
 * Both controllers are modelled as acting at the very instant the grace period ends; the real ones
 * look every 5 s (--node-monitor-period), so they can be up to a few seconds later.
 */
import type { Sim } from '../runtime';
import type { PodCondition } from '../trace';
import type { PodModel, Toleration } from '../types';
import { setDisruptionTarget } from './status-patch';

/** kube-controller-manager --node-monitor-grace-period, in seconds (default since 1.32). */
export const NODE_MONITOR_GRACE_PERIOD = 50;
/** DefaultTolerationSeconds admission plugin: --default-unreachable-toleration-seconds. */
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

/**
 * The tolerations the API server stores: plugin/pkg/admission/defaulttolerationseconds/admission.go
 * adds `unreachable:NoExecute` for 300 s unless one toleration already names that key (or none)
 * with effect NoExecute (or none) — whatever its operator.
 */
export function admittedTolerations(model: PodModel): Toleration[] {
  const own = model.tolerations ?? [];
  const covers = own.some((t) => (!t.key || t.key === UNREACHABLE_TAINT) && (!t.effect || t.effect === 'NoExecute'));
  if (covers) return own;
  return [...own, { key: UNREACHABLE_TAINT, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS }];
}

/** k8s.io/api/core/v1 toleration.go ToleratesTaint, for the unreachable taint (no value). */
function toleratesUnreachable(t: Toleration): boolean {
  if (t.effect && t.effect !== 'NoExecute') return false;
  if (t.key && t.key !== UNREACHABLE_TAINT) return false;
  return t.operator === 'Exists' || (t.value ?? '') === '';
}

/**
 * Seconds from the taint to the eviction: null, tolerated forever; 0, evicted at once (no toleration,
 * or one with tolerationSeconds 0 or less). taint_eviction.go getMinTolerationTime.
 */
export function unreachableTolerationSeconds(model: PodModel): number | null {
  const used = admittedTolerations(model).filter(toleratesUnreachable);
  if (used.length === 0) return 0;
  let min: number | null = null;
  for (const t of used) {
    if (t.tolerationSeconds === undefined) continue;
    if (t.tolerationSeconds <= 0) return 0;
    if (min === null || t.tolerationSeconds < min) min = t.tolerationSeconds;
  }
  return min;
}

/**
 * The node has just gone down: schedules what the control plane does if it stays silent.
 * @param evict deletes the pod as the taint eviction controller does (default options)
 */
export function watchSilentNode(sim: Sim, evict: () => void): void {
  const since = sim.now;
  const stillDown = () => sim.nodeDown && sim.nodeDownSince === since && sim.deletedAt === undefined;
  sim.queue.push(since + NODE_MONITOR_GRACE_PERIOD, () => {
    if (!stillDown()) return;
    markPodNotReady(sim);
    const toleration = unreachableTolerationSeconds(sim.model);
    if (toleration === null) return;
    const at = sim.now + toleration;
    sim.evictionAt = at;
    sim.queue.push(at, () => {
      if (!stillDown() || sim.evictionAt !== at) return;
      sim.evictionAt = undefined;
      evictPod(sim, evict);
    });
  });
}

/** The node is back: the taint is removed, and an eviction still pending is cancelled. */
export function nodeReachableAgain(sim: Sim): void {
  sim.nodeDownSince = undefined;
  if (sim.evictionAt === undefined) return;
  sim.evictionAt = undefined;
  if (sim.deletedAt !== undefined) return;
  sim.rec.emitK8s(
    { t: sim.now, type: 'TaintEvictionCancelled' },
    'Normal',
    'TaintManagerEviction',
    `Cancelling deletion of Pod ${podRef(sim)}`,
    'taint-eviction-controller',
  );
}

function podRef(sim: Sim): string {
  return `${sim.model.namespace}/${sim.model.name}`;
}

function lastConditions(sim: Sim): PodCondition[] {
  return sim.rec.conditions[sim.rec.conditions.length - 1]?.value ?? [];
}

/** MarkPodsNotReady: Ready False, the rest as it was; nothing at all when Ready is not True. */
function markPodNotReady(sim: Sim): void {
  const { rec, now } = sim;
  const conditions = lastConditions(sim);
  const ready = conditions.find((c) => c.type === 'Ready');
  if (!ready || ready.status === 'False') return;
  rec.setConditions(
    now,
    conditions.map((c) => (c === ready ? { ...c, status: 'False' as const, lastTransitionTime: now } : c)),
  );
  rec.emit({ t: now, type: 'PodCondition', condition: 'Ready', status: 'False', ...(ready.reason ? { reason: ready.reason } : {}) });
  rec.emitK8s({ t: now, type: 'NodeNotReady' }, 'Warning', 'NodeNotReady', 'Node is not ready', 'node-controller');
}

/** deletePodHandler: the event first, then addConditionAndDeletePod. */
function evictPod(sim: Sim, evict: () => void): void {
  const { rec, now } = sim;
  rec.emitK8s({ t: now, type: 'TaintEviction' }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${podRef(sim)}`, 'taint-eviction-controller');
  setDisruptionTarget(sim, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
  evict();
}
