import { DUTY_TITLES } from '../../../domain/ledger';
import { formatDate } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { fetchLedgerDuties, ledgerDutiesKey } from './ledger-api';
import type { LedgerDutiesView } from '../../../contracts/ledger';

type Duty = LedgerDutiesView['items'][number];

/** Where each duty is acted on. */
function hrefOf(d: Duty): string {
  if ((d.kind === 'written_notice' || d.kind === 'form_106') && d.subjectId)
    return paths.ledgerDiscrepancy(d.subjectId);
  if (d.kind === 'count') return paths.ledger('counts');
  if (d.kind === 'loss_pattern') return paths.ledger('discrepancies');
  if (d.kind === 'inventory') return paths.ledger('inventories');
  // The administration log shows which administrations lack the patient's address.
  if (d.kind === 'patient_address') return paths.ledger('reports');
  return paths.ledger('setup');
}

/**
 * What the ledger asks of the clinic today — counts on days stock moved, inventories, registrations, loss
 * reports — overdue first. Nothing is shown when nothing is due.
 */
export function DutiesPanel() {
  const { data } = useApiQuery(ledgerDutiesKey, fetchLedgerDuties);
  if (!data || data.items.length === 0) return null;
  const overdue = data.items.some((d) => d.state === 'overdue');
  return (
    <section
      aria-labelledby="ledger-duties-title"
      className={`alert ${overdue ? 'alert--critical' : 'alert--warning'} ledger-duties no-print`}
    >
      <h2 id="ledger-duties-title">To do</h2>
      <ul>
        {data.items.map((d) => (
          <li key={`${d.kind}-${d.subjectId ?? ''}-${d.dueOn}`}>
            <strong>{d.state === 'overdue' ? 'Overdue' : 'Due'}</strong> {formatDate(d.dueOn)} ·{' '}
            <Link href={hrefOf(d)}>
              {DUTY_TITLES[d.kind]}: {d.subject}
            </Link>{' '}
            — {d.message}
          </li>
        ))}
      </ul>
      <p className="muted">
        Counts are due on each day stock is handled (
        {data.countCadence === 'shift' ? 'two a day, one per shift' : 'one a day'}).
      </p>
    </section>
  );
}
