import { describe, expect, it } from 'vitest';
import { deriveBalances } from './balances.js';
import { compareCount, countSheet, type CountSubmission } from './counts.js';
import type { LedgerEvent } from './events.js';
import { administer, base, DEVICE, minutes, receive } from './ledger.test-helper.js';
import { DEFAULT_PRODUCTS } from './products.js';

const events: LedgerEvent[] = [
  receive('v1'),
  receive('v2'),
  receive('d1', {}, DEVICE),
  receive('v3', { locationId: 'safe-2' }),
  { ...base('open', 'o1', 'v1', minutes(1)), type: 'open' },
  administer('a1', 'v1', 100_000, minutes(2)),
];
const r = deriveBalances(events, { products: DEFAULT_PRODUCTS });
if (!r.ok) throw new Error('fixture');
const containers = r.value.containers;

const submission = (over: Partial<CountSubmission> = {}): CountSubmission => ({
  countId: 'k1',
  locationId: 'safe-1',
  mode: 'blind',
  countedAt: minutes(10),
  expectedShownAt: null,
  lines: [
    { containerId: 'v1', countedUg: 400_000, estimated: true },
    { containerId: 'v2', countedUg: 500_000, estimated: false },
    { containerId: 'd1', countedUg: 28_000, estimated: false },
  ],
  ...over,
});

describe('countSheet', () => {
  it('lists what to count at a location without the expected quantities', () => {
    const sheet = countSheet(containers, 'safe-1');
    expect(sheet.map((l) => l.containerId)).toEqual(['d1', 'v1', 'v2']);
    expect(JSON.stringify(sheet)).not.toMatch(/balance|expected|Ug/);
  });
});

describe('compareCount', () => {
  it('finds no discrepancy when everything is where the ledger says', () => {
    const c = compareCount(submission(), containers);
    expect(c.ok && c.value.discrepancies).toEqual([]);
  });

  it('reports expected − counted per container and product, and opens a discrepancy', () => {
    const c = compareCount(
      submission({
        lines: [
          { containerId: 'v1', countedUg: 390_000, estimated: true },
          { containerId: 'v2', countedUg: 500_000, estimated: false },
          { containerId: 'd1', countedUg: 0, estimated: false },
        ],
      }),
      containers,
    );
    if (!c.ok) throw new Error(JSON.stringify(c.problems));
    expect(c.value.lines.find((l) => l.containerId === 'v1')).toMatchObject({
      expectedUg: 400_000,
      differenceUg: 10_000,
    });
    expect(c.value.discrepancies).toEqual([
      {
        productKey: 'esketamine-28-device',
        locationId: 'safe-1',
        expectedUg: 28_000,
        countedUg: 0,
        differenceUg: 28_000,
        containerIds: ['d1'],
      },
      {
        productKey: 'ketamine-50-10',
        locationId: 'safe-1',
        expectedUg: 900_000,
        countedUg: 890_000,
        differenceUg: 10_000,
        containerIds: ['v1'],
      },
    ]);
  });

  it('opens a discrepancy when container differences cancel out within a product', () => {
    const c = compareCount(
      submission({
        lines: [
          { containerId: 'v1', countedUg: 410_000, estimated: true },
          { containerId: 'v2', countedUg: 490_000, estimated: false },
          { containerId: 'd1', countedUg: 28_000, estimated: false },
        ],
      }),
      containers,
    );
    expect(c.ok && c.value.discrepancies).toMatchObject([{ differenceUg: 0, containerIds: ['v1', 'v2'] }]);
  });

  it('is not blind when the expected values were shown before the count was entered', () => {
    const c = compareCount(submission({ expectedShownAt: minutes(9) }), containers);
    expect(!c.ok && c.problems.map((p) => p.field)).toEqual(['expectedShownAt']);
    expect(compareCount(submission({ expectedShownAt: minutes(11) }), containers).ok).toBe(true);
    expect(compareCount(submission({ mode: 'open', expectedShownAt: minutes(1) }), containers).ok).toBe(true);
  });

  it('needs every container counted once, at this location, sealed ones exactly', () => {
    const c = compareCount(
      submission({
        lines: [
          { containerId: 'v1', countedUg: 400_000, estimated: true },
          { containerId: 'v1', countedUg: 400_000, estimated: true },
          { containerId: 'v3', countedUg: 500_000, estimated: false },
          { containerId: 'v2', countedUg: 500_000, estimated: true },
        ],
      }),
      containers,
    );
    expect(!c.ok && c.problems.map((p) => p.field)).toEqual([
      'lines[1].containerId',
      'lines[2].containerId',
      'lines[3].estimated',
      'lines',
    ]);
  });
});
