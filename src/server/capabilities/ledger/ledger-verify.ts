import { asc } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { clinics } from '../../../db/schema.js';
import { balanceDelta, deriveBalances, verifyChain, type LedgerEvent } from '../../../domain/ledger/index.js';
import { containersOf, eventsOf, sha256Hex } from './ledger.queries.js';
import { productsOf } from './ledger-state.js';

/**
 * `bin/arbor ledger verify`: for every clinic, checks the hash chain of its events, that every stored
 * column agrees with the event the hash covers, replays the events through the ledger rules (no negative
 * balance, every administration linked to a session, every waste witnessed when required) and compares
 * the derived balances with the stored ones. Returns the first problem found, or what was checked.
 */

export type LedgerVerdict =
  | { ok: true; clinics: number; events: number; containers: number }
  | { ok: false; clinicId: string; eventId: string | null; seq: number | null; problem: string };

export async function verifyLedger(db: Executor): Promise<LedgerVerdict> {
  let events = 0;
  let containers = 0;
  const all = await db.select({ id: clinics.id }).from(clinics).orderBy(asc(clinics.id));
  for (const { id: clinicId } of all) {
    const rows = await eventsOf(db, clinicId);
    const fail = (index: number | null, problem: string): LedgerVerdict => ({
      ok: false,
      clinicId,
      eventId: index === null ? null : rows[index]!.id,
      seq: index === null ? null : rows[index]!.seq,
      problem,
    });
    const chain = verifyChain(
      rows.map((r) => ({ event: r.event, prevHash: r.prevHash, hash: r.hash })),
      sha256Hex,
    );
    if (!chain.ok)
      return fail(
        chain.index,
        chain.reason === 'prev_hash'
          ? 'the chain is broken: an event was removed, inserted or reordered before this one'
          : 'the event does not match its hash: it was changed after it was recorded',
      );
    const list = rows.map((r) => r.event as LedgerEvent);
    const byId = new Map(list.map((e) => [e.id, e]));
    for (const [i, r] of rows.entries()) {
      const e = list[i]!;
      const original = e.type === 'correction' ? (byId.get(e.correctsEventId) ?? null) : null;
      const mismatch =
        r.id !== e.id ||
        r.clinicId !== e.clinicId ||
        r.type !== e.type ||
        r.containerId !== e.containerId ||
        r.locationId !== e.locationId ||
        r.actorId !== e.actorId ||
        r.eventAt.getTime() !== e.at ||
        r.deltaUg !== balanceDelta(e, original) ||
        (r.witnessId ?? null) !== ('witnessId' in e ? (e.witnessId ?? null) : null);
      if (mismatch) return fail(i, 'a stored column disagrees with the hashed event: the row was changed');
      if (e.type === 'administer' && !r.sessionId)
        return fail(i, 'an administration without its treatment session');
    }
    const derived = deriveBalances(list, {
      // No settings: each waste, adjustment and correction is judged by the witness rule stamped on it.
      products: await productsOf(db, clinicId),
    });
    if (!derived.ok) {
      const v = derived.violation;
      return fail(v.index, v.problems.map((p) => `${p.field} ${p.message}`).join('; '));
    }
    const stored = await containersOf(db, clinicId);
    for (const c of derived.value.containers) {
      const s = stored.find((r) => r.container.id === c.containerId);
      if (!s)
        return {
          ok: false,
          clinicId,
          eventId: null,
          seq: null,
          problem: `container ${c.containerId} has no stored balance`,
        };
      if (
        s.balance.balanceUg !== c.balanceUg ||
        s.balance.status !== c.status ||
        s.balance.locationId !== c.locationId
      )
        return {
          ok: false,
          clinicId,
          eventId: null,
          seq: null,
          problem: `container ${c.labelNumber} (${c.containerId}): stored balance ${s.balance.balanceUg} µg ${s.balance.status}, the events give ${c.balanceUg} µg ${c.status}`,
        };
    }
    if (stored.length !== derived.value.containers.length)
      return {
        ok: false,
        clinicId,
        eventId: null,
        seq: null,
        problem: 'a stored container has no receive event',
      };
    events += rows.length;
    containers += stored.length;
  }
  return { ok: true, clinics: all.length, events, containers };
}
