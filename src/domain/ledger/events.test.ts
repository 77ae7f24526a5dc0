import { describe, expect, it } from 'vitest';
import { applyEvent } from './balances.js';
import {
  balanceDelta,
  validateEvent,
  type ContainerBalance,
  type EventContext,
  type LedgerEvent,
} from './events.js';
import { DEFAULT_LEDGER_SETTINGS } from './ledger-settings.js';
import { administer, base, DEVICE, minutes, receive, VIAL } from './ledger.test-helper.js';

const ctx: EventContext = { settings: DEFAULT_LEDGER_SETTINGS };

function received(product = VIAL): ContainerBalance {
  const r = applyEvent(null, receive('v1', {}, product), { ...ctx, product });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const opened = (): ContainerBalance => ({ ...received(), status: 'open' });

function fields(event: LedgerEvent, c: ContainerBalance | null, context: EventContext = ctx): string[] {
  const r = validateEvent(event, c, context);
  return r.ok ? [] : r.problems.map((p) => p.field);
}

describe('receive', () => {
  it('accepts a whole container confirmed by a second person', () => {
    expect(fields(receive('v1'), null, { ...ctx, product: VIAL })).toEqual([]);
  });

  it.each([
    [{ quantityUg: 250_000 }, 'quantityUg'],
    [{ lotNumber: '' }, 'lotNumber'],
    [{ expiryDate: '2027-02-30' }, 'expiryDate'],
    [{ labelNumber: ' ' }, 'labelNumber'],
    [{ supplier: { name: 'X', address: '', deaNumber: 'RA1234563' } }, 'supplier.address'],
    [{ supplier: { name: 'X', address: 'Y', deaNumber: '1234' } }, 'supplier.deaNumber'],
    [{ invoiceNumber: '' }, 'invoiceNumber'],
    [{ confirmedById: 'nurse-a' }, 'confirmedById'],
    [{ confirmedById: '' }, 'confirmedById'],
    [{ at: 1.5 }, 'at'],
    [{ clinicId: '' }, 'clinicId'],
  ])('refuses %o naming %s', (over, field) => {
    expect(fields(receive('v1', over), null, { ...ctx, product: VIAL })).toContain(field);
  });

  it('refuses an unknown product, a container received twice and expired stock', () => {
    expect(fields(receive('v1'), null, ctx)).toEqual(['productKey']);
    expect(fields(receive('v1'), received(), { ...ctx, product: VIAL })).toEqual(['containerId']);
    expect(fields(receive('v1'), null, { ...ctx, product: VIAL, localDate: '2027-07-01' })).toEqual([
      'expiryDate',
    ]);
  });
});

describe('administer', () => {
  const a = (q: number) => administer('a1', 'v1', q, minutes(10));

  it('needs an opened vial, a session, a dose order and a patient', () => {
    expect(fields(a(35_000), opened())).toEqual([]);
    expect(fields(a(35_000), received())).toEqual(['containerId']);
    expect(fields({ ...a(35_000), sessionId: '', doseOrderId: ' ', patientId: '' }, opened())).toEqual([
      'patientId',
      'sessionId',
      'doseOrderId',
    ]);
  });

  it('refuses more than the container holds, zero, fractions of a microgram', () => {
    expect(fields(a(500_001), opened())).toEqual(['quantityUg']);
    expect(fields(a(0), opened())).toEqual(['quantityUg']);
    expect(fields(a(1.5), opened())).toEqual(['quantityUg']);
  });

  it("refuses another clinic's stock, another location, an expired or quarantined container", () => {
    expect(fields({ ...a(1000), clinicId: 'c2' }, opened())).toEqual(['containerId']);
    expect(fields({ ...a(1000), locationId: 'safe-2' }, opened())).toEqual(['locationId']);
    expect(fields(a(1000), { ...opened(), status: 'quarantined' })).toEqual(['containerId']);
    expect(fields(a(1000), opened(), { ...ctx, localDate: '2027-07-01' })).toEqual(['containerId']);
    expect(fields(a(1000), opened(), { ...ctx, localDate: '2027-06-30' })).toEqual([]);
  });

  it('refuses an event dated before the container’s previous one', () => {
    expect(fields(administer('a1', 'v1', 1000, minutes(-1)), opened())).toEqual(['at']);
  });

  it('gives a device whole, sealed or not', () => {
    const device = received(DEVICE);
    expect(fields(a(28_000), device)).toEqual([]);
    expect(fields(a(14_000), device)).toEqual(['quantityUg']);
  });
});

describe('waste', () => {
  const waste = (over: object = {}): LedgerEvent => ({
    ...base('waste', 'w1', 'v1', minutes(20)),
    type: 'waste',
    quantityUg: 15_000,
    witnessId: 'nurse-b',
    manner: 'drawn into a wastage container',
    sessionId: 's1',
    ...over,
  });

  it('needs a witness other than the actor when the setting requires one', () => {
    expect(fields(waste(), opened())).toEqual([]);
    expect(fields(waste({ witnessId: null }), opened())).toEqual(['witnessId']);
    expect(fields(waste({ witnessId: 'nurse-a' }), opened())).toEqual(['witnessId']);
    const noWitness = { settings: { ...DEFAULT_LEDGER_SETTINGS, wasteWitnessRequired: false } };
    expect(fields(waste({ witnessId: null }), opened(), noWitness)).toEqual([]);
    expect(fields(waste({ witnessId: 'nurse-a' }), opened(), noWitness)).toEqual(['witnessId']);
  });

  it('is judged by the witness rule stamped on it, which must be the rule in force when recorded', () => {
    const noWitness = { settings: { ...DEFAULT_LEDGER_SETTINGS, wasteWitnessRequired: false } };
    const unwitnessed = waste({ witnessId: null, witnessRequired: false });
    // Recorded while the clinic did not require a witness: accepted then, and on every replay after.
    expect(fields(unwitnessed, opened(), noWitness)).toEqual([]);
    expect(fields(unwitnessed, opened(), {})).toEqual([]);
    // The stamp cannot differ from the rule in force when the event is recorded.
    expect(fields(unwitnessed, opened(), ctx)).toEqual(['witnessRequired']);
    expect(fields(waste({ witnessRequired: false }), opened(), ctx)).toEqual(['witnessRequired']);
    // Stamped as required, a replay still demands the witness; unstamped events were recorded witnessed.
    expect(fields(waste({ witnessId: null, witnessRequired: true }), opened(), {})).toEqual(['witnessId']);
    expect(fields(waste({ witnessId: null }), opened(), {})).toEqual(['witnessId']);
    expect(fields(waste({ witnessRequired: 'no' } as object), opened(), {})).toEqual(['witnessRequired']);
  });

  it('wastes only a remainder of an opened container, and says how', () => {
    expect(fields(waste(), received())).toEqual(['containerId']);
    expect(fields(waste({ manner: '' }), opened())).toEqual(['manner']);
  });
});

describe('other events', () => {
  it('transfer needs another location', () => {
    const t = {
      ...base('transfer', 't1', 'v1', minutes(5)),
      type: 'transfer' as const,
      toLocationId: 'safe-1',
    };
    expect(fields(t, received())).toEqual(['toLocationId']);
    expect(fields({ ...t, toLocationId: 'safe-2' }, received())).toEqual([]);
  });

  it('return takes the whole balance to a registered reverse distributor', () => {
    const r = {
      ...base('return', 'r1', 'v1', minutes(5)),
      type: 'return' as const,
      quantityUg: 500_000,
      distributor: { name: 'RevCo', address: '2 Elm St', deaNumber: 'RR7654321' },
    };
    expect(fields(r, received())).toEqual([]);
    expect(fields({ ...r, quantityUg: 100 }, received())).toEqual(['quantityUg']);
    expect(fields({ ...r, distributor: { ...r.distributor, deaNumber: '' } }, received())).toEqual([
      'distributor.deaNumber',
    ]);
  });

  it('adjust is signed, never 0, never below 0, with a reason and a witness', () => {
    const adj = {
      ...base('adjust', 'j1', 'v1', minutes(5)),
      type: 'adjust' as const,
      deltaUg: -1000,
      reason: 'count shortfall',
      witnessId: 'nurse-b',
      relatesToEventId: null,
    };
    expect(fields(adj, opened())).toEqual([]);
    expect(fields({ ...adj, deltaUg: 0 }, opened())).toEqual(['deltaUg']);
    expect(fields({ ...adj, deltaUg: -500_001 }, opened())).toEqual(['deltaUg']);
    expect(fields({ ...adj, deltaUg: 1 }, opened())).toEqual(['deltaUg']);
    expect(fields({ ...adj, reason: '', witnessId: null }, opened())).toEqual(['reason', 'witnessId']);
  });

  it('a correction names an earlier administration, waste or adjustment of the same container, once', () => {
    const original = administer('a1', 'v1', 35_000, minutes(10));
    const c = { ...opened(), balanceUg: 465_000 };
    const corr = {
      ...base('correction', 'x1', 'v1', minutes(11)),
      type: 'correction' as const,
      correctsEventId: 'a1',
      reason: 'wrong quantity entered',
      witnessId: 'nurse-b',
    };
    const withOriginal = { ...ctx, original: { event: original as LedgerEvent, corrected: false } };
    expect(fields(corr, c, withOriginal)).toEqual([]);
    expect(balanceDelta(corr, original)).toBe(35_000);
    expect(fields(corr, c, ctx)).toEqual(['correctsEventId']);
    expect(fields(corr, c, { ...ctx, original: { event: original, corrected: true } })).toEqual([
      'correctsEventId',
    ]);
    expect(fields(corr, c, { ...ctx, original: { event: receive('v1'), corrected: false } })).toEqual([
      'correctsEventId',
    ]);
    expect(
      fields({ ...corr, containerId: 'v1' }, c, {
        ...ctx,
        original: { event: { ...original, containerId: 'v2' }, corrected: false },
      }),
    ).toEqual(['correctsEventId']);
  });

  it('a count records a whole, non-negative quantity', () => {
    const count = {
      ...base('count', 'n1', 'v1', minutes(5)),
      type: 'count' as const,
      countId: 'cnt-1',
      countedUg: 500_000,
      mode: 'blind' as const,
      estimated: false,
    };
    expect(fields(count, received())).toEqual([]);
    expect(fields({ ...count, countedUg: -1 }, received())).toEqual(['countedUg']);
  });

  it('nothing happens to a container that was never received or was returned', () => {
    expect(fields(administer('a1', 'v9', 1, minutes(1)), null)).toEqual(['containerId']);
    expect(fields(administer('a1', 'v1', 1, minutes(1)), { ...opened(), status: 'returned' })).toEqual([
      'containerId',
    ]);
  });
});
