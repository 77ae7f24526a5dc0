import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import type { DiscrepancyView } from './ledger-api';
import { useProductNames } from './use-product-names';

/** After a count or an inventory: the discrepancies it opened, each a link, or that it agrees. */
export function DiscrepanciesOpened({
  discrepancies,
  agrees,
}: {
  discrepancies: readonly DiscrepancyView[];
  /** What to say when nothing differs; null to say nothing. */
  agrees: string | null;
}) {
  const productName = useProductNames();
  if (discrepancies.length === 0) return agrees ? <p className="alert alert--info">{agrees}</p> : null;
  return (
    <div className="alert alert--warning">
      <p>
        <strong>
          {discrepancies.length} {discrepancies.length === 1 ? 'discrepancy' : 'discrepancies'} opened.
        </strong>
      </p>
      <ul>
        {discrepancies.map((d) => (
          <li key={d.id}>
            <Link href={paths.ledgerDiscrepancy(d.id)}>
              {productName(d.productKey)}: {d.difference.mg} mg
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
