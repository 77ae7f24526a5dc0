import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, balanceReplay, deriveBalances, sumByProductLocation } from './balances.js';
import { balanceDelta, type ContainerBalance, type LedgerEvent } from './events.js';
import { DEFAULT_LEDGER_SETTINGS } from './ledger-settings.js';
import { administer, base, DEVICE, minutes, receive, VIAL } from './ledger.test-helper.js';
import { DEFAULT_PRODUCTS } from './products.js';

const products = DEFAULT_PRODUCTS;

function derive(events: LedgerEvent[]) {
  const r = deriveBalances(events, { products });
  if (!r.ok) throw new Error(JSON.stringify(r.violation));
  return r.value;
}

const open = (id: string, containerId: string, at: number): LedgerEvent => ({
  ...base('open', id, containerId, at),
  type: 'open',
});

describe('deriveBalances', () => {
  it('follows a vial from receipt through a dose, its waste and a transfer', () => {
    const events: LedgerEvent[] = [
      receive('v1'),
      receive('v2', { at: minutes(1) }),
      open('o1', 'v1', minutes(5)),
      administer('a1', 'v1', 40_000, minutes(10)),
      {
        ...base('waste', 'w1', 'v1', minutes(60)),
        type: 'waste',
        quantityUg: 10_000,
        witnessId: 'nurse-b',
        manner: 'wastage container',
        sessionId: 's1',
      },
      { ...base('transfer', 't1', 'v2', minutes(70)), type: 'transfer', toLocationId: 'safe-2' },
    ];
    const b = derive(events);
    expect(b.containers.map((c) => [c.containerId, c.status, c.locationId, c.balanceUg])).toEqual([
      ['v1', 'open', 'safe-1', 450_000],
      ['v2', 'sealed', 'safe-2', 500_000],
    ]);
    expect(b.byProductLocation).toEqual([
      {
        productKey: 'ketamine-50-10',
        locationId: 'safe-1',
        balanceUg: 450_000,
        containers: 1,
        sealed: 0,
        open: 1,
        outOfUse: 0,
      },
      {
        productKey: 'ketamine-50-10',
        locationId: 'safe-2',
        balanceUg: 500_000,
        containers: 1,
        sealed: 1,
        open: 0,
        outOfUse: 0,
      },
    ]);
  });

  it('names the first event that breaks a rule, by position', () => {
    const r = deriveBalances(
      [
        receive('v1'),
        open('o1', 'v1', minutes(1)),
        administer('a1', 'v1', 400_000, minutes(2)),
        administer('a2', 'v1', 200_000, minutes(3)),
      ],
      { products },
    );
    expect(r).toMatchObject({
      ok: false,
      violation: { index: 3, eventId: 'a2', problems: [{ field: 'quantityUg' }] },
    });
  });

  it('refuses a repeated event id and a correction of an event it has not seen', () => {
    expect(deriveBalances([receive('v1'), { ...receive('v2'), id: 'rcv-v1' }], { products })).toMatchObject({
      ok: false,
      violation: { index: 1, problems: [{ field: 'id' }] },
    });
    const corr: LedgerEvent = {
      ...base('correction', 'x1', 'v1', minutes(5)),
      type: 'correction',
      correctsEventId: 'a9',
      reason: 'typo',
      witnessId: 'nurse-b',
    };
    expect(deriveBalances([receive('v1'), corr], { products })).toMatchObject({
      ok: false,
      violation: { index: 1, problems: [{ field: 'correctsEventId' }] },
    });
  });

  it('refuses a correction of a receipt by its rule, though the replay keeps only its outline', () => {
    const corr: LedgerEvent = {
      ...base('correction', 'x2', 'v1', minutes(5)),
      type: 'correction',
      correctsEventId: 'rcv-v1',
      reason: 'typo',
      witnessId: 'nurse-b',
    };
    const replay = balanceReplay({ products });
    expect(replay.apply(receive('v1'))).toBeNull();
    expect(replay.eventById('rcv-v1')).toEqual({ id: 'rcv-v1', type: 'receive', containerId: 'v1' });
    expect(replay.apply(corr)).toMatchObject({
      index: 1,
      problems: [
        {
          field: 'correctsEventId',
          message: 'only an administration, a waste or an adjustment can be corrected',
        },
      ],
    });
  });

  it('checks expiry when it is given the clinic-local date of each event', () => {
    const events = [receive('v1', { expiryDate: '2026-03-02' }), open('o1', 'v1', minutes(60 * 24))];
    expect(deriveBalances(events, { products }).ok).toBe(true);
    const localDateOf = (at: number) => new Date(at).toISOString().slice(0, 10);
    expect(deriveBalances(events, { products, localDateOf })).toMatchObject({
      ok: false,
      violation: { index: 1 },
    });
  });

  it('an expired container still counts on hand until it is returned', () => {
    const b = derive([
      receive('d1', {}, DEVICE),
      { ...base('expire', 'e1', 'd1', minutes(1)), type: 'expire', reason: 'expired' },
    ]);
    expect(b.byProductLocation[0]).toMatchObject({ balanceUg: 28_000, outOfUse: 1 });
    const returned = derive([
      receive('d1', {}, DEVICE),
      {
        ...base('return', 'r1', 'd1', minutes(1)),
        type: 'return',
        quantityUg: 28_000,
        distributor: { name: 'RevCo', address: '2 Elm St', deaNumber: 'RR7654321' },
      },
    ]);
    expect(returned.byProductLocation).toEqual([]);
    expect(returned.containers[0]).toMatchObject({ status: 'returned', balanceUg: 0 });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Random sequences of operations: each is turned into an event and kept only when applyEvent accepts it.

const OPS = [
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
const command = fc.record({
  // Weighted so that containers get received and opened often enough to be drawn from.
  op: fc.constantFrom(
    ...OPS,
    'receive',
    'open',
    'administer',
    'administer',
    'administer',
    'waste',
    'waste',
    'correction',
  ),
  container: fc.integer({ min: 0, max: 3 }),
  amount: fc.oneof(
    fc.integer({ min: -60_000, max: 520_000 }),
    fc.constant(28_000),
    fc.integer({ min: 1, max: 80_000 }),
  ),
  pick: fc.nat(),
  witness: fc.constantFrom('nurse-b', 'nurse-b', 'nurse-a', null),
});
type Command = {
  op: (typeof OPS)[number];
  container: number;
  amount: number;
  pick: number;
  witness: string | null;
};

function eventFor(
  cmd: Command,
  i: number,
  state: Map<string, ContainerBalance>,
  accepted: LedgerEvent[],
): LedgerEvent {
  const containerId = `c${cmd.container}`;
  const at = minutes(i + 1);
  const c = state.get(containerId);
  const where = { ...base(cmd.op, `e${i}`, containerId, at), locationId: c?.locationId ?? 'safe-1' };
  const product = cmd.container === 3 ? DEVICE : VIAL;
  switch (cmd.op) {
    case 'receive':
      return { ...receive(containerId, { at }, product), id: `e${i}` };
    case 'open':
      return { ...where, type: 'open' };
    case 'administer':
      return { ...administer(`e${i}`, containerId, cmd.amount, at), locationId: where.locationId };
    case 'waste':
      return {
        ...where,
        type: 'waste',
        quantityUg: cmd.amount,
        witnessId: cmd.witness,
        manner: 'wasted',
        sessionId: null,
      };
    case 'transfer':
      return { ...where, type: 'transfer', toLocationId: cmd.pick % 2 ? 'safe-1' : 'safe-2' };
    case 'return':
      return {
        ...where,
        type: 'return',
        quantityUg: cmd.pick % 3 === 0 ? cmd.amount : (c?.balanceUg ?? 1),
        distributor: { name: 'RevCo', address: '2 Elm St', deaNumber: 'RR7654321' },
      };
    case 'expire':
      return { ...where, type: 'expire', reason: cmd.pick % 2 ? 'expired' : 'quarantined' };
    case 'adjust':
      return {
        ...where,
        type: 'adjust',
        deltaUg: cmd.amount - 100_000,
        reason: 'recount',
        witnessId: cmd.witness,
        relatesToEventId: null,
      };
    case 'count':
      return {
        ...where,
        type: 'count',
        countId: `k${i}`,
        countedUg: Math.max(0, cmd.amount),
        mode: 'blind',
        estimated: false,
      };
    case 'correction': {
      const targets = accepted.filter(
        (e) => e.type === 'administer' || e.type === 'waste' || e.type === 'adjust',
      );
      const target = targets.length ? targets[cmd.pick % targets.length]! : null;
      return {
        ...where,
        ...(target
          ? {
              containerId: target.containerId,
              locationId: state.get(target.containerId)?.locationId ?? 'safe-1',
            }
          : {}),
        type: 'correction',
        correctsEventId: target?.id ?? 'none',
        reason: 'entered in error',
        witnessId: cmd.witness,
      };
    }
  }
}

/** Applies the commands one by one, as the server would, keeping the accepted events. */
function run(commands: Command[]) {
  const state = new Map<string, ContainerBalance>();
  const accepted: LedgerEvent[] = [];
  const corrected = new Set<string>();
  commands.forEach((cmd, i) => {
    const e = eventFor(cmd, i, state, accepted);
    const original = e.type === 'correction' ? accepted.find((x) => x.id === e.correctsEventId) : undefined;
    const r = applyEvent(state.get(e.containerId) ?? null, e, {
      settings: DEFAULT_LEDGER_SETTINGS,
      product: e.type === 'receive' ? products.find((p) => p.key === e.productKey) : null,
      original: original ? { event: original, corrected: corrected.has(original.id) } : null,
    });
    if (!r.ok) return;
    expect(r.value.balanceUg).toBeGreaterThanOrEqual(0);
    state.set(e.containerId, r.value);
    accepted.push(e);
    if (original) corrected.add(original.id);
  });
  return { state, accepted, corrected };
}

describe('ledger invariants over random sequences', () => {
  const sequences = fc.array(command, { minLength: 5, maxLength: 80, size: 'max' });

  it('never yields a negative balance, and replaying gives the same balances', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { state, accepted } = run(commands);
        const a = derive(accepted);
        const b = derive([...accepted]);
        expect(a).toEqual(b);
        expect(a.containers).toEqual(
          [...state.values()].sort((x, y) => (x.containerId < y.containerId ? -1 : 1)),
        );
        for (const c of a.containers) {
          expect(c.balanceUg).toBeGreaterThanOrEqual(0);
          expect(c.balanceUg).toBeLessThanOrEqual(c.strength.contentUg);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the product/location balance is the sum of its containers', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { accepted } = run(commands);
        const b = derive(accepted);
        const total = b.byProductLocation.reduce((s, x) => s + x.balanceUg, 0);
        expect(total).toBe(
          b.containers.filter((c) => c.status !== 'returned').reduce((s, c) => s + c.balanceUg, 0),
        );
        expect(sumByProductLocation(b.containers)).toEqual(b.byProductLocation);
      }),
      { numRuns: 200 },
    );
  });

  it('each balance is the sum of its events, and a correction cancels the event it names', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { accepted, corrected } = run(commands);
        const b = derive(accepted);
        for (const c of b.containers) {
          const own = accepted.filter((e) => e.containerId === c.containerId);
          // Sum of the events themselves, the corrections leaving out the events they reverse.
          const sum = own
            .filter((e) => e.type !== 'correction' && !corrected.has(e.id))
            .reduce((s, e) => s + balanceDelta(e), 0);
          expect(c.balanceUg).toBe(sum);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a correction restores the balance the container had before the corrected event', () => {
    const events: LedgerEvent[] = [
      receive('v1'),
      open('o1', 'v1', minutes(1)),
      administer('a1', 'v1', 70_000, minutes(2)),
    ];
    const corr: LedgerEvent = {
      ...base('correction', 'x1', 'v1', minutes(3)),
      type: 'correction',
      correctsEventId: 'a1',
      reason: 'recorded on the wrong vial',
      witnessId: 'nurse-b',
    };
    expect(derive(events).containers[0]!.balanceUg).toBe(430_000);
    expect(derive([...events, corr]).containers[0]!.balanceUg).toBe(500_000);
    const again = { ...corr, id: 'x2', at: minutes(4) };
    expect(deriveBalances([...events, corr, again], { products })).toMatchObject({
      ok: false,
      violation: { index: 4 },
    });
  });
});

describe('the random sequences', () => {
  it('reach every kind of event', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 5, maxLength: 80, size: 'max' }), (commands) => {
        for (const e of run(commands).accepted) kinds.add(e.type);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect([...kinds].sort()).toEqual([...OPS].sort());
  });
});
