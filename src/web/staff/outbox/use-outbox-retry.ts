import { useState } from 'react';
import type { OutboxMessage } from '../../../contracts/outbox';
import { apiPost } from '../api-client';
import { messageNoun, outboxRetryPath } from './outbox-model';

/** Putting a failed message back in the queue, one at a time; the list reloads afterwards. */
export function useOutboxRetry(onDone: () => void) {
  const [retrying, setRetrying] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');

  const retry = async (message: OutboxMessage) => {
    setRetrying(message.id);
    setError(undefined);
    setNotice('');
    try {
      await apiPost<OutboxMessage>(outboxRetryPath(message.id));
      const what = messageNoun(message);
      setNotice(`${what.charAt(0).toUpperCase()}${what.slice(1)} is queued again.`);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setRetrying(undefined);
    }
  };

  return { retry: (message: OutboxMessage) => void retry(message), retrying, error, notice };
}
