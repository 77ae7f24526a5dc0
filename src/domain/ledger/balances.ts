import {
  balanceDelta,
  validateEvent,
  type ContainerBalance,
  type EventContext,
  type LedgerEvent,
} from './events.js';
import type { LedgerSettings } from './ledger-settings.js';
import { fail, ok, type LocalDate, type Problem, type Result } from './ledger-types.js';
import type { Product } from './products.js';

/**
 * Balances are derived from the events, never stored as the truth: per container, and per product and
 * storage location as the sum of its containers. `applyEvent` refuses any event that would take a balance
 * below zero (or is otherwise invalid), so a ledger replayed event by event can never show a negative
 * balance, and replaying the same events always gives the same balances.
 */

/** The container after one more event, or the problems that refuse it. */
export function applyEvent(
  container: ContainerBalance | null,
  event: LedgerEvent,
  ctx: EventContext,
): Result<ContainerBalance> {
  const valid = validateEvent(event, container, ctx);
  if (!valid.ok) return valid;
  const e = event;
  if (e.type === 'receive') {
    const product = ctx.product!;
    return ok({
      containerId: e.containerId,
      clinicId: e.clinicId,
      productKey: e.productKey,
      locationId: e.locationId,
      status: 'sealed',
      balanceUg: e.quantityUg,
      strength: product.strength,
      lotNumber: e.lotNumber,
      expiryDate: e.expiryDate,
      labelNumber: e.labelNumber,
      receivedAt: e.at,
      lastEventId: e.id,
      lastEventAt: e.at,
    });
  }
  const c = container!;
  const next: ContainerBalance = {
    ...c,
    balanceUg: c.balanceUg + balanceDelta(e, ctx.original?.event ?? null),
    lastEventId: e.id,
    lastEventAt: e.at,
  };
  if (next.balanceUg < 0) return fail([{ field: 'quantityUg', message: 'would take the balance below 0' }]);
  switch (e.type) {
    case 'open':
    case 'administer':
      if (c.status === 'sealed') next.status = 'open';
      break;
    case 'transfer':
      next.locationId = e.toLocationId;
      break;
    case 'return':
      next.status = 'returned';
      break;
    case 'expire':
      next.status = e.reason;
      break;
  }
  return ok(next);
}

/** One product at one storage location. */
export interface ProductLocationBalance {
  productKey: string;
  locationId: string;
  balanceUg: number;
  /** Containers with stock (returned and emptied containers excluded). */
  containers: number;
  sealed: number;
  open: number;
  /** Expired or quarantined containers still on hand (they count until returned). */
  outOfUse: number;
}

export interface LedgerBalances {
  containers: ContainerBalance[];
  byProductLocation: ProductLocationBalance[];
}

export interface DeriveOptions {
  products: readonly Product[];
  /**
   * The settings to judge every event by, as when they were recorded. Without them (verification), each
   * event is judged by the witness rule stamped on it.
   */
  settings?: Pick<LedgerSettings, 'wasteWitnessRequired' | 'adjustmentWitnessRequired'>;
  /** The clinic-local date of an instant, to refuse use after expiry; without it, expiry dates are not checked. */
  localDateOf?: (at: number) => LocalDate;
}

/** The first event that could not be applied, by its position in the list. */
export interface LedgerViolation {
  index: number;
  eventId: string;
  problems: Problem[];
}

export type DeriveResult = { ok: true; value: LedgerBalances } | { ok: false; violation: LedgerViolation };

