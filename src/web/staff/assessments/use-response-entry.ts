import { useState, type FormEvent } from 'react';
import type { InstrumentEntry, ScoreSummary } from '../../../contracts/measurement';
import type { InstrumentId } from '../../../domain/instruments/index';
import { errorMessage, fieldErrors } from '../api-client';
import { localInputToIso, measurementApi } from './measurement-api';
import { askedAnswers, type Answers } from './questionnaire-form';
import { announceSafetyChange } from './safety-panel';

/** The score the server computed for the saved response, and whether it raised a safety alert. */
export type SavedScore = ScoreSummary & { alert: boolean };

/** The entry form's state and its submit; the score is always the server's, never computed here. */
export function useResponseEntry(patientId: string, instruments: InstrumentEntry[], onRecorded: () => void) {
  const [instrumentId, setInstrumentId] = useState<InstrumentId>('phq9');
  const [answers, setAnswers] = useState<Answers>({});
  const [when, setWhen] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const [result, setResult] = useState<SavedScore>();
  const [busy, setBusy] = useState(false);
  const entry = instruments.find((i) => i.id === instrumentId);

  // Answers, errors and the last result belong to one instrument; a new choice starts clean.
  const chooseInstrument = (id: InstrumentId) => {
    setInstrumentId(id);
    setAnswers({});
    setErrors({});
    setResult(undefined);
  };

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

  return {
    instrumentId,
    chooseInstrument,
    entry,
    answers,
    setAnswers,
    when,
    setWhen,
    errors,
    problem,
    result,
    busy,
    submit,
  };
}
