import type { LedgerSettings } from './ledger-settings.js';
import {
  fail,
  isFilled,
  isInstant,
  isLocalDate,
  ok,
  type LocalDate,
  type Problem,
  type Result,
} from './ledger-types.js';
import type { Product } from './products.js';
import type { Strength } from './quantities.js';

/**
 * The ledger's events. Every movement of a container is one append-only event, in whole micrograms, with
 * the person who did it, the instant and its links; nothing is edited or deleted, and a mistake is put
 * right by a `correction` that names the event it reverses. What each record must hold follows the federal
 * record rules (docs/clinical-sources.md#dea-records-content): receipts name the supplier, its address and
 * DEA number and the date; each administration names the patient, the date, the quantity and who gave it
 * (the patient's name and address are looked up through `patientId` when a report is made); each disposal
 * names the quantity, the date and the manner.
 *
 * One event is about one container. A receipt of a box of ten vials is ten `receive` events.
 */

export const LEDGER_EVENT_TYPES = [
  'receive',
  'open',
  'administer',
  'waste',
  'transfer',
  'return',
  'expire',
  'adjust',
  'count',
  'correction',
] as const;
export type LedgerEventType = (typeof LEDGER_EVENT_TYPES)[number];

/** A supplier or reverse distributor: who, where, and its DEA registration number. */
export interface Registrant {
  name: string;
  address: string;
  deaNumber: string;
}

interface EventBase {
  id: string;
  clinicId: string;
  /** The storage location (safe) the container is in when the event happens. */
  locationId: string;
  containerId: string;
  /** The user who did it. */
  actorId: string;
  /** Epoch milliseconds. */
  at: number;
  note?: string | null;
}

export interface ReceiveEvent extends EventBase {
  type: 'receive';
  productKey: string;
  /** A whole container: equal to the product's content per container. */
  quantityUg: number;
  lotNumber: string;
  expiryDate: LocalDate;
  /** The number written on the container's label. */
  labelNumber: string;
  supplier: Registrant;
  invoiceNumber: string;
  /** The second person who confirmed the receipt (not the receiver). */
  confirmedById: string;
}

export interface OpenEvent extends EventBase {
  type: 'open';
}

export interface AdministerEvent extends EventBase {
  type: 'administer';
  quantityUg: number;
  patientId: string;
  /** The treatment session the dose was given in; the chart and the ledger agree through it. */
  sessionId: string;
  doseOrderId: string;
}

export interface WasteEvent extends EventBase {
  type: 'waste';
  quantityUg: number;
  /** The second licensed person who saw it; required when the jurisdiction setting says so. */
  witnessId: string | null;
  /**
   * Whether a witness was required by the clinic's setting when this was recorded. Stamped on the event so
   * that a replay judges it by the rule in force then, not today's; events recorded before the rule was
   * stamped were all recorded under the only rule there was: witnessed.
   */
  witnessRequired?: boolean;
  /** How it was destroyed. */
  manner: string;
  /** The session whose remainder this is, when there is one. */
  sessionId: string | null;
}

export interface TransferEvent extends EventBase {
  type: 'transfer';
  toLocationId: string;
}

export interface ReturnEvent extends EventBase {
  type: 'return';
  /** The whole remaining balance. */
  quantityUg: number;
  distributor: Registrant;
}

export interface ExpireEvent extends EventBase {
  type: 'expire';
  /** Expired stock, or stock taken out of use for another reason (damaged, recalled). */
  reason: 'expired' | 'quarantined';
}

export interface AdjustEvent extends EventBase {
  type: 'adjust';
  /** Signed change in µg: negative for a loss found, positive for stock found. Never 0. */
  deltaUg: number;
  reason: string;
  witnessId: string | null;
  /**
   * Whether a witness was required by the clinic's setting when this was recorded. Stamped on the event so
   * that a replay judges it by the rule in force then, not today's; events recorded before the rule was
   * stamped were all recorded under the only rule there was: witnessed.
   */
  witnessRequired?: boolean;
  /** The event this adjustment settles (a count, a discrepancy's count), when there is one. */
  relatesToEventId: string | null;
}

export interface CountEvent extends EventBase {
  type: 'count';
  /** The count this line belongs to (all containers counted together). */
  countId: string;
  countedUg: number;
  mode: 'blind' | 'open';
  /** True when an opened container's content was estimated rather than measured. */
  estimated: boolean;
}

