import {
  formValuesBody,
  formsDueResponse,
  remsFormView,
  submissionBody,
  templateBody,
  templateList,
} from '../../../contracts/rems.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { renderRemsFormPdf } from './rems-form-pdf.js';
import {
  formsDue,
  listTemplates,
  loadTemplate,
  readForm,
  readSessionForm,
  saveFormValues,
  submitForm,
} from './rems-forms.service.js';

const tag = 'rems';

export const remsFormRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/sessions/:id/rems-form',
    summary: 'The esketamine session’s Patient Monitoring Form, filled from the chart (made on first use)',
    tag,
    auth: 'staff',
    action: 'rems.forms',
    params: idParam,
    response: remsFormView,
    handler: async ({ params, actor, ctx }) => readSessionForm(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rems-forms/:id/values',
    summary: 'Save what staff complete on the form (the items the chart cannot fill)',
    tag,
    auth: 'staff',
    action: 'rems.forms',
    params: idParam,
    body: formValuesBody,
    response: remsFormView,
    handler: async ({ params, body, actor, ctx }) => saveFormValues(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rems-forms/:id/submission',
    summary: 'Record that the form was submitted to the REMS: date, channel and confirmation (once)',
    tag,
    auth: 'staff',
    action: 'rems.forms',
    params: idParam,
    body: submissionBody,
    response: remsFormView,
    handler: async ({ params, body, actor, ctx }) => submitForm(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rems-forms/:id/pdf',
    summary: 'The Patient Monitoring Form as a PDF to submit',
    tag,
    auth: 'staff',
    action: 'rems.forms',
    params: idParam,
    produces: 'application/pdf',
    handler: async ({ params, actor, ctx }) => {
      const form = await readForm(ctx.deps, actor, params.id);
      const pdf = await renderRemsFormPdf(form, ctx.deps.now().toISOString());
      return new Response(Buffer.from(pdf), {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="rems-form-${params.id}.pdf"`,
        },
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/rems/forms-due',
    summary: 'Patient Monitoring Forms not yet submitted: due, due today and overdue',
    tag,
    auth: 'staff',
    action: 'rems.forms',
    response: formsDueResponse,
    handler: async ({ actor, ctx }) => formsDue(ctx.deps, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rems/form-templates',
    summary: 'The loaded versions of the Patient Monitoring Form',
    tag,
    auth: 'staff',
    action: 'rems.forms',
    response: templateList,
    handler: async ({ ctx }) => listTemplates(ctx.deps),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rems/form-templates',
    summary: 'Load a new version of the Patient Monitoring Form (its items as JSON); new forms use it',
    tag,
    auth: 'staff',
    action: 'rems.certify',
    body: templateBody,
    response: templateList,
    successStatus: 201,
    handler: async ({ body, actor, ctx }) => loadTemplate(ctx.deps, actor, body),
  }),
];
