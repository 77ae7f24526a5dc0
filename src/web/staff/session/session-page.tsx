import { useClinicClock } from '../scheduling/use-clinic-clock';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useApiQuery } from '../query/use-api-query';
import { useCan, useSession } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { ChecklistSection } from './checklist-section';
import { DevicesSection } from './devices-section';
import { DischargeGateSection, DoseSection } from './dose-section';
import { EventsSection } from './events-section';
import { NoteSection } from './note-section';
import { RemsReportNotice } from './rems-strip';
import { ScalesSection } from './scales-section';
import { ActionsSection } from './session-actions';
import { fetchSession, sessionKeys } from './session-api';
import type { SectionProps } from './session-fields';
import { SessionHeader } from './session-header';
import { TimelineSection } from './timeline-section';
import { useBoardStream } from './use-board-stream';
import { useSessionEntries, type SessionEntries } from './use-session-entries';
import { VitalsSection } from './vitals-section';
import './session.css';

/** How many entries wait on this device, said (politely) whenever it changes. */
function WaitingNotice({ entries }: { entries: SessionEntries }) {
  return (
    <div role="status" aria-live="polite" className="session-waiting-region">
      {entries.waiting > 0 ? (
        <p className="banner banner--notice">
          <strong>
            {entries.waiting} {entries.waiting === 1 ? 'entry' : 'entries'} waiting to send.
          </strong>{' '}
          They are kept on this device and sent as soon as the connection returns.
        </p>
      ) : null}
      {entries.lateRefusal ? (
        <ErrorBanner>An entry that waited was refused when it was sent: {entries.lateRefusal}</ErrorBanner>
      ) : null}
    </div>
  );
}

/**
 * The treatment session at the chair (an infusion, or esketamine devices with the REMS strip and the
 * devices panel): header, actions, quick vitals and the chart first (the things done
 * every few minutes), then the checklist, scales, events, dose, discharge criteria, note and timeline.
 * Every change arrives live (the board stream); every entry goes through the device's queue.
 */
export function SessionPage({ id }: { id: string }) {
  const { me } = useSession();
  const can = useCan();
  const { now } = useClinicClock();
  const session = useApiQuery(sessionKeys.detail(id), (signal) => fetchSession(id, signal));
  const entries = useSessionEntries(id);
  useBoardStream();
  const view = session.data;
  return (
    <div className="session-page">
      <p className="breadcrumb">
        <Link href={paths.board()}>Chair board</Link>
        {view ? (
          <>
            {' / '}
            <Link href={paths.patient(view.patient.id)}>Patient chart</Link>
          </>
        ) : null}
      </p>
      <WaitingNotice entries={entries} />
      {view ? (
        <SessionBody
          props={{ view, entries, canChart: can('session.chart'), physician: me.user.role === 'physician' }}
          now={now}
        />
      ) : (
        <>
          <h1>Session</h1>
          <LoadState loading={session.isPending} error={session.error} />
        </>
      )}
    </div>
  );
}

/** Before the start the checklist is the work at hand; after it, a record to look back at. */
const BEFORE_START = new Set(['checked_in', 'checklist_done']);

function SessionBody({ props, now }: { props: SectionProps; now: number }) {
  const checklistFirst = BEFORE_START.has(props.view.state);
  return (
    <>
      <SessionHeader view={props.view} now={now} />
      <div className="session-grid">
        <div className="session-grid__main">
          <RemsReportNotice view={props.view} />
          <ActionsSection {...props} />
          {props.view.kind === 'esketamine' ? <DevicesSection {...props} /> : null}
          {checklistFirst ? <ChecklistSection {...props} /> : null}
          <VitalsSection {...props} />
          <ScalesSection {...props} />
          <EventsSection {...props} />
        </div>
        <div className="session-grid__side">
          {checklistFirst ? null : <ChecklistSection {...props} />}
          <DoseSection {...props} />
          <DischargeGateSection view={props.view} />
          <NoteSection {...props} />
          <TimelineSection entries={props.view.entries} />
        </div>
      </div>
    </>
  );
}
