import { TextField } from '../ui/text-field';
import type { DoseCardActions } from './dose-card-model';
import type { DoseActionPath } from './use-dose-action';

/**
 * Verify, mark ready to administer, or start cancelling: only the buttons the person may use. "Ready to
 * administer" says the checked dose may be given; it does not record that it was.
 */
export function DoseActionButtons({
  allowed,
  busy,
  cancelling,
  onAct,
  onStartCancel,
}: {
  allowed: DoseCardActions;
  busy: boolean;
  cancelling: boolean;
  onAct: (path: Exclude<DoseActionPath, 'cancel'>) => void;
  onStartCancel: () => void;
}) {
  return (
    <div className="button-row">
      {allowed.canVerify ? (
        <button type="button" className="button" disabled={busy} onClick={() => onAct('verify')}>
          Verify as second clinician
        </button>
      ) : null}
      {allowed.awaitsOtherVerifier ? (
        <span className="muted">You ordered this dose; another clinician must verify it.</span>
      ) : null}
      {allowed.canMarkReady ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => onAct('mark-ready')}
        >
          Mark ready to administer
        </button>
      ) : null}
      {allowed.canCancel && !cancelling ? (
        <button type="button" className="button button--secondary" onClick={onStartCancel}>
          Cancel dose…
        </button>
      ) : null}
    </div>
  );
}

/** Cancelling needs a reason of at least three characters, as the server does. */
export function DoseCancelForm({
  reason,
  onReasonChange,
  busy,
  onCancelDose,
  onKeep,
}: {
  reason: string;
  onReasonChange: (reason: string) => void;
  busy: boolean;
  onCancelDose: () => void;
  onKeep: () => void;
}) {
  return (
    <form
      className="dosing__cancel"
      onSubmit={(e) => {
        e.preventDefault();
        onCancelDose();
      }}
    >
      <TextField
        label="Reason for cancelling"
        value={reason}
        onChange={onReasonChange}
        required
        minLength={3}
      />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={busy || reason.trim().length < 3}>
          Cancel this dose
        </button>
        <button type="button" className="button button--secondary" onClick={onKeep}>
          Keep it
        </button>
      </div>
    </form>
  );
}
