import { useState } from 'react';
import { getInstrument } from '../../../domain/instruments/index';
import { askedAnswers, QuestionnaireForm, type Answers } from '../assessments/questionnaire-form';
import { formatDateTime } from '../format';
import { SelectField } from '../ui/select-field';
import { EntryStatus } from './entry-status';
import type { SessionView } from './session-api';
import { SessionSection, type SectionProps } from './session-fields';
import { useEntryForm } from './use-entry-form';
import '../assessments/assessments.css';

/** The scales charted at the chair, in the order a session meets them. */
export const SESSION_SCALES = ['cadss6', 'moaas', 'pain-nrs', 'aldrete'] as const;
type ScaleId = (typeof SESSION_SCALES)[number];

const scaleDefs = SESSION_SCALES.map((id) => getInstrument(id)).filter((d) => d !== undefined);

/** Only the answered items, as whole numbers: the server scores them with the same definition. */
function answeredOnly(answers: Answers): Record<string, number> {
  return Object.fromEntries(
    Object.entries(answers).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

function ScaleForm({ entries }: Pick<SectionProps, 'entries'>) {
  const [scaleId, setScaleId] = useState<ScaleId>('cadss6');
  const [answers, setAnswers] = useState<Answers>({});
  const form = useEntryForm(entries, ['body.answers', 'body']);
  const def = scaleDefs.find((d) => d.id === scaleId);
  if (!def) return null;
  return (
    <form
      aria-label="Score a scale"
      className="session-scale-form"
      onSubmit={(event) => {
        event.preventDefault();
        const answered = answeredOnly(askedAnswers(def, answers));
        void form.submit({ type: 'scale', instrumentId: scaleId, answers: answered }).then((ok) => {
          if (ok) setAnswers({});
        });
      }}
    >
      <SelectField
        label="Scale"
        value={scaleId}
        onChange={(v) => {
          setScaleId(SESSION_SCALES.find((s) => s === v) ?? 'cadss6');
          setAnswers({});
        }}
        options={scaleDefs.map((d) => ({ value: d.id, label: d.shortTitle }))}
      />
      <QuestionnaireForm
        def={def}
        answers={answers}
        onChange={setAnswers}
        errors={form.errors}
        idPrefix={`session-${def.id}`}
      />
      <button type="submit" className="button" disabled={form.busy}>
        Save {def.shortTitle}
      </button>
      <EntryStatus form={form} />
    </form>
  );
}

function ScoredScales({ scales }: { scales: SessionView['scales'] }) {
  if (scales.length === 0) return <p className="muted">No scales scored yet.</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Scored scales" tabIndex={0}>
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Scale</th>
            <th scope="col">Total</th>
            <th scope="col">Version</th>
          </tr>
        </thead>
        <tbody>
          {[...scales]
            .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
            .map((s) => (
              <tr key={s.entryId}>
                <td data-label="Taken">{formatDateTime(s.takenAt)}</td>
                <td data-label="Scale">{s.label}</td>
                <td data-label="Total">{s.total ?? '—'}</td>
                <td data-label="Version">{s.version}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

/** CADSS-6, MOAA/S, pain NRS and the modified Aldrete, each form built from its definition. */
export function ScalesSection({ view, entries, canChart }: SectionProps) {
  return (
    <SessionSection id="session-scales" title="Scales">
      {canChart ? <ScaleForm entries={entries} /> : null}
      <ScoredScales scales={view.scales} />
    </SessionSection>
  );
}
