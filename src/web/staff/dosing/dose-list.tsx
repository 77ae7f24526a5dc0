import { useState } from 'react';
import type { DoseCancel, DoseRecord, DoseVerify } from '../../../contracts/dosing';
import { apiPost, errorMessage } from '../api-client';
import { useCan } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { TextField } from '../ui/text-field';
import { ExplanationTable } from './explanation-table';

const statusLabel: Record<DoseRecord['status'], string> = {
  ordered: 'Ordered — awaiting verification',
  verified: 'Verified',
  final: 'Final',
  cancelled: 'Cancelled',
};

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '');

/** A patient's doses with their status actions. The server enforces every rule shown here. */
export function DoseList({
  doses,
  meId,
  onChanged,
}: {
  doses: DoseRecord[];
  meId: string;
  onChanged: () => void;
}) {
  if (doses.length === 0) return <p className="muted">No doses ordered yet.</p>;
  return (
    <ol className="dosing__list">
      {doses.map((d) => (
        <li key={d.id}>
          <DoseCard dose={d} meId={meId} onChanged={onChanged} />
        </li>
      ))}
    </ol>
  );
}

function DoseCard({ dose, meId, onChanged }: { dose: DoseRecord; meId: string; onChanged: () => void }) {
  const can = useCan();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const r = dose.result;
  const iv = r.route === 'iv' ? r : undefined;

  const act = async (path: 'verify' | 'finalise' | 'cancel', body: DoseVerify | DoseCancel) => {
    setBusy(true);
    setError(undefined);
    try {
      await apiPost(`/api/doses/${dose.id}/${path}`, body);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const ownOrder = dose.ordered.id === meId;
  const canVerify = can('dose.verify') && dose.status === 'ordered' && !ownOrder;
  const canFinalise =
    can('dose.verify') &&
    (dose.status === 'verified' || (dose.status === 'ordered' && !dose.verificationRequired));
  const canCancel = can('dose.order') && (dose.status === 'ordered' || dose.status === 'verified');

  return (
    <article className="dosing__card" aria-labelledby={`dose-${dose.id}`} data-status={dose.status}>
      <h4 id={`dose-${dose.id}`}>
        {r.totalMg} mg — {dose.protocol.name} v{dose.protocol.version}, {r.step.label}{' '}
        <span className={`badge dosing__status dosing__status--${dose.status}`}>
          {statusLabel[dose.status]}
        </span>
      </h4>
      <dl className="dosing__facts">
        {iv ? (
          <>
            <div>
              <dt>
                mg/kg ({iv.weightBasis.basis} weight {iv.weightBasis.weightUsedKg} kg)
              </dt>
              <dd>
                {dose.recomputed ? dose.recomputed.onBasisUsed.mgPerKg.toFixed(3) : iv.mgPerKg.toFixed(3)}
              </dd>
            </div>
            <div>
              <dt>mg/kg on actual weight</dt>
              <dd>{dose.recomputed?.onActualWeight.mgPerKg.toFixed(3)}</dd>
            </div>
            <div>
              <dt>Drug volume</dt>
              <dd>{iv.drugVolumeMl} mL</dd>
            </div>
            <div>
              <dt>Pump rate</dt>
              <dd>
                {iv.pumpRateMlPerHour === null
                  ? 'IV push'
                  : `${iv.pumpRateMlPerHour} mL/h for ${iv.infusionTimeMin.toFixed(1)} min`}
              </dd>
            </div>
          </>
        ) : (
          <div>
            <dt>Devices</dt>
            <dd>{r.route === 'intranasal' ? `${r.devices} × ${r.mgPerDevice} mg` : ''}</dd>
          </div>
        )}
        <div>
          <dt>Ordered</dt>
          <dd>
            {dose.ordered.label}, {when(dose.ordered.at)}
          </dd>
        </div>
        {dose.verified ? (
          <div>
            <dt>Verified</dt>
            <dd>
              {dose.verified.label}, {when(dose.verified.at)}
            </dd>
          </div>
        ) : null}
        {dose.finalised ? (
          <div>
            <dt>Final</dt>
            <dd>
              {dose.finalised.label}, {when(dose.finalised.at)}
            </dd>
          </div>
        ) : null}
        {dose.cancelled ? (
          <div>
            <dt>Cancelled</dt>
            <dd>
              {dose.cancelled.label}: {dose.cancelled.reason}
            </dd>
          </div>
        ) : null}
        {dose.amends ? (
          <div>
            <dt>Amends</dt>
            <dd>an earlier dose: {dose.amends.reason}</dd>
          </div>
        ) : null}
      </dl>
      {r.warnings.length > 0 ? (
        <p className="muted">Warnings at ordering: {r.warnings.map((w) => w.message).join('; ')}</p>
      ) : null}
      <details>
        <summary>Calculation</summary>
        <ExplanationTable
          lines={r.explanation}
          caption={`How the ${r.totalMg} mg dose ordered ${when(dose.ordered.at)} was obtained`}
        />
      </details>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <div className="button-row">
        {canVerify ? (
          <button type="button" className="button" disabled={busy} onClick={() => void act('verify', {})}>
            Verify as second clinician
          </button>
        ) : null}
        {dose.status === 'ordered' && ownOrder && can('dose.verify') ? (
          <span className="muted">You ordered this dose; another clinician must verify it.</span>
        ) : null}
        {canFinalise ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void act('finalise', {})}
          >
            Make final
          </button>
        ) : null}
        {canCancel && !cancelling ? (
          <button type="button" className="button button--secondary" onClick={() => setCancelling(true)}>
            Cancel dose…
          </button>
        ) : null}
      </div>
      {cancelling ? (
        <form
          className="dosing__cancel"
          onSubmit={(e) => {
            e.preventDefault();
            void act('cancel', { reason });
          }}
        >
          <TextField
            label="Reason for cancelling"
            value={reason}
            onChange={setReason}
            required
            minLength={3}
          />
          <div className="button-row">
            <button
              type="submit"
              className="button button--danger"
              disabled={busy || reason.trim().length < 3}
            >
              Cancel this dose
            </button>
            <button type="button" className="button button--secondary" onClick={() => setCancelling(false)}>
              Keep it
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
