import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountGiven,
  checkDifferenceExplained,
  compareWithOrder,
  toPkSegments,
  type AmountGiven,
  type AmountOptions,
  type PumpEvent,
} from './amount-given.js';

const t0 = Date.UTC(2026, 0, 5, 9, 0);
const m = (minutes: number) => t0 + minutes * 60_000;
const opts = { concentrationMgPerMl: 1, asOf: m(600) };
const mgh = (value: number) => ({ value, unit: 'mg/h' as const });

function given(events: PumpEvent[], o: AmountOptions = opts): AmountGiven {
  const r = amountGiven(events, o);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('amountGiven', () => {
  it('gives 0.5 mg/kg × 80 kg over 40 minutes as 40 mg', () => {
    const a = given([
      { type: 'start', at: m(0), rate: mgh(60) },
      { type: 'stop', at: m(40) },
    ]);
    expect(a).toMatchObject({
      givenMg: 40,
      givenMl: 40,
      runningMs: 40 * 60_000,
      pausedMs: 0,
      stoppedAt: m(40),
    });
  });

  it('sums a pause and a rate change piecewise', () => {
    const a = given([
      { type: 'start', at: m(0), rate: mgh(60) },
      { type: 'pause', at: m(10) },
      { type: 'resume', at: m(15) },
      { type: 'rate_change', at: m(25), rate: mgh(30) },
      { type: 'stop', at: m(45) },
    ]);
    // 60 × 10/60 + 60 × 10/60 + 30 × 20/60 = 10 + 10 + 10
    expect(a.givenMg).toBe(30);
    expect(a.pausedMs).toBe(5 * 60_000);
    expect(a.segments.map((s) => [s.from, s.to, s.mgPerHour])).toEqual([
      [m(0), m(10), 60],
      [m(15), m(25), 60],
      [m(25), m(45), 30],
    ]);
  });

  it('reads mL/h rates through the concentration', () => {
    const a = given(
      [
        { type: 'start', at: m(0), rate: { value: 120, unit: 'mL/h' } },
        { type: 'stop', at: m(30) },
      ],
      { concentrationMgPerMl: 0.4, asOf: m(60) },
    );
    expect(a.givenMl).toBe(60);
    expect(a.givenMg).toBeCloseTo(24, 12);
  });

  it('applies a rate set while paused from the resume', () => {
    const a = given([
      { type: 'start', at: m(0), rate: mgh(60) },
      { type: 'pause', at: m(10) },
      { type: 'rate_change', at: m(12), rate: mgh(30) },
      { type: 'resume', at: m(20) },
      { type: 'stop', at: m(40) },
    ]);
    expect(a.givenMg).toBe(20);
  });

  it('counts a running pump up to asOf, and orders events by time', () => {
    const a = given(
      [
        { type: 'rate_change', at: m(20), rate: mgh(30) },
        { type: 'start', at: m(0), rate: mgh(60) },
      ],
      { ...opts, asOf: m(30) },
    );
    expect(a).toMatchObject({ givenMg: 25, stoppedAt: null });
  });

  it('explains its inputs and formula', () => {
    const a = given([
      { type: 'start', at: m(0), rate: mgh(60) },
      { type: 'pause', at: m(10) },
      { type: 'resume', at: m(15) },
      { type: 'stop', at: m(45) },
    ]);
    const mgLine = a.explanation.find((l) => l.quantity === 'givenMg')!;
    expect(mgLine).toMatchObject({
      value: 40,
      unit: 'mg',
      formula: 'Σ rate (mg/h) × segment minutes ÷ 60',
      rounding: null,
    });
    expect(mgLine.inputs.map((i) => [i.name, i.value])).toEqual([
      ['segment 1: 0–10 min rate', 60],
      ['segment 2: 15–45 min rate', 60],
    ]);
    expect(a.explanation.find((l) => l.quantity === 'runningMinutes')!.inputs.at(-1)).toEqual({
      name: 'paused',
      value: 5,
      unit: 'min',
    });
  });

  it.each([
    [[], 'events'],
    [[{ type: 'pause', at: m(1) }], 'events[0].type'],
    [
      [
        { type: 'start', at: m(0), rate: mgh(60) },
        { type: 'start', at: m(1), rate: mgh(60) },
      ],
      'events[1].type',
    ],
    [[{ type: 'start', at: m(0), rate: mgh(0) }], 'events[0].rate'],
    [[{ type: 'start', at: m(0), rate: { value: 10, unit: 'mL/h' } }], 'events[0].rate'],
    [
      [
        { type: 'start', at: m(0), rate: mgh(60) },
        { type: 'resume', at: m(1) },
      ],
      'events[1].type',
    ],
    [
      [
        { type: 'start', at: m(0), rate: mgh(60) },
        { type: 'stop', at: m(1) },
        { type: 'pause', at: m(2) },
      ],
      'events[2].type',
    ],
    [
      [
        { type: 'start', at: m(0), rate: mgh(60) },
        { type: 'stop', at: m(700) },
      ],
      'events[1].at',
    ],
  ] as [PumpEvent[], string][])('refuses %j naming %s', (events, field) => {
    const r = amountGiven(events, { ...opts, concentrationMgPerMl: events.length === 1 ? null : 1 });
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual([field]);
  });
});

describe('compareWithOrder (default tolerance 5%)', () => {
  it.each([
    [105, false],
    [105.01, true],
    [95, false],
    [94.99, true],
    [100, false],
  ])('given %s mg of 100 mg ordered → flagged %s', (givenMg, flagged) => {
    const r = compareWithOrder(givenMg, 100, 5);
    expect(r.ok && r.value.flagged).toBe(flagged);
  });

  it('reports the difference in mg and percent, with its formula', () => {
    const r = compareWithOrder(36, 40, 5);
    expect(r.ok && r.value).toMatchObject({ differenceMg: -4, differencePercent: -10, flagged: true });
    expect(r.ok && r.value.explanation.map((l) => l.quantity)).toEqual([
      'differenceMg',
      'differencePercent',
      'tolerancePercent',
    ]);
    expect(r.ok && r.value.explanation[2]!.sources?.[0]?.tag).toBe('unverified');
  });

  it('needs an explanation only when flagged', () => {
    const flagged = compareWithOrder(36, 40, 5);
    const fine = compareWithOrder(39, 40, 5);
    if (!flagged.ok || !fine.ok) throw new Error('unexpected');
    expect(checkDifferenceExplained(flagged.value, '').map((p) => p.field)).toEqual([
      'differenceExplanation',
    ]);
    expect(checkDifferenceExplained(flagged.value, 'line occluded for 4 min')).toEqual([]);
    expect(checkDifferenceExplained(fine.value, null)).toEqual([]);
  });

  it('refuses an order of 0 mg', () => {
    expect(compareWithOrder(1, 0, 5)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'orderedMg' })],
    });
  });
});

