import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { CountsSection } from './counts-section';
import { DiscrepanciesSection } from './discrepancies-section';
import { DutiesPanel } from './duties-panel';
import { InventorySection } from './inventory-section';
import { visibleTabs, type LedgerTab } from './ledger-tabs';
import { ReceiptsSection } from './receipts-section';
import { ReportsSection } from './reports-section';
import { SetupSection } from './setup-section';
import { StockSection } from './stock-section';
import './ledger.css';

const sections: Record<LedgerTab['id'], () => React.JSX.Element> = {
  stock: StockSection,
  receipts: ReceiptsSection,
  counts: CountsSection,
  inventories: InventorySection,
  discrepancies: DiscrepanciesSection,
  reports: ReportsSection,
  setup: SetupSection,
};

/** The controlled-substance ledger: stock, receipts, counts, discrepancies, reports and set-up. */
export function LedgerPage({ tab }: { tab: string | undefined }) {
  const can = useCan();
  const { tabs, active } = visibleTabs(can, tab);
  const Section = active ? sections[active.id] : undefined;
  return (
    <div className="ledger">
      <h1>Controlled substances</h1>
      {can('ledger.read') ? <DutiesPanel /> : null}
      <nav className="chart-tabs no-print" aria-label="Controlled-substance ledger">
        <ul>
          {tabs.map((t) => (
            <li key={t.id}>
              <Link href={paths.ledger(t.id)} aria-current={t === active ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {Section ? (
        <Section />
      ) : (
        <p className="alert alert--warning">This part of the ledger is not available to you.</p>
      )}
    </div>
  );
}
