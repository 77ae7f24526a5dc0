import { z } from 'zod';
import { careStatuses } from '../../../domain/patients/care-status.js';
import { patientChangesSchema, patientFieldsSchema } from '../../../domain/patients/patient-fields.js';
import { defineRoute, idParam } from '../../http/define-route.js';
import {
  createPatient,
  patientHistoryOf,
  readPatient,
  searchPatients,
  setPatientActive,
  updatePatient,
} from './patients.service.js';

export const patientSearchQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    careStatus: z.enum(careStatuses).optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const patientUpdateBody = z
  .object({
    version: z.number().int().min(1),
    changes: patientChangesSchema,
    reason: z.string().trim().max(500).nullish(),
  })
  .strict();

export const patientActiveBody = z
  .object({ version: z.number().int().min(1), reason: z.string().trim().min(3).max(500) })
  .strict();

const patientResponse = z.object({ id: z.string(), mrn: z.string(), version: z.number() }).passthrough();

export const patientRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/patients',
    summary: 'Search patients by name, date of birth or MRN',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.search',
    query: patientSearchQuery,
    handler: async ({ query, ctx, actor }) =>
      searchPatients(ctx.deps, actor, { ...query, includeInactive: query.includeInactive === 'true' }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients',
    summary: 'Register a patient; the MRN is assigned by Arbor',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.create',
    body: patientFieldsSchema,
    response: patientResponse,
    successStatus: 201,
    handler: async ({ body, ctx, actor }) => createPatient(ctx.deps, actor, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id',
    summary: 'Read a patient chart header and demographics',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.read',
    params: idParam,
    response: patientResponse,
    handler: async ({ params, ctx, actor }) => readPatient(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/patients/:id',
    summary: 'Change demographics, conditions, alerts or care status (optimistic concurrency)',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.update',
    params: idParam,
    body: patientUpdateBody,
    response: patientResponse,
    handler: async ({ params, body, ctx, actor }) => updatePatient(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/deactivate',
    summary: 'Deactivate a patient record (records are never deleted)',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.deactivate',
    params: idParam,
    body: patientActiveBody,
    response: patientResponse,
    handler: async ({ params, body, ctx, actor }) =>
      setPatientActive(ctx.deps, actor, params.id, { ...body, active: false }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/reactivate',
    summary: 'Reactivate a deactivated patient record',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.deactivate',
    params: idParam,
    body: patientActiveBody,
    response: patientResponse,
    handler: async ({ params, body, ctx, actor }) =>
      setPatientActive(ctx.deps, actor, params.id, { ...body, active: true }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/history',
    summary: 'Every version of a patient record, newest first',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.history',
    params: idParam,
    handler: async ({ params, ctx, actor }) => ({
      items: await patientHistoryOf(ctx.deps, actor, params.id),
    }),
  }),
];
