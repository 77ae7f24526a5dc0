import { useState, type FormEvent } from 'react';
import type { DoseOrder, DosePreview, DoseRecord } from '../../../contracts/dosing';
import { apiPost } from '../api-client';
import { askedAcknowledgements, serverErrorsOf } from './dose-calculator-model';
import type { DoseFormBinding } from './use-dose-form';

/** A calculated dose and the exact request body it was calculated from. */
interface PreviewState {
  result: DosePreview;
  bodyKey: string;
}

/**
 * Calculating and ordering a dose. The preview remembers the body it was computed for, so an order is
 * only offered while the form still says exactly that (`stale` otherwise).
 */
export function useDoseRequests(patientId: string, doseForm: DoseFormBinding, onOrdered: () => void) {
  const [formError, setFormError] = useState<string>('');
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const { built, setErrors, ask } = doseForm;
  const bodyKey = built.body ? JSON.stringify(built.body) : '';
  const stale = preview !== null && preview.bodyKey !== bodyKey;

  const showServerErrors = (error: unknown) => {
    const shown = serverErrorsOf(error);
    if (shown.fields) setErrors(shown.fields);
    ask(askedAcknowledgements(error));
    setFormError(shown.message);
  };

  const whileBusy = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const calculate = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    setFormError('');
    const { body, errors: local } = built;
    setErrors(local);
    if (!body) return;
    await whileBusy(async () => {
      try {
        const result = await apiPost<DosePreview>(`/api/patients/${patientId}/doses/preview`, body);
        setPreview({ result, bodyKey: JSON.stringify(body) });
      } catch (error) {
        setPreview(null);
        showServerErrors(error);
      }
    });
  };

  const order = async () => {
    if (!preview || stale || !built.body) return;
    const body: DoseOrder = { ...built.body, confirmTotalMg: preview.result.dose.totalMg };
    setFormError('');
    await whileBusy(async () => {
      try {
        const dose = await apiPost<DoseRecord>(`/api/patients/${patientId}/doses`, body);
        setNotice(
          `Dose ordered: ${dose.result.totalMg} mg.${dose.verificationRequired ? ' A second clinician must verify it before it is ready to administer.' : ''}`,
        );
        setPreview(null);
        onOrdered();
      } catch (error) {
        showServerErrors(error);
      }
    });
  };

  return { formError, preview, busy, notice, stale, calculate, order };
}

export type DoseRequests = ReturnType<typeof useDoseRequests>;