describe('toPkSegments', () => {
  it('gives infusion segments in minutes from the origin, merging same-rate neighbours', () => {
    const a = given([
      { type: 'start', at: m(0), rate: mgh(60) },
      { type: 'rate_change', at: m(10), rate: mgh(60) },
      { type: 'pause', at: m(20) },
      { type: 'resume', at: m(25) },
      { type: 'stop', at: m(45) },
    ]);
    expect(toPkSegments(a.segments, m(0))).toEqual([
      { kind: 'infusion', startMin: 0, endMin: 20, totalMg: 20 },
      { kind: 'infusion', startMin: 25, endMin: 45, totalMg: 20 },
    ]);
  });
});

// ---- Properties ----

const rateArb = fc.oneof(fc.integer({ min: 1, max: 600 }), fc.double({ min: 0.1, max: 600, noNaN: true }));
/** A start, rate changes and a stop at increasing whole-millisecond times. */
const planArb = fc
  .record({
    start: fc.integer({ min: t0, max: t0 + 3_600_000 }),
    gaps: fc.array(fc.integer({ min: 1, max: 3_600_000 }), { minLength: 1, maxLength: 6 }),
    rates: fc.array(rateArb, { minLength: 6, maxLength: 6 }),
  })
  .map(({ start, gaps, rates }) => {
    const times = gaps.reduce((acc, g) => [...acc, acc[acc.length - 1]! + g], [start]);
    const events: PumpEvent[] = times.map((at, i) =>
      i === 0
        ? { type: 'start', at, rate: mgh(rates[0]!) }
        : i === times.length - 1
          ? { type: 'stop', at }
          : { type: 'rate_change', at, rate: mgh(rates[i]!) },
    );
    return { events, start: times[0]!, stop: times[times.length - 1]! };
  });
const big = { concentrationMgPerMl: null, asOf: t0 + 30 * 3_600_000 };

describe('amountGiven properties', () => {
  it('equals rate × running time for a constant rate', () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: 0, max: 24 * 3_600_000 }), (rate, ms) => {
        const a = given(
          [
            { type: 'start', at: t0, rate: mgh(rate) },
            { type: 'stop', at: t0 + ms },
          ],
          big,
        );
        expect(a.givenMg).toBe((rate * ms) / 3_600_000);
      }),
    );
  });

  it('never increases when a pause is inserted', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (plan, a, b) => {
          const span = plan.stop - plan.start;
          const [p, q] = [a, b].map((x) => plan.start + Math.floor(x * (span - 1))).sort((x, y) => x - y) as [
            number,
            number,
          ];
          const paused = [
            ...plan.events,
            { type: 'pause', at: p } as const,
            { type: 'resume', at: q } as const,
          ];
          expect(given(paused, big).givenMg).toBeLessThanOrEqual(given(plan.events, big).givenMg);
        },
      ),
    );
  });

  it('does not change when a segment is split by a change to the same rate', () => {
    fc.assert(
      fc.property(planArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (plan, x) => {
        const at = plan.start + Math.floor(x * (plan.stop - plan.start - 1));
        const before = given(plan.events, big);
        const inEffect = before.segments.filter((s) => s.from <= at).at(-1)!.mgPerHour;
        const split = given([...plan.events, { type: 'rate_change', at, rate: mgh(inEffect) }], big);
        expect(split.givenMg).toBe(before.givenMg);
      }),
    );
  });

  it('gives PK segments whose total equals the amount given', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const a = given(plan.events, big);
        const total = toPkSegments(a.segments, plan.start).reduce(
          (s, seg) => s + (seg.kind === 'infusion' ? seg.totalMg : seg.mg),
          0,
        );
        expect(total).toBeCloseTo(a.givenMg, 6);
      }),
    );
  });
});
