import { formatKubectlTable } from '../../engine/index';
import { useKubectlRow } from '../../app/useStatusAt';

/**
 * What `kubectl get pod` prints at t; the row object changes only when a cell does. Once the pod
 * has left the API, kubectl finds nothing and says so, in the row's place.
 */
/** Past this many characters, a status (CreateContainerConfigError: 26) would push AGE out of sight at 1280 px. */
const LONG_STATUS = 21;

export function KubectlTable() {
  const row = useKubectlRow();
  return (
    <table className="kubectl" aria-label="kubectl get pod">
      <caption>
        <span aria-hidden="true">$ </span>kubectl get pod
      </caption>
      <thead>
        <tr>
          <th scope="col">NAME</th>
          <th scope="col">READY</th>
          <th scope="col">STATUS</th>
          <th scope="col">RESTARTS</th>
          <th scope="col">AGE</th>
        </tr>
      </thead>
      <tbody>
        {row.deleted ? (
          <tr>
            <td className="kubectl-gone" colSpan={5}>{formatKubectlTable(row)}</td>
          </tr>
        ) : (
          // The longest statuses (Init:CreateContainerConfigError) take room from the name and from restarts' spare width.
          <tr className={row.status.length > LONG_STATUS ? 'is-long-status' : undefined}>
            <td><span className="kubectl-name" title={row.name}>{row.name}</span></td>
            <td><Cell text={row.ready} width={5} /></td>
            <td className="kubectl-status"><Cell text={row.status} width={17} /></td>
            <td><Cell text={row.restarts} width={row.status.length > LONG_STATUS ? 11 : 14} /></td>
            <td><Cell text={row.age} width={6} /></td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/**
 * A cell that changes while playing, in a box laid out on its own: at least `width` characters
 * wide (what it usually says), wider only for longer words. So the table keeps its size and
 * columns from Running to Error to CrashLoopBackOff, and a new age lays out this box, not the page.
 */
function Cell({ text, width }: { text: string; width: number }) {
  return <span className="kubectl-cell" style={{ width: `${Math.max(width, text.length)}ch` }}>{text}</span>;
}
