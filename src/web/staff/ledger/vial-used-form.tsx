import { useState } from 'react';
import { useApiQuery } from '../query/use-api-query';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import {
  administerFrom,
  fetchContainers,
  fetchSessionAdministrations,
  ledgerKeys,
  type MovementResult,
} from './ledger-api';
import { quantityText } from './ledger-model';
import { useLedgerAction } from './use-action';
import './ledger.css';

/**
 * What the ledger already holds for the session: the note is signed only once it holds the vial used (IV)
 * or every device given (esketamine), where the clinic keeps its ledger here.
 */
function SessionLedger({ sessionId, devices }: { sessionId: string; devices: boolean }) {
  const { data } = useApiQuery(ledgerKeys.sessionAdministrations(sessionId), (signal) =>
    fetchSessionAdministrations(sessionId, signal),
  );
  if (!data?.kept) return null;
  if (data.items.length === 0)
    return (
      <p className="alert alert--warning" role="status">
        Nothing is recorded in the ledger for this session yet: the note can be signed once the{' '}
        {devices ? 'devices given are' : 'vial used is'} recorded.
      </p>
    );
  return (
    <div role="status">
      <p>In the ledger for this session:</p>
      <ul>
        {data.items.map((a) => (
          <li key={a.eventId}>
            {a.labelNumber}: {a.product}, {quantityText(a.quantity)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Records in the controlled-substance ledger the vial a session's dose was drawn from, or each device
 * given (esketamine): the administration names the session and its dose, so the chart and the ledger
 * agree. A vial is opened first and drawn from in mg or mL; a device is given whole, sealed or not.
 */
export function VialUsedForm({
  sessionId,
  doseId,
  devices = false,
}: {
  sessionId: string;
  doseId: string;
  /** An esketamine session: the containers are nasal spray devices. */
  devices?: boolean;
}) {
  const { data } = useApiQuery(ledgerKeys.containers, fetchContainers);
  const open = (data?.items ?? []).filter(
    (c) =>
      c.balance.ug > 0 &&
      (devices
        ? c.balance.units !== null && (c.status === 'sealed' || c.status === 'open')
        : c.balance.units === null && c.status === 'open'),
  );
  const [containerId, setContainerId] = useState('');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState<'mg' | 'mL'>('mL');
  const chosen = open.find((c) => c.id === containerId);
  const title = devices ? 'Record a device given' : 'Record the vial used';
  const action = useLedgerAction<MovementResult>();
  const e = action.errors;
  return (
    <form
      className="ledger-form"
      aria-labelledby="vial-used-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        const amount = Number(devices ? chosen?.balance.mg : value);
        void action
          .run(
            () =>
              administerFrom(containerId, {
                sessionId,
                doseId,
                quantity: { value: Number.isFinite(amount) ? amount : 0, unit: devices ? 'mg' : unit },
              }),
            'Recorded in the controlled-substance ledger.',
          )
          .then((r) => r && setValue(''));
      }}
    >
      <h3 id="vial-used-title">{title}</h3>
      <SessionLedger sessionId={sessionId} devices={devices} />
      {data && open.length === 0 ? (
        <p className="muted">
          {devices
            ? 'No device in stock: receive some on the Controlled substances receipts page.'
            : 'No open vial: open one on the Controlled substances stock page first.'}
        </p>
      ) : null}
      <div className="grid">
        <SelectField
          label="Container"
          value={containerId}
          onChange={setContainerId}
          options={[
            { value: '', label: devices ? 'Choose a device' : 'Choose an open vial' },
            ...open.map((c) => ({
              value: c.id,
              label: `${c.labelNumber}: ${c.product}, ${quantityText(c.balance)} left`,
            })),
          ]}
          error={e.id}
          required
        />
        {devices ? (
          <p className="muted">
            {chosen ? `Given whole: ${chosen.balance.mg} mg.` : 'A device is given whole.'}
          </p>
        ) : (
          <>
            <TextField
              label="Quantity drawn"
              inputMode="decimal"
              value={value}
              onChange={setValue}
              error={e.quantity ?? e['quantity.value'] ?? e.doseId ?? e.sessionId}
              required
            />
            <SelectField
              label="Unit"
              value={unit}
              onChange={(v) => setUnit(v as 'mg' | 'mL')}
              options={[
                { value: 'mL', label: 'mL' },
                { value: 'mg', label: 'mg' },
              ]}
            />
          </>
        )}
      </div>
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        {title}
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}
