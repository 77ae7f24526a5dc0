import {
  patientActiveBody,
  patientCreateBody,
  patientHistoryResponse,
  patientResponse,
  patientSearchQuery,
  patientSearchResponse,
  patientUpdateBody,
} from '../../../contracts/patients.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { searchPatients } from './patient-search.service.js';
import {
  createPatient,
  patientHistoryOf,
  readPatient,
  setPatientActive,
  updatePatient,
} from './patients.service.js';

export const patientRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/patients',
    summary: 'Search patients by name, date of birth or MRN',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.search',
    query: patientSearchQuery,
    response: patientSearchResponse,
    handler: async ({ query, ctx, actor }) =>
      searchPatients(ctx.deps, actor, { ...query, includeInactive: query.includeInactive === 'true' }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients',
    summary:
      'Register a patient (optionally from a site enquiry, linking the two and carrying its self-check scores); the MRN is assigned by Arbor. Diagnoses, alerts or a care status other than referred need patient.update-clinical',
    tag: 'patients',
    auth: 'staff',
    action: 'patient.create',
    body: patientCreateBody,
    response: patientResponse,
    successStatus: 201,
    handler: async ({ body, ctx, actor }) => {
      const { fromEnquiryId, ...fields } = body;
      return createPatient(ctx.deps, actor, fields, { fromEnquiryId });
    },
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
    summary:
      'Change demographics and contacts; conditions, alerts and care status need patient.update-clinical (optimistic concurrency)',
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
    response: patientHistoryResponse,
    handler: async ({ params, ctx, actor }) => patientHistoryOf(ctx.deps, actor, params.id),
  }),
];
