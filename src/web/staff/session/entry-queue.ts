import { ApiError } from '../api-client';
import type { SessionEntryBody } from './session-api';

/**
 * Chart entries on their way to the server. Every entry is saved in the browser before it is sent and
 * removed once the server has answered, so a tablet that loses the network (or a tab closed mid-request)
 * keeps what the nurse charted. The entry's client id makes a repeated send harmless: the server returns
 * the first result. An entry that had to wait carries the time it was entered as its `eventAt`, so the
 * record shows when it happened, not when the network came back.
 */

export interface QueuedEntry {
  body: SessionEntryBody;
  /** When the nurse entered it (ISO instant, the device's clock). */
  enteredAt: string;
  /** Sends that got no answer from the server. */
  attempts: number;
}

export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Bump when the saved shape changes; older saved entries are then kept under their old key. */
const FORMAT = 'v1';

/** One list per person and session: an entry is only ever sent by the person who charted it. */
export function queueKey(userId: string, sessionId: string): string {
  return `arbor.session-entries.${FORMAT}:${userId}:${sessionId}`;
}

function isQueuedEntry(value: unknown): value is QueuedEntry {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<QueuedEntry>;
  return (
    typeof v.enteredAt === 'string' &&
    typeof v.attempts === 'number' &&
    !!v.body &&
    typeof v.body === 'object' &&
    typeof v.body.clientEntryId === 'string' &&
    typeof v.body.type === 'string'
  );
}

/**
 * The saved entries, oldest first. Entries found in storage were entered on an earlier page, so they count
 * as having waited: they are sent with their own time.
 */
export function readQueue(storage: QueueStorage | undefined, key: string): QueuedEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(key) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(isQueuedEntry).map((e) => ({ ...e, attempts: Math.max(1, e.attempts) }));
}

export function writeQueue(storage: QueueStorage | undefined, key: string, queue: readonly QueuedEntry[]) {
  try {
    if (queue.length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(queue));
  } catch {
    // A full or refused storage still leaves the entry in memory for this page.
  }
}

export function addEntry(queue: readonly QueuedEntry[], body: SessionEntryBody, now: Date): QueuedEntry[] {
  if (queue.some((e) => e.body.clientEntryId === body.clientEntryId)) return [...queue];
  return [...queue, { body, enteredAt: now.toISOString(), attempts: 0 }];
}

export function removeEntry(queue: readonly QueuedEntry[], clientEntryId: string): QueuedEntry[] {
  return queue.filter((e) => e.body.clientEntryId !== clientEntryId);
}

export function markAttempt(queue: readonly QueuedEntry[], clientEntryId: string): QueuedEntry[] {
  return queue.map((e) => (e.body.clientEntryId === clientEntryId ? { ...e, attempts: e.attempts + 1 } : e));
}

/** What is sent: an entry that waited says when it was entered (unless the form gave its own time). */
export function bodyToSend(entry: QueuedEntry): SessionEntryBody {
  if (entry.attempts === 0 || entry.body.eventAt) return entry.body;
  return { ...entry.body, eventAt: entry.enteredAt };
}

/**
 * Whether to keep an entry and try again: no answer at all (offline) or a server failure. A 4xx is the
 * server's final word on the entry (invalid, to confirm, refused) and goes back to the person instead.
 */
export function shouldKeep(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500;
}

export type EntryOutcome<V> =
  { kind: 'saved'; view: V } | { kind: 'waiting' } | { kind: 'refused'; error: unknown };

/** The queue as the sender sees it: read the current list, change it (and save it). */
export interface QueueStore {
  current: () => readonly QueuedEntry[];
  update: (change: (queue: readonly QueuedEntry[]) => QueuedEntry[]) => void;
}

/**
 * Sends the entries one at a time, oldest first, so the record keeps their order. It stops at the first
 * entry that gets no answer (the rest would fail the same way) and reports each entry's outcome.
 */
export async function flushQueue<V>(
  store: QueueStore,
  send: (body: SessionEntryBody) => Promise<V>,
  report: (clientEntryId: string, outcome: EntryOutcome<V>) => void,
): Promise<'sent' | 'waiting'> {
  for (;;) {
    const entry = store.current()[0];
    if (!entry) return 'sent';
    const clientEntryId = entry.body.clientEntryId;
    try {
      const view = await send(bodyToSend(entry));
      store.update((q) => removeEntry(q, clientEntryId));
      report(clientEntryId, { kind: 'saved', view });
    } catch (error) {
      if (shouldKeep(error)) {
        store.update((q) => markAttempt(q, clientEntryId));
        report(clientEntryId, { kind: 'waiting' });
        return 'waiting';
      }
      store.update((q) => removeEntry(q, clientEntryId));
      report(clientEntryId, { kind: 'refused', error });
    }
  }
}

/** How many entries this person charted on this device that have not reached the server, over all sessions. */
export function waitingEntryCount(
  storage: (QueueStorage & Pick<Storage, 'length' | 'key'>) | undefined,
  userId: string,
): number {
  if (!storage) return 0;
  const prefix = `arbor.session-entries.${FORMAT}:${userId}:`;
  let count = 0;
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) count += readQueue(storage, key).length;
  }
  return count;
}
