import type { Behavior } from './types';

/** What a process does when its scenario says nothing: runs until stopped, exits 143 on SIGTERM at once. */
export const DEFAULT_BEHAVIOR: Behavior = {
  run: null,
  exitCode: 0,
  oom: false,
  startup: 0,
  unhealthyAfter: null,
  probes: {},
  postStart: 0,
  postStartFails: false,
  preStop: 0,
  preStopFails: false,
  stop: 0,
  stopExitCode: 143,
  pull: 0,
  pullFailures: 0,
  message: '',
  logs: '',
  startError: '',
  attempts: [],
};
