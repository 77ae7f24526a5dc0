import {
  enquiryListQuery,
  enquiryListResponse,
  enquiryResponse,
  enquiryUpdateBody,
} from '../../../contracts/enquiries.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { listEnquiries, readEnquiry, updateEnquiry } from './enquiries.service.js';

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
    response: enquiryListResponse,
    handler: async ({ query, ctx, actor }) => listEnquiries(ctx.deps, actor, query),
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
    handler: async ({ params, ctx, actor }) => readEnquiry(ctx.deps, actor, params.id),
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
    handler: async ({ params, body, ctx, actor }) => updateEnquiry(ctx.deps, actor, params.id, body),
  }),
];
