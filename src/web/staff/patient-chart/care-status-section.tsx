import type { Patient } from '../../../contracts/patients';
import { careStatusLabels, careStatusMoves } from '../../../domain/patients';
import type { StatusChange } from './status-change';

interface CareStatusSectionProps {
  patient: Patient;
  canUpdate: boolean;
  open: (change: StatusChange) => void;
}

/** The current care status and the moves allowed from it. */
export function CareStatusSection({ patient, canUpdate, open }: CareStatusSectionProps) {
  const moves = careStatusMoves[patient.careStatus];
  return (
    <section aria-labelledby="status-care">
      <h3 id="status-care">Care status</h3>
      <p>
        Currently <strong>{careStatusLabels[patient.careStatus]}</strong>.
      </p>
      {patient.active && canUpdate ? (
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
      ) : !canUpdate ? (
        <p className="muted">A nurse or physician changes the care status.</p>
      ) : (
        <p className="muted">Reactivate the record to change its care status.</p>
      )}
    </section>
  );
}
