import { useKubectlRow } from '../../app/useStatusAt';

/** What `kubectl get pod` prints at t; the row object changes only when a cell does. */
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
        <tr>
          <td>{row.name}</td>
          <td className="kubectl-ready">{row.ready}</td>
          <td className="kubectl-status">{row.status}</td>
          <td><span className="kubectl-tick is-restarts">{row.restarts}</span></td>
          <td><span className="kubectl-tick is-age">{row.age}</span></td>
        </tr>
      </tbody>
    </table>
  );
}
