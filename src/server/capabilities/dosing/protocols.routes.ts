import {
  clinicProtocolEntry,
  protocolCopyBody,
  protocolListResponse,
  protocolReviseBody,
} from '../../../contracts/dosing.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import {
  copyProtocolFor,
  listProtocols,
  readClinicProtocol,
  reviseProtocolFor,
} from './protocols.service.js';

export const protocolRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/protocols',
    summary:
      'The protocol library, the clinic’s own protocols (every version) and the dosing settings with sources',
    tag: 'protocols',
    auth: 'staff',
    action: 'protocol.read',
    response: protocolListResponse,
    handler: async ({ actor, ctx }) => listProtocols(ctx.deps, actor),
  }),
  defineRoute({
    method: 'get',
    path: '/api/protocols/:id',
    summary: 'One stored version of a clinic protocol',
    tag: 'protocols',
    auth: 'staff',
    action: 'protocol.read',
    params: idParam,
    response: clinicProtocolEntry,
    handler: async ({ params, actor, ctx }) => readClinicProtocol(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/protocols/copy',
    summary: 'Copy a library or clinic protocol into a new clinic protocol (version 1)',
    tag: 'protocols',
    auth: 'staff',
    action: 'protocol.manage',
    body: protocolCopyBody,
    response: clinicProtocolEntry,
    successStatus: 201,
    handler: async ({ body, actor, ctx }) => copyProtocolFor(ctx.deps, actor, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/protocols/:id/revise',
    summary: 'Save the next version of a clinic protocol; the old version stays readable and unchanged',
    tag: 'protocols',
    auth: 'staff',
    action: 'protocol.manage',
    params: idParam,
    body: protocolReviseBody,
    response: clinicProtocolEntry,
    successStatus: 201,
    handler: async ({ params, body, actor, ctx }) => reviseProtocolFor(ctx.deps, actor, params.id, body),
  }),
];
