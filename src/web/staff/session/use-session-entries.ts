import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api-client';
import { useSession } from '../session-context';
import {
  addEntry,
  flushQueue,
  queueKey,
  readQueue,
  writeQueue,
  type EntryOutcome,
  type QueuedEntry,
  type QueueStorage,
} from './entry-queue';
import {
  postEntry,
  sessionKeys,
  type EntryDraft,
  type SessionEntryBody,
  type SessionView,
} from './session-api';

/** How often waiting entries are tried again while the page is open (also at once when back online). */
export const RETRY_MS = 5_000;

export type SendOutcome = EntryOutcome<SessionView>;

export interface SessionEntries {
  /** Charts one entry; `clientEntryId` is given only to resend the same entry (a confirmation). */
  send: (draft: EntryDraft, clientEntryId?: string) => Promise<SendOutcome>;
  /** Entries saved on this device that the server has not answered yet. */
  waiting: number;
  /** A waiting entry the server refused when it was finally sent (no form is open for it any more). */
  lateRefusal: string | undefined;
}

function browserStorage(): QueueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The session page's chart writes, through the entry queue (entry-queue.ts): saved on the device first,
 * sent in order, kept when the network is gone and sent again on `online` and every few seconds. A saved
 * entry's answer (the session as it now is) goes straight into the cache.
 */
export function useSessionEntries(sessionId: string): SessionEntries {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const storage = useMemo(browserStorage, []);
  const key = queueKey(me.user.id, sessionId);
  const [initial] = useState(() => readQueue(storage, key));
  const queue = useRef<readonly QueuedEntry[]>(initial);
  const [waiting, setWaiting] = useState(initial.length);
  const [lateRefusal, setLateRefusal] = useState<string>();
  const listeners = useRef(new Map<string, (outcome: SendOutcome) => void>());
  const running = useRef<Promise<unknown>>(Promise.resolve());

  const store = useMemo(
    () => ({
      current: () => queue.current,
      update: (change: (q: readonly QueuedEntry[]) => QueuedEntry[]) => {
        queue.current = change(queue.current);
        writeQueue(storage, key, queue.current);
        setWaiting(queue.current.length);
      },
    }),
    [storage, key],
  );

  const report = useCallback(
    (clientEntryId: string, outcome: SendOutcome) => {
      if (outcome.kind === 'saved') queryClient.setQueryData(sessionKeys.detail(sessionId), outcome.view);
      const listener = listeners.current.get(clientEntryId);
      listeners.current.delete(clientEntryId);
      if (listener) listener(outcome);
      else if (outcome.kind === 'refused') setLateRefusal(errorMessage(outcome.error));
    },
    [queryClient, sessionId],
  );

  // One send at a time, so entries reach the server in the order they were charted.
  const flush = useCallback(() => {
    running.current = running.current.then(() =>
      flushQueue(store, (body: SessionEntryBody) => postEntry(sessionId, body), report),
    );
    return running.current;
  }, [store, report, sessionId]);

  useEffect(() => {
    const retry = () => {
      if (queue.current.length > 0) void flush();
    };
    retry();
    window.addEventListener('online', retry);
    const timer = setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(timer);
    };
  }, [flush]);

  const send = useCallback(
    (draft: EntryDraft, clientEntryId: string = crypto.randomUUID()) => {
      const body = { ...draft, clientEntryId } as SessionEntryBody;
      const outcome = new Promise<SendOutcome>((resolve) => listeners.current.set(clientEntryId, resolve));
      setLateRefusal(undefined);
      store.update((q) => addEntry(q, body, new Date()));
      // Behind an entry that is still waiting, this one waits too: say so rather than keep the form busy.
      void flush().then(() => {
        const listener = listeners.current.get(clientEntryId);
        listeners.current.delete(clientEntryId);
        listener?.({ kind: 'waiting' });
      });
      return outcome;
    },
    [store, flush],
  );

  return { send, waiting, lateRefusal };
}
