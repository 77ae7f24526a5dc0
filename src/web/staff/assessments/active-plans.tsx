import type { Plan, Schedule } from '../../../contracts/measurement';
import { responsibleSuffix } from './schedule-model';

/** The patient's active measurement plans in words, each with an end button for those who manage. */
export function ActivePlans({
  plans,
  clinicians,
  canManage,
  onEnd,
}: {
  plans: Plan[];
  clinicians: Schedule['clinicians'];
  canManage: boolean;
  onEnd: (plan: Plan) => void;
}) {
  return (
    <>
      {plans.map((plan) => (
        <div key={plan.id} className="panel">
          <p>
            <strong>{plan.name}</strong>
            {responsibleSuffix(clinicians, plan.responsibleClinicianId)}
          </p>
          <ul>
            {plan.ruleTexts.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          {canManage ? (
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => onEnd(plan)}
            >
              End this plan
            </button>
          ) : null}
        </div>
      ))}
    </>
  );
}
