import { useState } from 'react';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { MG_PER_DEVICE } from './device-model';
import { EntryStatus } from './entry-status';
import type { SessionView } from './session-api';
import { CheckField, SessionSection, TextAreaField, type SectionProps } from './session-fields';
import { actionLabel, actionLabels } from './session-text';
import { useEntryForm, type EntryForm } from './use-entry-form';

type RateUnit = 'mL/h' | 'mg/h';
const unitOptions = [
  { value: 'mL/h', label: 'mL/h' },
  { value: 'mg/h', label: 'mg/h' },
];

/** A rate typed in the form, or undefined when left blank (the server then keeps the dose's pump rate). */
function rateOf(value: string, unit: RateUnit) {
  const n = Number(value.trim().replace(',', '.'));
  return value.trim() === '' || Number.isNaN(n) ? undefined : { value: n, unit };
}

function RateFields({
  value,
  unit,
  onValue,
  onUnit,
  label,
  error,
}: {
  value: string;
  unit: RateUnit;
  onValue: (v: string) => void;
  onUnit: (u: RateUnit) => void;
  label: string;
  error: string | undefined;
}) {
  return (
    <div className="session-rate">
      <TextField label={label} inputMode="decimal" value={value} onChange={onValue} error={error} />
      <SelectField
        label="Unit"
        value={unit}
        onChange={(u) => onUnit(u === 'mg/h' ? 'mg/h' : 'mL/h')}
        options={unitOptions}
      />
    </div>
  );
}

function DoseFacts({ dose }: { dose: SessionView['dose'] }) {
  if (!dose) return <p className="muted">No verified dose is ready for this patient.</p>;
  return (
    <p>
      Verified dose: <strong>{dose.totalMg} mg</strong>
      {dose.concentrationMgPerMl !== null ? ` · ${dose.concentrationMgPerMl} mg/mL` : ''}
      {dose.pumpRateMlPerHour !== null ? ` · pump rate ${dose.pumpRateMlPerHour} mL/h` : ''}
      {dose.devices !== null ? ` · ${dose.devices} devices of ${MG_PER_DEVICE} mg` : ''}
    </p>
  );
}

function StartForm({ view, form }: { view: SessionView; form: EntryForm }) {
  const [rate, setRate] = useState(view.dose?.pumpRateMlPerHour?.toString() ?? '');
  const [unit, setUnit] = useState<RateUnit>('mL/h');
  return (
    <form
      aria-label="Start the infusion"
      className="session-action-form"
      onSubmit={(event) => {
        event.preventDefault();
        const r = rateOf(rate, unit);
        void form.submit({
          type: 'action',
          action: 'start',
          ...(view.dose ? { doseId: view.dose.id } : {}),
          ...(r ? { rate: r } : {}),
        });
      }}
    >
      <DoseFacts dose={view.dose} />
      <RateFields
        label="Pump rate"
        value={rate}
        unit={unit}
        onValue={setRate}
        onUnit={setUnit}
        error={form.errors['rate.value']}
      />
      <button type="submit" className="button session-big" disabled={form.busy}>
        {actionLabels.start}
      </button>
    </form>
  );
}

/** Esketamine: the start is the first device the patient takes, with its lot; there is no pump. */
function FirstDeviceForm({ view, form }: { view: SessionView; form: EntryForm }) {
  const [lot, setLot] = useState('');
  return (
    <form
      aria-label="First device"
      className="session-action-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({
          type: 'action',
          action: 'start',
          ...(view.dose ? { doseId: view.dose.id } : {}),
          lot,
        });
      }}
    >
      <DoseFacts dose={view.dose} />
      <TextField
        label="Lot of the first device"
        value={lot}
        onChange={setLot}
        required
        maxLength={30}
        autoComplete="off"
        hint="As printed on the device."
        error={form.errors.lot}
      />
      <button type="submit" className="button session-big" disabled={form.busy}>
        {actionLabel('esketamine', 'start')}
      </button>
    </form>
  );
}

