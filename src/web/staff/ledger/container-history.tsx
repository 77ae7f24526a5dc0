import { useState } from 'react';
import { TableRegion } from '../assessments/table-region';
import { formatDateTime } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { LoadState } from '../ui/load-state';
import { TextField } from '../ui/text-field';
import { ActionFeedback } from './action-feedback';
import {
  correctEvent,
  fetchContainerHistory,
  ledgerKeys,
  type ContainerView,
  type EventView,
  type MovementResult,
} from './ledger-api';
import { correctable, eventTypeLabels, quantityText, witnessBody } from './ledger-model';
import { useLedgerAction } from './use-action';
import { emptyWitness, WitnessFields } from './witness-fields';

function CorrectionForm({ event, onDone }: { event: EventView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [witness, setWitness] = useState(emptyWitness);
  const action = useLedgerAction<MovementResult>();
  const e = action.errors;
  const label = eventTypeLabels[event.type] ?? event.type;
  return (
    <form
      className="ledger-form"
      aria-label={`Correct the entry ${label} of ${formatDateTime(event.eventAt)}`}
      onSubmit={(ev) => {
        ev.preventDefault();
        const w = witnessBody(witness);
        void action
          .run(
            () =>
              correctEvent(event.id, {
                reason,
                ...(w ? { witness: w } : {}),
                ...(note.trim() ? { note } : {}),
              }),
            'Correction recorded: the original entry stays and a new event reverses it.',
          )
          .then((done) => {
            if (done) onDone();
          });
      }}
    >
      <p>
        A correction reverses “{label}, {quantityText(event.delta)}” with a new event; the original stays in
        the ledger.
      </p>
      {e.id ? <p className="field__error">{e.id}</p> : null}
      <TextField
        label="Reason for the correction"
        value={reason}
        onChange={setReason}
        maxLength={500}
        error={e.reason}
        required
      />
      <TextField label="Note" value={note} onChange={setNote} maxLength={500} error={e.note} />
      <WitnessFields value={witness} onChange={setWitness} errors={e} />
      <button type="submit" className="button" disabled={action.busy}>
        Record the correction
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}

/** A container's events, newest first, each with its balance after it and a correction per entry. */
export function ContainerHistory({
  container,
  canCorrect,
}: {
  container: ContainerView;
  canCorrect: boolean;
}) {
  const { data, error, isPending } = useApiQuery(ledgerKeys.containerHistory(container.id), (signal) =>
    fetchContainerHistory(container.id, signal),
  );
  const [correcting, setCorrecting] = useState<string>();
  const events = [...(data?.events ?? [])].reverse();
  const corrected = new Set(events.map((ev) => ev.correctsEventId).filter(Boolean));
  const target = events.find((ev) => ev.id === correcting);
  return (
    <section aria-labelledby={`history-${container.id}`}>
      <h4 id={`history-${container.id}`}>History of {container.labelNumber}</h4>
      <LoadState loading={isPending} error={error} />
      {events.length > 0 ? (
        <TableRegion
          label={`Events of ${container.labelNumber}`}
          caption={`Events of ${container.labelNumber}`}
          columns={['When', 'Event', 'Change', 'Balance after', 'Correction']}
        >
          {events.map((ev) => (
            <tr key={ev.id}>
              <td>{formatDateTime(ev.eventAt)}</td>
              <td>
                {eventTypeLabels[ev.type] ?? ev.type}
                {ev.witnessId ? ' (witnessed)' : ''}
                {corrected.has(ev.id) ? ' (corrected)' : ''}
              </td>
              <td>{quantityText(ev.delta)}</td>
              <td>{ev.balanceAfter ? quantityText(ev.balanceAfter) : ''}</td>
              <td>
                {canCorrect && correctable(ev.type) && !corrected.has(ev.id) ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-expanded={correcting === ev.id}
                    onClick={() => setCorrecting(correcting === ev.id ? undefined : ev.id)}
                  >
                    Correct<span className="visually-hidden"> this entry</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </TableRegion>
      ) : null}
      {target ? (
        <CorrectionForm key={target.id} event={target} onDone={() => setCorrecting(undefined)} />
      ) : null}
    </section>
  );
}
