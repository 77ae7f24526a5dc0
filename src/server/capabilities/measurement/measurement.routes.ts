import { z } from 'zod';
import { INSTRUMENT_IDS } from '../../../domain/instruments/index.js';
import type { InstrumentId } from '../../../domain/instruments/types.js';
import { planRulesSchema, safetyActionKinds } from '../../../domain/measurement/index.js';
import { defineRoute, idParam } from '../../http/define-route.js';
import {
  amendResponse,
  instrumentCatalogue,
  listResponses,
  readResponse,
  recordResponse,
  trajectoryCsvOf,
  trajectoryJson,
} from './assessments.service.js';
import {
  addAnchor,
  cancelAnchor,
  clinicDueList,
  createPlan,
  patientSchedule,
  updatePlan,
} from './schedule.service.js';
import { patientSafetyAlerts, recordSafetyAction, safetyTasks } from './safety.service.js';

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

/** Answers by item id: small integers or null (unanswered). Item ids are checked against the definition. */
export const answersSchema = z
  .record(
    z.string().regex(/^[a-z0-9-]{1,40}$/, 'is not an item id'),
    z.number().int().min(-100).max(100).nullable(),
  )
  .refine((answers) => Object.keys(answers).length <= 60, 'too many answers');

const instrumentId = z.enum(INSTRUMENT_IDS as unknown as [InstrumentId, ...InstrumentId[]]);
const isoDateTime = z.iso.datetime({ offset: true });

export const recordResponseBody = z
  .object({
    instrumentId: z.string().max(40),
    answers: answersSchema,
    administeredAt: isoDateTime.optional(),
  })
  .strict();
export const amendResponseBody = z.object({ answers: answersSchema, reason: plainText(3, 500) }).strict();
export const safetyActionBody = z
  .object({ kind: z.enum(safetyActionKinds), note: noteText(3, 2000) })
  .strict();
export const planCreateBody = z
  .object({ name: plainText(1, 120), rules: planRulesSchema, responsibleClinicianId: z.uuid().nullish() })
  .strict();
export const planUpdateBody = z
  .object({
    version: z.number().int().min(1),
    name: plainText(1, 120).optional(),
    rules: planRulesSchema.optional(),
    responsibleClinicianId: z.uuid().nullish(),
    status: z.enum(['active', 'ended']).optional(),
  })
  .strict();
export const anchorBody = z.object({ at: isoDateTime, label: plainText(0, 120).nullish() }).strict();

