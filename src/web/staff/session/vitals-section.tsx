import { useRef, useState } from 'react';
import { formatDateTime } from '../format';
import { EntryStatus } from './entry-status';
import type { SessionView } from './session-api';
import { SessionChart } from './session-chart';
import { SessionSection, type SectionProps } from './session-fields';
import { timingLabels, type VitalsTiming } from './session-text';
import { useEntryForm } from './use-entry-form';

function ScheduleChips({ schedule }: { schedule: SessionView['schedule'] }) {
  if (schedule.slots.length === 0)
    return <p className="muted">The vitals schedule starts with the infusion.</p>;
  return (
    <ul className="session-chips" aria-label="Vitals schedule">
      {schedule.slots.map((slot) => {
        const status = (slot.status in timingLabels ? slot.status : 'upcoming') as VitalsTiming;
        return (
          <li key={slot.due} className={`session-chip session-timing--${status}`}>
            {formatDateTime(slot.due)} · {slot.takenAt ? 'taken' : timingLabels[status].toLowerCase()}
          </li>
        );
      })}
    </ul>
  );
}

const rr = (v: number | null) => (v === null ? '—' : v);

function ReadingsTable({ vitals }: { vitals: SessionView['vitals'] }) {
  if (vitals.length === 0) return <p className="muted">No readings yet.</p>;
  const newestFirst = [...vitals].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return (
    <div className="table-wrap" role="region" aria-label="Vital sign readings, newest first" tabIndex={0}>
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">BP</th>
            <th scope="col">HR</th>
            <th scope="col">SpO2</th>
            <th scope="col">RR</th>
            <th scope="col">Alerts</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((v) => (
            <tr key={v.entryId} className={v.alerts.length ? 'session-row--alert' : undefined}>
              <td data-label="Taken">{formatDateTime(v.takenAt)}</td>
              <td data-label="BP">
                {v.reading.systolic}/{v.reading.diastolic}
              </td>
              <td data-label="HR">{v.reading.heartRate}</td>
              <td data-label="SpO2">{v.reading.spo2}</td>
              <td data-label="RR">{rr(v.reading.respiratoryRate)}</td>
              <td data-label="Alerts">
                {v.alerts.length
                  ? v.alerts.map((a) => (
                      <strong key={a.field + a.message} className="session-alert-text">
                        Alert: {a.message}{' '}
                      </strong>
                    ))
                  : 'None'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Keyboard-first vitals: one line, Enter saves, the field clears and keeps the focus for the next reading.
 * The field is never disabled while saving, so focus is not lost.
 */
function QuickEntry({ entries }: Pick<SectionProps, 'entries'>) {
  const [line, setLine] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const form = useEntryForm(entries, ['body.reading', 'body']);
  const problems = Object.entries(form.errors);
  return (
    <form
      className="session-quick"
      aria-label="Vitals quick entry"
      onSubmit={(event) => {
        event.preventDefault();
        if (form.busy || line.trim() === '') return;
        void form.submit({ type: 'vitals', line: line.trim() }).then((ok) => {
          if (ok) setLine('');
          input.current?.focus();
        });
      }}
    >
      <div className={`field${problems.length ? ' field--invalid' : ''}`}>
        <label htmlFor="session-vitals-line">Vitals</label>
        <input
          id="session-vitals-line"
          ref={input}
          value={line}
          onChange={(event) => setLine(event.target.value)}
          placeholder="142/88 76 98 16"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="send"
          aria-describedby={
            problems.length ? 'session-vitals-hint session-vitals-error' : 'session-vitals-hint'
          }
          aria-invalid={problems.length ? true : undefined}
        />
        <p className="field__hint" id="session-vitals-hint">
          BP, heart rate, SpO2 and respiratory rate (optional), then Enter. Labelled also works: “bp 142/88 hr
          76 spo2 98”.
        </p>
        {problems.length ? (
          <p className="field__error" id="session-vitals-error">
            {problems.map(([field, message]) => `${field}: ${message}`).join('; ')}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button">
        Save vitals
      </button>
      <EntryStatus form={form} afterConfirm={() => input.current?.focus()} />
    </form>
  );
}

export function VitalsSection(props: SectionProps) {
  const { view, canChart } = props;
  return (
    <SessionSection id="session-vitals" title="Vital signs">
      {canChart ? <QuickEntry entries={props.entries} /> : null}
      <ScheduleChips schedule={view.schedule} />
      <SessionChart view={view} />
      <ReadingsTable vitals={view.vitals} />
    </SessionSection>
  );
}
