import { useState } from 'react';
import type { PatientFieldGroup } from '../../../domain/patients';
import { fieldErrors, type ApiError } from '../api-client';
import { onlyEditable } from '../patients/patient-field-editing';
import {
  changedPayload,
  patientToForm,
  reapplyChanges,
  type PatientFormState,
} from '../patients/patient-form-model';
import type { ChartTabProps } from './chart-tab-types';
import { isStaleVersion, savePatientEdit } from './patient-edit-request';

interface Editing {
  /** The version the person started from; the server refuses the save if it is no longer current. */
  version: number;
  base: PatientFormState;
}

/**
 * The Edit tab's form, saving only what changed in the groups the person may edit, and recovering
 * from someone else's save.
 */
export function usePatientEdit(
  { patient, onPatientChange, reload }: ChartTabProps,
  editable: readonly PatientFieldGroup[],
) {
  const [editing, setEditing] = useState<Editing>(() => ({
    version: patient.version,
    base: patientToForm(patient),
  }));
  const [state, setState] = useState<PatientFormState>(() => patientToForm(patient));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const changes = onlyEditable(changedPayload(editing.base, state), editable);
    setError(undefined);
    setErrors({});
    setNotice('');
    if (Object.keys(changes).length === 0) return setNotice('Nothing has changed.');
    setBusy(true);
    try {
      const saved = await savePatientEdit(patient.id, editing.version, changes, reason);
      onPatientChange(saved);
      setEditing({ version: saved.version, base: patientToForm(saved) });
      setState(patientToForm(saved));
      setReason('');
      setConflict(undefined);
      setNotice(`Saved. The record is now version ${saved.version}.`);
    } catch (e) {
      // A stale version: keep the person's edits and offer to lay them over the newest version.
      if (isStaleVersion(e)) setConflict(e);
      else {
        setError(e);
        setErrors(fieldErrors(e, ['body.changes', 'body']));
      }
    } finally {
      setBusy(false);
    }
  };

  const reloadAndReapply = async () => {
    setBusy(true);
    try {
      const latest = await reload();
      const latestForm = patientToForm(latest);
      setState(reapplyChanges(editing.base, state, latestForm));
      setEditing({ version: latest.version, base: latestForm });
      setConflict(undefined);
      setNotice(
        `Reloaded version ${latest.version}. Your changes are applied on top of it: check them, then save again.`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    setState(editing.base);
    setErrors({});
    setNotice('');
  };

  return {
    base: editing.base,
    state,
    setState,
    reason,
    setReason,
    errors,
    error,
    conflict,
    notice,
    busy,
    save,
    reloadAndReapply,
    discard,
  };
}
