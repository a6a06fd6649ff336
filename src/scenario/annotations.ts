/** The pod annotations that carry what a cluster only learns by running the processes. */
export const BEHAVIOR_ANNOTATION = 'podlab.dev/behavior';
export const ACTIONS_ANNOTATION = 'podlab.dev/actions';
/** What the pod's node runs with: the KubeletConfiguration fields that change how a pod plays. */
export const KUBELET_ANNOTATION = 'podlab.dev/kubelet';
/** The ConfigMaps and Secrets the pod reads that do not exist (yet): `configmap/NAME`, `secret/NAME`. */
export const MISSING_ANNOTATION = 'podlab.dev/missing';
