import { asc } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import { clinics } from '../../../db/schema.js';
import {
  balanceDelta,
  balanceReplay,
  GENESIS_HASH,
  isCorrectable,
  verifyChain,
  type BalanceReplay,
  type LedgerEvent,
} from '../../../domain/ledger/index.js';
import { containersOf, eventCount, eventsAfter, sha256Hex, type EventRow } from './ledger.queries.js';
import { productsOf } from './ledger-state.js';

/**
 * `bin/arbor ledger verify`: for every clinic, checks the hash chain of its events, that every stored
 * column agrees with the event the hash covers, replays the events through the ledger rules (no negative
 * balance, every administration linked to a session, every waste witnessed when required) and compares
 * the derived balances with the stored ones. Returns the first problem found, or what was checked.
 *
 * The events are read a page at a time in the ledger's order, in one read-only snapshot per clinic: the
 * chain carries its head from page to page and the replay its balances and the events seen (any earlier
 * one may be named by a correction), so the stored rows with their hashes are never all held at once.
 */

export type LedgerVerdict =
  | { ok: true; clinics: number; events: number; containers: number }
  | { ok: false; clinicId: string; eventId: string | null; seq: number | null; problem: string };

/** Told after each page: the clinic, the events checked in it so far and how many it holds. */
export type VerifyProgress = (progress: { clinicId: string; checked: number; total: number }) => void;

export interface VerifyOptions {
  onProgress?: VerifyProgress;
  /** Events read at a time (5,000 unless told). */
  pageSize?: number;
}

type Failure = Extract<LedgerVerdict, { ok: false }>;

export async function verifyLedger(db: Database, options: VerifyOptions = {}): Promise<LedgerVerdict> {
  let events = 0;
  let containers = 0;
  const all = await db.select({ id: clinics.id }).from(clinics).orderBy(asc(clinics.id));
  for (const { id: clinicId } of all) {
    // One snapshot per clinic: an event recorded meanwhile must not look like a balance changed behind it.
    const verdict = await db.transaction((tx) => verifyClinic(tx, clinicId, options), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
    if (!verdict.ok) return verdict;
    events += verdict.events;
    containers += verdict.containers;
  }
  return { ok: true, clinics: all.length, events, containers };
}

async function verifyClinic(
  db: Executor,
  clinicId: string,
  { onProgress, pageSize = 5_000 }: VerifyOptions,
): Promise<Failure | { ok: true; events: number; containers: number }> {
  const replay = balanceReplay({
    // No settings: each waste, adjustment and correction is judged by the witness rule stamped on it.
    products: await productsOf(db, clinicId),
  });
  const total = await eventCount(db, clinicId);
  let head = GENESIS_HASH;
  let lastSeq = 0;
  for (;;) {
    const rows = await eventsAfter(db, clinicId, lastSeq, pageSize);
    if (rows.length === 0) break;
    const failure = checkPage(clinicId, rows, head, replay);
    if (typeof failure !== 'string') return failure;
    head = failure;
    lastSeq = rows.at(-1)!.seq;
    onProgress?.({ clinicId, checked: replay.applied, total });
  }
  const balances = await compareBalances(db, clinicId, replay);
  if (balances) return balances;
  return { ok: true, events: replay.applied, containers: replay.balances().containers.length };
}

/** One page: its links in the chain, its stored columns, its events through the rules. The new head, or the failure. */
function checkPage(
  clinicId: string,
  rows: EventRow[],
  head: string,
  replay: BalanceReplay,
): string | Failure {
  const fail = (row: EventRow, problem: string): Failure => ({
    ok: false,
    clinicId,
    eventId: row.id,
    seq: row.seq,
    problem,
  });
  const chain = verifyChain(
    rows.map((r) => ({ event: r.event, prevHash: r.prevHash, hash: r.hash })),
    sha256Hex,
    head,
  );
  if (!chain.ok)
    return fail(
      rows[chain.index]!,
      chain.reason === 'prev_hash'
        ? 'the chain is broken: an event was removed, inserted or reordered before this one'
        : 'the event does not match its hash: it was changed after it was recorded',
    );
  for (const r of rows) {
    const e = r.event as LedgerEvent;
    if (storedColumnsDisagree(r, e, replay))
      return fail(r, 'a stored column disagrees with the hashed event: the row was changed');
    if (e.type === 'administer' && !r.sessionId)
      return fail(r, 'an administration without its treatment session');
    const violation = replay.apply(e);
    if (violation) return fail(r, violation.problems.map((p) => `${p.field} ${p.message}`).join('; '));
  }
  return chain.head;
}

/** The row's columns are copies of the hashed event's fields (and the delta derived from it); any difference is tampering. */
function storedColumnsDisagree(r: EventRow, e: LedgerEvent, replay: BalanceReplay): boolean {
  // Only an event a correction may reverse is kept whole; the rules refuse a correction of any other.
  const named = e.type === 'correction' ? replay.eventById(e.correctsEventId) : null;
  const original = named && isCorrectable(named.type) ? named : null;
  return (
    r.id !== e.id ||
    r.clinicId !== e.clinicId ||
    r.type !== e.type ||
    r.containerId !== e.containerId ||
    r.locationId !== e.locationId ||
    r.actorId !== e.actorId ||
    r.eventAt.getTime() !== e.at ||
    r.deltaUg !== balanceDelta(e, original) ||
    (r.witnessId ?? null) !== ('witnessId' in e ? (e.witnessId ?? null) : null)
  );
}

/** The stored balances against the derived ones: every container, each once. */
async function compareBalances(
  db: Executor,
  clinicId: string,
  replay: BalanceReplay,
): Promise<Failure | null> {
  const fail = (problem: string): Failure => ({ ok: false, clinicId, eventId: null, seq: null, problem });
  const stored = new Map((await containersOf(db, clinicId)).map((r) => [r.container.id, r.balance]));
  const derived = replay.balances().containers;
  for (const c of derived) {
    const s = stored.get(c.containerId);
    if (!s) return fail(`container ${c.containerId} has no stored balance`);
    if (s.balanceUg !== c.balanceUg || s.status !== c.status || s.locationId !== c.locationId)
      return fail(
        `container ${c.labelNumber} (${c.containerId}): stored balance ${s.balanceUg} µg ${s.status}, the events give ${c.balanceUg} µg ${c.status}`,
      );
  }
  if (stored.size !== derived.length) return fail('a stored container has no receive event');
  return null;
}
