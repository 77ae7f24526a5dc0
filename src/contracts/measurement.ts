import { z } from 'zod';
import {
  INSTRUMENT_IDS,
  type InstrumentDefinition,
  type InstrumentId,
  type ScoreResult,
} from '../domain/instruments/index.js';
import {
  planRuleSchema,
  planRulesSchema,
  safetyActionKinds,
  type DueStatus,
  type Trajectory,
} from '../domain/measurement/index.js';
import { isoInstant, itemList, page } from './common.js';

/**
 * Measurement-based care over HTTP: instruments, responses (assessments), trajectories, safety
 * alerts, measurement plans, infusion dates and the front desk's due list. The self-report links
 * are in ./self-report.ts.
 */

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** Text without control characters (NUL breaks PostgreSQL text; CR/LF and ESC would reach logs). */
const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');
/** Notes may have line breaks, nothing else below 0x20. */
const noteText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not contain control characters');

export const instrumentIdSchema = z.enum(INSTRUMENT_IDS as unknown as [InstrumentId, ...InstrumentId[]]);

/** Answers by item id: small integers or null (unanswered). Item ids are checked against the definition. */
export const answersSchema = z
  .record(
    z.string().regex(/^[a-z0-9-]{1,40}$/, 'is not an item id'),
    z.number().int().min(-100).max(100).nullable(),
  )
  .refine((answers) => Object.keys(answers).length <= 60, 'too many answers');
export type AnswerMap = Record<string, number | null>;

export const recordResponseBody = z
  .object({
    instrumentId: z.string().max(40),
    answers: answersSchema,
    administeredAt: isoInstant.optional(),
  })
  .strict();
export type RecordResponseRequest = z.infer<typeof recordResponseBody>;

export const amendResponseBody = z.object({ answers: answersSchema, reason: plainText(3, 500) }).strict();
export type AmendResponseRequest = z.infer<typeof amendResponseBody>;

