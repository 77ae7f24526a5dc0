import { describe, expect, it } from 'vitest';
import type { ContainerView, CountSheetView, ProductLocationTotal } from './ledger-api';
import {
  containerState,
  countSubmission,
  discrepancyOutcome,
  form106Value,
  groupStock,
  monthOf,
  quantityText,
  rowError,
  smallLossPatterns,
  witnessBody,
} from './ledger-model';

const q = (ug: number) => ({ ug, mg: String(ug / 1000), ml: String(ug / 50_000), units: null });

function container(over: Partial<ContainerView>): ContainerView {
  return {
    id: 'c1',
    productKey: 'ketamine-50-10',
    product: 'Ketamine HCl 50 mg/mL, 10 mL vial',
    lotNumber: 'LOT-7',
    expiryDate: '2030-06-30',
    labelNumber: 'K-001',
    locationId: 'safe-a',
    status: 'sealed',
    balance: q(500_000),
    lastEventAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

const total = (over: Partial<ProductLocationTotal>): ProductLocationTotal => ({
  productKey: 'ketamine-50-10',
  locationId: 'safe-a',
  balance: q(500_000),
  containers: 1,
  sealed: 1,
  open: 0,
  outOfUse: 0,
  ...over,
});

describe('stock', () => {
  it('calls an open container with nothing left empty', () => {
    expect(containerState(container({ status: 'open', balance: q(0) }))).toBe('empty');
    expect(containerState(container({ status: 'open' }))).toBe('open');
    expect(containerState(container({ status: 'expired', balance: q(0) }))).toBe('expired');
  });

  it('writes quantities with mL or units when the product has them', () => {
    expect(quantityText(q(465_000))).toBe('465 mg (9.3 mL)');
    expect(quantityText({ mg: '28', ml: null, units: 1 })).toBe('28 mg (1 unit)');
    expect(quantityText({ mg: '28', ml: null, units: null })).toBe('28 mg');
  });

  it('groups containers by location in the list’s order, then product, leaving returned ones out', () => {
    const groups = groupStock(
      [
        container({ id: 'a', locationId: 'safe-b' }),
        container({ id: 'b' }),
        container({ id: 'c', status: 'returned' }),
      ],
      [total({ locationId: 'safe-b' }), total({})],
      [
        { id: 'safe-a', name: 'Safe A' },
        { id: 'safe-b', name: 'Safe B' },
      ],
    );
    expect(groups.map((g) => g.location.name)).toEqual(['Safe A', 'Safe B']);
    expect(groups[0]!.products[0]!.containers.map((c) => c.id)).toEqual(['b']);
    expect(groups[0]!.products[0]!.product).toBe('Ketamine HCl 50 mg/mL, 10 mL vial');
  });
});

describe('forms', () => {
  it('leaves out a witness block nobody filled in', () => {
    expect(witnessBody({ email: ' ', password: '', code: '' })).toBeUndefined();
    expect(witnessBody({ email: ' a@b.test ', password: 'pw', code: ' 123456 ' })).toEqual({
      email: 'a@b.test',
      password: 'pw',
      code: '123456',
    });
  });

  it('finds a row’s problem however the index is written', () => {
    expect(rowError({ 'containers.1.lotNumber': 'Required' }, 'containers', 1, 'lotNumber')).toBe('Required');
    expect(rowError({ 'containers[0].labelNumber': 'twice' }, 'containers', 0, 'labelNumber')).toBe('twice');
    expect(rowError({}, 'containers', 0, 'labelNumber')).toBeUndefined();
  });

  it('builds a count submission in each line’s unit and names the lines left blank', () => {
    const sheet: CountSheetView = {
      id: 's',
      locationId: 'safe-a',
      mode: 'blind',
      startedAt: '2026-01-01T00:00:00.000Z',
      lines: [
        {
          containerId: 'v',
          labelNumber: 'K-1',
          productKey: 'k',
          lotNumber: 'L',
          expiryDate: '2030-01-01',
          status: 'open',
          countAs: 'volume',
        },
        {
          containerId: 'd',
          labelNumber: 'E-1',
          productKey: 'e',
          lotNumber: 'L',
          expiryDate: '2030-01-01',
          status: 'sealed',
          countAs: 'unit',
        },
      ],
    };
    expect(countSubmission(sheet, { v: '8.8', d: '' })).toEqual({ ok: false, missing: ['d'] });
    expect(countSubmission(sheet, { v: '8.8', d: '1' })).toEqual({
      ok: true,
      body: {
        lines: [
          { containerId: 'v', counted: { value: 8.8, unit: 'mL' }, estimated: false },
          { containerId: 'd', counted: { value: 1, unit: 'unit' }, estimated: false },
        ],
      },
    });
  });
});

describe('discrepancies', () => {
  it('reads a resolution, a judgement or nothing from the outcome', () => {
    expect(discrepancyOutcome({ outcome: null })).toEqual({ kind: 'none' });
    expect(discrepancyOutcome({ outcome: { reason: 'found' } })).toEqual({
      kind: 'resolved',
      reason: 'found',
    });
    const judged = discrepancyOutcome({
      outcome: { judgement: { reportable: true }, form106: { fields: [] } },
    });
    expect(judged).toMatchObject({ kind: 'judged', form106: { fields: [] } });
    expect(
      discrepancyOutcome({ outcome: { judgement: { reportable: false }, form106: null } }),
    ).toMatchObject({
      kind: 'judged',
      form106: null,
    });
  });

  it('keeps only patterns of the expected shape', () => {
    expect(smallLossPatterns([null, { productKey: 'k', discrepancyIds: ['a'] }, { x: 1 }])).toHaveLength(1);
  });

  it('says a Form 106 value plainly, and nothing for a missing one', () => {
    expect(form106Value(null)).toBeNull();
    expect(form106Value('')).toBeNull();
    expect(form106Value(true)).toBe('Yes');
    expect(form106Value(3)).toBe('3');
  });
});

describe('reports', () => {
  it('gives a month’s first and last day', () => {
    expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-12-03')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
