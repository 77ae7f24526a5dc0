import { z } from 'zod';
import { defineRoute, idParam } from '../../http/define-route.js';
import {
  amendDose,
  changeDoseStatus,
  listPatientDoses,
  orderDose,
  previewDose,
  readDose,
} from './doses.service.js';
import { protocolRefSchema } from './protocols.routes.js';

/**
 * Every physical input is { value, unit } and the unit is checked by the calculator (a wrong unit is a
 * hard stop naming `<input>.unit`), so the schema only bounds the shapes and sizes here.
 */
const quantity = z.object({ value: z.number(), unit: z.string().max(20) }).strict();

export const doseInputsSchema = z
  .object({
    protocol: protocolRefSchema,
    stepId: z.string().trim().min(1).max(80),
    patient: z
      .object({ weight: quantity, height: quantity, sex: z.string().max(20) })
      .strict()
      .optional(),
    preparation: z
      .object({ vialConcentration: quantity, bagVolume: quantity.optional() })
      .strict()
      .optional(),
    doseOverride: quantity.optional(),
    history: z.object({ sessionsWithoutResponse: z.number() }).strict().optional(),
  })
  .strict();

export const doseOrderBody = doseInputsSchema
  .extend({
    /** The total mg shown to the prescriber; the server recomputes and refuses a mismatch (409). */
    confirmTotalMg: z.number().positive(),
  })
  .strict();

export const doseAmendBody = doseOrderBody.extend({ reason: z.string().trim().min(3).max(1000) }).strict();
export const doseVerifyBody = z.object({ note: z.string().trim().max(1000).optional() }).strict();
export const doseCancelBody = z.object({ reason: z.string().trim().min(3).max(1000) }).strict();

export const doseRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/doses/preview',
    summary: 'Calculate a dose for a patient without ordering it (hard stops are a 400 naming the field)',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.calculate',
    params: idParam,
    body: doseInputsSchema,
    handler: async ({ params, body, actor, ctx }) => previewDose(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/doses',
    summary: 'Order a dose: the server recomputes it from the inputs and stores inputs, settings and result',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.order',
    params: idParam,
    body: doseOrderBody,
    successStatus: 201,
    handler: async ({ params, body, actor, ctx }) => orderDose(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/doses',
    summary: 'A patient’s doses, newest first, with mg/kg recomputed from the stored inputs',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.read',
    params: idParam,
    handler: async ({ params, actor, ctx }) => listPatientDoses(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/doses/:id',
    summary: 'One dose with its explanation, status and who ordered and verified it',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.read',
    params: idParam,
    handler: async ({ params, actor, ctx }) => readDose(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/doses/:id/verify',
    summary: 'Second-clinician verification; the orderer cannot verify their own dose',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.verify',
    params: idParam,
    body: doseVerifyBody,
    handler: async ({ params, body, actor, ctx }) =>
      changeDoseStatus(ctx.deps, actor, params.id, 'verify', { note: body.note }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/doses/:id/finalise',
    summary: 'Make a dose final (verified first when the clinic requires it); final doses are frozen',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.verify',
    params: idParam,
    body: doseVerifyBody,
    handler: async ({ params, body, actor, ctx }) =>
      changeDoseStatus(ctx.deps, actor, params.id, 'finalise', { note: body.note }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/doses/:id/cancel',
    summary: 'Cancel an ordered or verified dose, with a reason (it is kept, never deleted)',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.order',
    params: idParam,
    body: doseCancelBody,
    handler: async ({ params, body, actor, ctx }) =>
      changeDoseStatus(ctx.deps, actor, params.id, 'cancel', { reason: body.reason }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/doses/:id/amend',
    summary: 'Correct a final dose: a new dose that references the original, which stays as it was',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.order',
    params: idParam,
    body: doseAmendBody,
    successStatus: 201,
    handler: async ({ params, body, actor, ctx }) => amendDose(ctx.deps, actor, params.id, body),
  }),
];
