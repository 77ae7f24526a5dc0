import { Fragment, useState } from 'react';
import type { AuditReport } from '../../../contracts/audit';
import type { StaffUserList } from '../../../contracts/users';
import { apiGet, fieldErrors } from '../api-client';
import { formatDateTime } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { LoadState } from '../ui/load-state';
import { Pagination } from '../ui/pagination';
import { useLoad } from '../ui/use-load';
import { AuditFiltersForm } from './audit-filters-form';
import { auditQuery, emptyAuditFilters, nextSort, type AuditFilters, type AuditSortKey } from './audit-query';

const pageSize = 50;

const columns: { key: AuditSortKey; label: string }[] = [
  { key: 'time', label: 'Time' },
  { key: 'user', label: 'User' },
  { key: 'patient', label: 'Patient' },
  { key: 'action', label: 'Action' },
  { key: 'entity', label: 'Data' },
  { key: 'outcome', label: 'Outcome' },
  { key: 'client', label: 'Client address' },
];

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const [order, setOrder] = useState<{ sort: AuditSortKey; dir: 'asc' | 'desc' }>({
    sort: 'time',
    dir: 'desc',
  });
  const [offset, setOffset] = useState(0);
  const [expanded, setExpanded] = useState<number>();
  const url = `/api/audit${auditQuery(filters, order.sort, order.dir, { limit: pageSize, offset })}`;
  const report = useLoad((signal) => apiGet<AuditReport>(url, { signal }), url);
  const users = useLoad((signal) => apiGet<StaffUserList>('/api/users', { signal }), 'users');
  const csvHref = `/api/audit.csv${auditQuery(filters, order.sort, order.dir)}`;
  const errors = fieldErrors(report.error, ['query']);

  return (
    <>
      <div className="page-heading">
        <h1>Audit report</h1>
        <a className="button button--secondary" href={csvHref} download>
          Export CSV
        </a>
      </div>
      <p className="muted">
        Every read, search, change, sign-in and export, newest first. Reading this report is itself recorded.
      </p>
      <AuditFiltersForm
        initial={filters}
        users={users.data?.items ?? []}
        fieldErrors={errors}
        onApply={(next) => {
          setFilters(next);
          setOffset(0);
          setExpanded(undefined);
        }}
      />
      <LoadState
        loading={report.loading && !report.data}
        error={Object.keys(errors).length ? undefined : report.error}
      />
      {report.data ? (
        <>
          <p className="muted" role="status">
            {report.data.total} event{report.data.total === 1 ? '' : 's'}
          </p>
          <div className="table-wrap" role="region" aria-label="Audit events" tabIndex={0}>
            <table className="table table--audit">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Details</span>
                  </th>
                  {columns.map((column) => {
                    const sorted = order.sort === column.key;
                    return (
                      <th
                        key={column.key}
                        scope="col"
                        aria-sort={sorted ? (order.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                      >
                        <button
                          type="button"
                          className="sort-button"
                          onClick={() => {
                            setOrder(nextSort(order, column.key));
                            setOffset(0);
                          }}
                        >
                          {column.label}
                          <span aria-hidden="true" className="sort-button__icon">
                            {sorted ? (order.dir === 'asc' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {report.data.items.map((row) => {
                  const open = expanded === row.seq;
                  return (
                    <Fragment key={row.seq}>
                      <tr>
                        <td>
                          <button
                            type="button"
                            className="button button--link button--small"
                            aria-expanded={open}
                            aria-controls={`audit-detail-${row.seq}`}
                            onClick={() => setExpanded(open ? undefined : row.seq)}
                          >
                            {open ? 'Hide' : 'Show'}
                            <span className="visually-hidden"> details of event {row.seq}</span>
                          </button>
                        </td>
                        <td className="nowrap">{formatDateTime(row.occurredAt)}</td>
                        <td>{row.userLabel ?? ''}</td>
                        <td>
                          {row.patientId ? (
                            <Link href={paths.patient(row.patientId)} className="mono" title={row.patientId}>
                              {row.patientId.slice(0, 8)}
                            </Link>
                          ) : null}
                        </td>
                        <td>{row.action}</td>
                        <td>{row.entity}</td>
                        <td>
                          <span
                            className={`badge badge--${row.outcome === 'success' ? 'active' : 'disabled'}`}
                          >
                            {row.outcome}
                          </span>
                        </td>
                        <td className="mono">{row.clientIp ?? ''}</td>
                      </tr>
                      {open ? (
                        <tr id={`audit-detail-${row.seq}`} className="audit-detail">
                          <td colSpan={columns.length + 1}>
                            <dl className="audit-detail__list">
                              <div>
                                <dt>Event</dt>
                                <dd>
                                  #{row.seq}, {row.occurredAt}
                                </dd>
                              </div>
                              <div>
                                <dt>Record id</dt>
                                <dd className="mono">{row.entityId ?? '—'}</dd>
                              </div>
                              <div>
                                <dt>Patient id</dt>
                                <dd className="mono">{row.patientId ?? '—'}</dd>
                              </div>
                            </dl>
                            <pre className="audit-detail__json">{JSON.stringify(row.detail, null, 2)}</pre>
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination
            total={report.data.total}
            offset={offset}
            pageSize={pageSize}
            onOffset={setOffset}
            label="Audit report pages"
          />
        </>
      ) : null}
    </>
  );
}
