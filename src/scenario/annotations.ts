/** The pod annotations that carry what a cluster only learns by running the processes. */
export const BEHAVIOR_ANNOTATION = 'podlab.dev/behavior';
export const ACTIONS_ANNOTATION = 'podlab.dev/actions';
