import { useState } from 'react';
import type { Patient, PatientActiveRequest, PatientUpdateRequest } from '../../../contracts/patients';
import { careStatusLabels, careStatusMoves, type CareStatus } from '../../../domain/patients';
import { ApiError, apiPatch, apiPost, errorMessage, fieldErrors } from '../api-client';
import { useCan } from '../session-context';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { TextField } from '../ui/text-field';
import type { ChartTabProps } from './chart-tab-types';

type Pending = { kind: 'move'; to: CareStatus } | { kind: 'deactivate' } | { kind: 'reactivate' };

export function StatusTab({ patient, onPatientChange }: ChartTabProps) {
  const can = useCan();
  const [pending, setPending] = useState<Pending>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const moves = careStatusMoves[patient.careStatus];

  const open = (next: Pending) => {
    setPending(next);
    setReason('');
    setReasonError(undefined);
    setError(undefined);
    setNotice('');
  };

  const confirm = async () => {
    if (!pending) return;
    const needsReason = pending.kind !== 'move';
    if (needsReason && reason.trim().length < 3)
      return setReasonError('Give a reason of at least 3 characters');
    setBusy(true);
    try {
      const saved =
        pending.kind === 'move'
          ? await apiPatch<Patient>(`/api/patients/${patient.id}`, {
              version: patient.version,
              changes: { careStatus: pending.to },
              reason: reason.trim() || null,
            } satisfies PatientUpdateRequest)
          : await apiPost<Patient>(`/api/patients/${patient.id}/${pending.kind}`, {
              version: patient.version,
              reason: reason.trim(),
            } satisfies PatientActiveRequest);
      onPatientChange(saved);
      setNotice(
        pending.kind === 'move'
          ? `Care status is now ${careStatusLabels[saved.careStatus]}.`
          : pending.kind === 'deactivate'
            ? 'The record is deactivated. It is kept and can be reactivated.'
            : 'The record is active again.',
      );
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

  return (
    <>
      <ErrorBanner>
        {error ? (
          <>
            {errorMessage(error)}
            {error instanceof ApiError && error.status === 409
              ? ' Reload the page to see the current record.'
              : ''}
          </>
        ) : null}
      </ErrorBanner>
      <NoticeBanner>{notice}</NoticeBanner>
      <section aria-labelledby="status-care">
        <h3 id="status-care">Care status</h3>
        <p>
          Currently <strong>{careStatusLabels[patient.careStatus]}</strong>.
        </p>
        {patient.active && can('patient.update') ? (
          <div className="button-row">
            {moves.map((to) => (
              <button
                key={to}
                type="button"
                className="button button--secondary"
                onClick={() => open({ kind: 'move', to })}
              >
                Move to {careStatusLabels[to]}
              </button>
            ))}
          </div>
        ) : (
          <p className="muted">Reactivate the record to change its care status.</p>
        )}
      </section>
      {can('patient.deactivate') ? (
        <section aria-labelledby="status-record">
          <h3 id="status-record">Record</h3>
          {patient.active ? (
            <>
              <p>Deactivating hides the record from searches. Records are never deleted.</p>
              <button
                type="button"
                className="button button--danger"
                onClick={() => open({ kind: 'deactivate' })}
              >
                Deactivate record
              </button>
            </>
          ) : (
            <>
              <p>This record is deactivated.</p>
              <button type="button" className="button" onClick={() => open({ kind: 'reactivate' })}>
                Reactivate record
              </button>
            </>
          )}
        </section>
      ) : null}
      {pending ? (
        <ConfirmDialog
          title={
            pending.kind === 'move'
              ? `Move to ${careStatusLabels[pending.to]}?`
              : pending.kind === 'deactivate'
                ? 'Deactivate this record?'
                : 'Reactivate this record?'
          }
          confirmLabel={
            pending.kind === 'move' ? 'Move' : pending.kind === 'deactivate' ? 'Deactivate' : 'Reactivate'
          }
          destructive={pending.kind === 'deactivate'}
          busy={busy}
          onConfirm={confirm}
          onCancel={() => setPending(undefined)}
        >
          <TextField
            label={pending.kind === 'move' ? 'Reason (optional)' : 'Reason (required)'}
            value={reason}
            onChange={setReason}
            error={reasonError}
            maxLength={500}
            autoComplete="off"
            autoFocus
          />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
