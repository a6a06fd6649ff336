/**
 * test/e2e/common/node/pods.go getRestartDelay, over a trace: poll the container status every
 * second from `from`; remember the first finishedAt seen (of the terminated state, or of the last
 * state while waiting) and the restart count then; when the count goes up, the delay is the new
 * run's startedAt minus that finishedAt. Times out after 2 × maxBackOffTolerance (1.3 × 300 s).
 */
import type { Trace } from '../trace';
import { containerAt } from './upstream-e2e';

const TIMEOUT = 2 * 1.3 * 300;

/** The restart delay and the moment the poll saw it. */
export function restartDelay(trace: Trace, name: string, from: number): { delay: number; seenAt: number } {
  let previousRestartCount = -1;
  let previousFinishedAt = NaN;
  for (let t = from + 1; t - from < TIMEOUT && t <= trace.end; t++) {
    const status = containerAt(trace, name, t);
    const last = status?.lastState.terminated;
    if (!status || !last) continue;
    const { running, terminated } = status.state;
    if (previousRestartCount === -1) {
      if (running) continue;
      previousFinishedAt = terminated ? terminated.finishedAt : last.finishedAt;
      previousRestartCount = status.restartCount;
    }
    if (status.restartCount > previousRestartCount) {
      const startedAt = running?.startedAt ?? terminated?.startedAt ?? last.startedAt ?? NaN;
      return { delay: startedAt - previousFinishedAt, seenAt: t };
    }
  }
  throw new Error(`timeout getting the restart delay of ${name} from t=${from}`);
}