export const listResponsesQuery = z
  .object({
    instrument: instrumentIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const trajectoryQuery = z.object({ instrument: instrumentIdSchema.optional() }).strict();

export const safetyActionBody = z
  .object({ kind: z.enum(safetyActionKinds), note: noteText(3, 2000) })
  .strict();
export type SafetyActionRequest = z.infer<typeof safetyActionBody>;

export const safetyTasksQuery = z.object({ scope: z.enum(['mine', 'all']).default('mine') }).strict();

export const planCreateBody = z
  .object({ name: plainText(1, 120), rules: planRulesSchema, responsibleClinicianId: z.uuid().nullish() })
  .strict();
export type PlanCreateRequest = z.infer<typeof planCreateBody>;

export const planUpdateBody = z
  .object({
    version: z.number().int().min(1),
    name: plainText(1, 120).optional(),
    rules: planRulesSchema.optional(),
    responsibleClinicianId: z.uuid().nullish(),
    status: z.enum(['active', 'ended']).optional(),
  })
  .strict();
export type PlanUpdateRequest = z.infer<typeof planUpdateBody>;

export const anchorBody = z.object({ at: isoInstant, label: plainText(0, 120).nullish() }).strict();
export type AnchorRequest = z.infer<typeof anchorBody>;

export const dueListQuery = z.object({ status: z.enum(['due', 'overdue']).optional() }).strict();

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A whole instrument definition (domain data, typed in src/domain/instruments). */
const instrumentDefinition = z.custom<InstrumentDefinition>(
  (v) => isObject(v) && typeof v.id === 'string' && Array.isArray(v.items),
  'is not an instrument definition',
);

export const instrumentEntry = z.object({
  id: instrumentIdSchema,
  title: z.string(),
  shortTitle: z.string(),
  rater: z.enum(['self', 'clinician', 'clinician-observed']),
  itemCount: z.number().int(),
  hasTotal: z.boolean(),
  licence: z.enum(['public-domain', 'not-copyrighted', 'free-copyrighted', 'unclear']),
  wordingStored: z.boolean(),
  definition: instrumentDefinition,
  /** The instrument settings this clinic scores with (its measurement settings; defaults otherwise). */
  settings: z.record(z.string(), z.union([z.number(), z.boolean(), z.array(z.string())])),
  /** When a response to this instrument opens a safety alert, as this clinic has set it; null if never. */
  safetyRule: z
    .object({
      text: z.string(),
      evidence: z.enum(['primary', 'secondary', 'unverified', 'primary/secondary']),
      section: z.string(),
    })
    .nullable(),
  /**
   * Item wording from the clinic's licensed copy, by item id (CADSS-6: measurement setting
   * cadss6ItemWording); only the items that have some. Null when the clinic attached none.
   */
  clinicWording: z.record(z.string(), z.string()).nullable(),
});
export type InstrumentEntry = z.infer<typeof instrumentEntry>;
export const instrumentCatalogueResponse = itemList(instrumentEntry);

export const responseSources = ['staff', 'self-report', 'kiosk'] as const;
export type ResponseSource = (typeof responseSources)[number];

export const scoreSummary = z.object({
  total: z.number().nullable(),
  severity: z.string().nullable(),
  flags: z.array(z.string()),
  subscores: z.record(z.string(), z.number().nullable()),
});
export type ScoreSummary = z.infer<typeof scoreSummary>;

export const recordResponseResult = z.object({
  id: z.uuid(),
  instrumentId: instrumentIdSchema,
  score: scoreSummary,
  alertIds: z.array(z.uuid()),
});
export type RecordResponseResult = z.infer<typeof recordResponseResult>;

export const amendResponseResult = z.object({
  id: z.uuid(),
  amendsId: z.uuid(),
  score: scoreSummary,
  alertIds: z.array(z.uuid()),
});
export type AmendResponseResult = z.infer<typeof amendResponseResult>;

export const responseListItem = z.object({
  id: z.uuid(),
  instrumentId: z.string(),
  source: z.enum(responseSources),
  administeredAt: isoInstant,
  recordedAt: isoInstant,
  amendsId: z.uuid().nullable(),
  amendmentReason: z.string().nullable(),
  supersededBy: z.uuid().nullable(),
  value: z.number().nullable(),
  severity: z.string().nullable(),
  flags: z.array(z.string()),
});
export type ResponseListItem = z.infer<typeof responseListItem>;
export const responsesPage = page(responseListItem);
export type ResponsesPage = z.infer<typeof responsesPage>;

/** The scoring engine's full result (formula, computation, settings used): a domain type. */
const scoreResult = z.custom<ScoreResult>(
  (v) => isObject(v) && typeof v.instrument === 'string' && isObject(v.details),
  'is not a score result',
);

export const observationView = z.object({
  id: z.uuid(),
  codeSystem: z.string(),
  code: z.string(),
  value: z.number().nullable(),
  severity: z.string().nullable(),
  flags: z.array(z.string()),
  result: scoreResult,
  /** The FHIR R4 Observation as stored. */
  fhir: z.record(z.string(), z.unknown()),
});

/** A FHIR R4 QuestionnaireResponse view of the stored answers (as submitted). */
export const questionnaireResponseView = z.object({
  resourceType: z.literal('QuestionnaireResponse'),
  id: z.uuid(),
  questionnaire: z.string(),
  status: z.enum(['completed', 'amended']),
  subject: z.object({ reference: z.string() }),
  authored: isoInstant,
  item: z.array(
    z.object({
      linkId: z.string(),
      text: z.string(),
      answer: z.array(
        z.object({
          valueCoding: z.object({
            system: z.string().optional(),
            code: z.string(),
            display: z.string().optional(),
          }),
        }),
      ),
    }),
  ),
});
export type QuestionnaireResponseView = z.infer<typeof questionnaireResponseView>;

export const responseDetail = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  instrumentId: z.string(),
  instrumentVersion: z.string(),
  source: z.enum(responseSources),
  administeredAt: isoInstant,
  recordedAt: isoInstant,
  recordedBy: z.uuid().nullable(),
  amendsId: z.uuid().nullable(),
  amendmentReason: z.string().nullable(),
  supersededBy: z.uuid().nullable(),
  answers: z.record(z.string(), z.number().nullable()),
  observation: observationView.nullable(),
  questionnaireResponse: questionnaireResponseView,
});
export type ResponseDetail = z.infer<typeof responseDetail>;

/** The trajectory (a domain computation) and the instruments the patient has scores for. */
export const trajectoryResponse = z.custom<Trajectory & { available: string[] }>(
  (v) => isObject(v) && Array.isArray(v.points) && Array.isArray(v.available),
  'is not a trajectory',
);
export type TrajectoryView = z.infer<typeof trajectoryResponse>;

// Safety alerts ---------------------------------------------------------------------------------

export const safetyAlertStatuses = ['open', 'resolved'] as const;
export type SafetyAlertStatus = (typeof safetyAlertStatuses)[number];

export const safetyAlertAction = z.object({
  id: z.uuid(),
  kind: z.enum(safetyActionKinds),
  note: z.string(),
  resolves: z.boolean(),
  recordedBy: z.uuid(),
  recordedByName: z.string().nullable(),
  recordedAt: isoInstant,
});

