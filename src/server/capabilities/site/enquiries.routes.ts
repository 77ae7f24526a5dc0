import { z } from 'zod';
import { leadStatuses } from '../../../domain/site/lead.js';
import { defineRoute, idParam } from '../../http/define-route.js';
import { listLeads, readLead, updateLead } from './enquiries.service.js';

export const enquiryListQuery = z
  .object({
    status: z.enum(leadStatuses).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const enquiryUpdateBody = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(leadStatuses).optional(),
    staffNote: z.string().trim().max(2000).nullish(),
  })
  .strict();

const enquiryResponse = z.object({ id: z.string(), status: z.string(), version: z.number() }).passthrough();

/** The staff inbox of consultation requests from the public site; every query is clinic-scoped. */
export const enquiryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/enquiries',
    summary: 'List consultation requests from the public site, newest first',
    tag: 'enquiries',
    auth: 'staff',
    action: 'enquiry.read',
    query: enquiryListQuery,
    handler: async ({ query, ctx, actor }) => listLeads(ctx.deps, actor, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/enquiries/:id',
    summary: 'Read one consultation request',
    tag: 'enquiries',
    auth: 'staff',
    action: 'enquiry.read',
    params: idParam,
    response: enquiryResponse,
    handler: async ({ params, ctx, actor }) => readLead(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/enquiries/:id',
    summary: 'Mark a consultation request contacted or closed, or add a staff note (optimistic concurrency)',
    tag: 'enquiries',
    auth: 'staff',
    action: 'enquiry.update',
    params: idParam,
    body: enquiryUpdateBody,
    response: enquiryResponse,
    handler: async ({ params, body, ctx, actor }) => updateLead(ctx.deps, actor, params.id, body),
  }),
];
