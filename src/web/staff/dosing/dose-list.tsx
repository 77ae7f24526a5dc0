import { useState } from 'react';
import type { DoseRecord } from '../../../contracts/dosing';
import { errorMessage } from '../api-client';
import { useCan } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { DoseActionButtons, DoseCancelForm } from './dose-card-actions';
import { DOSE_STATUS_LABEL, doseCardActions, doseTime } from './dose-card-model';
import { DoseFacts } from './dose-facts';
import { ExplanationTable } from './explanation-table';
import { useDoseAction } from './use-dose-action';

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
  const { error, busy, act } = useDoseAction(dose.id, onChanged);
  const [cancelling, setCancelling] = useState(false);
  // Kept here, not in the cancel form, so a reason typed before "Keep it" is still there next time.
  const [reason, setReason] = useState('');
  const r = dose.result;

  return (
    <article className="dosing__card" aria-labelledby={`dose-${dose.id}`} data-status={dose.status}>
      <h4 id={`dose-${dose.id}`}>
        {r.totalMg} mg — {dose.protocol.name} v{dose.protocol.version}, {r.step.label}{' '}
        <span className={`badge dosing__status dosing__status--${dose.status}`}>
          {DOSE_STATUS_LABEL[dose.status]}
        </span>
      </h4>
      <DoseFacts dose={dose} />
      {r.warnings.length > 0 ? (
        <p className="muted">Warnings at ordering: {r.warnings.map((w) => w.message).join('; ')}</p>
      ) : null}
      <details>
        <summary>Calculation</summary>
        <ExplanationTable
          lines={r.explanation}
          caption={`How the ${r.totalMg} mg dose ordered ${doseTime(dose.ordered.at)} was obtained`}
        />
      </details>
      <ErrorBanner>{error ? errorMessage(error) : null}</ErrorBanner>
      <DoseActionButtons
        allowed={doseCardActions(dose, meId, can)}
        busy={busy}
        cancelling={cancelling}
        onAct={(path) => void act(path, {})}
        onStartCancel={() => setCancelling(true)}
      />
      {cancelling ? (
        <DoseCancelForm
          reason={reason}
          onReasonChange={setReason}
          busy={busy}
          onCancelDose={() => void act('cancel', { reason })}
          onKeep={() => setCancelling(false)}
        />
      ) : null}
    </article>
  );
}
