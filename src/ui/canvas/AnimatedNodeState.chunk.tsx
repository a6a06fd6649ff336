import { useMemo } from 'react';
import { LazyMotion, MotionConfig, domAnimation, type Variants } from 'motion/react';
import * as m from 'motion/react-m';
import { RestartWords, restartsNamed, StateWords, type NodeStateProps } from './NodeState';

const STATE_IN = { opacity: [0.35, 1], y: [6, 0], transition: { duration: 0.25 } };
const RESTART_IN = { scale: [1.5, 1] };

/**
 * One variant named after what is shown: when the name changes, motion replays the keyframes on
 * the same element. Remounting it instead (a `key`) would give the browser a new compositing
 * layer at every change of every container, which is what made playing a large pod slow.
 */
function useReplayOn(name: string, target: Variants[string] | null): Variants {
  return useMemo(() => (target ? { [name]: target } : {}), [name, target]);
}

/**
 * NodeState that eases each new state in and bumps the restart count. It is the only animated
 * part of the app, so motion (with its providers) lives here, in a chunk loaded after the first
 * paint, and stays calm when the system asks for reduced motion.
 */
export default function AnimatedNodeState(props: NodeStateProps) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        <Animated {...props} />
      </LazyMotion>
    </MotionConfig>
  );
}

function Animated({ look, restarts }: NodeStateProps) {
  const stateName = `${look.label}|${look.tone}`;
  const stateVariants = useReplayOn(stateName, STATE_IN);
  const restartVariants = useReplayOn(String(restarts), restarts > 0 ? RESTART_IN : null);
  return (
    <m.div className="node-state" variants={stateVariants} initial={false} animate={stateName}>
      <StateWords look={look} />
      <m.span
        className={`node-restarts${restarts > 0 ? ' has-restarts' : ''}`}
        variants={restartVariants}
        initial={false}
        animate={String(restarts)}
        {...restartsNamed(restarts)}
      >
        <RestartWords restarts={restarts} />
      </m.span>
    </m.div>
  );
}
