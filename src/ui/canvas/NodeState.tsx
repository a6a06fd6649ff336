import type { StateLook } from '../shared/container-state';

export interface NodeStateProps {
  look: StateLook;
  restarts: number;
}

/** The state line of a container node: icon, words and restart count. */
export function NodeState({ look, restarts }: NodeStateProps) {
  return (
    <div className="node-state">
      <StateWords look={look} />
      <span className={`node-restarts${restarts > 0 ? ' has-restarts' : ''}`} {...restartsNamed(restarts)}>
        <RestartWords restarts={restarts} />
      </span>
    </div>
  );
}

/** State words this long ("CrashLoopBackOff", "ContainerCreating") are set smaller, so they are not cut. */
const LONG_LABEL = 14;
const LONGER_LABEL = 17;

export function StateWords({ look }: { look: StateLook }) {
  const size = look.label.length >= LONGER_LABEL ? ' is-longer' : look.label.length >= LONG_LABEL ? ' is-long' : '';
  return (
    <>
      <span className="state-icon" aria-hidden="true">{look.icon}</span>
      <span className={`state-label${size}`}>{look.label}</span>
    </>
  );
}

export function RestartWords({ restarts }: { restarts: number }) {
  return <>↻ {restarts}</>;
}

/** The count's name for screen readers and its tip: a name, not hidden text, which would be a layer of its own. */
export const restartsNamed = (restarts: number) => ({ role: 'img', 'aria-label': `${restarts} restarts`, title: `${restarts} restarts` });
