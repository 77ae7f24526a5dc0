import { z } from 'zod';
import { defineRoute, idParam } from '../../http/define-route.js';
import {
  copyProtocolFor,
  listProtocols,
  readClinicProtocol,
  reviseProtocolFor,
} from './protocols.service.js';

export const protocolRefSchema = z
  .object({
    origin: z.enum(['library', 'clinic']),
    id: z.string().trim().min(1).max(80),
    version: z.number().int().min(1).max(100_000),
  })
  .strict();

export const protocolCopyBody = z
  .object({
    source: protocolRefSchema,
    id: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(200).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

/**
 * The revision's changes are checked in full by validateProtocol (the domain's single gate), which names
 * every failing field; here only the envelope is checked, and identity fields are refused by reviseProtocol.
 */
export const protocolReviseBody = z
  .object({
    changes: z
      .record(z.string(), z.unknown())
      .refine((c) => Object.keys(c).length > 0, 'change at least one field'),
    note: z.string().trim().min(3).max(1000),
  })
  .strict();

export const protocolRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/protocols',
    summary:
      'The protocol library, the clinic’s own protocols (every version) and the dosing settings with sources',
    tag: 'protocols',
    auth: 'staff',
    action: 'protocol.read',
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
    successStatus: 201,
    handler: async ({ params, body, actor, ctx }) =>
      reviseProtocolFor(ctx.deps, actor, params.id, { changes: body.changes, note: body.note }),
  }),
];
