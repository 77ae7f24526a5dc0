import { useState } from 'react';
import {
  administrationReportTable,
  disposalReportTable,
  receiptReportTable,
  type AdministrationLogRow,
  type ReportTable,
} from '../../../domain/ledger';
import { TableRegion } from '../assessments/table-region';
import { formatDateTime, todayIso } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { Pagination } from '../ui/pagination';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import {
  fetchAdministrationLog,
  fetchDisposalsReport,
  fetchPerpetualLog,
  fetchProducts,
  fetchReceiptsReport,
  fetchRegistrations,
  ledgerKeys,
  reportKeys,
  reportPaths,
  type ReportKind,
  type ReportRange,
} from './ledger-api';
import { eventTypeLabels, monthOf, quantityText } from './ledger-model';

const kindLabels: Record<ReportKind, string> = {
  administrations: 'Administration log',
  receipts: 'Receipts',
  disposals: 'Disposals (waste, returns, expired and quarantined stock)',
  perpetual: 'Perpetual log of a product',
};

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** ", DEA AB1234563" when a report is for one registered location. */
const underText = (range: ReportRange) => (range.deaNumber ? `, DEA ${range.deaNumber}` : '');

/**
 * The clinic's DEA numbers with their site (a renewal is another record of the same number), for
 * choosing one registered location's records; records are kept separately for each.
 */
function useRegisteredLocations() {
  const { data } = useApiQuery(ledgerKeys.registrations, fetchRegistrations);
  const bySite = new Map<string, string>();
  for (const r of data?.items ?? []) if (!bySite.has(r.deaNumber)) bySite.set(r.deaNumber, r.siteName);
  return [...bySite].map(([deaNumber, siteName]) => ({ deaNumber, siteName }));
}

/** Quantities line up on the right; a heading's text sits in a span, shown as a block to align it. */
const rightAligned = { textAlign: 'right' } as const;
const headingRight = { display: 'block', textAlign: 'right' } as const;

/** A report's table on screen: a visible caption, the same columns as the CSV and the PDF. */
function ReportTableView({ label, caption, table }: { label: string; caption: string; table: ReportTable }) {
  if (table.rows.length === 0) return <p className="muted">Nothing recorded in this range.</p>;
  return (
    <TableRegion
      label={label}
      caption={caption}
      captionHidden={false}
      columns={table.columns.map((c) => (c.numeric ? <span style={headingRight}>{c.label}</span> : c.label))}
    >
      {table.rows.map((row, i) => (
        <tr key={i}>
          {row.map((cell, j) => (
            <td key={j} style={table.columns[j]?.numeric ? rightAligned : undefined}>
              {table.columns[j]?.key === 'session_id' && cell ? (
                <Link href={paths.session(cell)}>Session {cell.slice(0, 8)}</Link>
              ) : (
                cell
              )}
            </td>
          ))}
        </tr>
      ))}
    </TableRegion>
  );
}

/** Rows on screen at a time: a busy month holds over a thousand administrations (CSV and PDF hold all). */
const REPORT_PAGE = 200;

/** A page offset that starts again at the first page whenever `key` changes. */
function usePageOffset(key: string): [number, (offset: number) => void] {
  const [offset, setOffset] = useState(0);
  const [lastKey, setLastKey] = useState(key);
  if (lastKey !== key) {
    setLastKey(key);
    setOffset(0);
  }
  return [lastKey === key ? offset : 0, setOffset];
}

function RangeReport({ kind, range }: { kind: Exclude<ReportKind, 'perpetual'>; range: ReportRange }) {
  const valid = isDate(range.from) && isDate(range.to);
  const [offset, setOffset] = usePageOffset(`${range.from}|${range.to}|${range.deaNumber ?? ''}`);
  const page = { ...range, offset, limit: REPORT_PAGE };
  const administrations = useApiQuery(
    ledgerKeys.administrationLog(page),
    (signal) => fetchAdministrationLog(page, signal),
    { enabled: valid && kind === 'administrations' },
  );
  const receipts = useApiQuery(reportKeys.receipts(range), (signal) => fetchReceiptsReport(range, signal), {
    enabled: valid && kind === 'receipts',
  });
  const disposals = useApiQuery(
    reportKeys.disposals(range),
    (signal) => fetchDisposalsReport(range, signal),
    {
      enabled: valid && kind === 'disposals',
    },
  );
  const query = { administrations, receipts, disposals }[kind];
  const table =
    kind === 'administrations'
      ? administrations.data &&
        administrationReportTable(administrations.data.rows as unknown as AdministrationLogRow[])
      : kind === 'receipts'
        ? receipts.data && receiptReportTable(receipts.data.receipts)
        : disposals.data && disposalReportTable(disposals.data.rows);
  return (
    <>
      <LoadState loading={valid && query.isPending} error={query.error} />
      {table ? (
        <ReportTableView
          label={kindLabels[kind]}
          caption={`Schedule III ${kindLabels[kind].toLowerCase()}, ${range.from} to ${range.to}${underText(range)}`}
          table={table}
        />
      ) : null}
      {kind === 'administrations' && administrations.data ? (
        <Pagination
          total={administrations.data.total}
          offset={offset}
          pageSize={REPORT_PAGE}
          onOffset={setOffset}
          label="Pages of the administration log"
        />
      ) : null}
    </>
  );
}

