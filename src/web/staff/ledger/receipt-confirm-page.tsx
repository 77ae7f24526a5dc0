import { useState } from 'react';
import { TableRegion } from '../assessments/table-region';
import { formatDate } from '../format';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { ActionFeedback } from './action-feedback';
import { confirmReceipt, type ReceiptView } from './ledger-api';
import { useLedgerAction } from './use-action';
import { useProductNames } from './use-product-names';
import './ledger.css';

/**
 * The second person's confirmation of a receipt, opened from the link its recorder passes on; the
 * server refuses the person who entered it.
 */
export function LedgerReceiptPage({ id }: { id: string }) {
  const can = useCan();
  const action = useLedgerAction<ReceiptView>();
  const [receipt, setReceipt] = useState<ReceiptView>();
  const productName = useProductNames();
  return (
    <div className="ledger">
      <p className="breadcrumb">
        <Link href={paths.ledger('receipts')}>← Receipts</Link>
      </p>
      <h1>Confirm a receipt</h1>
      {receipt ? (
        <>
          <p>
            Invoice {receipt.invoiceNumber} from {receipt.supplier.name} ({receipt.supplier.deaNumber}),
            received on {formatDate(receipt.receivedOn)}.
          </p>
          <TableRegion
            label="Containers received"
            caption="Containers received"
            columns={['Label', 'Product', 'Lot', 'Expiry']}
          >
            {receipt.containers.map((c) => (
              <tr key={c.labelNumber}>
                <td>{c.labelNumber}</td>
                <td>{productName(c.productKey)}</td>
                <td>{c.lotNumber}</td>
                <td>{formatDate(c.expiryDate)}</td>
              </tr>
            ))}
          </TableRegion>
          <p>
            <Link href={paths.ledger()}>Go to the stock</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            Check the containers against the packing slip and the invoice before confirming: confirming puts
            them in the ledger.
          </p>
          {can('ledger.record') ? (
            <button
              type="button"
              className="button"
              disabled={action.busy}
              onClick={() =>
                void action
                  .run(() => confirmReceipt(id), 'Receipt confirmed: the containers are in the ledger.')
                  .then((r) => r && setReceipt(r))
              }
            >
              Confirm the receipt
            </button>
          ) : (
            <p className="muted">Confirming a receipt needs the permission to record stock.</p>
          )}
        </>
      )}
      <ActionFeedback action={action} />
    </div>
  );
}
