import { useState } from 'react';
import { readableSources, referenceTitle } from '../../../domain/protocols';
import { TextField } from '../ui/text-field';
import { SelectField } from '../ui/select-field';
import { EntryStatus } from './entry-status';
import {
  checklistAnswersFrom,
  checklistFormFrom,
  identifierKinds,
  identifierLabels,
  type ChecklistFormState,
} from './checklist-model';
import { CheckField, SessionSection, TextAreaField, type SectionProps } from './session-fields';
import { useEntryForm } from './use-entry-form';
import type { SessionView } from './session-api';

const gateWords: Record<string, string> = {
  clear: 'clear',
  pending: 'waiting for a physician’s decision',
  proceed: 'physician decided to proceed',
  deferred: 'physician deferred the infusion',
};

const statusWords: Record<string, string> = {
  done: 'Done',
  missing: 'Missing',
  blocked: 'Blocked',
  not_applicable: 'Not applicable',
};

/** Eligibility, consent and the flags the intake raised, then each checklist item and where it stands. */
function Readiness({ view }: { view: SessionView }) {
  const r = view.readiness;
  return (
    <>
      <ul className="session-readiness">
        <li>Eligible: {r.eligible ? 'yes' : 'no'}</li>
        <li>Consent valid: {r.consentValid ? 'yes' : 'no'}</li>
        {r.flags.map((f) => (
          <li key={f} className="alert alert--warning">
            Flag: {f}
          </li>
        ))}
        {r.problems.map((p) => (
          <li key={p} className="alert alert--critical">
            Problem: {p}
          </li>
        ))}
      </ul>
      <ul className="session-checklist-items" aria-label="Checklist items">
        {view.checklist.items.map((item) => (
          <li key={item.id} className={`session-item session-item--${item.status}`}>
            <strong>{statusWords[item.status] ?? item.status}:</strong> {item.label}
            {item.reason ? <span className="muted"> — {item.reason}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function BpGate({ view, entries, physician, canChart }: SectionProps) {
  const gate = view.checklist.bpGate;
  const form = useEntryForm(entries);
  const [decision, setDecision] = useState<'proceed' | 'defer'>('proceed');
  const [reason, setReason] = useState('');
  if (gate.status === 'clear') return null;
  const threshold = `${gate.threshold.systolicAbove}/${gate.threshold.diastolicAbove}`;
  return (
    <div className={`alert ${gate.status === 'pending' ? 'alert--critical' : 'alert--info'} session-bp-gate`}>
      <p>
        <strong>Blood pressure gate ({gateWords[gate.status]}):</strong> baseline above {threshold} mmHg.{' '}
        {readableSources(gate.reason)} <span className="muted">({referenceTitle(gate.source)})</span>
      </p>
      {gate.status === 'pending' && physician && canChart ? (
        <form
          aria-label="Blood pressure decision"
          onSubmit={(event) => {
            event.preventDefault();
            void form.submit({ type: 'bp_decision', decision, reason }).then((ok) => ok && setReason(''));
          }}
        >
          <SelectField
            label="Decision"
            value={decision}
            onChange={(v) => setDecision(v === 'defer' ? 'defer' : 'proceed')}
            options={[
              { value: 'proceed', label: 'Proceed with the infusion' },
              { value: 'defer', label: 'Defer the infusion' },
            ]}
          />
          <TextAreaField
            label="Reason for the decision"
            value={reason}
            onChange={setReason}
            required
            error={form.errors.reason}
          />
          <button type="submit" className="button" disabled={form.busy}>
            Record decision
          </button>
          <EntryStatus form={form} />
        </form>
      ) : null}
    </div>
  );
}

function IdentityAndFasting({
  f,
  set,
}: {
  f: ChecklistFormState;
  set: (p: Partial<ChecklistFormState>) => void;
}) {
  const toggle = (k: (typeof identifierKinds)[number], on: boolean) =>
    set({ identifiers: identifierKinds.filter((x) => (x === k ? on : f.identifiers.includes(x))) });
  return (
    <>
      <fieldset>
        <legend>Identifiers checked (two or more)</legend>
        {identifierKinds.map((k) => (
          <CheckField
            key={k}
            label={identifierLabels[k]}
            checked={f.identifiers.includes(k)}
            onChange={(on) => toggle(k, on)}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>Fasting</legend>
        <TextField
          label="Hours since food"
          inputMode="decimal"
          value={f.hoursSinceFood}
          onChange={(v) => set({ hoursSinceFood: v })}
        />
        <TextField
          label="Minutes since liquid"
          inputMode="numeric"
          value={f.minutesSinceLiquid}
          onChange={(v) => set({ minutesSinceLiquid: v })}
        />
        <CheckField
          label="Followed the clinic’s fasting instructions"
          checked={f.followedInstructions}
          onChange={(v) => set({ followedInstructions: v })}
        />
      </fieldset>
    </>
  );
}

function SafetyAndGoingHome({
  f,
  set,
  errors,
}: {
  f: ChecklistFormState;
  set: (p: Partial<ChecklistFormState>) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <fieldset>
        <legend>Going home</legend>
        <CheckField
          label="Escort confirmed"
          checked={f.escortConfirmed}
          onChange={(v) => set({ escortConfirmed: v })}
        />
        <CheckField
          label="Transport home confirmed"
          checked={f.transportConfirmed}
          onChange={(v) => set({ transportConfirmed: v })}
        />
        <CheckField
          label="No driving until the next day acknowledged"
          checked={f.noDrivingAcknowledged}
          onChange={(v) => set({ noDrivingAcknowledged: v })}
        />
      </fieldset>
      <fieldset>
        <legend>Pregnancy</legend>
        <CheckField
          label="Can be pregnant"
          checked={f.canBePregnant}
          onChange={(v) => set({ canBePregnant: v })}
        />
        {f.canBePregnant ? (
          <SelectField
            label="Pregnancy test result"
            value={f.pregnancyTest}
            onChange={(v) => set({ pregnancyTest: v === 'negative' || v === 'positive' ? v : '' })}
            options={[
              { value: '', label: 'Not done' },
              { value: 'negative', label: 'Negative' },
              { value: 'positive', label: 'Positive' },
            ]}
            error={errors.pregnancyTest}
          />
        ) : null}
      </fieldset>
      <fieldset>
        <legend>Today</legend>
        <CheckField
          label="Medicines taken today reviewed"
          checked={f.medicationsReviewed}
          onChange={(v) => set({ medicationsReviewed: v })}
        />
        <TextField
          label="Weight today (kg)"
          inputMode="decimal"
          value={f.weightKg}
          onChange={(v) => set({ weightKg: v })}
          error={errors.weightKg}
        />
        <TextField
          label="Baseline vitals"
          placeholder="142/88 76 98 16"
          hint="Blood pressure, heart rate, SpO2, respiratory rate"
          autoComplete="off"
          value={f.baselineLine}
          onChange={(v) => set({ baselineLine: v })}
          error={errors.baselineVitals}
        />
      </fieldset>
      <fieldset>
        <legend>Suicide risk (latest PHQ-9 item 9 and C-SSRS)</legend>
        <CheckField
          label="Latest results reviewed"
          checked={f.suicideRiskReviewed}
          onChange={(v) => set({ suicideRiskReviewed: v })}
        />
        <TextAreaField
          label="Acknowledgement note (for a positive result)"
          value={f.suicideRiskAcknowledgement}
          onChange={(v) => set({ suicideRiskAcknowledgement: v })}
          error={errors.suicideRiskAcknowledgement}
        />
      </fieldset>
    </>
  );
}

/** The checklist's answers, sent together as one `checklist` entry; editable until the infusion starts. */
function ChecklistForm({ view, entries }: SectionProps) {
  const [f, setF] = useState(() => checklistFormFrom(view.checklist.answers));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const form = useEntryForm(entries, ['body.answers', 'body']);
  const set = (patch: Partial<ChecklistFormState>) => setF((old) => ({ ...old, ...patch }));
  const errors = { ...form.errors, ...localErrors };
  return (
    <form
      className="session-checklist"
      aria-label="Pre-infusion checklist"
      onSubmit={(event) => {
        event.preventDefault();
        const result = checklistAnswersFrom(f);
        setLocalErrors(result.ok ? {} : result.errors);
        if (result.ok) void form.submit({ type: 'checklist', answers: result.answers });
      }}
    >
      <IdentityAndFasting f={f} set={set} />
      <SafetyAndGoingHome f={f} set={set} errors={errors} />
      <button type="submit" className="button" disabled={form.busy}>
        Save checklist
      </button>
      <EntryStatus form={form} />
    </form>
  );
}

const EDITABLE = new Set(['checked_in', 'checklist_done']);

export function ChecklistSection(props: SectionProps) {
  const { view, canChart } = props;
  return (
    <SessionSection id="session-checklist" title="Readiness and checklist">
      <Readiness view={view} />
      <BpGate {...props} />
      {canChart && EDITABLE.has(view.state) ? <ChecklistForm {...props} /> : null}
    </SessionSection>
  );
}