export interface CorrectionEvent extends EventBase {
  type: 'correction';
  /** The administer, waste or adjust event whose quantity this reverses. */
  correctsEventId: string;
  reason: string;
  witnessId: string | null;
  /**
   * Whether a witness was required by the clinic's setting when this was recorded. Stamped on the event so
   * that a replay judges it by the rule in force then, not today's; events recorded before the rule was
   * stamped were all recorded under the only rule there was: witnessed.
   */
  witnessRequired?: boolean;
}

export type LedgerEvent =
  | ReceiveEvent
  | OpenEvent
  | AdministerEvent
  | WasteEvent
  | TransferEvent
  | ReturnEvent
  | ExpireEvent
  | AdjustEvent
  | CountEvent
  | CorrectionEvent;

export type ContainerStatus = 'sealed' | 'open' | 'expired' | 'quarantined' | 'returned';

/** Everything the ledger knows about one container after its events so far. */
export interface ContainerBalance {
  containerId: string;
  clinicId: string;
  productKey: string;
  locationId: string;
  status: ContainerStatus;
  balanceUg: number;
  strength: Strength;
  lotNumber: string;
  expiryDate: LocalDate;
  labelNumber: string;
  receivedAt: number;
  lastEventId: string;
  lastEventAt: number;
}

/** What validating one event needs besides the container. */
export interface EventContext {
  /**
   * The clinic's settings when an event is recorded: its stamped witness rule must be the one in force.
   * Absent when events are replayed (verification): each event is judged by the rule stamped on it.
   */
  settings?: Pick<LedgerSettings, 'wasteWitnessRequired' | 'adjustmentWitnessRequired'>;
  /** The product of a `receive` (looked up by its key). */
  product?: Product | null;
  /** For a correction: the event it names, and whether it was corrected before. */
  original?: { event: LedgerEvent; corrected: boolean } | null;
  /** The clinic-local date of the event, to refuse using a container after its expiry date. */
  localDate?: LocalDate | null;
}

/** The change an event makes to its container's balance, in µg (before any correction). */
export function balanceDelta(e: LedgerEvent, original?: LedgerEvent | null): number {
  switch (e.type) {
    case 'receive':
      return e.quantityUg;
    case 'administer':
    case 'waste':
    case 'return':
      return -e.quantityUg;
    case 'adjust':
      return e.deltaUg;
    case 'correction':
      return original ? -balanceDelta(original) : 0;
    default:
      return 0;
  }
}

const DEA_NUMBER = /^[A-Z]{2}\d{7}$/;

function registrantProblems(r: Registrant | undefined, field: string): Problem[] {
  if (!r || typeof r !== 'object') return [{ field, message: 'is required' }];
  const out: Problem[] = [];
  if (!isFilled(r.name)) out.push({ field: `${field}.name`, message: 'is required' });
  if (!isFilled(r.address)) out.push({ field: `${field}.address`, message: 'is required' });
  if (typeof r.deaNumber !== 'string' || !DEA_NUMBER.test(r.deaNumber.trim().toUpperCase()))
    out.push({
      field: `${field}.deaNumber`,
      message: 'must be a DEA registration number: 2 letters and 7 digits',
    });
  return out;
}

const positiveUg = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/**
 * The witness rule an event is judged by: the one stamped on it (which, when it is being recorded, must be
 * the clinic's setting in force), else the setting in force, else witnessed (see `witnessRequired`).
 */
function witnessProblems(
  e: { witnessId: string | null; actorId: string; witnessRequired?: boolean },
  inForce: boolean | undefined,
): Problem[] {
  if (e.witnessRequired !== undefined && typeof e.witnessRequired !== 'boolean')
    return [{ field: 'witnessRequired', message: 'must be true or false' }];
  if (inForce !== undefined && e.witnessRequired !== undefined && e.witnessRequired !== inForce)
    return [{ field: 'witnessRequired', message: `must be the clinic's rule in force (${inForce})` }];
  const required = e.witnessRequired ?? inForce ?? true;
  const { witnessId, actorId } = e;
  if (witnessId === null || witnessId === undefined || !isFilled(witnessId))
    return required ? [{ field: 'witnessId', message: 'a second person must witness this' }] : [];
  if (witnessId === actorId) return [{ field: 'witnessId', message: 'no one witnesses their own entry' }];
  return [];
}

