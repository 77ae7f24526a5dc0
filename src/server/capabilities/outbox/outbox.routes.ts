import {
  outboxListQuery,
  outboxListResponse,
  outboxMessage,
  outboxMessageDetail,
} from '../../../contracts/outbox.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { listOutbox, readOutboxMessage, retryOutboxMessage } from './outbox.service.js';

/** The outbox page's routes: administrators only, every query clinic-scoped and audited. */
export const outboxRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/outbox',
    summary: 'Queued, sent and failed email and SMS of the clinic, newest first (recipients masked)',
    tag: 'outbox',
    auth: 'staff',
    action: 'outbox.read',
    query: outboxListQuery,
    response: outboxListResponse,
    handler: async ({ query, ctx, actor }) => listOutbox(ctx.deps, actor, query),
  }),
  defineRoute({
    method: 'get',
    path: '/api/outbox/:id',
    summary: 'Read one message, its link tokens redacted',
    tag: 'outbox',
    auth: 'staff',
    action: 'outbox.read',
    params: idParam,
    response: outboxMessageDetail,
    handler: async ({ params, ctx, actor }) => readOutboxMessage(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/outbox/:id/retry',
    summary: 'Queue a failed message again (audited)',
    tag: 'outbox',
    auth: 'staff',
    action: 'outbox.retry',
    params: idParam,
    response: outboxMessage,
    handler: async ({ params, ctx, actor }) => retryOutboxMessage(ctx.deps, actor, params.id),
  }),
];
