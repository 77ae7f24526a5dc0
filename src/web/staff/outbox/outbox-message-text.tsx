import type { OutboxMessageDetail } from '../../../contracts/outbox';
import { apiGet } from '../api-client';
import { useApiQuery } from '../query/use-api-query';
import { LoadState } from '../ui/load-state';
import { outboxKeys, outboxMessagePath } from './outbox-model';

/**
 * A message's text as the server sends it: link tokens already replaced and addresses masked (the
 * server never sends a live link to this page). Shown as plain text, never as links.
 */
export function OutboxMessageText({ message }: { message: OutboxMessageDetail }) {
  return (
    <div className="outbox-text">
      <p className="muted">Link tokens are hidden: this copy of the message cannot be used to open a link.</p>
      <pre className="outbox-text__body">{message.body}</pre>
    </div>
  );
}

/** Loads one message's text when its row is opened (each opening is audited by the server). */
export function OutboxMessageLoader({ id }: { id: string }) {
  const { data, error, isPending } = useApiQuery(outboxKeys.message(id), (signal) =>
    apiGet<OutboxMessageDetail>(outboxMessagePath(id), { signal }),
  );
  return (
    <>
      <LoadState loading={isPending} error={error} />
      {data ? <OutboxMessageText message={data} /> : null}
    </>
  );
}
