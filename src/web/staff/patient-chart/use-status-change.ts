import { useState } from 'react';
import type { Patient, PatientActiveRequest, PatientUpdateRequest } from '../../../contracts/patients';
import { apiPatch, apiPost, fieldErrors } from '../api-client';
import { reasonProblem, statusChangeNotice, type StatusChange } from './status-change';

/** A care-status move goes through the ordinary update; (de)activation has its own routes. */
function saveStatusChange(patient: Patient, change: StatusChange, reason: string): Promise<Patient> {
  if (change.kind === 'move')
    return apiPatch<Patient>(`/api/patients/${patient.id}`, {
      version: patient.version,
      changes: { careStatus: change.to },
      reason: reason.trim() || null,
    } satisfies PatientUpdateRequest);
  return apiPost<Patient>(`/api/patients/${patient.id}/${change.kind}`, {
    version: patient.version,
    reason: reason.trim(),
  } satisfies PatientActiveRequest);
}

/** The change waiting for confirmation on the Status tab, its reason, and saving it. */
export function useStatusChange(patient: Patient, onPatientChange: (patient: Patient) => void) {
  const [pending, setPending] = useState<StatusChange>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const open = (next: StatusChange) => {
    setPending(next);
    setReason('');
    setReasonError(undefined);
    setError(undefined);
    setNotice('');
  };

  const confirm = async () => {
    if (!pending) return;
    const problem = reasonProblem(pending, reason);
    if (problem) return setReasonError(problem);
    setBusy(true);
    try {
      const saved = await saveStatusChange(patient, pending, reason);
      onPatientChange(saved);
      setNotice(statusChangeNotice(pending, saved));
      setPending(undefined);
    } catch (e) {
      const fields = fieldErrors(e, ['body']);
      if (fields.reason) setReasonError(fields.reason);
      else {
        setError(e);
        setPending(undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => setPending(undefined);
  return { pending, reason, setReason, reasonError, error, notice, busy, open, confirm, cancel };
}