/** Per product and location, the sum of its containers' balances, in a stable order. */
export function sumByProductLocation(containers: Iterable<ContainerBalance>): ProductLocationBalance[] {
  const sums = new Map<string, ProductLocationBalance>();
  for (const c of containers) {
    if (c.status === 'returned') continue;
    const key = `${c.productKey}\u0000${c.locationId}`;
    let s = sums.get(key);
    if (!s) {
      s = {
        productKey: c.productKey,
        locationId: c.locationId,
        balanceUg: 0,
        containers: 0,
        sealed: 0,
        open: 0,
        outOfUse: 0,
      };
      sums.set(key, s);
    }
    s.balanceUg += c.balanceUg;
    if (c.balanceUg > 0) {
      s.containers += 1;
      if (c.status === 'sealed') s.sealed += 1;
      else if (c.status === 'open') s.open += 1;
      else s.outOfUse += 1;
    }
  }
  return [...sums.values()].sort(
    (a, b) => cmp(a.productKey, b.productKey) || cmp(a.locationId, b.locationId),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The events a correction may reverse (the rule in `applyEvent`); only these are kept whole. */
const CORRECTABLE = new Set<LedgerEvent['type']>(['administer', 'waste', 'adjust']);

export const isCorrectable = (type: LedgerEvent['type']): boolean => CORRECTABLE.has(type);

/**
 * What the replay keeps of an event no correction may reverse: enough for the rules to name it and
 * refuse a correction of it (its id, type and container), not its receipt, count or transfer details,
 * so a check of five years' events holds about half of them whole.
 */
function outline(e: LedgerEvent): LedgerEvent {
  return { id: e.id, type: e.type, containerId: e.containerId } as LedgerEvent;
}

/** A replay fed the ledger's events one at a time, in its sequence; see `balanceReplay`. */
export interface BalanceReplay {
  /** Applies the next event; the first that breaks a rule is returned (and the replay must stop). */
  apply(event: LedgerEvent): LedgerViolation | null;
  /** Every balance so far. */
  balances(): LedgerBalances;
  /** An event already applied, by id (what a correction names), or null; whole only if a correction may reverse it. */
  eventById(id: string): LedgerEvent | null;
  /** How many events were applied. */
  readonly applied: number;
}

/**
 * Replays events as they are read, a page at a time, so a check of the whole ledger holds the balances
 * and the events a correction may name, never the whole history's rows at once. Event ids must be unique;
 * a correction must come after the event it corrects.
 */
export function balanceReplay(options: DeriveOptions): BalanceReplay {
  const products = new Map(options.products.map((p) => [p.key, p]));
  const settings = options.settings;
  const containers = new Map<string, ContainerBalance>();
  const seen = new Map<string, { event: LedgerEvent; corrected: boolean }>();
  let index = 0;
  return {
    get applied() {
      return index;
    },
    apply(e) {
      const violation = (problems: Problem[]): LedgerViolation => ({ index, eventId: e.id, problems });
      if (seen.has(e.id)) return violation([{ field: 'id', message: 'is used by an earlier event' }]);
      const original = e.type === 'correction' ? (seen.get(e.correctsEventId) ?? null) : null;
      const ctx: EventContext = {
        settings,
        product: e.type === 'receive' ? (products.get(e.productKey) ?? null) : null,
        original,
        localDate: options.localDateOf ? options.localDateOf(e.at) : null,
      };
      const next = applyEvent(containers.get(e.containerId) ?? null, e, ctx);
      if (!next.ok) return violation(next.problems);
      containers.set(e.containerId, next.value);
      if (original) original.corrected = true;
      seen.set(e.id, { event: CORRECTABLE.has(e.type) ? e : outline(e), corrected: false });
      index += 1;
      return null;
    },
    eventById: (id) => seen.get(id)?.event ?? null,
    balances() {
      const list = [...containers.values()].sort((a, b) => cmp(a.containerId, b.containerId));
      return { containers: list, byProductLocation: sumByProductLocation(list) };
    },
  };
}

/**
 * Replays the events in the order given (the ledger's sequence) and returns every balance, or the first
 * event that breaks a rule. Event ids must be unique; a correction must come after the event it corrects.
 */
export function deriveBalances(events: readonly LedgerEvent[], options: DeriveOptions): DeriveResult {
  const replay = balanceReplay(options);
  for (const e of events) {
    const violation = replay.apply(e);
    if (violation) return { ok: false, violation };
  }
  return { ok: true, value: replay.balances() };
}
