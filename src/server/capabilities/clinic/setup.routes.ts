import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { writeSessionCookie } from '../../shared/session.js';
import { clinicCount, completeSetup } from './setup.service.js';

export const setupStatusResponse = z.object({ needsSetup: z.boolean() });

export const setupBody = z
  .object({
    setupCode: z.string().trim().min(1).max(40),
    clinicName: z.string().trim().min(2).max(120),
    displayName: z.string().trim().min(1).max(120),
    email: z.email().max(254),
    password: z.string().max(1024),
  })
  .strict();

export const setupRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/setup',
    summary: 'Whether this Arbor still needs its first clinic and administrator',
    tag: 'setup',
    auth: 'public',
    response: setupStatusResponse,
    handler: async ({ ctx }) => ({ needsSetup: (await clinicCount(ctx.deps.db)) === 0 }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/setup',
    summary: 'Create the clinic and its first administrator with the console setup code',
    tag: 'setup',
    auth: 'public',
    body: setupBody,
    response: z.object({ stage: z.literal('enrol') }),
    successStatus: 201,
    handler: async ({ body, ctx }) => {
      const token = await completeSetup(ctx.deps, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage: 'enrol' as const };
    },
  }),
];
