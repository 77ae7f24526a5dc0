import { useId, useState } from 'react';
import type { Clinic } from '../../../contracts/clinic';
import { apiGet } from '../api-client';
import { useApiQuery } from '../query/use-api-query';
import { DEFAULT_SESSION_SETTINGS } from '../../../domain/clinic/index';
import {
  AE_ACTIONS,
  AE_CATEGORIES,
  AE_OUTCOMES,
  AE_SEVERITIES,
  AE_TAXONOMY,
  type AeCategory,
} from '../../../domain/session/index';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { EntryStatus } from './entry-status';
import {
  CheckField,
  fromLocalInput,
  SessionSection,
  TextAreaField,
  toLocalInput,
  type SectionProps,
} from './session-fields';
import { useEntryForm } from './use-entry-form';

/** "infusion_paused" → "Infusion paused". */
const words = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ');
const optionsOf = (codes: readonly string[]) => codes.map((c) => ({ value: c, label: words(c) }));

const categoryOptions = AE_CATEGORIES.map((c) => ({ value: c, label: AE_TAXONOMY[c].label }));

const clinicKey = ['session', 'clinic'] as const;

/** The clinic's active rescue formulary (its session settings); the shipped one until they load. */
function useFormulary() {
  const clinic = useApiQuery(clinicKey, (signal) => apiGet<Clinic>('/api/clinic', { signal }));
  const list = clinic.data?.settings.session.rescueFormulary ?? DEFAULT_SESSION_SETTINGS.rescueFormulary;
  return list.filter((m) => m.active);
}

function AdverseEventForm({ entries }: Pick<SectionProps, 'entries'>) {
  const listId = useId();
  const form = useEntryForm(entries);
  const [category, setCategory] = useState<AeCategory>('haemodynamic');
  const [term, setTerm] = useState('');
  const [onset, setOnset] = useState(() => toLocalInput(new Date()));
  const [severity, setSeverity] = useState<string>('mild');
  const [serious, setSerious] = useState(false);
  const [action, setAction] = useState<string>('observed');
  const [actionNote, setActionNote] = useState('');
  const [outcome, setOutcome] = useState<string>('ongoing');
  const [resolved, setResolved] = useState(() => toLocalInput(new Date()));
  const e = form.errors;
  return (
    <form
      aria-label="Adverse event"
      className="session-event-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form
          .submit({
            type: 'adverse_event',
            category,
            term,
            onsetAt: fromLocalInput(onset) ?? onset,
            severity,
            serious,
            action,
            ...(actionNote.trim() ? { actionNote } : {}),
            outcome,
            resolvedAt: outcome === 'resolved' ? (fromLocalInput(resolved) ?? resolved) : null,
          })
          .then((ok) => {
            if (!ok) return;
            setTerm('');
            setActionNote('');
            setOnset(toLocalInput(new Date()));
          });
      }}
    >
      <h3>Adverse event</h3>
      <SelectField
        label="Category"
        value={category}
        onChange={(v) => setCategory(AE_CATEGORIES.find((c) => c === v) ?? 'haemodynamic')}
        options={categoryOptions}
        error={e.category}
      />
      <TextField
        label="Event"
        list={listId}
        value={term}
        onChange={setTerm}
        required
        hint={`For example: ${AE_TAXONOMY[category].examples.join(', ')}`}
        error={e.term}
      />
      <datalist id={listId}>
        {AE_TAXONOMY[category].examples.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      <TextField
        label="Onset"
        type="datetime-local"
        value={onset}
        onChange={setOnset}
        required
        error={e.onsetAt}
      />
      <SelectField
        label="Severity"
        value={severity}
        onChange={setSeverity}
        options={optionsOf(AE_SEVERITIES)}
        error={e.severity}
      />
      <CheckField label="Serious" checked={serious} onChange={setSerious} error={e.serious} />
      <SelectField
        label="Action taken"
        value={action}
        onChange={setAction}
        options={optionsOf(AE_ACTIONS)}
        error={e.action}
      />
      <TextAreaField
        label="What was done (required when serious or other)"
        value={actionNote}
        onChange={setActionNote}
        error={e.actionNote}
      />
      <SelectField
        label="Outcome"
        value={outcome}
        onChange={setOutcome}
        options={optionsOf(AE_OUTCOMES)}
        error={e.outcome}
      />
      {outcome === 'resolved' ? (
        <TextField
          label="Resolved at"
          type="datetime-local"
          value={resolved}
          onChange={setResolved}
          error={e.resolvedAt}
        />
      ) : null}
      <button type="submit" className="button" disabled={form.busy}>
        Record adverse event
      </button>
      <EntryStatus form={form} />
    </form>
  );
}

