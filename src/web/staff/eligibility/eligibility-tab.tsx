import type { ChartTabProps } from '../patient-chart/chart-tab-types';
import { formatDateTime } from '../format';
import { Link } from '../routing/link';
import { RemsEnrolmentSection } from '../rems/enrolment-section';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { ConsentsSection } from './consents-section';
import { FormLinksSection } from './form-links-section';
import { diazepamPartText, groupSummary, productOrder, revisionKindWords } from './eligibility-text';
import { ScreeningPanel } from './screening-panel';
import { useEligibilityOverview, useIntake, useMedications } from './use-eligibility-queries';
import './eligibility.css';

function IntakeSection({ patientId }: { patientId: string }) {
  const can = useCan();
  const { data, error, isPending } = useIntake(patientId);
  const current = data?.current;
  return (
    <section aria-labelledby="intake-title">
      <h3 id="intake-title">Intake</h3>
      <LoadState loading={isPending} error={error} />
      {data ? (
        <>
          <p>
            {current ? (
              <>
                <strong>{revisionKindWords[current.kind]}</strong>, revision {current.revision}
                {current.enteredBy ? `, by ${current.enteredBy.label}` : ''} at{' '}
                {formatDateTime(current.createdAt)}
                {current.enteredVia === 'patient' ? ' (entered by the patient)' : ''}
                {current.reason ? `. Reason: ${current.reason}` : ''}.
              </>
            ) : (
              <strong>No intake yet.</strong>
            )}
            {data.adequateTrials !== null ? ` Adequate antidepressant trials: ${data.adequateTrials}.` : ''}
          </p>
          {can('intake.record') ? (
            <p>
              <Link className="button button--secondary" href={paths.patientIntake(patientId)}>
                {current ? 'Open the intake form' : 'Start the intake'}
              </Link>
            </p>
          ) : null}
          {data.summary.length > 0 ? (
            <details className="intake-summary">
              <summary>Answers ({data.summary.length})</summary>
              {groupSummary(data.summary).map(([section, lines]) => (
                <div key={section}>
                  <h4>{section}</h4>
                  <dl>
                    {lines.map((line, i) => (
                      <div key={i}>
                        <dt>{line.label}</dt>
                        <dd>{line.answer}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              ))}
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function MedicationsSection({ patientId }: { patientId: string }) {
  const { data, error, isPending } = useMedications(patientId);
  return (
    <section aria-labelledby="medications-title">
      <h3 id="medications-title">Medications</h3>
      <LoadState loading={isPending} error={error} />
      {data ? (
        data.revision === null ? (
          <p className="muted">No medication list recorded.</p>
        ) : (
          <>
            {data.entries.length === 0 ? (
              <p>None.</p>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Current medications table">
                <table className="table">
                  <caption className="visually-hidden">Current medications</caption>
                  <thead>
                    <tr>
                      <th scope="col">Medicine</th>
                      <th scope="col">Recognised as</th>
                      <th scope="col">Classes</th>
                      <th scope="col">Dose</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.entries.map((e, i) => (
                      <tr key={i}>
                        <td>{e.drug}</td>
                        <td>{e.matched ?? 'not recognised'}</td>
                        <td>
                          {e.classes.length ? e.classes.map((c) => c.replace(/[_-]/g, ' ')).join(', ') : '—'}
                        </td>
                        <td>
                          {e.doseMg ?? '?'} mg × {e.timesPerDay ?? '?'} a day{e.asNeeded ? ' as needed' : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p>
              Benzodiazepine load:{' '}
              <strong>{data.diazepamEquivalent.totalMg} mg diazepam equivalent a day</strong>
            </p>
            {data.diazepamEquivalent.parts.length > 0 ? (
              <ul>
                {data.diazepamEquivalent.parts.map((p, i) => (
                  <li key={i}>{diazepamPartText(p)}</li>
                ))}
              </ul>
            ) : null}
            {data.diazepamEquivalent.unknownDose.length > 0 ? (
              <p>Dose unknown, not counted: {data.diazepamEquivalent.unknownDose.join(', ')}</p>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}

function ScreeningSections({ patientId }: { patientId: string }) {
  const { data, error, isPending } = useEligibilityOverview(patientId);
  return (
    <section aria-labelledby="screening-title">
      <h3 id="screening-title">Screening and eligibility</h3>
      <LoadState loading={isPending} error={error} />
      {data ? (
        <div className="screening-products">
          {productOrder.map((p) => (
            <ScreeningPanel key={p} patientId={patientId} product={p} overview={data} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** The chart's "Eligibility & consent": intake, medications, screening per product, decisions, REMS enrolment, consents. */
export function EligibilityTab({ patient }: ChartTabProps) {
  const can = useCan();
  return (
    <div className="eligibility-tab">
      {can('intake.read') ? (
        <>
          <IntakeSection patientId={patient.id} />
          <MedicationsSection patientId={patient.id} />
          <ScreeningSections patientId={patient.id} />
        </>
      ) : null}
      {can('rems.read') ? <RemsEnrolmentSection patientId={patient.id} /> : null}
      {can('consent.read') ? <ConsentsSection patientId={patient.id} /> : null}
      {can('intake.send') ? <FormLinksSection patient={patient} /> : null}
    </div>
  );
}
