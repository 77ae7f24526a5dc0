import { useState, type FormEvent } from 'react';
import type { InstrumentEntry, ScoreSummary } from '../../../contracts/measurement';
import type { InstrumentId } from '../../../domain/instruments/index';
import { errorMessage, fieldErrors } from '../api-client';
import { ErrorBanner } from '../ui/error-banner';
import { measurementApi, localInputToIso } from './measurement-api';
import { askedAnswers, QuestionnaireForm, type Answers } from './questionnaire-form';
import { announceSafetyChange } from './safety-panel';

/** Staff enter a response for the patient (any instrument); the score comes back from the server. */
export function ResponseEntry({
  patientId,
  instruments,
  onRecorded,
}: {
  patientId: string;
  instruments: InstrumentEntry[];
  onRecorded: () => void;
}) {
  const [instrumentId, setInstrumentId] = useState<InstrumentId>('phq9');
  const [answers, setAnswers] = useState<Answers>({});
  const [when, setWhen] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<ScoreSummary & { alert: boolean }>();
  const [busy, setBusy] = useState(false);
  const entry = instruments.find((i) => i.id === instrumentId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!entry) return;
    setBusy(true);
    setProblem(undefined);
    setErrors({});
    try {
      const saved = await measurementApi.record(patientId, {
        instrumentId,
        answers: askedAnswers(entry.definition, answers),
        ...(when ? { administeredAt: localInputToIso(when) } : {}),
      });
      setResult({ ...saved.score, alert: saved.alertIds.length > 0 });
      setAnswers({});
      if (saved.alertIds.length) announceSafetyChange();
      onRecorded();
    } catch (error) {
      setErrors(fieldErrors(error, ['body.answers']));
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="mbc-entry" aria-labelledby="mbc-entry-title">
      <h3 id="mbc-entry-title">Enter a response</h3>
      <div className="grid grid--compact">
        <div className="field">
          <label htmlFor="mbc-entry-instrument">Questionnaire</label>
          <select
            id="mbc-entry-instrument"
            value={instrumentId}
            onChange={(e) => {
              setInstrumentId(e.target.value as InstrumentId);
              setAnswers({});
              setErrors({});
              setResult(undefined);
            }}
          >
            {instruments.map((i) => (
              <option key={i.id} value={i.id}>
                {i.shortTitle} — {i.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mbc-entry-when">Answered at (blank = now)</label>
          <input
            id="mbc-entry-when"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        </div>
      </div>
      {result ? (
        <div className={result.alert ? 'banner banner--error' : 'banner banner--notice'} role="status">
          Saved. {result.total !== null ? `Total ${result.total}` : ''}
          {result.severity ? ` (${result.severity})` : ''}
          {result.flags.length ? ` — flags: ${result.flags.join(', ')}` : ''}
          {result.alert ? '. A safety alert was raised for the responsible clinician.' : '.'}
        </div>
      ) : null}
      {problem ? <ErrorBanner>{problem}</ErrorBanner> : null}
      {entry ? (
        <QuestionnaireForm
          def={entry.definition}
          answers={answers}
          onChange={setAnswers}
          errors={errors}
          idPrefix="entry"
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save response'}
        </button>
      </div>
    </form>
  );
}
