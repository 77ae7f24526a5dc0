import type { ReactNode } from 'react';
import type { ChartTabProps } from './chart-tab-types';
import { formatDate, formatDateTime } from '../format';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary__row">
      <dt>{label}</dt>
      <dd>{children || <span className="muted">Not recorded</span>}</dd>
    </div>
  );
}

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(', ');

export function SummaryTab({ patient }: ChartTabProps) {
  const a = patient.address;
  const ec = patient.emergencyContact;
  const rc = patient.referringClinician;
  return (
    <div className="summary">
      <div className="button-row no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print summary
        </button>
      </div>
      <section aria-labelledby="summary-demographics">
        <h3 id="summary-demographics">Demographics</h3>
        <dl className="summary__list">
          <Row label="Legal name">{`${patient.legalGivenName} ${patient.legalFamilyName}`}</Row>
          <Row label="Preferred name">{patient.preferredName}</Row>
          <Row label="Date of birth">{formatDate(patient.birthDate)}</Row>
          <Row label="Sex assigned at birth">{patient.sexAtBirth}</Row>
          <Row label="Gender identity">{patient.genderIdentity}</Row>
          <Row label="Pronouns">{patient.pronouns}</Row>
        </dl>
      </section>
      <section aria-labelledby="summary-contact">
        <h3 id="summary-contact">Contact</h3>
        <dl className="summary__list">
          <Row label="Phone">{patient.phone}</Row>
          <Row label="Email">{patient.email}</Row>
          <Row label="Address">
            {a ? join(a.line1, a.line2, a.city, a.region, a.postalCode, a.country) : null}
          </Row>
          <Row label="Emergency contact">
            {ec ? join(ec.name, ec.relationship, ec.phone, ec.email) : null}
          </Row>
        </dl>
      </section>
      <section aria-labelledby="summary-referral">
        <h3 id="summary-referral">Referring clinician</h3>
        <dl className="summary__list">
          <Row label="Clinician">{rc ? join(rc.name, rc.organisation) : null}</Row>
          <Row label="Contact">{rc ? join(rc.phone, rc.email) : null}</Row>
          <Row label="NPI">{rc?.npi}</Row>
        </dl>
      </section>
      <section aria-labelledby="summary-conditions">
        <h3 id="summary-conditions">Conditions</h3>
        {!patient.conditions ? (
          <p className="muted">Diagnoses and alerts are shown to clinicians only.</p>
        ) : patient.conditions.length === 0 ? (
          <p className="muted">No conditions recorded.</p>
        ) : (
          <ul className="condition-list">
            {patient.conditions.map((c) => (
              <li key={c.code}>
                <span className="mono">{c.code}</span> {c.display}
                {c.onsetDate ? <span className="muted"> · onset {formatDate(c.onsetDate)}</span> : null}
                {c.status === 'resolved' ? <span className="badge">Resolved</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted summary__meta">
        Record version {patient.version}, last changed {formatDateTime(patient.updatedAt)}.
      </p>
    </div>
  );
}