function RescueForm({ view, entries }: Pick<SectionProps, 'entries' | 'view'>) {
  const form = useEntryForm(entries);
  const formulary = useFormulary();
  const [medicationId, setMedicationId] = useState(formulary[0]?.id ?? '');
  const medication = formulary.find((m) => m.id === medicationId);
  const [route, setRoute] = useState<string>(medication?.routes[0] ?? 'iv');
  const [dose, setDose] = useState('');
  const [givenAt, setGivenAt] = useState(() => toLocalInput(new Date()));
  const [eventId, setEventId] = useState('');
  const e = form.errors;
  return (
    <form
      aria-label="Rescue medication"
      className="session-event-form"
      onSubmit={(event) => {
        event.preventDefault();
        void form
          .submit({
            type: 'rescue',
            medicationId,
            doseMg: Number(dose.trim().replace(',', '.')),
            route,
            givenAt: fromLocalInput(givenAt) ?? givenAt,
            adverseEventEntryId: eventId || null,
          })
          .then((ok) => {
            if (!ok) return;
            setDose('');
            setGivenAt(toLocalInput(new Date()));
          });
      }}
    >
      <h3>Rescue medication</h3>
      <SelectField
        label="Medicine"
        value={medicationId}
        onChange={(v) => {
          setMedicationId(v);
          setRoute(formulary.find((m) => m.id === v)?.routes[0] ?? 'iv');
        }}
        options={formulary.map((m) => ({ value: m.id, label: `${m.name} — ${m.indication}` }))}
        error={e.medicationId}
      />
      <TextField
        label="Dose (mg)"
        inputMode="decimal"
        value={dose}
        onChange={setDose}
        required
        hint={medication?.usualDose ? `Usual dose: ${medication.usualDose}` : undefined}
        error={e.doseMg}
      />
      <SelectField
        label="Route"
        value={route}
        onChange={setRoute}
        options={(medication?.routes ?? []).map((r) => ({ value: r, label: r.toUpperCase() }))}
        error={e.route}
      />
      <TextField
        label="Given at"
        type="datetime-local"
        value={givenAt}
        onChange={setGivenAt}
        required
        error={e.givenAt}
      />
      <SelectField
        label="For adverse event"
        value={eventId}
        onChange={setEventId}
        options={[
          { value: '', label: 'None' },
          ...view.adverseEvents.map((a) => ({ value: a.entryId, label: a.summary })),
        ]}
      />
      <button type="submit" className="button" disabled={form.busy}>
        Record rescue medication
      </button>
      <EntryStatus form={form} />
    </form>
  );
}

/** Adverse events and rescue medicines: the forms, then what is charted. */
export function EventsSection({ view, entries, canChart }: SectionProps) {
  return (
    <SessionSection id="session-events" title="Adverse events and rescue medication">
      {view.adverseEvents.length || view.rescue.length ? (
        <ul className="session-list" aria-label="Charted events">
          {view.adverseEvents.map((a) => (
            <li key={a.entryId} className={a.serious ? 'alert alert--critical' : undefined}>
              {a.summary}
              {a.serious ? <strong> (serious)</strong> : null}
            </li>
          ))}
          {view.rescue.map((r) => (
            <li key={r.entryId}>{r.summary}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">No adverse events or rescue medication charted.</p>
      )}
      {canChart ? (
        <div className="session-columns">
          <AdverseEventForm entries={entries} />
          <RescueForm view={view} entries={entries} />
        </div>
      ) : null}
    </SessionSection>
  );
}
