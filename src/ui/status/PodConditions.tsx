import { useConditions } from '../../app/useStatusAt';

/** The pod conditions at t, each with a mark and its words. */
export function PodConditions() {
  const conditions = useConditions();
  return (
    <ul className="conditions" aria-label="Pod conditions">
      {conditions.map((condition) => {
        const on = condition.status === 'True';
        return (
          <li key={condition.type} className={on ? 'is-true' : 'is-false'} title={condition.reason ?? condition.message ?? ''}>
            <span className="condition-mark" aria-hidden="true">{on ? '✔' : '✖'}</span>{condition.type}
            <span className="visually-hidden"> {condition.status}</span>
          </li>
        );
      })}
    </ul>
  );
}
