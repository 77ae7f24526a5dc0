import { formatDate, formatDateTime } from '../format';
import { formStatusText } from '../rems/rems-text';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useCan } from '../session-context';
import type { SessionView } from './session-api';

type Rems = NonNullable<SessionView['rems']>;

/** One REMS fact as a word and a mark: never by colour alone. */
function Fact({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <li className={`rems-fact rems-fact--${ok ? 'ok' : 'problem'}`}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {ok ? yes : no}
    </li>
  );
}

function FormFact({ rems, sessionId, started }: { rems: Rems; sessionId: string; started: boolean }) {
  const can = useCan();
  const status = rems.formStatus;
  const text = status
    ? formStatusText(status, formatDate(rems.dueOn))
    : 'Created once the first device is taken';
  return (
    <li className={`rems-fact rems-fact--${status ?? 'none'}`}>
      Monitoring form: <strong>{text}</strong>
      {started && can('rems.forms') ? (
        <>
          {' '}
          {/* The page reads the form by its session, which makes it on first use; until then the
              session's id stands in for the form's in the address. */}
          <Link href={paths.remsForm(rems.formId ?? sessionId, sessionId)}>Open the monitoring form</Link>
        </>
      ) : null}
    </li>
  );
}

/** The SPRAVATO REMS in the session header: enrolment, certification, and the monitoring form's deadline. */
export function RemsStrip({ view }: { view: SessionView }) {
  const rems = view.rems;
  if (!rems) return null;
  return (
    <ul className="rems-strip" aria-label="SPRAVATO REMS">
      <Fact ok={rems.patientEnrolled} yes="Patient enrolled" no="Patient not enrolled in the REMS" />
      <Fact ok={rems.settingCertified} yes="Setting certified" no="Setting not certified" />
      <FormFact rems={rems} sessionId={view.id} started={view.startedAt !== null} />
    </ul>
  );
}

/** When an entry happened, from the timeline (the event list carries only a summary). */
const entryTime = (view: SessionView, entryId: string) => view.entries.find((e) => e.id === entryId)?.eventAt;

/**
 * Esketamine: each serious adverse event is also reported to the REMS by phone. Says the number and what
 * to report — the event, the patient, the date — beside the event list.
 */
export function RemsReportNotice({ view }: { view: SessionView }) {
  const serious = view.adverseEvents.filter((a) => a.serious);
  if (view.kind !== 'esketamine' || !view.rems || serious.length === 0) return null;
  const phone = view.rems.reportingPhone;
  return (
    <section className="alert alert--critical rems-report" aria-labelledby="rems-report-title">
      <h2 id="rems-report-title">
        Report to the SPRAVATO REMS by phone: <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
      </h2>
      <p>For each serious adverse event, report:</p>
      <ul>
        {serious.map((a) => {
          const at = entryTime(view, a.entryId) ?? view.startedAt ?? view.checkedInAt;
          return (
            <li key={a.entryId}>
              <strong>The event:</strong> {a.summary}. <strong>The patient:</strong> {view.patient.name}, born{' '}
              {formatDate(view.patient.birthDate)}, MRN {view.patient.mrn}. <strong>The date:</strong>{' '}
              {formatDateTime(at)}.
            </li>
          );
        })}
      </ul>
    </section>
  );
}
