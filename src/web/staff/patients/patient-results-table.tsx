import type { PatientListItem } from '../../../contracts/patients';
import { dobWithAge, fullName } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { CareStatusBadge } from './care-status-badge';

export function PatientResultsTable({ items }: { items: readonly PatientListItem[] }) {
  return (
    <div className="table-wrap" role="region" aria-label="Search results" tabIndex={0}>
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">MRN</th>
            <th scope="col">Name</th>
            <th scope="col">Preferred name</th>
            <th scope="col">Date of birth (age)</th>
            <th scope="col">Care status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td className="mono" data-label="MRN">
                {p.mrn}
              </td>
              <td data-label="Name">
                {/* One wrapper, so the name and its badge share a cell in the phone layout. */}
                <span>
                  <Link href={paths.patient(p.id)}>{fullName(p)}</Link>
                  {!p.active ? <span className="badge badge--inactive">Inactive</span> : null}
                </span>
              </td>
              <td data-label="Preferred name">{p.preferredName ?? ''}</td>
              <td data-label="Born (age)">{dobWithAge(p.birthDate)}</td>
              <td data-label="Care status">
                <CareStatusBadge status={p.careStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