function RateForm({ form }: { form: EntryForm }) {
  const [rate, setRate] = useState('');
  const [unit, setUnit] = useState<RateUnit>('mL/h');
  return (
    <form
      aria-label="Change the rate"
      className="session-action-form"
      onSubmit={(event) => {
        event.preventDefault();
        const r = rateOf(rate, unit);
        if (r)
          void form
            .submit({ type: 'action', action: 'change_rate', rate: r })
            .then((ok) => ok && setRate(''));
      }}
    >
      <RateFields
        label="New rate"
        value={rate}
        unit={unit}
        onValue={setRate}
        onUnit={setUnit}
        error={form.errors['rate.value']}
      />
      <button type="submit" className="button button--secondary" disabled={form.busy}>
        {actionLabels.change_rate}
      </button>
    </form>
  );
}

function DischargeForm({ form }: { form: EntryForm }) {
  const [escortPresent, setEscort] = useState(false);
  const [instructionsGiven, setInstructions] = useState(false);
  return (
    <form
      aria-label="Discharge"
      className="session-action-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ type: 'action', action: 'discharge', escortPresent, instructionsGiven });
      }}
    >
      <CheckField
        label="Escort present"
        checked={escortPresent}
        onChange={setEscort}
        error={form.errors.escortPresent}
      />
      <CheckField
        label="Written instructions given"
        checked={instructionsGiven}
        onChange={setInstructions}
        error={form.errors.instructionsGiven}
      />
      <button type="submit" className="button session-big" disabled={form.busy}>
        {actionLabels.discharge}
      </button>
    </form>
  );
}

/** Ending a session other than by discharge: a physician's decision with a reason. */
function EndForm({ action, form }: { action: 'end_early' | 'transfer_out'; form: EntryForm }) {
  const [reason, setReason] = useState('');
  return (
    <form
      aria-label={actionLabels[action]}
      className="session-action-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ type: 'action', action, reason });
      }}
    >
      <TextAreaField
        label={`Reason (${actionLabels[action]?.toLowerCase()})`}
        value={reason}
        onChange={setReason}
        required
        error={form.errors.reason}
      />
      <button type="submit" className="button button--danger" disabled={form.busy}>
        {actionLabels[action]}
      </button>
    </form>
  );
}

const SIMPLE = ['complete_checklist', 'pause', 'resume', 'stop'] as const;
const PHYSICIAN_ONLY = new Set(['end_early', 'transfer_out']);

/** The actions the server lists for this person now; a refused one shows the server's reason. */
export function ActionsSection({ view, entries, physician, canChart }: SectionProps) {
  const form = useEntryForm(entries);
  const can = (a: string) => canChart && view.actions.includes(a) && (!PHYSICIAN_ONLY.has(a) || physician);
  const simple = SIMPLE.filter(can);
  return (
    <SessionSection id="session-actions" title="Actions">
      {simple.length ? (
        <div className="button-row">
          {simple.map((a) => (
            <button
              key={a}
              type="button"
              className={`button session-big${a === 'stop' ? ' button--danger' : ''}`}
              disabled={form.busy}
              onClick={() => void form.submit({ type: 'action', action: a })}
            >
              {actionLabel(view.kind, a)}
            </button>
          ))}
        </div>
      ) : null}
      {can('start') && view.kind === 'esketamine' ? <FirstDeviceForm view={view} form={form} /> : null}
      {can('start') && view.kind !== 'esketamine' ? <StartForm view={view} form={form} /> : null}
      {can('change_rate') ? <RateForm form={form} /> : null}
      {can('discharge') ? <DischargeForm form={form} /> : null}
      {can('end_early') ? <EndForm action="end_early" form={form} /> : null}
      {can('transfer_out') ? <EndForm action="transfer_out" form={form} /> : null}
      {!simple.length && !['start', 'change_rate', 'discharge', 'end_early', 'transfer_out'].some(can) ? (
        <p className="muted">No actions for you at this stage.</p>
      ) : null}
      <EntryStatus form={form} />
    </SessionSection>
  );
}
