import { z } from 'zod';
import { INSTRUMENT_IDS } from '../instruments';
import type { InstrumentId } from '../instruments';

/**
 * Measurement plan rules as data. Anchors are infusion appointments; until a scheduling module
 * supplies them, staff enter anchor dates by hand. The rules follow the issue's example: "PHQ-9 and
 * GAD-7 before every infusion and 24 h after; weekly during maintenance".
 */
const instrumentList = z
  .array(z.enum(INSTRUMENT_IDS as unknown as [InstrumentId, ...InstrumentId[]]))
  .min(1)
  .max(10)
  .refine((list) => new Set(list).size === list.length, 'lists an instrument twice');

const isoDateTime = z.iso.datetime({ offset: true });

export const planRuleSchema = z.discriminatedUnion('kind', [
  z
    .object({
      /** Due in the hours before each anchor; a "before" score taken after the infusion is not one. */
      kind: z.literal('before-anchor'),
      instruments: instrumentList,
      windowHours: z.number().int().min(1).max(336),
    })
    .strict(),
  z
    .object({
      /** Falls due offsetHours after each anchor and stays due for windowHours. */
      kind: z.literal('after-anchor'),
      instruments: instrumentList,
      offsetHours: z
        .number()
        .int()
        .min(0)
        .max(24 * 90),
      windowHours: z.number().int().min(1).max(336),
    })
    .strict(),
  z
    .object({
      /** A calendar rhythm (weekly during maintenance) from a start until an optional end. */
      kind: z.literal('every'),
      instruments: instrumentList,
      intervalDays: z.number().int().min(1).max(180),
      from: isoDateTime,
      until: isoDateTime.optional(),
      windowHours: z.number().int().min(1).max(336),
    })
    .strict(),
]);

export type PlanRule = z.infer<typeof planRuleSchema>;

export const planRulesSchema = z.array(planRuleSchema).min(1).max(20);

/** Plain-language wording of a rule, for the plan editor and the due list. */
export function describeRule(rule: PlanRule, shortTitle: (id: InstrumentId) => string = (id) => id): string {
  const names = rule.instruments.map(shortTitle).join(' and ');
  switch (rule.kind) {
    case 'before-anchor':
      return `${names} in the ${rule.windowHours} h before every infusion`;
    case 'after-anchor':
      return `${names} ${rule.offsetHours} h after every infusion (due for ${rule.windowHours} h)`;
    case 'every':
      return `${names} every ${rule.intervalDays === 7 ? 'week' : `${rule.intervalDays} days`} from ${rule.from.slice(0, 10)}${rule.until ? ` until ${rule.until.slice(0, 10)}` : ''}`;
  }
}

/** The issue's example plan, offered as the default in the plan editor. */
export function examplePlanRules(maintenanceFrom: string): PlanRule[] {
  return [
    { kind: 'before-anchor', instruments: ['phq9', 'gad7'], windowHours: 48 },
    { kind: 'after-anchor', instruments: ['phq9', 'gad7'], offsetHours: 24, windowHours: 24 },
    { kind: 'every', instruments: ['phq9', 'gad7'], intervalDays: 7, from: maintenanceFrom, windowHours: 48 },
  ];
}
