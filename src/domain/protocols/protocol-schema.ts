import { z } from 'zod';
import { CONFIDENCE_TAGS } from './citations';

/**
 * The shape of a treatment protocol and the validator that keeps clinic-edited copies coherent.
 *
 * Protocols are data, not code, because every number in them (dose, duration, escalation threshold,
 * ceiling, schedule) is a clinic setting whose default comes from a cited source. The validator is the
 * only gate between a clinic's edit and a protocol the dose calculator will accept.
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
   * Sessions (infusions or intranasal sessions) without response before moving up. Fewer gives a warning,
   * not a hard stop: the count is a clinical judgement the prescriber may override.
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

export interface ProtocolError {
  /** Dotted path with indices, e.g. `steps[1].durationMin` or `ceiling.mgPerKg`. */
  field: string;
  message: string;
}

export type ProtocolValidation = { ok: true; protocol: Protocol } | { ok: false; errors: ProtocolError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(protocol)' : out;
}

/** The amount a step prescribes, in the step's own unit. */
export function stepDoseValue(step: ProtocolStep): number {
  switch (step.kind) {
    case 'mg-per-kg':
      return step.doseMgPerKg;
    case 'mg-per-kg-per-hour':
      return step.doseMgPerKgPerHour;
    case 'fixed-mg':
      return step.fixedMg;
    case 'fixed-mg-per-hour':
      return step.fixedMgPerHour;
    case 'devices':
      return step.devices;
  }
}

export const STEP_DOSE_FIELD: Record<StepKind, string> = {
  'mg-per-kg': 'doseMgPerKg',
  'mg-per-kg-per-hour': 'doseMgPerKgPerHour',
  'fixed-mg': 'fixedMg',
  'fixed-mg-per-hour': 'fixedMgPerHour',
  devices: 'devices',
};

export const STEP_DOSE_UNIT: Record<StepKind, string> = {
  'mg-per-kg': 'mg/kg',
  'mg-per-kg-per-hour': 'mg/kg/h',
  'fixed-mg': 'mg',
  'fixed-mg-per-hour': 'mg/h',
  devices: 'device',
};

/** Cross-field rules zod's shape checks cannot express. Each error names the field to fix. */
function coherenceErrors(p: Protocol): ProtocolError[] {
  const errors: ProtocolError[] = [];
  const add = (path: PropertyKey[], message: string) => errors.push({ field: formatPath(path), message });

  const citationIdsKnown = new Set<string>();
  p.citations.forEach((c, i) => {
    if (citationIdsKnown.has(c.id)) add(['citations', i, 'id'], `duplicate citation id '${c.id}'`);
    citationIdsKnown.add(c.id);
  });
  const checkCitations = (ids: readonly string[], path: PropertyKey[]) =>
    ids.forEach((id, i) => {
      if (!citationIdsKnown.has(id)) add([...path, 'citationIds', i], `unknown citation '${id}'`);
    });

  const stepIndex = new Map<string, number>();
  p.steps.forEach((s, i) => {
    if (stepIndex.has(s.id)) add(['steps', i, 'id'], `duplicate step id '${s.id}'`);
    stepIndex.set(s.id, i);
    checkCitations(s.citationIds, ['steps', i]);

    // Intranasal esketamine is counted in devices; IV is never dosed in devices.
    if (p.route === 'intranasal' && s.kind !== 'devices')
      add(['steps', i, 'kind'], `an intranasal protocol must use 'devices' steps, not '${s.kind}'`);
    if (p.route === 'iv' && s.kind === 'devices')
      add(['steps', i, 'kind'], `an IV protocol cannot use 'devices' steps`);

    const dose = stepDoseValue(s);
    const doseField = STEP_DOSE_FIELD[s.kind];
    if (s.doseRange && (dose < s.doseRange.min || dose > s.doseRange.max))
      add(
        ['steps', i, doseField],
        `${dose} ${STEP_DOSE_UNIT[s.kind]} lies outside doseRange ${s.doseRange.min}–${s.doseRange.max}`,
      );
    if (
      s.kind === 'devices' &&
      s.doseRange &&
      !(Number.isInteger(s.doseRange.min) && Number.isInteger(s.doseRange.max))
    )
      add(['steps', i, 'doseRange'], 'a device range must be whole devices');

    errors.push(...ceilingErrorsForStep(p.ceiling, s, i));
  });

  if (
    p.ceiling.mgPerKg === undefined &&
    p.ceiling.mgPerKgPerHour === undefined &&
    p.ceiling.totalMg === undefined
  )
    add(['ceiling'], 'a ceiling needs at least one of mgPerKg, mgPerKgPerHour or totalMg');
  if (p.route === 'intranasal' && p.ceiling.totalMg === undefined)
    add(['ceiling', 'totalMg'], 'an intranasal protocol needs a totalMg ceiling (it is not weight-based)');
  checkCitations(p.ceiling.citationIds, ['ceiling']);

  const ruleIds = new Set<string>();
  p.escalation.forEach((r, i) => {
    if (ruleIds.has(r.id)) add(['escalation', i, 'id'], `duplicate escalation rule id '${r.id}'`);
    ruleIds.add(r.id);
    checkCitations(r.citationIds, ['escalation', i]);
    const fromIndex = stepIndex.get(r.fromStepId);
    const toIndex = stepIndex.get(r.toStepId);
    if (fromIndex === undefined) add(['escalation', i, 'fromStepId'], `unknown step '${r.fromStepId}'`);
    if (toIndex === undefined) add(['escalation', i, 'toStepId'], `unknown step '${r.toStepId}'`);
    if (fromIndex === undefined || toIndex === undefined) return;
    if (fromIndex === toIndex) {
      add(['escalation', i, 'toStepId'], 'an escalation must move to a different step');
      return;
    }
    const from = p.steps[fromIndex];
    const to = p.steps[toIndex];
    if (!from || !to) return;
    if (from.kind !== to.kind)
      add(['escalation', i, 'toStepId'], `cannot escalate from a '${from.kind}' step to a '${to.kind}' step`);
    else if (stepDoseValue(to) <= stepDoseValue(from))
      add(
        ['escalation', i, 'toStepId'],
        `escalation must raise the dose: '${to.id}' (${stepDoseValue(to)}) is not above '${from.id}' (${stepDoseValue(from)})`,
      );
  });

  const phaseIds = new Set<string>();
  p.schedule.phases.forEach((ph, i) => {
    if (phaseIds.has(ph.id)) add(['schedule', 'phases', i, 'id'], `duplicate phase id '${ph.id}'`);
    phaseIds.add(ph.id);
    checkCitations(ph.citationIds, ['schedule', 'phases', i]);
    ph.stepIds.forEach((sid, j) => {
      if (!stepIndex.has(sid)) add(['schedule', 'phases', i, 'stepIds', j], `unknown step '${sid}'`);
    });
    if (ph.frequency.kind === 'per-week' && ph.frequency.min > ph.frequency.max)
      add(['schedule', 'phases', i, 'frequency', 'min'], 'frequency.min must be ≤ frequency.max');
    if (ph.frequency.kind === 'per-week' && ph.frequency.max > 7)
      add(['schedule', 'phases', i, 'frequency', 'max'], 'more than 7 sessions a week is not a schedule');
  });
  if (p.schedule.onRelapse) {
    checkCitations(p.schedule.onRelapse.citationIds, ['schedule', 'onRelapse']);
    if (!phaseIds.has(p.schedule.onRelapse.returnToPhaseId))
      add(
        ['schedule', 'onRelapse', 'returnToPhaseId'],
        `unknown phase '${p.schedule.onRelapse.returnToPhaseId}'`,
      );
  }
  return errors;
}