const listQuery = z
  .object({
    instrument: instrumentId.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
const trajectoryQuery = z.object({ instrument: instrumentId.optional() }).strict();

export const assessmentRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/instruments',
    summary: 'Instrument definitions (items, options, scoring, bands, licences): reference data for forms',
    tag: 'assessments',
    auth: 'staff',
    action: 'schedule.read',
    handler: async () => instrumentCatalogue(),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/assessments',
    summary: 'Record a questionnaire response as submitted; it is scored and stored as an observation',
    tag: 'assessments',
    auth: 'staff',
    action: 'assessment.record',
    params: idParam,
    body: recordResponseBody,
    successStatus: 201,
    handler: async ({ params, body, ctx, actor }) => recordResponse(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/assessments',
    summary: 'A patient’s responses with scores, newest first (audited)',
    tag: 'assessments',
    auth: 'staff',
    action: 'assessment.read',
    params: idParam,
    query: listQuery,
    handler: async ({ params, query, ctx, actor }) =>
      listResponses(ctx.deps, actor, params.id, {
        instrumentId: query.instrument,
        limit: query.limit,
        offset: query.offset,
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/assessments/:id',
    summary: 'One response in full: answers as submitted, score details, FHIR views, amendments (audited)',
    tag: 'assessments',
    auth: 'staff',
    action: 'assessment.read',
    params: idParam,
    handler: async ({ params, ctx, actor }) => readResponse(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/assessments/:id/amend',
    summary: 'Correct a response: a new response referencing the original, with a reason',
    tag: 'assessments',
    auth: 'staff',
    action: 'assessment.amend',
    params: idParam,
    body: amendResponseBody,
    successStatus: 201,
    handler: async ({ params, body, ctx, actor }) => amendResponse(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/trajectory',
    summary: 'Scores over time for one instrument, with bands, infusions, baseline, response and remission',
    tag: 'assessments',
    auth: 'staff',
    action: 'assessment.read',
    params: idParam,
    query: trajectoryQuery,
    // Served as JSON text from trajectoryJson's cache (see there); the read is audited either way.
    handler: async ({ params, query, ctx, actor }) => {
      const body = await trajectoryJson(ctx.deps, actor, params.id, query.instrument);
      const gzip = /\bgzip\b/.test(ctx.c.req.header('accept-encoding') ?? '');
      return new Response(gzip ? new Uint8Array(body.gzip) : body.json, {
        headers: {
          'Content-Type': 'application/json; charset=UTF-8',
          Vary: 'Accept-Encoding',
          ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
        },
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/trajectory/csv',
    summary: 'The trajectory as CSV (audited as an export)',
    tag: 'assessments',
    auth: 'staff',
    action: 'assessment.read',
    params: idParam,
    query: trajectoryQuery,
    produces: 'text/csv',
    handler: async ({ params, query, ctx, actor }) => {
      const { instrumentId: chosen, csv } = await trajectoryCsvOf(
        ctx.deps,
        actor,
        params.id,
        query.instrument,
      );
      return new Response(csv, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${chosen}-trajectory.csv"`,
          'Cache-Control': 'no-store',
        },
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/safety-alerts',
    summary: 'A patient’s safety alerts, open first (reasons only for roles that read scores)',
    tag: 'safety',
    auth: 'staff',
    action: 'safety.read',
    params: idParam,
    handler: async ({ params, ctx, actor }) => patientSafetyAlerts(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/safety-alerts',
    summary: 'Open safety alerts: the signed-in clinician’s tasks (scope=mine) or the clinic’s (scope=all)',
    tag: 'safety',
    auth: 'staff',
    action: 'safety.resolve',
    query: z.object({ scope: z.enum(['mine', 'all']).default('mine') }).strict(),
    handler: async ({ query, ctx, actor }) => safetyTasks(ctx.deps, actor, query.scope),
  }),
  defineRoute({
    method: 'post',
    path: '/api/safety-alerts/:id/actions',
    summary: 'Record what was done about a safety alert; a resolving action closes it',
    tag: 'safety',
    auth: 'staff',
    action: 'safety.resolve',
    params: idParam,
    body: safetyActionBody,
    successStatus: 201,
    handler: async ({ params, body, ctx, actor }) => recordSafetyAction(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/measurement-schedule',
    summary: 'A patient’s measurement plans, infusion dates and due items',
    tag: 'schedules',
    auth: 'staff',
    action: 'schedule.read',
    params: idParam,
    handler: async ({ params, ctx, actor }) => patientSchedule(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/measurement-plans',
    summary: 'Create a measurement plan (rules relative to infusions, and calendar rules)',
    tag: 'schedules',
    auth: 'staff',
    action: 'schedule.manage',
    params: idParam,
    body: planCreateBody,
    successStatus: 201,
    handler: async ({ params, body, ctx, actor }) => createPlan(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/measurement-plans/:id',
    summary: 'Change or end a measurement plan (optimistic concurrency)',
    tag: 'schedules',
    auth: 'staff',
    action: 'schedule.manage',
    params: idParam,
    body: planUpdateBody,
    handler: async ({ params, body, ctx, actor }) => updatePlan(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/anchors',
    summary: 'Add an infusion date the plan is relative to (entered by hand until scheduling exists)',
    tag: 'schedules',
    auth: 'staff',
    action: 'schedule.manage',
    params: idParam,
    body: anchorBody,
    successStatus: 201,
    handler: async ({ params, body, ctx, actor }) => addAnchor(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/anchors/:id/cancel',
    summary: 'Cancel an infusion date (kept, never deleted)',
    tag: 'schedules',
    auth: 'staff',
    action: 'schedule.manage',
    params: idParam,
    handler: async ({ params, ctx, actor }) => cancelAnchor(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/measurement/due',
    summary: 'The front desk’s list of due and overdue questionnaires across the clinic',
    tag: 'schedules',
    auth: 'staff',
    action: 'schedule.read',
    query: z.object({ status: z.enum(['due', 'overdue']).optional() }).strict(),
    handler: async ({ query, ctx, actor }) => clinicDueList(ctx.deps, actor, query),
  }),
];
