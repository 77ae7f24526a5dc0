import { Fragment } from 'react';
import type { OutboxMessage } from '../../../contracts/outbox';
import { formatDateTime } from '../format';
import { OutboxMessageLoader } from './outbox-message-text';
import { messageNoun, outboxChannelLabels, outboxStatusLabels } from './outbox-model';

interface OutboxTableProps {
  items: readonly OutboxMessage[];
  /** Whether the person may put a failed message back in the queue. */
  canRetry: boolean;
  onRetry: (message: OutboxMessage) => void;
  /** The message being retried right now, if any. */
  retrying: string | undefined;
  /** The message whose text is open, if any: one at a time. */
  opened: string | undefined;
  onOpen: (id: string | undefined) => void;
}

function Instant({ iso }: { iso: string | null }) {
  if (!iso) return <span className="muted">Not sent</span>;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

export function OutboxTable({ items, canRetry, onRetry, retrying, opened, onOpen }: OutboxTableProps) {
  return (
    <div className="table-wrap" role="region" aria-label="Messages" tabIndex={0}>
      <table className="table table--outbox">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Channel</th>
            <th scope="col">Recipient</th>
            <th scope="col">Subject</th>
            <th scope="col">Created</th>
            <th scope="col">Sent</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((message) => {
            const open = opened === message.id;
            const what = messageNoun(message);
            return (
              <Fragment key={message.id}>
                <tr className={open ? 'is-selected' : undefined}>
                  <td>
                    <span className={`badge outbox-status outbox-status--${message.status}`}>
                      {outboxStatusLabels[message.status]}
                    </span>
                    {message.attempts > 0 ? (
                      <span className="outbox-attempts muted">
                        {' '}
                        {message.attempts} {message.attempts === 1 ? 'attempt' : 'attempts'}
                      </span>
                    ) : null}
                    {message.lastError ? <p className="outbox-error">{message.lastError}</p> : null}
                  </td>
                  <td>{outboxChannelLabels[message.channel]}</td>
                  <td className="nowrap">{message.recipient}</td>
                  <td>{message.subject ?? <span className="muted">No subject (SMS)</span>}</td>
                  <td>
                    <Instant iso={message.createdAt} />
                  </td>
                  <td>
                    <Instant iso={message.sentAt} />
                  </td>
                  <td className="outbox-actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-expanded={open}
                      aria-label={`${open ? 'Hide' : 'Show'} the text of ${what}`}
                      onClick={() => onOpen(open ? undefined : message.id)}
                    >
                      {open ? 'Hide text' : 'Show text'}
                    </button>
                    {canRetry && message.status === 'failed' ? (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Retry ${what}`}
                        disabled={retrying !== undefined}
                        onClick={() => onRetry(message)}
                      >
                        {retrying === message.id ? 'Retrying…' : 'Retry'}
                      </button>
                    ) : null}
                  </td>
                </tr>
                {open ? (
                  <tr className="outbox-detail">
                    <td colSpan={7}>
                      <OutboxMessageLoader id={message.id} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
