import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionableItems, computeDueItems } from './due';
import { describeRule, examplePlanRules, planRulesSchema, type PlanRule } from './plan-rules';

const infusion = { id: 'a1', at: '2030-03-10T14:00:00.000Z', label: 'Infusion 1' };
const before: PlanRule = { kind: 'before-anchor', instruments: ['phq9', 'gad7'], windowHours: 48 };
const after: PlanRule = { kind: 'after-anchor', instruments: ['phq9'], offsetHours: 24, windowHours: 24 };
const opts = (now: string) => ({ now: new Date(now), overdueAfterHours: 24 });

describe('computeDueItems', () => {
  it('puts a before-infusion item in the 48 h before the anchor and closes it at the anchor', () => {
    const items = computeDueItems([before], [infusion], [], opts('2030-03-09T09:00:00Z'));
    expect(items.map((i) => [i.instrumentId, i.status, i.opensAt, i.dueAt])).toEqual([
      ['gad7', 'due', '2030-03-08T14:00:00.000Z', '2030-03-10T14:00:00.000Z'],
      ['phq9', 'due', '2030-03-08T14:00:00.000Z', '2030-03-10T14:00:00.000Z'],
    ]);
    expect(computeDueItems([before], [infusion], [], opts('2030-03-08T13:59:59Z'))[0]!.status).toBe(
      'upcoming',
    );
    // A "before" score cannot be collected after the infusion: it is missed, never overdue.
    expect(computeDueItems([before], [infusion], [], opts('2030-03-10T14:00:01Z'))[0]!.status).toBe('missed');
  });

  it('makes the 24 h-after item due for its window, then overdue for the grace period, then missed', () => {
    const status = (now: string) => computeDueItems([after], [infusion], [], opts(now))[0]!.status;
    expect(status('2030-03-11T13:59:00Z')).toBe('upcoming');
    expect(status('2030-03-11T14:00:00Z')).toBe('due');
    expect(status('2030-03-12T14:00:00Z')).toBe('due');
    expect(status('2030-03-12T14:00:01Z')).toBe('overdue');
    expect(status('2030-03-13T14:00:00Z')).toBe('overdue');
    expect(status('2030-03-13T14:00:01Z')).toBe('missed');
  });

  it('completes an item with a response answered inside its window, and only of the same instrument', () => {
    const responses = [
      { id: 'r1', instrumentId: 'phq9', administeredAt: '2030-03-09T10:00:00Z' },
      { id: 'r2', instrumentId: 'phq9', administeredAt: '2030-03-10T15:00:00Z' },
    ];
    const items = computeDueItems([before], [infusion], responses, opts('2030-03-10T09:00:00Z'));
    expect(items.find((i) => i.instrumentId === 'phq9')).toMatchObject({
      status: 'completed',
      responseId: 'r1',
    });
    expect(items.find((i) => i.instrumentId === 'gad7')).toMatchObject({ status: 'due', responseId: null });
  });

  it('expands a weekly rule from its start to the horizon and stops at its end date', () => {
    const weekly: PlanRule = {
      kind: 'every',
      instruments: ['phq9'],
      intervalDays: 7,
      from: '2030-01-01T09:00:00Z',
      until: '2030-01-29T09:00:00Z',
      windowHours: 48,
    };
    const items = computeDueItems([weekly], [], [], { ...opts('2030-01-16T10:00:00Z'), lookbackDays: 365 });
    expect(items.map((i) => i.opensAt.slice(0, 10))).toEqual([
      '2030-01-01',
      '2030-01-08',
      '2030-01-15',
      '2030-01-22',
      '2030-01-29',
    ]);
    expect(items.map((i) => i.status)).toEqual(['missed', 'missed', 'due', 'upcoming', 'upcoming']);
    expect(actionableItems(items)).toHaveLength(1);
  });

  it('never expands a rule without end past the horizon, however small the interval', () => {
    const daily: PlanRule = {
      kind: 'every',
      instruments: ['phq9'],
      intervalDays: 1,
      from: '2000-01-01T00:00:00Z',
      windowHours: 1,
    };
    const items = computeDueItems([daily], [], [], {
      ...opts('2030-01-01T00:00:00Z'),
      horizonDays: 10,
      lookbackDays: 10,
    });
    expect(items.length).toBeLessThanOrEqual(21);
  });

  it('gives every item exactly one status, and completed items always name their response (property)', () => {
    const time = fc
      .integer({ min: Date.parse('2030-01-01'), max: Date.parse('2030-03-01') })
      .map((t) => new Date(t).toISOString());
    fc.assert(
      fc.property(
        fc.array(time, { maxLength: 5 }),
        fc.array(time, { maxLength: 8 }),
        time,
        (anchors, answered, now) => {
          const items = computeDueItems(
            examplePlanRules('2030-01-01T00:00:00.000Z'),
            anchors.map((at, i) => ({ id: `a${i}`, at })),
            answered.map((at, i) => ({
              id: `r${i}`,
              instrumentId: i % 2 ? 'gad7' : 'phq9',
              administeredAt: at,
            })),
            { now: new Date(now), overdueAfterHours: 24, lookbackDays: 365 },
          );
          for (const item of items) {
            expect(item.opensAt <= item.dueAt && item.dueAt <= item.closesAt).toBe(true);
            expect(item.status === 'completed').toBe(item.responseId !== null);
          }
        },
      ),
    );
  });
});

describe('plan rules', () => {
  it('accepts the example plan and describes it in words', () => {
    const rules = planRulesSchema.parse(examplePlanRules('2030-04-01T09:00:00.000Z'));
    expect(rules.map((r) => describeRule(r))).toEqual([
      'phq9 and gad7 in the 48 h before every infusion',
      'phq9 and gad7 24 h after every infusion (due for 24 h)',
      'phq9 and gad7 every week from 2030-04-01',
    ]);
  });

  it('refuses unknown instruments, duplicates, unknown fields and absurd windows', () => {
    expect(
      planRulesSchema.safeParse([{ kind: 'before-anchor', instruments: ['beck'], windowHours: 48 }]).success,
    ).toBe(false);
    expect(
      planRulesSchema.safeParse([{ kind: 'before-anchor', instruments: ['phq9', 'phq9'], windowHours: 48 }])
        .success,
    ).toBe(false);
    expect(planRulesSchema.safeParse([{ ...before, extra: 1 }]).success).toBe(false);
    expect(planRulesSchema.safeParse([{ ...before, windowHours: 0 }]).success).toBe(false);
    expect(planRulesSchema.safeParse([]).success).toBe(false);
  });
});
