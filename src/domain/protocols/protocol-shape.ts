import { z } from 'zod';
import { CONFIDENCE_TAGS } from './citations';

/**
 * The shape of a treatment protocol as zod schemas, and the types inferred from them. Shape only: the
 * cross-field rules are in protocol-coherence.ts, and validateProtocol (protocol-schema.ts) runs both.
 */

const positive = (what: string) =>
  z.number({ error: `${what} must be a number` }).positive(`${what} must be > 0`);
const nonNegative = (what: string) =>
  z.number({ error: `${what} must be a number` }).nonnegative(`${what} must be ≥ 0`);
const positiveInt = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .positive(`${what} must be > 0`);

const idSchema = z
  .string()
  .min(1, 'id must not be empty')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be lower-case letters, digits and dashes');

export const citationSchema = z.object({
  id: z.string().min(1, 'citation id must not be empty'),
  source: z.string().min(1, 'citation source must not be empty'),
  supports: z.string(),
  reference: z.string(),
  tag: z.enum(CONFIDENCE_TAGS),
});

/** Inclusive range in the unit of the field it qualifies. */
const rangeSchema = (what: string) =>
  z
    .object({ min: positive(`${what}.min`), max: positive(`${what}.max`) })
    .refine((r) => r.min <= r.max, { message: `${what}.min must be ≤ ${what}.max`, path: ['min'] });

const citationIds = z.array(z.string().min(1)).min(1, 'at least one citation is required');

const stepBase = {
  id: idSchema,
  label: z.string().min(1, 'label must not be empty'),
  citationIds,
  notes: z.string().optional(),
};

/**
 * One administration. `durationMin: 0` on a mg/kg or fixed-mg step means an IV push (bolus); rate-based
 * steps need a positive duration because the dose is rate × time.
 */
export const stepSchema = z.discriminatedUnion('kind', [
  z.object({
    ...stepBase,
    kind: z.literal('mg-per-kg'),
    doseMgPerKg: positive('doseMgPerKg'),
    durationMin: nonNegative('durationMin'),
    /** Range a clinician may choose within without a warning. */
    doseRange: rangeSchema('doseRange').optional(),
  }),
  z.object({
    ...stepBase,
    kind: z.literal('mg-per-kg-per-hour'),
    doseMgPerKgPerHour: positive('doseMgPerKgPerHour'),
    durationMin: positive('durationMin'),
    doseRange: rangeSchema('doseRange').optional(),
  }),
  z.object({
    ...stepBase,
    kind: z.literal('fixed-mg'),
    fixedMg: positive('fixedMg'),
    durationMin: nonNegative('durationMin'),
    doseRange: rangeSchema('doseRange').optional(),
  }),
  z.object({
    ...stepBase,
    kind: z.literal('fixed-mg-per-hour'),
    fixedMgPerHour: positive('fixedMgPerHour'),
    durationMin: positive('durationMin'),
    doseRange: rangeSchema('doseRange').optional(),
  }),
  z.object({
    ...stepBase,
    kind: z.literal('devices'),
    /** Intranasal: dose = devices × mgPerDevice; never weight-based. */
    devices: positiveInt('devices'),
    mgPerDevice: positive('mgPerDevice'),
    minutesBetweenDevices: nonNegative('minutesBetweenDevices'),
    doseRange: rangeSchema('doseRange').optional(),
  }),
]);

export const ceilingSchema = z.object({
  /** Per-administration mg/kg limit on the weight used for dosing. */
  mgPerKg: positive('ceiling.mgPerKg').optional(),
  mgPerKgPerHour: positive('ceiling.mgPerKgPerHour').optional(),
  totalMg: positive('ceiling.totalMg').optional(),
  citationIds,
});

export const escalationRuleSchema = z.object({
  id: idSchema,
  fromStepId: z.string().min(1),
  toStepId: z.string().min(1),
  /**
   * Sessions (infusions or intranasal sessions) without response before moving up. Fewer is a hard stop
   * that the prescriber may override only by acknowledging it with a reason (docs/dosing.md): the count is
   * a clinical judgement, but moving up early must be a decision on the record, not a passing warning.
   */
  minPriorSessionsWithoutResponse: z.number().int('must be a whole number').nonnegative('must be ≥ 0'),
  citationIds,
});

const frequencySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('per-week'), min: positive('frequency.min'), max: positive('frequency.max') }),
  z.object({ kind: z.literal('every-n-weeks'), weeks: positiveInt('frequency.weeks') }),
  z.object({ kind: z.literal('every-n-months'), months: positiveInt('frequency.months') }),
  /** No published cadence: the prescriber sets it per patient (e.g. tapering CRPS regimens). */
  z.object({ kind: z.literal('as-prescribed') }),
]);

export const schedulePhaseSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  /** Steps that may be given in this phase (escalation moves between them). */
  stepIds: z.array(z.string().min(1)).min(1, 'a phase must allow at least one step'),
  frequency: frequencySchema,
  /** Length of the phase: any combination; all given bounds apply. */
  weeks: rangeSchema('weeks').optional(),
  months: rangeSchema('months').optional(),
  sessions: rangeSchema('sessions').optional(),
  citationIds,
  notes: z.string().optional(),
});

export const scheduleSchema = z.object({
  phases: z.array(schedulePhaseSchema).min(1, 'a schedule needs at least one phase'),
  onRelapse: z.object({ returnToPhaseId: z.string().min(1), citationIds }).optional(),
});

export const protocolSchema = z.object({
  /** Stable across versions; a dose stores id + version. */
  id: idSchema,
  version: positiveInt('version'),
  name: z.string().min(1, 'name must not be empty'),
  indication: z.string().min(1, 'indication must not be empty'),
  route: z.enum(['iv', 'intranasal']),
  description: z.string().optional(),
  steps: z.array(stepSchema).min(1, 'a protocol needs at least one step'),
  schedule: scheduleSchema,
  escalation: z.array(escalationRuleSchema),
  ceiling: ceilingSchema,
  citations: z.array(citationSchema).min(1, 'a protocol needs at least one citation'),
  lineage: z
    .object({
      /** The protocol this one was copied from (copyProtocol). */
      copiedFrom: z.object({ id: z.string(), version: z.number().int() }).optional(),
      /** The version this one replaced (reviseProtocol). */
      supersedes: z.object({ id: z.string(), version: z.number().int() }).optional(),
      note: z.string().optional(),
    })
    .optional(),
});

export type ProtocolStep = z.infer<typeof stepSchema>;
export type StepKind = ProtocolStep['kind'];
export type ProtocolCeiling = z.infer<typeof ceilingSchema>;
export type EscalationRule = z.infer<typeof escalationRuleSchema>;
export type SchedulePhase = z.infer<typeof schedulePhaseSchema>;
export type ProtocolSchedule = z.infer<typeof scheduleSchema>;
export type Protocol = z.infer<typeof protocolSchema>;
export type ProtocolCitation = z.infer<typeof citationSchema>;
