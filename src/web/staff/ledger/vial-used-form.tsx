import { useState } from 'react';
import { useApiQuery } from '../query/use-api-query';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import { administerFrom, fetchContainers, ledgerKeys, type MovementResult } from './ledger-api';
import { quantityText } from './ledger-model';
import { useLedgerAction } from './use-action';
import './ledger.css';

/**
 * Records in the controlled-substance ledger the vial a session's dose was drawn from: the
 * administration names the session and its dose, so the chart and the ledger agree.
 */
export function VialUsedForm({ sessionId, doseId }: { sessionId: string; doseId: string }) {
  const { data } = useApiQuery(ledgerKeys.containers, fetchContainers);
  const open = (data?.items ?? []).filter((c) => c.status === 'open' && c.balance.ug > 0);
  const [containerId, setContainerId] = useState('');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState<'mg' | 'mL'>('mL');
  const action = useLedgerAction<MovementResult>();
  const e = action.errors;
  return (
    <form
      className="ledger-form"
      aria-labelledby="vial-used-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        const amount = Number(value);
        void action
          .run(
            () =>
              administerFrom(containerId, {
                sessionId,
                doseId,
                quantity: { value: Number.isFinite(amount) ? amount : 0, unit },
              }),
            'Recorded in the controlled-substance ledger.',
          )
          .then((r) => r && setValue(''));
      }}
    >
      <h3 id="vial-used-title">Record the vial used</h3>
      {data && open.length === 0 ? (
        <p className="muted">No open container: open one on the Controlled substances stock page first.</p>
      ) : null}
      <div className="grid">
        <SelectField
          label="Container"
          value={containerId}
          onChange={setContainerId}
          options={[
            { value: '', label: 'Choose an open container' },
            ...open.map((c) => ({
              value: c.id,
              label: `${c.labelNumber}: ${c.product}, ${quantityText(c.balance)} left`,
            })),
          ]}
          error={e.id}
          required
        />
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
      </div>
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        Record the vial used
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}
