import {
  consentList,
  consentTemplateList,
  consentView,
  signBody,
  withdrawBody,
} from '../../../contracts/consent.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import {
  consentPdf,
  countersignConsent,
  listConsents,
  listTemplates,
  signConsent,
  withdrawConsent,
} from './consent.service.js';

const tag = 'consent';

export const consentRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/consent/templates',
    summary: 'The current version of each consent form, and the electronic-signature disclosure',
    tag,
    auth: 'staff',
    action: 'consent.read',
    response: consentTemplateList,
    handler: async ({ actor, ctx }) => listTemplates(ctx.deps, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/consents',
    summary: "A patient's consents with their status",
    tag,
    auth: 'staff',
    action: 'consent.read',
    params: idParam,
    response: consentList,
    handler: async ({ params, actor, ctx }) => listConsents(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/consents',
    summary: 'The patient signs the current consent form on a clinic tablet (typed name and drawn signature)',
    tag,
    auth: 'staff',
    action: 'consent.collect',
    params: idParam,
    body: signBody,
    response: consentView,
    successStatus: 201,
    handler: async ({ params, body, actor, ctx }) =>
      signConsent(ctx.deps, actor, params.id, body, { ip: ctx.clientIp, userAgent: ctx.userAgent }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/consents/:id/countersign',
    summary: 'A clinician countersigns; the PDF of the signed text is made',
    tag,
    auth: 'staff',
    action: 'consent.countersign',
    params: idParam,
    response: consentView,
    handler: async ({ params, actor, ctx }) => countersignConsent(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/consents/:id/withdraw',
    summary: 'Record that the patient withdrew this consent',
    tag,
    auth: 'staff',
    action: 'consent.collect',
    params: idParam,
    body: withdrawBody,
    response: consentView,
    handler: async ({ params, body, actor, ctx }) => withdrawConsent(ctx.deps, actor, params.id, body.reason),
  }),
  defineRoute({
    method: 'get',
    path: '/api/consents/:id/pdf',
    summary: 'The signed consent as a PDF (printable)',
    tag,
    auth: 'staff',
    action: 'consent.read',
    params: idParam,
    produces: 'application/pdf',
    handler: async ({ params, actor, ctx }) =>
      new Response(Buffer.from(await consentPdf(ctx.deps, actor, params.id)), {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="consent-${params.id}.pdf"`,
        },
      }),
  }),
];
