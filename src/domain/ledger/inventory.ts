import type { ContainerBalance } from './events.js';
import {
  fail,
  isFilled,
  isInstant,
  isLocalDate,
  ok,
  type LocalDate,
  type Problem,
  type Result,
  type SourceRef,
} from './ledger-types.js';
import { strengthLabel, type Product } from './products.js';

/**
 * Initial and biennial inventories (docs/clinical-sources.md#dea-inventory). An initial inventory is taken
 * on the first day controlled substances are handled (zero when there is no stock); after it, a new
 * inventory at least every two years, on any date in that window. Each inventory records its date, whether
 * it was taken at the opening or the close of business, and is signed. For Schedule III–V, an opened
 * container may be an estimated count unless it holds more than 1,000 tablets or capsules, which are
 * counted exactly; sealed containers are counted. Some states require a yearly inventory: the interval is
 * the setting `inventoryIntervalMonths` (24 by default, never more).
 */

const INVENTORY: SourceRef = { section: 'docs/clinical-sources.md#dea-inventory', evidence: 'secondary' };

/** The date `months` calendar months after `date`; a day the month lacks becomes its last day. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The last date the next inventory may be taken, counted from the previous one. */
export function nextInventoryDue(
  previous: LocalDate,
  intervalMonths = 24,
): { dueBy: LocalDate; source: SourceRef } {
  return { dueBy: addMonths(previous, Math.min(24, intervalMonths)), source: INVENTORY };
}

export type InventoryCountRule = 'exact' | 'estimate_allowed';

/**
 * How one container is counted in an inventory: a sealed container is counted exactly; an opened one may
 * be estimated, unless it is a solid dose form holding more than 1,000 tablets or capsules.
 */
export function inventoryCountRule(
  container: Pick<ContainerBalance, 'status'>,
  tabletsOrCapsulesPerContainer: number | null = null,
): { rule: InventoryCountRule; reason: string; source: SourceRef } {
  if (container.status === 'sealed')
    return { rule: 'exact', reason: 'a sealed container is counted exactly', source: INVENTORY };
  if (tabletsOrCapsulesPerContainer !== null && tabletsOrCapsulesPerContainer > 1000)
    return {
      rule: 'exact',
      reason: 'an opened container of more than 1,000 tablets or capsules is counted exactly',
      source: INVENTORY,
    };
  return {
    rule: 'estimate_allowed',
    reason: 'an opened Schedule III container may be estimated',
    source: INVENTORY,
  };
}

export interface InventoryLineInput {
  containerId: string;
  countedUg: number;
  estimated: boolean;
}

export interface InventoryInput {
  kind: 'initial' | 'biennial' | 'other';
  takenOn: LocalDate;
  timeOfDay: 'opening_of_business' | 'close_of_business';
  registrant: { name: string; address: string; deaNumber: string };
  locationIds: readonly string[];
  /** One line per container on hand; none for an initial inventory with no stock. */
  lines: readonly InventoryLineInput[];
  /** An initial inventory with no stock must say so. */
  zeroStock: boolean;
  signedBy: string;
  signedAt: number;
}

/** One product in the inventory: what the record must say about it. */
export interface InventoryProductEntry {
  productKey: string;
  name: string;
  finishedForm: string;
  strength: string;
  /** Sealed containers counted. */
  sealedContainers: number;
  /** Opened containers, each with its quantity and whether it was estimated. */
  opened: { containerId: string; countedUg: number; estimated: boolean }[];
  totalUg: number;
}

export interface InventoryRecord {
  kind: InventoryInput['kind'];
  takenOn: LocalDate;
  timeOfDay: InventoryInput['timeOfDay'];
  registrant: InventoryInput['registrant'];
  locationIds: string[];
  zeroStock: boolean;
  products: InventoryProductEntry[];
  signedBy: string;
  signedAt: number;
  source: SourceRef;
}

/** What an inventory record must contain, in words, for the page that takes one. */
export const INVENTORY_RECORD_CONTENTS = [
  'the date it was taken, and whether at the opening or the close of business',
  "the registrant's name, address and DEA registration number",
  'for each product: its name, finished form and strength or units per container',
  'the number of sealed containers, and the quantity in each opened container (exact or estimated)',
  'the signature of the person who took it',
] as const;

/**
 * Checks an inventory against the containers on hand and builds the record. Every container with stock
 * at the listed locations is counted once; a sealed container is never estimated.
 */
