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
function SessionLedger({
  sessionId,
  devices,
  chartedDevices,
}: {
  sessionId: string;
  devices: boolean;
  chartedDevices: number;
}) {
  const { data } = useApiQuery(ledgerKeys.sessionAdministrations(sessionId), (signal) =>
    fetchSessionAdministrations(sessionId, signal),
  );
  if (!data?.kept) return null;
  // Devices, not entries: one device recorded in two administrations is still one device.
  const recorded = devices ? new Set(data.items.map((a) => a.labelNumber)).size : data.items.length;
  // The same rule the server applies when the note is signed: every device charted is one in the
  // ledger; an infusion needs at least one vial.
  const short = devices ? recorded !== chartedDevices : recorded === 0;
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return (
    <div role="status">
      {short ? (
        <p className="alert alert--warning">
          {devices
            ? `${plural(chartedDevices, 'device')} charted, ${recorded} recorded in the ledger: the note can be signed once they agree.`
            : 'Nothing is recorded in the ledger for this session yet: the note can be signed once the vial used is recorded.'}
        </p>
      ) : null}
      {recorded > 0 ? (
        <>
          <p>In the ledger for this session:</p>
          <ul>
            {data.items.map((a) => (
              <li key={a.eventId}>
                {a.labelNumber}: {a.product}, {quantityText(a.quantity)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
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
  chartedDevices = 0,
}: {
  sessionId: string;
  doseId: string;
  /** An esketamine session: the containers are nasal spray devices. */
  devices?: boolean;
  /** Esketamine: how many devices the chart says were taken, to compare with the ledger. */
  chartedDevices?: number;
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
      <SessionLedger sessionId={sessionId} devices={devices} chartedDevices={chartedDevices} />
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