function PerpetualLog({ productKey, range }: { productKey: string; range: ReportRange }) {
  const valid = isDate(range.from) && isDate(range.to);
  const [offset, setOffset] = usePageOffset(
    `${productKey}|${range.from}|${range.to}|${range.deaNumber ?? ''}`,
  );
  const page = { ...range, offset, limit: REPORT_PAGE };
  const { data, error, isPending } = useApiQuery(
    ledgerKeys.perpetualLog(productKey, page),
    (signal) => fetchPerpetualLog(productKey, page, signal),
    { enabled: productKey !== '' && valid },
  );
  if (productKey === '') return <p className="muted">Choose a product.</p>;
  return (
    <>
      <LoadState loading={isPending} error={error} />
      {data && data.events.length === 0 ? (
        <p className="muted">No events of this product in the range.</p>
      ) : null}
      {data && data.events.length > 0 ? (
        <TableRegion
          label="Perpetual log"
          caption={`Events ${data.offset + 1}–${data.offset + data.events.length} of ${data.total} of ${data.product} from ${range.from} to ${range.to}${underText(range)}, with the balance after each`}
          captionHidden={false}
          columns={[
            '#',
            'When',
            'Event',
            <span key="change" style={headingRight}>
              Change
            </span>,
            <span key="balance" style={headingRight}>
              Balance after
            </span>,
          ]}
        >
          {data.events.map((ev) => (
            <tr key={ev.id}>
              <td>{ev.seq}</td>
              <td>{formatDateTime(ev.eventAt)}</td>
              <td>
                {eventTypeLabels[ev.type] ?? ev.type}
                {ev.witnessId ? ' (witnessed)' : ''}
              </td>
              <td style={rightAligned}>{quantityText(ev.delta)}</td>
              <td style={rightAligned}>{ev.balanceAfter ? quantityText(ev.balanceAfter) : ''}</td>
            </tr>
          ))}
        </TableRegion>
      ) : null}
      {data ? (
        <Pagination
          total={data.total}
          offset={offset}
          pageSize={REPORT_PAGE}
          onOffset={setOffset}
          label="Pages of the perpetual log"
        />
      ) : null}
    </>
  );
}

/**
 * The registrant's reports in one place: choose the report and the date range, read it on screen, and
 * download it as CSV or PDF (Schedule III records only) or print it.
 */
function Reports() {
  const products = useApiQuery(ledgerKeys.products, fetchProducts);
  const [kind, setKind] = useState<ReportKind>('administrations');
  const [range, setRange] = useState<ReportRange>(() => monthOf(todayIso()));
  const [productKey, setProductKey] = useState('');
  const registered = useRegisteredLocations();
  const valid = isDate(range.from) && isDate(range.to);
  const canDownload = valid && (kind !== 'perpetual' || productKey !== '');
  return (
    // A plain block, not a region: the report's table is the region, named after the report.
    <div className="ledger-report">
      <h3 id="ledger-report-title">{kindLabels[kind]}</h3>
      <div className="grid no-print">
        <SelectField
          label="Report"
          value={kind}
          onChange={(value) => setKind(value as ReportKind)}
          options={(Object.keys(kindLabels) as ReportKind[]).map((k) => ({ value: k, label: kindLabels[k] }))}
        />
        <TextField
          label="From"
          type="date"
          value={range.from}
          onChange={(from) => setRange((r) => ({ ...r, from }))}
        />
        <TextField
          label="To"
          type="date"
          value={range.to}
          onChange={(to) => setRange((r) => ({ ...r, to }))}
        />
        {registered.length > 1 ? (
          <SelectField
            label="Registered location"
            value={range.deaNumber ?? ''}
            onChange={(deaNumber) => setRange((r) => ({ ...r, deaNumber }))}
            options={[
              { value: '', label: 'Every registration' },
              ...registered.map((r) => ({ value: r.deaNumber, label: `DEA ${r.deaNumber}, ${r.siteName}` })),
            ]}
          />
        ) : null}
        {kind === 'perpetual' ? (
          <SelectField
            label="Product"
            value={productKey}
            onChange={setProductKey}
            options={[
              { value: '', label: 'Choose a product' },
              ...(products.data?.items ?? []).map((p) => ({ value: p.key, label: p.name })),
            ]}
          />
        ) : null}
      </div>
      {kind === 'perpetual' ? (
        <p className="muted no-print">
          The events in the date range; each balance is the product's stock after that event
          {range.deaNumber ? ` under DEA ${range.deaNumber}` : ' at every registered location'}.
        </p>
      ) : null}
      <p className="no-print button-row">
        {canDownload ? (
          <a className="button button--secondary" href={reportPaths.csv(kind, range, productKey)} download>
            Download CSV
          </a>
        ) : null}
        {canDownload ? (
          <a className="button button--secondary" href={reportPaths.pdf(kind, range, productKey)} download>
            Download PDF
          </a>
        ) : null}
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <p className="ledger-print-only">
        Schedule III controlled substances: {kindLabels[kind]}, {range.from} to {range.to}
        {underText(range)}
      </p>
      {kind === 'perpetual' ? (
        <PerpetualLog productKey={productKey} range={range} />
      ) : (
        <RangeReport kind={kind} range={range} />
      )}
    </div>
  );
}

/** The Reports tab: the reports name patients, so they need the permission to read ledger reports. */
export function ReportsSection() {
  const can = useCan();
  return (
    <section aria-labelledby="ledger-reports-title">
      <h2 id="ledger-reports-title">Reports</h2>
      {can('ledger.reports') ? (
        <Reports />
      ) : (
        <p className="muted">The reports name patients: they need the permission to read ledger reports.</p>
      )}
    </section>
  );
}
