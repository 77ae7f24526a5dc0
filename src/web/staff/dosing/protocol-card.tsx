import type { ReactNode } from 'react';
import type { ClinicProtocolEntry } from '../../../contracts/dosing';
import { referenceTitle, type Protocol } from '../../../domain/protocols';
import { Cites } from './protocol-cites';
import { ProtocolStepsTable } from './protocol-steps-table';
import { ceilingText, phaseText, savedByText } from './protocol-text';

interface CardHeadingProps {
  protocol: Protocol;
  entry: ClinicProtocolEntry | undefined;
  id: string;
}

function CardHeading({ protocol, entry, id }: CardHeadingProps) {
  return (
    <summary>
      <h3 id={id} className="protocols__title">
        {protocol.name}{' '}
        <span className="muted">
          ({protocol.id}, version {protocol.version})
        </span>
        {entry ? <span className="badge">{entry.latest ? 'Current version' : 'Superseded'}</span> : null}
      </h3>
    </summary>
  );
}

/** Ceiling, escalation rules and schedule phases, each with the citations behind it. */
function LimitsAndSchedule({ protocol }: { protocol: Protocol }) {
  const c = protocol.ceiling;
  return (
    <>
      <p>
        <strong>Ceiling:</strong> {ceilingText(c)} <Cites protocol={protocol} ids={c.citationIds} />
      </p>
      {protocol.escalation.length > 0 ? (
        <ul>
          {protocol.escalation.map((e) => (
            <li key={e.id}>
              <strong>Escalation:</strong> {e.fromStepId} → {e.toStepId} after ≥{' '}
              {e.minPriorSessionsWithoutResponse} sessions without response{' '}
              <Cites protocol={protocol} ids={e.citationIds} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No escalation rule.</p>
      )}
      <ul>
        {protocol.schedule.phases.map((ph) => (
          <li key={ph.id}>
            <strong>{ph.label}:</strong> {phaseText(ph)} <Cites protocol={protocol} ids={ph.citationIds} />
          </li>
        ))}
      </ul>
    </>
  );
}

function CitationList({ protocol }: { protocol: Protocol }) {
  return (
    <>
      <h4>Citations</h4>
      <ul className="protocols__citations">
        {protocol.citations.map((ci) => (
          <li key={ci.id}>
            <strong>{ci.source}</strong> [{ci.tag}] — {ci.supports}{' '}
            <span className="muted">({referenceTitle(ci.reference)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** One protocol version, collapsed to its heading; `entry` is set for the clinic's own versions. */
export function ProtocolCard({
  protocol,
  entry,
  children,
}: {
  protocol: Protocol;
  entry?: ClinicProtocolEntry;
  children?: ReactNode;
}) {
  const headingId = `protocol-${protocol.id}-v${protocol.version}`;
  return (
    <article className="protocols__card" aria-labelledby={headingId}>
      <details>
        <CardHeading protocol={protocol} entry={entry} id={headingId} />
        <p>
          {protocol.indication}; route {protocol.route === 'iv' ? 'IV' : 'intranasal'}.
          {protocol.description ? ` ${protocol.description}` : ''}
        </p>
        {entry ? <p className="muted">{savedByText(entry, protocol)}</p> : null}
        <ProtocolStepsTable protocol={protocol} />
        <LimitsAndSchedule protocol={protocol} />
        <CitationList protocol={protocol} />
        {children}
      </details>
    </article>
  );
}
