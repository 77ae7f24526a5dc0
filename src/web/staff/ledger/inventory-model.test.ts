import { describe, expect, it } from 'vitest';
import {
  emptyInventoryDraft,
  inventoryStatusText,
  inventorySubmission,
  type InventoryDraft,
} from './inventory-model';
import type { InventorySheetView, InventoryStatusView } from './ledger-api';

const line = (over: Partial<InventorySheetView['lines'][number]>): InventorySheetView['lines'][number] => ({
  containerId: 'c-open',
  labelNumber: 'K-1',
  productKey: 'ketamine-50-10',
  product: 'Ketamine HCl injection 50 mg/mL, 10 mL vial',
  strength: '50 mg/mL, 10 mL',
  lotNumber: 'LOT-7',
  expiryDate: '2030-06-30',
  locationId: 'safe-a',
  status: 'open',
  countAs: 'volume',
  rule: 'estimate_allowed',
  ruleReason: 'an opened Schedule III container may be estimated',
  ...over,
});

const sheet = (lines: InventorySheetView['lines']): InventorySheetView => ({
  locationIds: ['safe-a'],
  registrant: { name: 'Maple', address: '1 Main St', deaNumber: 'AM1234563' },
  contents: [],
  lines,
});

const draft = (over: Partial<InventoryDraft>): InventoryDraft => ({
  ...emptyInventoryDraft('2026-12-02', true),
  locationIds: ['safe-a'],
  signature: { password: 'pw', code: ' 123456 ' },
  ...over,
});

describe('the inventory request', () => {
  const lines = [
    line({}),
    line({ containerId: 'c-sealed', labelNumber: 'K-2', status: 'sealed', rule: 'exact' }),
  ];

  it('sends a sealed vial as present and an opened one in mL, estimated where allowed', () => {
    const result = inventorySubmission(
      sheet(lines),
      draft({
        lines: {
          'c-open': { present: '', quantity: '9.5', estimated: true },
          'c-sealed': { present: 'yes', quantity: '', estimated: true },
        },
      }),
    );
    expect(result).toEqual({
      ok: true,
      body: {
        kind: 'biennial',
        takenOn: '2026-12-02',
        timeOfDay: 'opening_of_business',
        locationIds: ['safe-a'],
        lines: [
          { containerId: 'c-open', counted: { value: 9.5, unit: 'mL' }, estimated: true },
          { containerId: 'c-sealed', present: true },
        ],
        zeroStock: false,
        signature: { password: 'pw', code: '123456' },
      },
    });
  });

  it('names every container left unanswered', () => {
    const result = inventorySubmission(
      sheet(lines),
      draft({ lines: { 'c-open': { present: '', quantity: 'x', estimated: false } } }),
    );
    expect(result).toEqual({ ok: false, missing: ['c-open', 'c-sealed'] });
  });

  it('records zero only when the sheet is empty', () => {
    const empty = inventorySubmission(sheet([]), draft({ zeroStock: true }));
    expect(empty.ok && empty.body.zeroStock).toBe(true);
    const stocked = inventorySubmission(
      sheet(lines),
      draft({
        zeroStock: true,
        lines: {
          'c-open': { present: '', quantity: '0', estimated: false },
          'c-sealed': { present: 'no', quantity: '', estimated: false },
        },
      }),
    );
    expect(stocked.ok && stocked.body.zeroStock).toBe(false);
  });
});

describe('the inventory status in words', () => {
  const status = (over: Partial<InventoryStatusView>): InventoryStatusView => ({
    initialTaken: true,
    lastTakenOn: '2025-01-15',
    nextDueBy: '2027-01-15',
    intervalMonths: 24,
    state: 'ok',
    daysLeft: 45,
    source: 'docs/clinical-sources.md#dea-inventory',
    ...over,
  });

  it('alarms when overdue or never taken, warns when due soon', () => {
    expect(inventoryStatusText(status({ state: 'overdue' })).tone).toBe('danger');
    expect(inventoryStatusText(status({ state: 'initial_due', nextDueBy: null })).tone).toBe('danger');
    expect(inventoryStatusText(status({ state: 'due_soon' }))).toEqual({
      text: 'Due soon: take the next inventory by 2027-01-15.',
      tone: 'warning',
    });
    expect(inventoryStatusText(status({})).tone).toBe('ok');
  });
});
