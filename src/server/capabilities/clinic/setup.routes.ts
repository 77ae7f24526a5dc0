import { setupBody, setupResponse, setupStatusResponse } from '../../../contracts/clinic.js';
import { defineRoute } from '../../shared/http/define-route.js';
import { writeSessionCookie } from '../../shared/session.js';
import { completeSetup, needsSetup } from './setup.service.js';

export const setupRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/setup',
    summary: 'Whether this Arbor still needs its first clinic and administrator',
    tag: 'setup',
    auth: 'public',
    response: setupStatusResponse,
    handler: async ({ ctx }) => ({ needsSetup: await needsSetup(ctx.deps.db) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/setup',
    summary: 'Create the clinic and its first administrator with the console setup code',
    tag: 'setup',
    auth: 'public',
    body: setupBody,
    response: setupResponse,
    successStatus: 201,
    handler: async ({ body, ctx }) => {
      const token = await completeSetup(ctx.deps, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage: 'enrol' as const };
    },
  }),
];
