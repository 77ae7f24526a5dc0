import type { FormEvent } from 'react';
import type { Schedule } from '../../../contracts/measurement';

/** Starts the clinic's standard plan: the maintenance start date and who is responsible. */
export function StartPlanForm({
  clinicians,
  maintenanceFrom,
  setMaintenanceFrom,
  clinician,
  setClinician,
  createPlan,
}: {
  clinicians: Schedule['clinicians'];
  maintenanceFrom: string;
  setMaintenanceFrom: (value: string) => void;
  clinician: string;
  setClinician: (value: string) => void;
  createPlan: (event: FormEvent) => void;
}) {
  return (
    <form onSubmit={createPlan} className="panel" aria-label="Start a measurement plan">
      <p>PHQ-9 and GAD-7 in the 48 h before every infusion and 24 h after; weekly during maintenance.</p>
      <div className="grid grid--compact">
        <div className="field">
          <label htmlFor="mbc-plan-maintenance">Maintenance (weekly) from</label>
          <input
            id="mbc-plan-maintenance"
            type="date"
            value={maintenanceFrom}
            onChange={(e) => setMaintenanceFrom(e.target.value)}
          />
          <p className="field__hint">Blank: four weeks from today.</p>
        </div>
        <div className="field">
          <label htmlFor="mbc-plan-clinician">Responsible clinician</label>
          <select id="mbc-plan-clinician" value={clinician} onChange={(e) => setClinician(e.target.value)}>
            <option value="">Any clinician</option>
            {clinicians.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="button">
        Start plan
      </button>
    </form>
  );
}
