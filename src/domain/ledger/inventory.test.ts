import { describe, expect, it } from 'vitest';
import { deriveBalances } from './balances.js';
import type { LedgerEvent } from './events.js';
import {
  addMonths,
  inventoryCountRule,
  inventoryRecord,
  INVENTORY_RECORD_CONTENTS,
  nextInventoryDue,
  type InventoryInput,
} from './inventory.js';
import { administer, base, DEVICE, minutes, receive } from './ledger.test-helper.js';
import { DEFAULT_PRODUCTS } from './products.js';

describe('nextInventoryDue', () => {
  it.each([
    ['2026-03-02', 24, '2028-03-02'],
    ['2024-02-29', 24, '2026-02-28'],
    ['2026-01-31', 12, '2027-01-31'],
    ['2026-03-02', 36, '2028-03-02'], // never more than two years
  ])('after %s every %d months: by %s', (prev, months, due) => {
    expect(nextInventoryDue(prev, months).dueBy).toBe(due);
  });

  it('adds months to month ends', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

describe('inventoryCountRule', () => {
  it('counts sealed containers exactly and lets opened ones be estimated', () => {
    expect(inventoryCountRule({ status: 'sealed' }).rule).toBe('exact');
    expect(inventoryCountRule({ status: 'open' }).rule).toBe('estimate_allowed');
    expect(inventoryCountRule({ status: 'open' }, 1000).rule).toBe('estimate_allowed');
    expect(inventoryCountRule({ status: 'open' }, 1001).rule).toBe('exact');
  });
});

const events: LedgerEvent[] = [
  receive('v1'),
  receive('v2'),
  receive('d1', {}, DEVICE),
  { ...base('open', 'o1', 'v1', minutes(1)), type: 'open' },
  administer('a1', 'v1', 100_000, minutes(2)),
];
const derived = deriveBalances(events, { products: DEFAULT_PRODUCTS });
if (!derived.ok) throw new Error('fixture');
const onHand = derived.value.containers;

const input = (over: Partial<InventoryInput> = {}): InventoryInput => ({
  kind: 'biennial',
  takenOn: '2026-03-02',
  timeOfDay: 'close_of_business',
  registrant: { name: 'Arbor Ketamine Clinic', address: '10 Oak Ave', deaNumber: 'FA1234563' },
  locationIds: ['safe-1'],
  lines: [
    { containerId: 'v1', countedUg: 395_000, estimated: true },
    { containerId: 'v2', countedUg: 500_000, estimated: false },
    { containerId: 'd1', countedUg: 28_000, estimated: false },
  ],
  zeroStock: false,
  signedBy: 'owner-1',
  signedAt: minutes(600),
  ...over,
});

describe('inventoryRecord', () => {
  it('builds the record per product: sealed containers counted, opened ones with their quantity', () => {
    const r = inventoryRecord(input(), onHand, DEFAULT_PRODUCTS);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.products).toEqual([
      {
        productKey: 'esketamine-28-device',
        name: 'Esketamine nasal spray 28 mg device (SPRAVATO)',
        finishedForm: 'nasal spray',
        strength: '28 mg/unit (0.2 mL)',
        sealedContainers: 1,
        opened: [],
        totalUg: 28_000,
      },
      {
        productKey: 'ketamine-50-10',
        name: 'Ketamine HCl injection 50 mg/mL, 10 mL vial',
        finishedForm: 'injection, solution',
        strength: '50 mg/mL, 10 mL',
        sealedContainers: 1,
        opened: [{ containerId: 'v1', countedUg: 395_000, estimated: true }],
        totalUg: 895_000,
      },
    ]);
    expect(r.value).toMatchObject({ timeOfDay: 'close_of_business', signedBy: 'owner-1' });
  });

  it('records an initial inventory of zero stock explicitly', () => {
    const r = inventoryRecord(input({ kind: 'initial', lines: [], zeroStock: true }), [], DEFAULT_PRODUCTS);
    expect(r).toMatchObject({ ok: true, value: { zeroStock: true, products: [] } });
    const bad = inventoryRecord(input({ lines: [] }), [], DEFAULT_PRODUCTS);
    expect(!bad.ok && bad.problems.map((p) => p.field)).toEqual(['lines']);
  });

  it('names what is missing or wrong', () => {
    const r = inventoryRecord(
      input({
        timeOfDay: 'noon' as InventoryInput['timeOfDay'],
        registrant: { name: '', address: 'x', deaNumber: '' },
        signedBy: '',
        lines: [
          { containerId: 'v2', countedUg: 500_000, estimated: true },
          { containerId: 'd1', countedUg: 14_000, estimated: false },
        ],
      }),
      onHand,
      DEFAULT_PRODUCTS,
    );
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual([
      'timeOfDay',
      'registrant.name',
      'registrant.deaNumber',
      'signedBy',
      'lines[0].estimated',
      'lines[1].countedUg',
      'lines',
    ]);
  });

  it('says what the record must contain', () => {
    expect(INVENTORY_RECORD_CONTENTS.join(' ')).toMatch(/opening or the close of business/);
  });
});