export function inventoryRecord(
  input: InventoryInput,
  onHand: readonly ContainerBalance[],
  products: readonly Product[],
  tabletsOrCapsulesPerContainer: (productKey: string) => number | null = () => null,
): Result<InventoryRecord> {
  const p: Problem[] = [];
  if (!['initial', 'biennial', 'other'].includes(input.kind))
    p.push({ field: 'kind', message: "must be 'initial', 'biennial' or 'other'" });
  if (!isLocalDate(input.takenOn)) p.push({ field: 'takenOn', message: 'must be a date (YYYY-MM-DD)' });
  if (input.timeOfDay !== 'opening_of_business' && input.timeOfDay !== 'close_of_business')
    p.push({
      field: 'timeOfDay',
      message: 'say whether it was taken at the opening or the close of business',
    });
  for (const key of ['name', 'address', 'deaNumber'] as const)
    if (!isFilled(input.registrant?.[key])) p.push({ field: `registrant.${key}`, message: 'is required' });
  if (input.locationIds.length === 0)
    p.push({ field: 'locationIds', message: 'name the locations inventoried' });
  if (!isFilled(input.signedBy)) p.push({ field: 'signedBy', message: 'the inventory must be signed' });
  if (!isInstant(input.signedAt)) p.push({ field: 'signedAt', message: 'must be an instant' });

  const locations = new Set(input.locationIds);
  const expected = new Map(
    onHand
      .filter((c) => locations.has(c.locationId) && c.status !== 'returned' && c.balanceUg > 0)
      .map((c) => [c.containerId, c]),
  );
  if (input.zeroStock && (input.lines.length > 0 || expected.size > 0))
    p.push({ field: 'zeroStock', message: 'there is stock on hand: count it' });
  if (!input.zeroStock && input.lines.length === 0)
    p.push({ field: 'lines', message: 'count the stock, or record that there is none (zeroStock)' });

  const byProduct = new Map<string, InventoryProductEntry>();
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    const c = expected.get(line.containerId);
    if (!c) return p.push({ field: `lines[${i}].containerId`, message: 'is not stock at these locations' });
    if (seen.has(c.containerId))
      return p.push({ field: `lines[${i}].containerId`, message: 'is counted twice' });
    seen.add(c.containerId);
    if (!Number.isSafeInteger(line.countedUg) || line.countedUg < 0)
      return p.push({
        field: `lines[${i}].countedUg`,
        message: 'must be a whole number of micrograms, 0 or more',
      });
    if (c.status === 'sealed' && line.countedUg !== 0 && line.countedUg !== c.strength.contentUg)
      return p.push({
        field: `lines[${i}].countedUg`,
        message: 'a sealed container holds its full content, or is missing (0)',
      });
    const rule = inventoryCountRule(c, tabletsOrCapsulesPerContainer(c.productKey));
    if (line.estimated && rule.rule === 'exact')
      p.push({ field: `lines[${i}].estimated`, message: `${rule.reason}, not estimated` });
    const product = products.find((pr) => pr.key === c.productKey);
    if (!product)
      return p.push({ field: `lines[${i}].containerId`, message: 'its product is not in the catalogue' });
    let entry = byProduct.get(product.key);
    if (!entry) {
      entry = {
        productKey: product.key,
        name: product.name,
        finishedForm: product.finishedForm,
        strength: strengthLabel(product),
        sealedContainers: 0,
        opened: [],
        totalUg: 0,
      };
      byProduct.set(product.key, entry);
    }
    if (c.status === 'sealed') entry.sealedContainers += line.countedUg > 0 ? 1 : 0;
    else
      entry.opened.push({ containerId: c.containerId, countedUg: line.countedUg, estimated: line.estimated });
    entry.totalUg += line.countedUg;
    return undefined;
  });
  for (const id of expected.keys())
    if (!seen.has(id) && !input.zeroStock)
      p.push({ field: 'lines', message: `container ${id} was not counted` });
  if (p.length > 0) return fail(p);

  return ok({
    kind: input.kind,
    takenOn: input.takenOn,
    timeOfDay: input.timeOfDay,
    registrant: input.registrant,
    locationIds: [...input.locationIds],
    zeroStock: input.zeroStock,
    products: [...byProduct.values()].sort((a, b) => (a.productKey < b.productKey ? -1 : 1)),
    signedBy: input.signedBy,
    signedAt: input.signedAt,
    source: INVENTORY,
  });
}
