import { useState } from 'react';
import type { InstrumentEntry, ResponseListItem } from '../../../contracts/measurement';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { instrumentShortTitle } from './instrument-titles';
import { formatDateTime } from '../format';
import { measurementApi } from './measurement-api';
import { ResponseView } from './response-view';
import { TableRegion } from './table-region';

/** One response; a corrected one is struck through and its toggle opens the details below the table. */
function ResponseRow({
  response: r,
  title,
  open,
  onToggle,
}: {
  response: ResponseListItem;
  title: string;
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <tr className={r.supersededBy ? 'mbc-superseded' : undefined}>
      <td>{formatDateTime(r.administeredAt)}</td>
      <td>{title}</td>
      <td>{r.value ?? '—'}</td>
      <td>{r.severity ?? '—'}</td>
      <td>{r.flags.join(', ') || '—'}</td>
      <td>
        {r.source}
        {r.amendsId ? ' · correction' : ''}
        {r.supersededBy ? ' · corrected' : ''}
      </td>
      <td>
        <button
          type="button"
          className="button button--small button--link"
          aria-expanded={open}
          onClick={onToggle}
        >
          {open ? 'Hide' : 'View'}
          <span className="visually-hidden">
            {' '}
            {title} of {formatDateTime(r.administeredAt)}
          </span>
        </button>
      </td>
    </tr>
  );
}

export function ResponsesTable({
  patientId,
  instruments,
  refreshKey,
  onChange,
}: {
  patientId: string;
  instruments: InstrumentEntry[];
  refreshKey: number;
  onChange: () => void;
}) {
  const { data, error, loading, reload } = useLoad(
    (signal) => measurementApi.responses(patientId, signal),
    `${patientId}:${refreshKey}`,
  );
  const [open, setOpen] = useState<string>();
  if (!data) return <LoadState loading={loading} error={error} />;
  return (
    <section aria-labelledby="mbc-responses-title" className="mbc-section">
      <h3 id="mbc-responses-title">Responses ({data.total})</h3>
      {data.items.length === 0 ? (
        <p className="muted">No responses yet.</p>
      ) : (
        <TableRegion
          label="Responses table"
          caption="Questionnaire responses, newest first"
          columns={[
            'Answered',
            'Questionnaire',
            'Score',
            'Severity',
            'Flags',
            'Source',
            <span key="details" className="visually-hidden">
              Details
            </span>,
          ]}
        >
          {data.items.map((r) => (
            <ResponseRow
              key={r.id}
              response={r}
              title={instrumentShortTitle(instruments, r.instrumentId)}
              open={open === r.id}
              onToggle={() => setOpen(open === r.id ? undefined : r.id)}
            />
          ))}
        </TableRegion>
      )}
      {open ? (
        <ResponseView
          id={open}
          instruments={instruments}
          onAmended={() => {
            setOpen(undefined);
            reload();
            onChange();
          }}
        />
      ) : null}
    </section>
  );
}
