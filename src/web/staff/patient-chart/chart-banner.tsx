import type { Patient } from '../../../contracts/patients';
import { SafetyStrip } from '../assessments/safety-panel';
import { EligibilityBadge } from '../eligibility/eligibility-badge';
import { dobWithAge, fullName } from '../format';
import { CareStatusBadge } from '../patients/care-status-badge';

const severityLabel = { info: 'Information', warning: 'Warning', critical: 'Critical' } as const;

/** The identity strip on every chart tab: enough to be sure this is the right person. */
export function ChartBanner({ patient }: { patient: Patient }) {
  return (
    <header className="chart-banner">
      <div className="chart-banner__identity">
        <h1>
          {fullName(patient)}
          {patient.preferredName ? (
            <span className="chart-banner__preferred"> “{patient.preferredName}”</span>
          ) : null}
        </h1>
        {!patient.active ? <span className="badge badge--inactive">Inactive record</span> : null}
      </div>
      <dl className="chart-banner__facts">
        <div>
          <dt>Born</dt>
          <dd>{dobWithAge(patient.birthDate)}</dd>
        </div>
        <div>
          <dt>Sex at birth</dt>
          <dd>{patient.sexAtBirth}</dd>
        </div>
        {patient.pronouns ? (
          <div>
            <dt>Pronouns</dt>
            <dd>{patient.pronouns}</dd>
          </div>
        ) : null}
        <div>
          <dt>MRN</dt>
          <dd className="mono">{patient.mrn}</dd>
        </div>
        <div>
          <dt>Care status</dt>
          <dd>
            <CareStatusBadge status={patient.careStatus} />
          </dd>
        </div>
      </dl>
      {patient.alerts?.length ? (
        <ul className="chart-banner__alerts" aria-label="Alerts">
          {patient.alerts.map((alert, index) => (
            <li key={index} className={`alert alert--${alert.severity}`}>
              <strong>{severityLabel[alert.severity]}:</strong> {alert.text}
            </li>
          ))}
        </ul>
      ) : null}
      <EligibilityBadge patientId={patient.id} />
      <SafetyStrip patientId={patient.id} />
    </header>
  );
}
