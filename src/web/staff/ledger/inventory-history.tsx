import { TableRegion } from '../assessments/table-region';
import { formatDate, formatDateTime } from '../format';
import { DiscrepanciesOpened } from './discrepancies-opened';
import { inventoryStatusText, kindLabels, timeOfDayLabels } from './inventory-model';
import {
  inventoryPaths,
  type InventoryStatusView,
  type InventoryTakenView,
  type InventoryView,
} from './ledger-api';
import { quantityText } from './ledger-model';

const mg = (ug: number) => `${Number((ug / 1000).toFixed(3))} mg`;

/** Whether the initial inventory was taken and when the next is due; overdue in red, in words first. */
export function InventoryStatus({ status }: { status: InventoryStatusView }) {
  const { text, tone } = inventoryStatusText(status);
  const className =
    tone === 'danger'
      ? 'alert alert--critical'
      : tone === 'warning'
        ? 'alert alert--warning'
        : 'alert alert--info';
  return (
    <div className={className} role={tone === 'danger' ? 'alert' : undefined}>
      <p>
        <strong>{text}</strong>
      </p>
      <dl className="ledger-facts">
        <div>
          <dt>Initial inventory</dt>
          <dd>{status.initialTaken ? 'Taken' : 'Not taken'}</dd>
        </div>
        <div>
          <dt>Last inventory</dt>
          <dd>{status.lastTakenOn ? formatDate(status.lastTakenOn) : 'None'}</dd>
        </div>
        <div>
          <dt>Interval</dt>
          <dd>{status.intervalMonths} months</dd>
        </div>
      </dl>
    </div>
  );
}

/** Past inventories, newest first, each with its printable PDF and its CSV. */
export function InventoryHistory({ items }: { items: readonly InventoryView[] }) {
  if (items.length === 0) return <p>No inventory has been recorded yet.</p>;
  return (
    <TableRegion
      label="Past inventories"
      caption="Inventories taken, newest first"
      columns={['Date', 'Kind', 'Time of day', 'Locations', 'Products', 'Signed by', 'Record']}
    >
      {items.map((inv) => (
        <tr key={inv.id}>
          <th scope="row">{formatDate(inv.takenOn)}</th>
          <td>{kindLabels[inv.kind].split(' (')[0]}</td>
          <td>{timeOfDayLabels[inv.timeOfDay]}</td>
          <td>{inv.locations.map((l) => l.name).join(', ')}</td>
          <td>
            {inv.zeroStock
              ? 'None (zero)'
              : inv.products.map((p) => `${p.name}: ${quantityText(p.total)}`).join('; ')}
          </td>
          <td>
            {inv.signedBy.name}, {formatDateTime(inv.signedAt)}
          </td>
          <td>
            <a href={inventoryPaths.pdf(inv.id)} download>
              PDF<span className="visually-hidden"> of the inventory of {inv.takenOn}</span>
            </a>{' '}
            <a href={inventoryPaths.csv(inv.id)} download>
              CSV<span className="visually-hidden"> of the inventory of {inv.takenOn}</span>
            </a>
          </td>
        </tr>
      ))}
    </TableRegion>
  );
}

/** The inventory just signed: expected against counted per container, and any discrepancy opened. */
export function InventoryResult({ taken }: { taken: InventoryTakenView }) {
  return (
    <section aria-labelledby="ledger-inventory-result-title">
      <h3 id="ledger-inventory-result-title">Inventory compared with the ledger</h3>
      {taken.lines.length > 0 ? (
        <TableRegion
          label="Inventory result"
          caption="Expected and counted per container"
          columns={['Label', 'Expected', 'Counted', 'Difference (expected − counted)']}
        >
          {taken.lines.map((l) => (
            <tr key={l.containerId} className={l.differenceUg !== 0 ? 'ledger-row--differs' : undefined}>
              <th scope="row">{l.labelNumber}</th>
              <td>{mg(l.expectedUg)}</td>
              <td>
                {mg(l.countedUg)}
                {l.estimated ? ' (estimated)' : ''}
              </td>
              <td>{l.differenceUg === 0 ? 'None' : mg(l.differenceUg)}</td>
            </tr>
          ))}
        </TableRegion>
      ) : (
        <p className="alert alert--info">Recorded as zero: no controlled substances on hand.</p>
      )}
      <DiscrepanciesOpened
        discrepancies={taken.discrepancies}
        agrees={taken.lines.length > 0 ? 'The inventory agrees with the ledger.' : null}
      />
      <p className="button-row">
        <a className="button button--secondary" href={inventoryPaths.pdf(taken.id)} download>
          Download the PDF
        </a>{' '}
        <a className="button button--secondary" href={inventoryPaths.csv(taken.id)} download>
          Download the CSV
        </a>
      </p>
    </section>
  );
}
