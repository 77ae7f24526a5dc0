import { TableRegion } from '../assessments/table-region';
import { formatDate } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { LoadState } from '../ui/load-state';
import { fetchFormsDue, remsKeys, type FormsDueItem } from './rems-api';
import { daysLeftText, formStatusLabels, sortFormsDue } from './rems-text';
import './rems.css';

export function FormsDueTable({ items }: { items: readonly FormsDueItem[] }) {
  return (
    <TableRegion
      label="REMS forms due table"
      caption="Patient Monitoring Forms due, due today and overdue"
      className="table table--stack"
      columns={['Patient', 'Treatment', 'Due by', 'Status', 'Form']}
    >
      {sortFormsDue(items).map((f) => (
        <tr key={f.formId} className={`rems-row rems-row--${f.status}`}>
          <td data-label="Patient">{f.patientName}</td>
          <td data-label="Treatment">
            <Link href={paths.session(f.sessionId)}>{formatDate(f.treatmentDate)}</Link>
          </td>
          <td data-label="Due by">{formatDate(f.dueOn)}</td>
          <td data-label="Status">
            <span className={`badge rems-status rems-status--${f.status}`}>{formStatusLabels[f.status]}</span>{' '}
            {daysLeftText(f.status, f.daysLeft)}
          </td>
          <td data-label="Form">
            <Link className="button button--small" href={paths.remsForm(f.formId, f.sessionId)}>
              Open form<span className="visually-hidden"> for {f.patientName}</span>
            </Link>
          </td>
        </tr>
      ))}
    </TableRegion>
  );
}

/** The clinic's Patient Monitoring Forms not yet submitted: overdue first, then due today, then due. */
export function RemsFormsDuePage() {
  const { data, error, isPending, refetch, isFetching } = useApiQuery(remsKeys.formsDue, fetchFormsDue);
  const items = data?.items ?? [];
  const overdue = items.filter((i) => i.status === 'overdue').length;
  const today = items.filter((i) => i.status === 'due_today').length;
  return (
    <div className="rems-page">
      <div className="page-heading">
        <h1>REMS forms due</h1>
        <button
          type="button"
          className="button button--secondary"
          disabled={isFetching}
          onClick={() => void refetch()}
        >
          Refresh
        </button>
      </div>
      <p className="muted">
        Every esketamine session’s SPRAVATO REMS Patient Monitoring Form must reach the REMS within 7 days.{' '}
        <Link href={paths.remsCertification()}>Setting certification and form versions</Link>
      </p>
      <LoadState loading={isPending} error={error} />
      {data ? (
        items.length === 0 ? (
          <p>No monitoring form is waiting to be submitted.</p>
        ) : (
          <>
            <p role="status">
              {items.length} {items.length === 1 ? 'form' : 'forms'} to submit: {overdue} overdue, {today} due
              today.
            </p>
            <FormsDueTable items={items} />
          </>
        )
      ) : null}
    </div>
  );
}