const alertBase = {
  id: z.uuid(),
  patientId: z.uuid(),
  status: z.enum(safetyAlertStatuses),
  raisedAt: isoInstant,
  assignedTo: z.uuid().nullable(),
  assignedToName: z.string().nullable(),
};

/** What a role that reads scores sees: the reasons, the response and what was done. */
export const safetyAlertFull = z.object({
  ...alertBase,
  instrumentId: z.string(),
  responseId: z.uuid(),
  reasons: z.array(z.string()),
  reasonLabels: z.array(z.string()),
  resolvedAt: isoInstant.nullable(),
  resolvedBy: z.uuid().nullable(),
  resolvedByName: z.string().nullable(),
  actions: z.array(safetyAlertAction),
});

/**
 * What a role without assessment.read sees: that an alert exists, not why (the reason is a score).
 * The withheld fields are null or absent, never filled.
 */
export const safetyAlertExistence = z.object({
  ...alertBase,
  instrumentId: z.null(),
  responseId: z.null(),
  reasons: z.null(),
  reasonLabels: z.null(),
  resolvedAt: z.never().optional(),
  resolvedBy: z.never().optional(),
  resolvedByName: z.never().optional(),
  actions: z.null(),
});

export const safetyAlert = z.union([safetyAlertFull, safetyAlertExistence]);
export type SafetyAlert = z.infer<typeof safetyAlert>;
export const patientSafetyAlertsResponse = itemList(safetyAlert);

/** A row of the clinician's task list: the full alert without its actions, with whose it is. */
export const safetyTask = safetyAlertFull.omit({ actions: true }).extend({
  patientName: z.string(),
  mrn: z.string(),
});
export type SafetyTask = z.infer<typeof safetyTask>;
export const safetyTasksResponse = itemList(safetyTask);

export const safetyActionResult = z.object({
  alertId: z.uuid(),
  actionId: z.uuid(),
  status: z.enum(safetyAlertStatuses),
  resolves: z.boolean(),
});
export type SafetyActionResult = z.infer<typeof safetyActionResult>;

// Plans, infusion dates, due items ---------------------------------------------------------------

export const planStatuses = ['active', 'ended'] as const;

export const plan = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  name: z.string(),
  rules: z.array(planRuleSchema),
  /** Each rule in words, in the order of `rules`. */
  ruleTexts: z.array(z.string()),
  responsibleClinicianId: z.uuid().nullable(),
  status: z.enum(planStatuses),
  version: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});
export type Plan = z.infer<typeof plan>;

export const anchorKinds = ['infusion'] as const;

export const anchor = z.object({
  id: z.uuid(),
  at: isoInstant,
  label: z.string().nullable(),
  kind: z.enum(anchorKinds),
  /** A booked infusion from the schedule (moved and cancelled with its appointment), not a hand-entered date. */
  fromSchedule: z.boolean(),
});
export type Anchor = z.infer<typeof anchor>;

export const cancelAnchorResult = z.object({ id: z.uuid(), cancelled: z.literal(true) });

const dueStatus = z.enum([
  'completed',
  'upcoming',
  'due',
  'overdue',
  'missed',
]) satisfies z.ZodType<DueStatus>;

export const dueItem = z.object({
  key: z.string(),
  ruleIndex: z.number().int(),
  instrumentId: instrumentIdSchema,
  opensAt: isoInstant,
  dueAt: isoInstant,
  closesAt: isoInstant,
  anchorId: z.uuid().nullable(),
  reason: z.string(),
  status: dueStatus,
  responseId: z.uuid().nullable(),
});

export const scheduleResponse = z.object({
  plans: z.array(plan),
  anchors: z.array(anchor),
  due: z.array(dueItem.extend({ planId: z.uuid() })),
  /** Who may be named responsible for a plan: the clinic's active physicians and nurses. */
  clinicians: z.array(z.object({ id: z.uuid(), displayName: z.string(), role: z.string() })),
  overdueAfterHours: z.number(),
});
export type Schedule = z.infer<typeof scheduleResponse>;

export const dueRow = dueItem.extend({
  planId: z.uuid(),
  patientId: z.uuid(),
  patientName: z.string(),
  mrn: z.string(),
  instrumentTitle: z.string(),
  selfRated: z.boolean(),
  /** A link for this instrument that is still pending, so the desk does not send a second one. */
  pendingLinkExpiresAt: isoInstant.nullable(),
});
export type DueRow = z.infer<typeof dueRow>;

export const dueListResponse = z.object({ items: z.array(dueRow), generatedAt: isoInstant });
export type DueList = z.infer<typeof dueListResponse>;
