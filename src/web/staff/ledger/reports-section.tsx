import { useState } from 'react';
import type { AdministrationLogRow } from '../../../domain/ledger';
import { TableRegion } from '../assessments/table-region';
import { formatDateTime, todayIso } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import {
  fetchAdministrationLog,
  fetchPerpetualLog,
  fetchProducts,
  ledgerKeys,
  ledgerPaths,
} from './ledger-api';
import { eventTypeLabels, monthOf, quantityText } from './ledger-model';

const logColumns: [keyof AdministrationLogRow, string][] = [
  ['date', 'Date'],
  ['time', 'Time'],
  ['patientName', 'Patient'],
  ['patientAddress', 'Address'],
  ['product', 'Product'],
  ['ndc', 'NDC'],
  ['containerLabel', 'Container'],
  ['lotNumber', 'Lot'],
  ['quantityMg', 'mg'],
  ['quantityMl', 'mL'],
  ['administeredBy', 'By'],
  ['status', 'Status'],
];

function AdministrationLog() {
  const [range, setRange] = useState(() => monthOf(todayIso()));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to);
  const { data, error, isPending } = useApiQuery(
    ledgerKeys.administrationLog(range.from, range.to),
    (signal) => fetchAdministrationLog(range, signal),
    { enabled: valid },
  );
  return (
    <section aria-labelledby="ledger-adminlog-title" className="ledger-report">
      <h3 id="ledger-adminlog-title">Administration log</h3>
      <div className="grid no-print">
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
      </div>
      <p className="no-print button-row">
        <a className="button button--secondary" href={ledgerPaths.administrationLogCsv(range)} download>
          Download CSV
        </a>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <p className="ledger-print-only">
        Schedule III administration log, {range.from} to {range.to}
      </p>
      <LoadState loading={valid && isPending} error={error} />
      {data && data.rows.length === 0 ? <p className="muted">No administrations in this range.</p> : null}
      {data && data.rows.length > 0 ? (
        <TableRegion
          label="Administration log"
          caption="Administrations"
          columns={logColumns.map(([, label]) => label)}
        >
          {data.rows.map((row, i) => (
            <tr key={String(row.eventId ?? i)}>
              {logColumns.map(([key]) => (
                <td key={key}>{String(row[key] ?? '')}</td>
              ))}
            </tr>
          ))}
        </TableRegion>
      ) : null}
    </section>
  );
}

function PerpetualLog() {
  const products = useApiQuery(ledgerKeys.products, fetchProducts);
  const [productKey, setProductKey] = useState('');
  const { data, error, isPending } = useApiQuery(
    ledgerKeys.perpetualLog(productKey),
    (signal) => fetchPerpetualLog(productKey, signal),
    { enabled: productKey !== '' },
  );
  return (
    <section aria-labelledby="ledger-perpetual-title" className="ledger-report">
      <h3 id="ledger-perpetual-title">Perpetual log{data ? `: ${data.product}` : ''}</h3>
      <div className="no-print">
        <SelectField
          label="Product"
          value={productKey}
          onChange={setProductKey}
          options={[
            { value: '', label: 'Choose a product' },
            ...(products.data?.items ?? []).map((p) => ({ value: p.key, label: p.name })),
          ]}
        />
      </div>
      {productKey ? <LoadState loading={isPending} error={error} /> : null}
      {data && data.events.length === 0 ? <p className="muted">No events for this product yet.</p> : null}
      {data && data.events.length > 0 ? (
        <TableRegion
          label="Perpetual log"
          caption={`Every event of ${data.product}`}
          columns={['#', 'When', 'Event', 'Change', 'Balance after']}
        >
          {data.events.map((ev) => (
            <tr key={ev.id}>
              <td>{ev.seq}</td>
              <td>{formatDateTime(ev.eventAt)}</td>
              <td>
                {eventTypeLabels[ev.type] ?? ev.type}
                {ev.witnessId ? ' (witnessed)' : ''}
              </td>
              <td>{quantityText(ev.delta)}</td>
              <td>{ev.balanceAfter ? quantityText(ev.balanceAfter) : ''}</td>
            </tr>
          ))}
        </TableRegion>
      ) : null}
    </section>
  );
}

/** The registrant's reports: the administration log for a date range (CSV too) and a product's perpetual log. */
export function ReportsSection() {
  const can = useCan();
  return (
    <section aria-labelledby="ledger-reports-title">
      <h2 id="ledger-reports-title">Reports</h2>
      {can('ledger.reports') ? (
        <>
          <AdministrationLog />
          <PerpetualLog />
        </>
      ) : (
        <p className="muted">The reports name patients: they need the permission to read ledger reports.</p>
      )}
    </section>
  );
}
