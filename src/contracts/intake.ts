import { z } from 'zod';
import { calendarDate, isoInstant } from './common.js';

/**
 * Intake, medications, screening, eligibility and readiness (docs/intake-and-consent.md). Answers are
 * validated item by item by the intake rules (src/domain/intake), which name the failing item.
 */

export const products = ['iv_ketamine', 'esketamine'] as const;
export const product = z.enum(products);
export type Product = z.infer<typeof product>;
export const eligibilityDecision = z.enum([
  'eligible',
  'eligible_with_precautions',
  'not_eligible',
  'needs_more_information',
]);
const person = z.object({ id: z.uuid(), label: z.string() });

export const intakeSaveBody = z
  .object({
    answers: z.record(z.string().max(64), z.unknown()),
    /** draft: saved as it goes; submitted: complete; amendment: a change after submission (reason needed). */
    kind: z.enum(['draft', 'submitted', 'amendment']),
    reason: z.string().trim().min(1).max(500).optional(),
    /** 'patient' when the patient filled it in at a clinic tablet under a staff session. */
    enteredVia: z.enum(['staff', 'patient']).default('staff'),
  })
  .strict();

export const intakeRevisionView = z.object({
  revision: z.number().int(),
  kind: z.enum(['draft', 'submitted', 'amendment']),
  answers: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  enteredBy: person.nullable(),
  enteredVia: z.enum(['staff', 'patient']),
  createdAt: isoInstant,
});
export const intakeResponse = z.object({
  current: intakeRevisionView.nullable(),
  /** What a clinician reads: one line per answered item, in the form's order. */
  summary: z.array(z.object({ section: z.string(), label: z.string(), answer: z.string() })),
  adequateTrials: z.number().int().nullable(),
  history: z.array(intakeRevisionView.omit({ answers: true })),
});
export type IntakeResponse = z.infer<typeof intakeResponse>;

export const medicationEntry = z
  .object({
    drug: z.string().trim().min(1).max(120),
    doseMg: z.number().positive().max(100_000).nullable(),
    timesPerDay: z.number().positive().max(24).nullable(),
    asNeeded: z.boolean().default(false),
  })
  .strict();
export const medicationsBody = z
  .object({ entries: z.array(medicationEntry).max(60), reason: z.string().trim().max(500).optional() })
  .strict();
export const medicationsResponse = z.object({
  revision: z.number().int().nullable(),
  entries: z.array(medicationEntry.extend({ classes: z.array(z.string()), matched: z.string().nullable() })),
  diazepamEquivalent: z.object({
    totalMg: z.number(),
    parts: z.array(z.record(z.string(), z.unknown())),
    unknownDose: z.array(z.string()),
  }),
});
export type MedicationsResponse = z.infer<typeof medicationsResponse>;

export const screeningBody = z.object({ product }).strict();
export const ruleResultView = z.object({
  ruleId: z.string(),
  version: z.number().int(),
  title: z.string(),
  severity: z.enum(['hard_stop', 'relative', 'flag']),
  status: z.enum(['fired', 'clear', 'missing']),
  read: z.record(z.string(), z.unknown()),
  explanation: z.string(),
  source: z.object({ tag: z.string(), anchor: z.string(), citation: z.string() }),
});
export type RuleResultView = z.infer<typeof ruleResultView>;
export const evaluationView = z.object({
  id: z.uuid(),
  product,
  evaluatedAt: isoInstant,
  intakeRevision: z.number().int().nullable(),
  medicationRevision: z.number().int().nullable(),
  results: z.array(ruleResultView),
});
export type EvaluationView = z.infer<typeof evaluationView>;

export const decisionBody = z
  .object({
    product,
    evaluationId: z.uuid(),
    decision: eligibilityDecision,
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();
export const decisionView = z.object({
  id: z.uuid(),
  product,
  evaluationId: z.uuid(),
  decision: eligibilityDecision,
  reason: z.string().nullable(),
  decidedBy: person,
  decidedAt: isoInstant,
  expiresAt: isoInstant.nullable(),
  invalidatedAt: isoInstant.nullable(),
  invalidatedReason: z.string().nullable(),
  validity: z.enum(['valid', 'expired', 'invalidated']),
});
export type DecisionView = z.infer<typeof decisionView>;

export const readinessQuery = z
  .object({ product: product.default('iv_ketamine'), date: calendarDate.optional() })
  .strict();
export const readinessView = z.object({
  product,
  ready: z.boolean(),
  blockers: z.array(z.object({ code: z.string(), message: z.string() })),
  flags: z.array(ruleResultView),
});
export type ReadinessView = z.infer<typeof readinessView>;

export const eligibilityOverview = z.object({
  evaluations: z.array(evaluationView),
  decisions: z.array(decisionView),
  readiness: z.array(readinessView),
});
export type EligibilityOverview = z.infer<typeof eligibilityOverview>;
