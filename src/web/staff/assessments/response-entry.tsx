import type { InstrumentEntry } from '../../../contracts/measurement';
import type { InstrumentId } from '../../../domain/instruments/index';
import { ErrorBanner } from '../ui/error-banner';
import { QuestionnaireForm } from './questionnaire-form';
import { SavedScoreBanner } from './saved-score-banner';
import { useResponseEntry } from './use-response-entry';

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
  const form = useResponseEntry(patientId, instruments, onRecorded);
  return (
    <form onSubmit={form.submit} className="mbc-entry" aria-labelledby="mbc-entry-title">
      <h3 id="mbc-entry-title">Enter a response</h3>
      <div className="grid grid--compact">
        <div className="field">
          <label htmlFor="mbc-entry-instrument">Questionnaire</label>
          <select
            id="mbc-entry-instrument"
            value={form.instrumentId}
            onChange={(e) => form.chooseInstrument(e.target.value as InstrumentId)}
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
            value={form.when}
            onChange={(e) => form.setWhen(e.target.value)}
          />
        </div>
      </div>
      {form.result ? <SavedScoreBanner result={form.result} /> : null}
      {form.problem ? <ErrorBanner>{form.problem}</ErrorBanner> : null}
      {form.entry ? (
        <QuestionnaireForm
          def={form.entry.definition}
          clinicWording={form.entry.clinicWording}
          safetyRule={form.entry.safetyRule}
          answers={form.answers}
          onChange={form.setAnswers}
          errors={form.errors}
          idPrefix="entry"
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save response'}
        </button>
      </div>
    </form>
  );
}