/** Small tolerance so 0.1 + 0.2-style float noise never turns a coherent protocol into an error. */
const EPS = 1e-9;

function ceilingErrorsForStep(c: ProtocolCeiling, s: ProtocolStep, i: number): ProtocolError[] {
  const errors: ProtocolError[] = [];
  const over = (limitField: string, limit: number, value: number, unit: string, what: string) => {
    if (value > limit * (1 + EPS))
      errors.push({
        field: `ceiling.${limitField}`,
        message: `ceiling ${limit} ${unit} is below steps[${i}] ('${s.id}') ${what} of ${round6(value)} ${unit}`,
      });
  };
  const hours = s.kind === 'devices' ? 0 : s.durationMin / 60;
  switch (s.kind) {
    case 'mg-per-kg':
      if (c.mgPerKg !== undefined) {
        over('mgPerKg', c.mgPerKg, s.doseMgPerKg, 'mg/kg', 'doseMgPerKg');
        if (s.doseRange) over('mgPerKg', c.mgPerKg, s.doseRange.max, 'mg/kg', 'doseRange.max');
      }
      if (c.mgPerKgPerHour !== undefined && s.durationMin > 0)
        over('mgPerKgPerHour', c.mgPerKgPerHour, s.doseMgPerKg / hours, 'mg/kg/h', 'rate');
      break;
    case 'mg-per-kg-per-hour':
      if (c.mgPerKgPerHour !== undefined) {
        over('mgPerKgPerHour', c.mgPerKgPerHour, s.doseMgPerKgPerHour, 'mg/kg/h', 'doseMgPerKgPerHour');
        if (s.doseRange)
          over('mgPerKgPerHour', c.mgPerKgPerHour, s.doseRange.max, 'mg/kg/h', 'doseRange.max');
      }
      if (c.mgPerKg !== undefined)
        over('mgPerKg', c.mgPerKg, s.doseMgPerKgPerHour * hours, 'mg/kg', 'total over durationMin');
      break;
    case 'fixed-mg':
      if (c.totalMg !== undefined) {
        over('totalMg', c.totalMg, s.fixedMg, 'mg', 'fixedMg');
        if (s.doseRange) over('totalMg', c.totalMg, s.doseRange.max, 'mg', 'doseRange.max');
      }
      break;
    case 'fixed-mg-per-hour':
      if (c.totalMg !== undefined)
        over('totalMg', c.totalMg, s.fixedMgPerHour * hours, 'mg', 'total over durationMin');
      break;
    case 'devices':
      if (c.totalMg !== undefined) {
        over('totalMg', c.totalMg, s.devices * s.mgPerDevice, 'mg', 'devices × mgPerDevice');
        if (s.doseRange)
          over('totalMg', c.totalMg, s.doseRange.max * s.mgPerDevice, 'mg', 'doseRange.max × mgPerDevice');
      }
      break;
  }
  return errors;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Parse and check a protocol. Accepts `unknown` because clinic edits arrive as JSON; returns every error
 * found (shape first; cross-field rules only once the shape is right, so messages stay meaningful).
 */
export function validateProtocol(input: unknown): ProtocolValidation {
  const parsed = protocolSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ field: formatPath(issue.path), message: issue.message })),
    };
  }
  const errors = coherenceErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, protocol: parsed.data };
}
