import { useState } from 'react';
import { TableRegion } from '../assessments/table-region';
import { formatDate, formatDateTime, todayIso } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan, useSession } from '../session-context';
import { LoadState } from '../ui/load-state';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import {
  confirmReceipt,
  enterReceipt,
  fetchAwaitingReceipts,
  fetchLocations,
  fetchProducts,
  ledgerKeys,
  reportKeys,
  type ReceiptRequest,
  type ReceiptView,
} from './ledger-api';
import { rowError } from './ledger-model';
import { useLedgerAction } from './use-action';

type ContainerRow = ReceiptRequest['containers'][number];
const emptyRow = (productKey = ''): ContainerRow => ({
  productKey,
  lotNumber: '',
  expiryDate: '',
  labelNumber: '',
});

/**
 * Receipts entered and not yet confirmed. Anyone holding `ledger.record` other than the person who
 * entered a receipt may confirm it here; for that person the button stays disabled with the reason.
 */
function AwaitingReceipts() {
  const { me } = useSession();
  const can = useCan();
  const { data, error, isPending } = useApiQuery(reportKeys.awaitingReceipts, fetchAwaitingReceipts);
  const action = useLedgerAction<ReceiptView>();
  const [confirming, setConfirming] = useState('');
  const confirm = async (id: string) => {
    setConfirming(id);
    await action.run(() => confirmReceipt(id), 'Receipt confirmed: the containers are in the ledger.');
    setConfirming('');
  };
  return (
    <section aria-labelledby="ledger-awaiting-title" className="panel">
      <h3 id="ledger-awaiting-title">Awaiting confirmation</h3>
      <LoadState loading={isPending} error={error} />
      {data && data.items.length === 0 ? <p className="muted">No receipt is awaiting confirmation.</p> : null}
      {data && data.items.length > 0 ? (
        <TableRegion
          label="Receipts awaiting confirmation"
          caption="Receipts awaiting a second person's confirmation"
          captionHidden={false}
          columns={['Invoice', 'Supplier', 'Received on', 'Location', 'Containers', 'Entered by', 'Action']}
        >
          {data.items.map((r) => {
            const own = r.receivedBy === me.user.id;
            const reason = own
              ? 'You entered this receipt: someone else confirms it.'
              : !can('ledger.record')
                ? 'Confirming a receipt needs the permission to record stock.'
                : '';
            const reasonId = `ledger-awaiting-reason-${r.id}`;
            return (
              <tr key={r.id}>
                <td>
                  <Link href={paths.ledgerReceipt(r.id)}>{r.invoiceNumber}</Link>
                </td>
                <td>
                  {r.supplier.name} ({r.supplier.deaNumber})
                </td>
                <td>{formatDate(r.receivedOn)}</td>
                <td>{r.location}</td>
                <td style={{ textAlign: 'right' }}>{r.containers}</td>
                <td>
                  {r.receivedByName}, {formatDateTime(r.receivedAt)}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={reason !== '' || action.busy}
                    aria-describedby={reason ? reasonId : undefined}
                    onClick={() => void confirm(r.id)}
                  >
                    {confirming === r.id ? 'Confirming…' : 'Confirm'}
                  </button>
                  {reason ? (
                    <span id={reasonId} className="muted">
                      {' '}
                      {reason}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </TableRegion>
      ) : null}
      <ActionFeedback action={action} />
    </section>
  );
}

/** A new receipt: supplier, invoice, date and each container; a second person confirms it. */
export function ReceiptsSection() {
  const locations = useApiQuery(ledgerKeys.locations, fetchLocations);
  const products = useApiQuery(ledgerKeys.products, fetchProducts);
  const [locationId, setLocationId] = useState('');
  const [supplier, setSupplier] = useState({ name: '', address: '', deaNumber: '' });
  const [invoiceNumber, setInvoice] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [rows, setRows] = useState<ContainerRow[]>([emptyRow()]);
  const [entered, setEntered] = useState<ReceiptView>();
  const action = useLedgerAction<ReceiptView>();
  const e = action.errors;
  const productOptions = [
    { value: '', label: 'Choose a product' },
    ...(products.data?.items ?? []).map((p) => ({
      value: p.key,
      label: `${p.name}${p.ndc ? ` (NDC ${p.ndc})` : ''}`,
    })),
  ];
  const setRow = (i: number, key: keyof ContainerRow, value: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [key]: value } : r)));

  const submit = async () => {
    const receipt = await action.run(
      () => enterReceipt({ locationId, supplier, invoiceNumber, receivedOn, containers: rows }),
      (r) => `Receipt entered with ${r.containers.length} containers. Someone else confirms it.`,
    );
    if (receipt) {
      setEntered(receipt);
      setRows([emptyRow(rows[0]?.productKey)]);
      setInvoice('');
    }
  };

  return (
    <section aria-labelledby="ledger-receipts-title">
      <h2 id="ledger-receipts-title">Receipts</h2>
      <p className="muted">
        The containers enter the ledger when a second person confirms the receipt, from the list below or from
        the link shown once it is entered.
      </p>
      <AwaitingReceipts />
      {entered ? (
        <p className="alert alert--info">
          Awaiting confirmation: invoice {entered.invoiceNumber}, {entered.containers.length} containers.{' '}
          <Link href={paths.ledgerReceipt(entered.id)}>Link for the person confirming</Link>
        </p>
      ) : null}
      <form
        className="panel ledger-form"
        aria-labelledby="ledger-receipt-form-title"
        onSubmit={(ev) => {
          ev.preventDefault();
          void submit();
        }}
      >
        <h3 id="ledger-receipt-form-title">Record a receipt</h3>
        <div className="grid">
          <SelectField
            label="Storage location"
            value={locationId}
            onChange={setLocationId}
            options={[
              { value: '', label: 'Choose a location' },
              ...(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name })),
            ]}
            error={e.locationId}
            required
          />
          <TextField
            label="Invoice number"
            value={invoiceNumber}
            onChange={setInvoice}
            maxLength={60}
            error={e.invoiceNumber}
            required
          />
          <TextField
            label="Received on"
            type="date"
            value={receivedOn}
            onChange={setReceivedOn}
            error={e.receivedOn}
            required
          />
        </div>
        <fieldset>
          <legend>Supplier</legend>
          <div className="grid">
            <TextField
              label="Supplier name"
              value={supplier.name}
              onChange={(v) => setSupplier((s) => ({ ...s, name: v }))}
              error={e['supplier.name']}
              required
            />
            <TextField
              label="Supplier address"
              value={supplier.address}
              onChange={(v) => setSupplier((s) => ({ ...s, address: v }))}
              error={e['supplier.address']}
              required
            />
            <TextField
              label="Supplier DEA number"
              value={supplier.deaNumber}
              onChange={(v) => setSupplier((s) => ({ ...s, deaNumber: v }))}
              hint="2 letters and 7 digits"
              error={e['supplier.deaNumber']}
              required
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Containers</legend>
          {e.containers ? <p className="field__error">{e.containers}</p> : null}
          {rows.map((row, i) => (
            <fieldset key={i} className="ledger-row">
              <legend>Container {i + 1}</legend>
              <div className="grid">
                <SelectField
                  label="Product"
                  value={row.productKey}
                  onChange={(v) => setRow(i, 'productKey', v)}
                  options={productOptions}
                  error={rowError(e, 'containers', i, 'productKey')}
                  required
                />
                <TextField
                  label="Lot number"
                  value={row.lotNumber}
                  onChange={(v) => setRow(i, 'lotNumber', v)}
                  error={rowError(e, 'containers', i, 'lotNumber')}
                  required
                />
                <TextField
                  label="Expiry date"
                  type="date"
                  value={row.expiryDate}
                  onChange={(v) => setRow(i, 'expiryDate', v)}
                  error={rowError(e, 'containers', i, 'expiryDate')}
                  required
                />
                <TextField
                  label="Label number"
                  value={row.labelNumber}
                  onChange={(v) => setRow(i, 'labelNumber', v)}
                  error={rowError(e, 'containers', i, 'labelNumber')}
                  required
                />
              </div>
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                >
                  Remove container {i + 1}
                </button>
              ) : null}
            </fieldset>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setRows((rs) => {
                const last = rs.at(-1);
                return [
                  ...rs,
                  {
                    ...emptyRow(last?.productKey),
                    lotNumber: last?.lotNumber ?? '',
                    expiryDate: last?.expiryDate ?? '',
                  },
                ];
              })
            }
          >
            Add a container
          </button>
        </fieldset>
        <button type="submit" className="button" disabled={action.busy}>
          {action.busy ? 'Recording…' : 'Record the receipt'}
        </button>
        <ActionFeedback action={action} />
      </form>
    </section>
  );
}
