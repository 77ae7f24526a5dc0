import { useState } from 'react';
import type { InstrumentDefinition } from '../../../domain/instruments/index';
import { errorMessage, fieldErrors } from '../api-client';
import { measurementApi } from './measurement-api';
import { askedAnswers, type Answers } from './questionnaire-form';

/** A correction in progress: the edited answers (undefined when not correcting) and the reason. */
export function useAmendment(responseId: string, onAmended: () => void) {
  const [amending, setAmending] = useState<Answers>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const save = async (def: InstrumentDefinition | undefined) => {
    if (!def || !amending) return;
    try {
      await measurementApi.amend(responseId, { answers: askedAnswers(def, amending), reason });
      setAmending(undefined);
      onAmended();
    } catch (e) {
      setErrors(fieldErrors(e, ['body.answers']));
      setProblem(errorMessage(e));
    }
  };
  return { amending, setAmending, reason, setReason, errors, problem, save };
}
