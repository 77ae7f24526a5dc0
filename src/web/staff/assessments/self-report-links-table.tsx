import type { InstrumentEntry } from '../../../contracts/measurement';
import type { SelfReportLink } from '../../../contracts/self-report';
import { instrumentShortTitle } from './instrument-titles';
import { formatDateTime } from '../format';
import { linkRecipientText, linkStateText } from './self-report-model';
import { TableRegion } from './table-region';

/** The links sent to this patient; a pending one can still be cancelled. */
export function SelfReportLinksTable({
  links,
  instruments,
  onRevoke,
}: {
  links: SelfReportLink[];
  instruments: InstrumentEntry[];
  onRevoke: (linkId: string) => void;
}) {
  return (
    <TableRegion
      label="Self-report links table"
      caption="Self-report links"
      columns={[
        'Sent',
        'Questionnaire',
        'By',
        'State',
        <span key="actions" className="visually-hidden">
          Actions
        </span>,
      ]}
    >
      {links.map((l) => (
        <tr key={l.id}>
          <td>{formatDateTime(l.createdAt)}</td>
          <td>{instrumentShortTitle(instruments, l.instrumentId)}</td>
          <td>{linkRecipientText(l)}</td>
          <td>{linkStateText(l)}</td>
          <td>
            {l.status === 'pending' ? (
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onRevoke(l.id)}
              >
                Cancel link
              </button>
            ) : null}
          </td>
        </tr>
      ))}
    </TableRegion>
  );
}
