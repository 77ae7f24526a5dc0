import { useState } from 'react';
import { VialUsedForm } from '../ledger/vial-used-form';
import { useCan } from '../session-context';
import { EntryStatus } from './entry-status';
import { SessionSection, TextAreaField, type SectionProps } from './session-fields';
import { criterionLabel } from './session-text';
import { useEntryForm } from './use-entry-form';

const round = (n: number) => Math.round(n * 100) / 100;

function ExplainForm({ entries }: Pick<SectionProps, 'entries'>) {
  const form = useEntryForm(entries);
  const [text, setText] = useState('');
  return (
    <form
      aria-label="Explain the difference"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ type: 'dose_explanation', text });
      }}
    >
      <TextAreaField
        label="Why the amount given differs from the order"
        value={text}
        onChange={setText}
        required
        error={form.errors.text}
      />
      <button type="submit" className="button" disabled={form.busy}>
        Save explanation
      </button>
      <EntryStatus form={form} />
    </form>
  );
}

/** The amount actually given, how it was worked out, and its comparison with the order. */
export function DoseSection({ view, entries, canChart }: SectionProps) {
  const can = useCan();
  const amount = view.amount;
  const c = amount?.comparison ?? null;
  return (
    <SessionSection id="session-dose" title="Dose given">
      {!amount ? (
        <p className="muted">Nothing given yet.</p>
      ) : (
        <>
          <p>
            Given: <strong>{round(amount.givenMg)} mg</strong>
            {amount.givenMl !== null ? ` (${round(amount.givenMl)} mL)` : ''} over{' '}
            {round(amount.runningMinutes)} min running.
          </p>
          {c ? (
            <p className={c.flagged ? 'alert alert--warning' : undefined}>
              Ordered {round(c.orderedMg)} mg; difference {round(c.differenceMg)} mg (
              {round(c.differencePercent)}%, tolerance {c.tolerancePercent}%)
              {c.flagged ? ' — outside the tolerance: explain it.' : '.'}
            </p>
          ) : null}
          <ol className="session-explanation" aria-label="How the amount was worked out">
            {amount.explanation.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
          {amount.differenceExplanation ? <p>Explanation: {amount.differenceExplanation}</p> : null}
          {c?.flagged && !amount.differenceExplanation && canChart ? <ExplainForm entries={entries} /> : null}
        </>
      )}
      {view.dose && can('ledger.record') ? (
        <VialUsedForm
          sessionId={view.id}
          doseId={view.dose.id}
          devices={view.kind === 'esketamine'}
          chartedDevices={view.devices.length}
        />
      ) : null}
    </SessionSection>
  );
}

/** What still stands between the patient and the door. */
export function DischargeGateSection({ view }: Pick<SectionProps, 'view'>) {
  const d = view.discharge;
  return (
    <SessionSection id="session-discharge" title="Discharge criteria">
      <p>
        Observation:{' '}
        {d.observationMinutes === null ? 'not started' : `${Math.floor(d.observationMinutes)} min`} of{' '}
        {d.requiredMinutes} min required.
      </p>
      {d.met ? (
        <p className="alert alert--info">All discharge criteria are met.</p>
      ) : (
        <ul aria-label="Unmet discharge criteria">
          {d.unmet.map((u) => (
            <li key={u.criterion}>
              <strong>Not met:</strong> {criterionLabel(u.criterion)} — {u.reason}
            </li>
          ))}
        </ul>
      )}
    </SessionSection>
  );
}
