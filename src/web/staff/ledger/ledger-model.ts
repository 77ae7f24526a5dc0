import {
  SIGNIFICANCE_FACTORS,
  type Form106Data,
  type LossJudgement,
  type SmallLossPattern,
} from '../../../domain/ledger';
import type {
  ContainerView,
  CountSheetView,
  CountSubmitRequest,
  DiscrepancyView,
  LocationView,
  ProductLocationTotal,
  WitnessRequest,
} from './ledger-api';

/** What the stock screen says about a container: its recorded status, or empty once nothing is left. */
export type ContainerState = 'sealed' | 'open' | 'empty' | 'expired' | 'quarantined' | 'returned';

export function containerState(c: Pick<ContainerView, 'status' | 'balance'>): ContainerState {
  if (c.status === 'open' && c.balance.ug === 0) return 'empty';
  return c.status;
}

export const stateLabels: Record<ContainerState, string> = {
  sealed: 'Sealed',
  open: 'Open',
  empty: 'Empty',
  expired: 'Expired',
  quarantined: 'Quarantined',
  returned: 'Returned',
};

/** A quantity as people read it: "465 mg (9.3 mL)" or "1 unit". */
export function quantityText(q: { mg: string; ml: string | null; units: number | null }): string {
  if (q.units !== null) return `${q.mg} mg (${q.units} ${q.units === 1 ? 'unit' : 'units'})`;
  return q.ml !== null ? `${q.mg} mg (${q.ml} mL)` : `${q.mg} mg`;
}

/** True when the expiry date (YYYY-MM-DD) is before `today`. */
export const isPastExpiry = (expiryDate: string, today: string): boolean => expiryDate < today;

export interface StockGroup {
  location: { id: string; name: string };
  products: { total: ProductLocationTotal; product: string; containers: ContainerView[] }[];
}

/**
 * Containers grouped by location (in the order of the locations list, unknown ones last) and then by
 * product, each product with its total from the server; returned containers are left out.
 */
export function groupStock(
  containers: readonly ContainerView[],
  totals: readonly ProductLocationTotal[],
  locations: readonly Pick<LocationView, 'id' | 'name'>[],
): StockGroup[] {
  const names = new Map(locations.map((l) => [l.id, l.name]));
  const locationIds = [...new Set([...locations.map((l) => l.id), ...totals.map((t) => t.locationId)])];
  const groups: StockGroup[] = [];
  for (const locationId of locationIds) {
    const products = totals
      .filter((t) => t.locationId === locationId)
      .map((total) => {
        const inGroup = containers.filter(
          (c) => c.locationId === locationId && c.productKey === total.productKey && c.status !== 'returned',
        );
        return { total, product: inGroup[0]?.product ?? total.productKey, containers: inGroup };
      })
      .filter((p) => p.containers.length > 0);
    if (products.length === 0) continue;
    groups.push({
      location: { id: locationId, name: names.get(locationId) ?? 'Unknown location' },
      products,
    });
  }
  return groups;
}

/** The witness block as the contract takes it, or undefined when nothing was typed. */
export function witnessBody(w: WitnessRequest): WitnessRequest | undefined {
  if (!w.email.trim() && !w.password && !w.code.trim()) return undefined;
  return { email: w.email.trim(), password: w.password, code: w.code.trim() };
}

/** The unit a count line is entered in: mL for what is drawn by volume, whole units otherwise. */
export const countUnit = (line: CountSheetView['lines'][number]): 'mL' | 'unit' =>
  line.countAs === 'volume' ? 'mL' : 'unit';

/**
 * The submission of a count sheet from what was typed per container. A line left blank is refused
 * here, naming it, so the counter does not send a sheet with a container they did not count.
 */
export function countSubmission(
  sheet: CountSheetView,
  typed: Readonly<Record<string, string>>,
): { ok: true; body: CountSubmitRequest } | { ok: false; missing: string[] } {
  const missing: string[] = [];
  const lines: CountSubmitRequest['lines'] = [];
  for (const line of sheet.lines) {
    const text = (typed[line.containerId] ?? '').trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0) {
      missing.push(line.containerId);
      continue;
    }
    lines.push({
      containerId: line.containerId,
      counted: { value, unit: countUnit(line) },
      estimated: false,
    });
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, body: { lines } };
}

/** The recorded outcome of a closed discrepancy, as the server writes it. */
export type DiscrepancyOutcome =
  | { kind: 'resolved'; reason: string }
  | { kind: 'judged'; judgement: LossJudgement; form106: Form106Data | null }
  | { kind: 'none' };

export function discrepancyOutcome(d: Pick<DiscrepancyView, 'outcome'>): DiscrepancyOutcome {
  const o = d.outcome;
  if (!o || typeof o !== 'object') return { kind: 'none' };
  if ('judgement' in o && o.judgement && typeof o.judgement === 'object') {
    const form106 = 'form106' in o && o.form106 && typeof o.form106 === 'object' ? o.form106 : null;
    return {
      kind: 'judged',
      judgement: o.judgement as LossJudgement,
      form106: form106 as Form106Data | null,
    };
  }
  if ('reason' in o && typeof o.reason === 'string') return { kind: 'resolved', reason: o.reason };
  return { kind: 'none' };
}

export const significanceFactors = SIGNIFICANCE_FACTORS;
export type FactorId = (typeof SIGNIFICANCE_FACTORS)[number]['id'];

/** The small-loss patterns the discrepancy list returns, kept only when they have the expected shape. */
export function smallLossPatterns(patterns: readonly unknown[]): SmallLossPattern[] {
  return patterns.filter(
    (p): p is SmallLossPattern =>
      !!p &&
      typeof p === 'object' &&
      typeof (p as SmallLossPattern).productKey === 'string' &&
      Array.isArray((p as SmallLossPattern).discrepancyIds),
  );
}

/** A Form 106 field's value for the screen: missing ones say so. */
export function form106Value(value: string | number | boolean | null): string | null {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** Words for the event types of the ledger. */
export const eventTypeLabels: Record<string, string> = {
  receive: 'Received',
  open: 'Opened',
  administer: 'Administered',
  waste: 'Wasted',
  transfer: 'Transferred',
  return: 'Returned',
  expire: 'Taken out of use',
  adjust: 'Adjusted',
  count: 'Counted',
  correction: 'Correction',
};

/** Events that a correction may reverse. */
export const correctable = (type: string): boolean => ['administer', 'waste', 'adjust'].includes(type);

/** The first and last day of the current month for a date (YYYY-MM-DD). */
export function monthOf(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** A problem with one field of one row of a list, however the server spells the index. */
export function rowError(
  errors: Readonly<Record<string, string>>,
  list: string,
  index: number,
  field: string,
): string | undefined {
  return errors[`${list}.${index}.${field}`] ?? errors[`${list}[${index}].${field}`];
}
