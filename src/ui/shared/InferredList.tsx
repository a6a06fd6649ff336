import type { InferredBehavior } from '../../scenario/infer-behavior';

/** Each inferred behaviour with its reason, as Import and the YAML tab report them. */
export function InferredList({ inferred, className }: { inferred: readonly InferredBehavior[]; className?: string }) {
  return (
    <ul className={className}>
      {inferred.map((i) => (
        <li key={i.container}>
          <code>{i.container}</code>: {i.reason}
          {i.certain ? '' : ' — a guess, please check'}
        </li>
      ))}
    </ul>
  );
}
