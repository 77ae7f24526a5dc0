import { TableRegion } from '../assessments/table-region';
import { formatDate } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { LoadState } from '../ui/load-state';
import { fetchDiscrepancies, ledgerKeys } from './ledger-api';
import { smallLossPatterns } from './ledger-model';
import { useProductNames } from './use-product-names';

export const statusLabels = {
  open: 'Open',
  resolved: 'Resolved',
  significant: 'Reported as significant',
} as const;

/** Discrepancies from counts, newest first, with any pattern of small losses called out above them. */
export function DiscrepanciesSection() {
  const { data, error, isPending } = useApiQuery(ledgerKeys.discrepancies, fetchDiscrepancies);
  const patterns = smallLossPatterns(data?.patterns ?? []);
  const productName = useProductNames();
  return (
    <section aria-labelledby="ledger-discrepancies-title">
      <h2 id="ledger-discrepancies-title">Discrepancies</h2>
      <LoadState loading={isPending} error={error} />
      {patterns.map((p) => (
        <p key={p.productKey} className="alert alert--warning">
          <strong>Pattern of small losses:</strong> {p.discrepancyIds.length} discrepancies of{' '}
          {productName(p.productKey)} between {formatDate(p.from)} and {formatDate(p.to)}. A continuing
          pattern should be considered significant.
        </p>
      ))}
      {data && data.items.length === 0 ? <p className="muted">No discrepancies.</p> : null}
      {data && data.items.length > 0 ? (
        <TableRegion
          label="Discrepancies"
          caption="Discrepancies"
          columns={['Discovered', 'Product', 'Difference (expected − counted)', 'Status', '']}
        >
          {data.items.map((d) => (
            <tr key={d.id}>
              <td>{formatDate(d.discoveredOn)}</td>
              <td>{productName(d.productKey)}</td>
              <td>{d.difference.mg} mg</td>
              <td>{statusLabels[d.status]}</td>
              <td>
                <Link href={paths.ledgerDiscrepancy(d.id)}>
                  Open
                  <span className="visually-hidden">
                    {' '}
                    the discrepancy of {productName(d.productKey)} on {formatDate(d.discoveredOn)}
                  </span>
                </Link>
              </td>
            </tr>
          ))}
        </TableRegion>
      ) : null}
    </section>
  );
}
