import {
  certificationBody,
  certificationView,
  enrolmentBody,
  enrolmentView,
} from '../../../contracts/rems.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { readCertification, readEnrolment, recordCertification, recordEnrolment } from './rems.service.js';

const tag = 'rems';

export const remsRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/rems/certification',
    summary: 'The clinic’s SPRAVATO REMS setting certification and its history',
    tag,
    auth: 'staff',
    action: 'rems.read',
    response: certificationView,
    handler: async ({ actor, ctx }) => readCertification(ctx.deps, actor),
  }),
  defineRoute({
    method: 'post',
    path: '/api/rems/certification',
    summary:
      'Record the setting’s certification (or its withdrawal): authorized representative, date, setting',
    tag,
    auth: 'staff',
    action: 'rems.certify',
    body: certificationBody,
    response: certificationView,
    successStatus: 201,
    handler: async ({ body, actor, ctx }) => recordCertification(ctx.deps, actor, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/rems-enrolment',
    summary: 'A patient’s SPRAVATO REMS enrolment and its history',
    tag,
    auth: 'staff',
    action: 'rems.read',
    params: idParam,
    response: enrolmentView,
    handler: async ({ params, actor, ctx }) => readEnrolment(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/rems-enrolment',
    summary: 'Record that a patient is enrolled in the SPRAVATO REMS (or is not)',
    tag,
    auth: 'staff',
    action: 'rems.enrol',
    params: idParam,
    body: enrolmentBody,
    response: enrolmentView,
    successStatus: 201,
    handler: async ({ params, body, actor, ctx }) => recordEnrolment(ctx.deps, actor, params.id, body),
  }),
];
