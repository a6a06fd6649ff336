/** The engine's public surface: scenario model in, trace out, and questions about the trace. */
export { simulate, DEFAULT_HORIZON } from './simulate';
export { podStatusAt, containerStatusAt, eventsUntil, podExistsAt, valueAt, type PodStatus } from './status/status-at';
export { kubectlRow, formatKubectlTable, type KubectlRow } from './status/kubectl-row';
export { describeEvents, formatEvents, type DescribedEvent } from './status/describe-events';
export { humanDuration } from './status/human-duration';
export { NODE_MONITOR_GRACE_PERIOD } from './rules/node-controller';
export { startErrorCause } from './rules/start-error';
export { isKubeletOwned } from './status/conditions';
export type * from './types';
export type * from './trace';
