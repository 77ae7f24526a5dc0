import { useState } from 'react';
import type { AuditReport } from '../../../contracts/audit';
import type { StaffUserList } from '../../../contracts/users';
import { apiGet, fieldErrors } from '../api-client';
import { LoadState } from '../ui/load-state';
import { Pagination } from '../ui/pagination';
import { useLoad } from '../ui/use-load';
import type { AuditOrder } from './audit-columns';
import { AuditEventsTable } from './audit-events-table';
import { AuditFiltersForm } from './audit-filters-form';
import { auditQuery, emptyAuditFilters, nextSort, type AuditFilters } from './audit-query';
import { BulkAccessNotice } from './bulk-access-notice';
import { filtersForFlaggedHour } from './bulk-access';

const pageSize = 50;

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  const [order, setOrder] = useState<AuditOrder>({ sort: 'time', dir: 'desc' });
  const [offset, setOffset] = useState(0);
  const [expanded, setExpanded] = useState<number>();
  const url = `/api/audit${auditQuery(filters, order.sort, order.dir, { limit: pageSize, offset })}`;
  const report = useLoad((signal) => apiGet<AuditReport>(url, { signal }), url);
  const users = useLoad((signal) => apiGet<StaffUserList>('/api/users', { signal }), 'users');
  const csvHref = `/api/audit.csv${auditQuery(filters, order.sort, order.dir)}`;
  const errors = fieldErrors(report.error, ['query']);
  const apply = (next: AuditFilters) => {
    setFilters(next);
    setOffset(0);
    setExpanded(undefined);
  };

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
      {report.data ? (
        <BulkAccessNotice
          notice={report.data.bulkAccess}
          onShow={(flagged) => apply(filtersForFlaggedHour(flagged, filters))}
        />
      ) : null}
      <AuditFiltersForm
        // A new set of filters (from the notice) starts the form afresh.
        key={JSON.stringify(filters)}
        initial={filters}
        users={users.data?.items ?? []}
        fieldErrors={errors}
        onApply={apply}
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
          <AuditEventsTable
            rows={report.data.items}
            order={order}
            onSort={(key) => {
              setOrder(nextSort(order, key));
              setOffset(0);
            }}
            expanded={expanded}
            onExpand={setExpanded}
          />
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
