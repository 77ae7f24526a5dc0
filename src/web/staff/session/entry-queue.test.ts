import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import {
  addEntry,
  bodyToSend,
  flushQueue,
  queueKey,
  readQueue,
  shouldKeep,
  waitingEntryCount,
  writeQueue,
  type EntryOutcome,
  type QueuedEntry,
  type QueueStorage,
  type QueueStore,
} from './entry-queue';
import type { SessionEntryBody } from './session-api';

const vitals = (n: number): SessionEntryBody => ({
  type: 'vitals',
  clientEntryId: `00000000-0000-4000-8000-00000000000${n}`,
  line: `120/80 7${n} 98`,
});

const at = new Date('2030-01-02T10:00:00.000Z');

function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function memoryStore(initial: QueuedEntry[]): QueueStore & { list: () => readonly QueuedEntry[] } {
  let queue: readonly QueuedEntry[] = initial;
  return {
    list: () => queue,
    current: () => queue,
    update: (change) => {
      queue = change(queue);
    },
  };
}

const network = () => new ApiError(0, 'network', 'offline');

describe('the entry queue', () => {
  it('keys the saved entries by person and session', () => {
    expect(queueKey('u1', 's1')).not.toBe(queueKey('u2', 's1'));
    expect(queueKey('u1', 's1')).not.toBe(queueKey('u1', 's2'));
  });

  it('adds an entry once, however often it is added', () => {
    const once = addEntry([], vitals(1), at);
    expect(addEntry(once, vitals(1), at)).toHaveLength(1);
    expect(once[0]).toEqual({ body: vitals(1), enteredAt: at.toISOString(), attempts: 0 });
  });

  it('sends a fresh entry as it is, and one that waited with the time it was entered', () => {
    const [fresh] = addEntry([], vitals(1), at);
    expect(bodyToSend(fresh!)).not.toHaveProperty('eventAt');
    expect(bodyToSend({ ...fresh!, attempts: 1 }).eventAt).toBe(at.toISOString());
    const own = { ...fresh!, attempts: 2, body: { ...vitals(1), eventAt: '2030-01-02T09:55:00.000Z' } };
    expect(bodyToSend(own).eventAt).toBe('2030-01-02T09:55:00.000Z');
  });

  it('round-trips through storage, counting a saved entry as one that waited', () => {
    const storage = memoryStorage();
    writeQueue(storage, 'k', addEntry([], vitals(1), at));
    const back = readQueue(storage, 'k');
    expect(back).toHaveLength(1);
    expect(back[0]!.attempts).toBe(1);
    writeQueue(storage, 'k', []);
    expect(storage.data.has('k')).toBe(false);
  });

  it('ignores unreadable or foreign storage', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(readQueue(storage, 'k')).toEqual([]);
    storage.setItem('k', JSON.stringify([{ body: 'x' }, 3]));
    expect(readQueue(storage, 'k')).toEqual([]);
    expect(readQueue(undefined, 'k')).toEqual([]);
  });

  it('keeps an entry on no answer or a server failure, not on a 4xx', () => {
    expect(shouldKeep(network())).toBe(true);
    expect(shouldKeep(new ApiError(503, 'error', 'down'))).toBe(true);
    expect(shouldKeep(new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldKeep(new ApiError(400, 'validation', 'bad'))).toBe(false);
    expect(shouldKeep(new ApiError(409, 'confirmation_required', 'confirm'))).toBe(false);
  });
});

describe('sending the queue', () => {
  it('sends in order and empties the queue', async () => {
    const store = memoryStore(addEntry(addEntry([], vitals(1), at), vitals(2), at));
    const sent: string[] = [];
    const outcomes: [string, EntryOutcome<string>][] = [];
    const result = await flushQueue(
      store,
      async (body) => {
        sent.push(body.clientEntryId);
        return `view after ${body.clientEntryId}`;
      },
      (id, outcome) => outcomes.push([id, outcome]),
    );
    expect(result).toBe('sent');
    expect(sent).toEqual([vitals(1).clientEntryId, vitals(2).clientEntryId]);
    expect(store.list()).toEqual([]);
    expect(outcomes.map(([, o]) => o.kind)).toEqual(['saved', 'saved']);
  });

  it('stops at the first entry without an answer and keeps it and the rest', async () => {
    const store = memoryStore(addEntry(addEntry([], vitals(1), at), vitals(2), at));
    let calls = 0;
    const result = await flushQueue(
      store,
      async () => {
        calls += 1;
        throw network();
      },
      () => undefined,
    );
    expect(result).toBe('waiting');
    expect(calls).toBe(1);
    expect(store.list().map((e) => e.attempts)).toEqual([1, 0]);
  });

  it('retries with the same client id and the entered time after coming back online', async () => {
    const store = memoryStore(addEntry([], vitals(1), at));
    await flushQueue(
      store,
      async () => {
        throw network();
      },
      () => undefined,
    );
    const bodies: SessionEntryBody[] = [];
    await flushQueue(
      store,
      async (body) => {
        bodies.push(body);
        return 'ok';
      },
      () => undefined,
    );
    expect(bodies).toEqual([{ ...vitals(1), eventAt: at.toISOString() }]);
    expect(store.list()).toEqual([]);
  });

  it('drops a refused entry, reports it, and goes on with the next', async () => {
    const store = memoryStore(addEntry(addEntry([], vitals(1), at), vitals(2), at));
    const refused = new ApiError(400, 'validation', 'SpO2 120 is not possible');
    const outcomes: EntryOutcome<string>[] = [];
    await flushQueue(
      store,
      async (body) => {
        if (body.clientEntryId === vitals(1).clientEntryId) throw refused;
        return 'ok';
      },
      (_id, outcome) => outcomes.push(outcome),
    );
    expect(outcomes).toEqual([
      { kind: 'refused', error: refused },
      { kind: 'saved', view: 'ok' },
    ]);
    expect(store.list()).toEqual([]);
  });

  it('keeps an entry added while another is being sent', async () => {
    const store = memoryStore(addEntry([], vitals(1), at));
    await flushQueue(
      store,
      async (body) => {
        if (body.clientEntryId === vitals(1).clientEntryId) store.update((q) => addEntry(q, vitals(2), at));
        else throw network();
        return 'ok';
      },
      () => undefined,
    );
    expect(store.list().map((e) => e.body.clientEntryId)).toEqual([vitals(2).clientEntryId]);
  });
});

describe('entries waiting on the device', () => {
  it('counts one person’s waiting entries over every session, and nobody else’s', () => {
    const store = new Map<string, string>();
    const storage = {
      get length() {
        return store.size;
      },
      key: (i: number) => [...store.keys()][i] ?? null,
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    const entry = (id: string) =>
      addEntry([], { type: 'vitals', clientEntryId: id, line: '120/80 70 98' } as never, new Date(0));
    writeQueue(storage, queueKey('nurse-1', 'session-a'), [...entry('a1'), ...entry('a2')]);
    writeQueue(storage, queueKey('nurse-1', 'session-b'), entry('b1'));
    writeQueue(storage, queueKey('nurse-2', 'session-a'), entry('c1'));
    expect(waitingEntryCount(storage, 'nurse-1')).toBe(3);
    expect(waitingEntryCount(storage, 'nurse-2')).toBe(1);
    expect(waitingEntryCount(storage, 'nobody')).toBe(0);
    expect(waitingEntryCount(undefined, 'nurse-1')).toBe(0);
  });
});