/** Problems with the container's state for a movement of stock (not a receipt). */
function stockProblems(e: LedgerEvent, c: ContainerBalance): Problem[] {
  if (c.clinicId !== e.clinicId) return [{ field: 'containerId', message: "is another clinic's stock" }];
  if (c.status === 'returned')
    return [{ field: 'containerId', message: 'was returned to a reverse distributor; it has no stock' }];
  if (c.locationId !== e.locationId)
    return [{ field: 'locationId', message: 'is not where the container is kept (transfer it first)' }];
  return [];
}

function usableProblems(c: ContainerBalance, localDate: LocalDate | null | undefined): Problem[] {
  if (c.status === 'expired' || c.status === 'quarantined')
    return [
      { field: 'containerId', message: `is ${c.status}: it can only be counted, returned or adjusted` },
    ];
  if (localDate && localDate > c.expiryDate)
    return [{ field: 'containerId', message: `expired on ${c.expiryDate}` }];
  return [];
}

function commonProblems(e: LedgerEvent): Problem[] {
  const out: Problem[] = [];
  if (!(LEDGER_EVENT_TYPES as readonly string[]).includes(e.type))
    return [{ field: 'type', message: `must be one of ${LEDGER_EVENT_TYPES.join(', ')}` }];
  for (const key of ['id', 'clinicId', 'locationId', 'containerId', 'actorId'] as const)
    if (!isFilled(e[key])) out.push({ field: key, message: 'is required' });
  if (!isInstant(e.at)) out.push({ field: 'at', message: 'must be an instant (whole epoch milliseconds)' });
  return out;
}

/**
 * Whether `event` may be appended, given its container's state (null before its receipt) and the context.
 * Problems name the event's fields. A valid event is returned unchanged.
 */
