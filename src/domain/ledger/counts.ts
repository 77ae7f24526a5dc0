import type { ContainerBalance } from './events.js';
import { fail, isFilled, isInstant, ok, type Problem, type Result } from './ledger-types.js';

/**
 * Counting stock at one storage location and comparing it with the ledger. In blind mode the counter sees
 * only which containers to count (label, lot, product), never the expected quantities, and enters what
 * they find; the expected values are shown only after the count is entered. The difference is
 * expected − counted (a positive difference is stock missing). Any difference other than zero opens a
 * discrepancy; what it means is decided by people (docs/clinical-sources.md#dea-theft-loss: minor
 * discrepancies are noted in the records; theft or a significant loss is reported).
 */

/** What a blind count shows the counter: no expected quantities. */
export interface CountSheetLine {
  containerId: string;
  labelNumber: string;
  productKey: string;
  lotNumber: string;
  expiryDate: string;
  status: ContainerBalance['status'];
  countAs: ContainerBalance['strength']['countAs'];
}

/** The containers with stock at a location, sorted by product and label, to count. */
export function countSheet(containers: readonly ContainerBalance[], locationId: string): CountSheetLine[] {
  return onHand(containers, locationId).map((c) => ({
    containerId: c.containerId,
    labelNumber: c.labelNumber,
    productKey: c.productKey,
    lotNumber: c.lotNumber,
    expiryDate: c.expiryDate,
    status: c.status,
    countAs: c.strength.countAs,
  }));
}

function onHand(containers: readonly ContainerBalance[], locationId: string): ContainerBalance[] {
  return containers
    .filter((c) => c.locationId === locationId && c.status !== 'returned' && c.balanceUg > 0)
    .sort(
      (a, b) =>
        a.productKey.localeCompare(b.productKey) ||
        a.labelNumber.localeCompare(b.labelNumber) ||
        a.containerId.localeCompare(b.containerId),
    );
}

export interface CountLineInput {
  containerId: string;
  countedUg: number;
  /** An opened container's content estimated by eye rather than measured. */
  estimated: boolean;
}

export interface CountSubmission {
  countId: string;
  locationId: string;
  mode: 'blind' | 'open';
  /** When the counter entered the counted quantities. */
  countedAt: number;
  /** When the expected quantities were first shown to the counter (null: not yet). */
  expectedShownAt: number | null;
  lines: readonly CountLineInput[];
}

export interface CountedLine {
  containerId: string;
  productKey: string;
  expectedUg: number;
  countedUg: number;
  /** expected − counted: positive is stock missing, negative is stock found. */
  differenceUg: number;
  estimated: boolean;
}

export interface ProductDifference {
  productKey: string;
  locationId: string;
  expectedUg: number;
  countedUg: number;
  differenceUg: number;
  /** The containers whose difference is not zero. */
  containerIds: string[];
}

export interface CountComparison {
  countId: string;
  locationId: string;
  mode: 'blind' | 'open';
  lines: CountedLine[];
  byProduct: ProductDifference[];
  /** One per product whose difference is not zero, or with a container whose difference is not zero. */
  discrepancies: ProductDifference[];
}

/**
 * Compares a count with the ledger's balances at the moment of the count. Every container with stock at
 * the location must be counted once; a blind count must be entered before the expected values were shown.
 */
export function compareCount(
  submission: CountSubmission,
  containers: readonly ContainerBalance[],
): Result<CountComparison> {
  const s = submission;
  const problems: Problem[] = [];
  if (!isFilled(s.countId)) problems.push({ field: 'countId', message: 'is required' });
  if (!isFilled(s.locationId)) problems.push({ field: 'locationId', message: 'is required' });
  if (s.mode !== 'blind' && s.mode !== 'open')
    problems.push({ field: 'mode', message: "must be 'blind' or 'open'" });
  if (!isInstant(s.countedAt)) problems.push({ field: 'countedAt', message: 'must be an instant' });
  if (s.expectedShownAt !== null && !isInstant(s.expectedShownAt))
    problems.push({ field: 'expectedShownAt', message: 'must be an instant or null' });
  else if (s.mode === 'blind' && s.expectedShownAt !== null && s.expectedShownAt <= s.countedAt)
    problems.push({
      field: 'expectedShownAt',
      message: 'the expected quantities were shown before the count was entered: it is not a blind count',
    });

  const expected = new Map(onHand(containers, s.locationId).map((c) => [c.containerId, c]));
  const anywhere = new Map(containers.map((c) => [c.containerId, c]));
  const seen = new Set<string>();
  const lines: CountedLine[] = [];
  s.lines.forEach((line, i) => {
    const field = `lines[${i}]`;
    const c = expected.get(line.containerId) ?? anywhere.get(line.containerId);
    if (!c || c.locationId !== s.locationId || c.status === 'returned') {
      problems.push({ field: `${field}.containerId`, message: 'is not stock at this location' });
      return;
    }
    if (seen.has(line.containerId)) {
      problems.push({ field: `${field}.containerId`, message: 'is counted twice' });
      return;
    }
    seen.add(line.containerId);
    if (!Number.isSafeInteger(line.countedUg) || line.countedUg < 0) {
      problems.push({
        field: `${field}.countedUg`,
        message: 'must be a whole number of micrograms, 0 or more',
      });
      return;
    }
    if (line.estimated && c.status === 'sealed')
      problems.push({
        field: `${field}.estimated`,
        message: 'a sealed container is counted exactly, not estimated',
      });
    lines.push({
      containerId: c.containerId,
      productKey: c.productKey,
      expectedUg: c.balanceUg,
      countedUg: line.countedUg,
      differenceUg: c.balanceUg - line.countedUg,
      estimated: line.estimated,
    });
  });
  for (const id of expected.keys())
    if (!seen.has(id)) problems.push({ field: 'lines', message: `container ${id} was not counted` });
  if (problems.length > 0) return fail(problems);

  const byKey = new Map<string, ProductDifference>();
  for (const l of lines) {
    let d = byKey.get(l.productKey);
    if (!d) {
      d = {
        productKey: l.productKey,
        locationId: s.locationId,
        expectedUg: 0,
        countedUg: 0,
        differenceUg: 0,
        containerIds: [],
      };
      byKey.set(l.productKey, d);
    }
    d.expectedUg += l.expectedUg;
    d.countedUg += l.countedUg;
    d.differenceUg += l.differenceUg;
    if (l.differenceUg !== 0) d.containerIds.push(l.containerId);
  }
  const byProduct = [...byKey.values()].sort((a, b) => a.productKey.localeCompare(b.productKey));
  return ok({
    countId: s.countId,
    locationId: s.locationId,
    mode: s.mode,
    lines,
    byProduct,
    discrepancies: byProduct.filter((d) => d.differenceUg !== 0 || d.containerIds.length > 0),
  });
}
