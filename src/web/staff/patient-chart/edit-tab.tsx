import { useState } from 'react';
import type { Patient } from '../../../contracts/patients';
import { careStatusLabels, careStatusMoves } from '../../../domain/patients';
import { ApiError, apiPatch, errorMessage, fieldErrors } from '../api-client';
import { PatientForm } from '../patients/patient-form';
import {
  changedPayload,
  patientToForm,
  reapplyChanges,
  type PatientFormState,
} from '../patients/patient-form-model';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { TextField } from '../ui/text-field';
import type { ChartTabProps } from './chart-tab-types';

interface Editing {
  /** The version the person started from; the server refuses the save if it is no longer current. */
  version: number;
  base: PatientFormState;
}

export function EditTab({ patient, onPatientChange, reload }: ChartTabProps) {
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

  const current = editing.base.careStatus;
  const statusOptions = [current, ...careStatusMoves[current]].map((s) => ({
    value: s,
    label: careStatusLabels[s],
  }));

  const save = async () => {
    const changes = changedPayload(editing.base, state);
    setError(undefined);
    setErrors({});
    setNotice('');
    if (Object.keys(changes).length === 0) return setNotice('Nothing has changed.');
    setBusy(true);
    try {
      const saved = await apiPatch<Patient>(`/api/patients/${patient.id}`, {
        version: editing.version,
        changes,
        reason: reason.trim() || null,
      });
      onPatientChange(saved);
      setEditing({ version: saved.version, base: patientToForm(saved) });
      setState(patientToForm(saved));
      setReason('');
      setConflict(undefined);
      setNotice(`Saved. The record is now version ${saved.version}.`);
    } catch (e) {
      // A stale version: keep the person's edits and offer to lay them over the newest version.
      if (e instanceof ApiError && e.status === 409 && e.currentVersion !== undefined) setConflict(e);
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

  if (!patient.active) {
    return <p>This record is deactivated. Reactivate it on the Status tab before editing.</p>;
  }

  return (
    <>
      {conflict ? (
        <div className="banner banner--error" role="alert">
          <p>
            <strong>This record was changed by someone else</strong> after you opened it (it is now version{' '}
            {conflict.currentVersion}). Your changes have not been saved.
          </p>
          <button type="button" className="button" onClick={reloadAndReapply} disabled={busy}>
            Reload and re-apply my changes
          </button>
        </div>
      ) : null}
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <NoticeBanner>{notice}</NoticeBanner>
      <PatientForm
        state={state}
        onChange={setState}
        errors={errors}
        careStatusOptions={statusOptions}
        submitLabel="Save changes"
        busy={busy}
        onSubmit={save}
        extra={
          <TextField
            label="Reason for the change (optional)"
            value={reason}
            onChange={setReason}
            error={errors.reason}
            maxLength={500}
            autoComplete="off"
          />
        }
        actions={
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setState(editing.base);
              setErrors({});
              setNotice('');
            }}
          >
            Discard changes
          </button>
        }
      />
    </>
  );
}