export function validateEvent(
  event: LedgerEvent,
  container: ContainerBalance | null,
  ctx: EventContext,
): Result<LedgerEvent> {
  const common = commonProblems(event);
  if (common.length > 0) return fail(common);
  const e = event;
  const p: Problem[] = [];
  if (e.type === 'receive') {
    if (container) return fail([{ field: 'containerId', message: 'was already received' }]);
    const product = ctx.product;
    if (!product || product.key !== e.productKey)
      return fail([{ field: 'productKey', message: 'is not a product in the catalogue' }]);
    if (!positiveUg(e.quantityUg) || e.quantityUg !== product.strength.contentUg)
      p.push({
        field: 'quantityUg',
        message: 'a receipt is of whole, sealed containers: the full content of one',
      });
    if (!isFilled(e.lotNumber)) p.push({ field: 'lotNumber', message: 'is required' });
    if (!isLocalDate(e.expiryDate)) p.push({ field: 'expiryDate', message: 'must be a date (YYYY-MM-DD)' });
    else if (ctx.localDate && ctx.localDate > e.expiryDate)
      p.push({ field: 'expiryDate', message: 'the container has already expired' });
    if (!isFilled(e.labelNumber)) p.push({ field: 'labelNumber', message: 'is required' });
    p.push(...registrantProblems(e.supplier, 'supplier'));
    if (!isFilled(e.invoiceNumber)) p.push({ field: 'invoiceNumber', message: 'is required' });
    if (!isFilled(e.confirmedById))
      p.push({ field: 'confirmedById', message: 'a second person must confirm the receipt' });
    else if (e.confirmedById === e.actorId)
      p.push({ field: 'confirmedById', message: 'must be someone other than the receiver' });
    return p.length > 0 ? fail(p) : ok(event);
  }

  if (!container) return fail([{ field: 'containerId', message: 'has not been received' }]);
  const stock = stockProblems(e, container);
  if (stock.length > 0) return fail(stock);
  if (e.at < container.lastEventAt)
    p.push({ field: 'at', message: "is before the container's previous event" });
  const c = container;
  const quantity = (q: number, field = 'quantityUg') => {
    if (!positiveUg(q)) p.push({ field, message: 'must be a whole number of micrograms above 0' });
    else if (q > c.balanceUg)
      p.push({ field, message: `is more than the container holds (${c.balanceUg} µg)` });
  };

  switch (e.type) {
    case 'open':
      if (c.status !== 'sealed') p.push({ field: 'containerId', message: 'is not a sealed container' });
      else p.push(...usableProblems(c, ctx.localDate));
      break;
    case 'administer':
      p.push(...usableProblems(c, ctx.localDate));
      if (c.strength.countAs === 'volume' && c.status === 'sealed')
        p.push({ field: 'containerId', message: 'open the vial before drawing from it' });
      quantity(e.quantityUg);
      if (c.strength.countAs === 'unit' && positiveUg(e.quantityUg) && e.quantityUg !== c.balanceUg)
        p.push({ field: 'quantityUg', message: 'a device is given whole' });
      for (const key of ['patientId', 'sessionId', 'doseOrderId'] as const)
        if (!isFilled(e[key]))
          p.push({
            field: key,
            message: 'is required: an administration links to its session and dose order',
          });
      break;
    case 'waste':
      if (c.status !== 'open')
        p.push({
          field: 'containerId',
          message:
            'only an opened container has a remainder to waste; return unused stock to a reverse distributor',
        });
      quantity(e.quantityUg);
      if (!isFilled(e.manner)) p.push({ field: 'manner', message: 'say how it was destroyed' });
      p.push(...witnessProblems(e, ctx.settings?.wasteWitnessRequired));
      break;
    case 'transfer':
      if (!isFilled(e.toLocationId)) p.push({ field: 'toLocationId', message: 'is required' });
      else if (e.toLocationId === e.locationId)
        p.push({ field: 'toLocationId', message: 'is where the container already is' });
      break;
    case 'return':
      quantity(e.quantityUg);
      if (positiveUg(e.quantityUg) && e.quantityUg !== c.balanceUg)
        p.push({ field: 'quantityUg', message: `a return takes the whole balance (${c.balanceUg} µg)` });
      p.push(...registrantProblems(e.distributor, 'distributor'));
      break;
    case 'expire':
      if (c.status !== 'sealed' && c.status !== 'open')
        p.push({ field: 'containerId', message: `is already ${c.status}` });
      if (e.reason !== 'expired' && e.reason !== 'quarantined')
        p.push({ field: 'reason', message: "must be 'expired' or 'quarantined'" });
      break;
    case 'adjust':
      if (!Number.isSafeInteger(e.deltaUg) || e.deltaUg === 0)
        p.push({ field: 'deltaUg', message: 'must be a whole number of micrograms, not 0' });
      else if (c.balanceUg + e.deltaUg < 0)
        p.push({ field: 'deltaUg', message: `would take the balance below 0 (it holds ${c.balanceUg} µg)` });
      else if (c.balanceUg + e.deltaUg > c.strength.contentUg)
        p.push({ field: 'deltaUg', message: 'would put more in the container than it can hold' });
      if (!isFilled(e.reason)) p.push({ field: 'reason', message: 'is required' });
      p.push(...witnessProblems(e, ctx.settings?.adjustmentWitnessRequired));
      break;
    case 'count':
      if (!isFilled(e.countId)) p.push({ field: 'countId', message: 'is required' });
      if (!Number.isSafeInteger(e.countedUg) || e.countedUg < 0)
        p.push({ field: 'countedUg', message: 'must be a whole number of micrograms, 0 or more' });
      if (e.mode !== 'blind' && e.mode !== 'open')
        p.push({ field: 'mode', message: "must be 'blind' or 'open'" });
      if (typeof e.estimated !== 'boolean') p.push({ field: 'estimated', message: 'must be true or false' });
      break;
    case 'correction': {
      const original = ctx.original;
      if (!isFilled(e.correctsEventId) || !original || original.event.id !== e.correctsEventId) {
        p.push({ field: 'correctsEventId', message: 'must name an earlier event of the ledger' });
        break;
      }
      const o = original.event;
      if (o.type !== 'administer' && o.type !== 'waste' && o.type !== 'adjust')
        p.push({
          field: 'correctsEventId',
          message: 'only an administration, a waste or an adjustment can be corrected',
        });
      else if (o.containerId !== e.containerId)
        p.push({ field: 'correctsEventId', message: 'is about another container' });
      else if (original.corrected) p.push({ field: 'correctsEventId', message: 'was already corrected' });
      else {
        const after = c.balanceUg + balanceDelta(e, o);
        if (after < 0)
          p.push({ field: 'correctsEventId', message: 'reversing it would take the balance below 0' });
        else if (after > c.strength.contentUg)
          p.push({
            field: 'correctsEventId',
            message: 'reversing it would put more in the container than it holds',
          });
      }
      if (!isFilled(e.reason)) p.push({ field: 'reason', message: 'is required' });
      p.push(...witnessProblems(e, ctx.settings?.adjustmentWitnessRequired));
      break;
    }
  }
  return p.length > 0 ? fail(p) : ok(event);
}
