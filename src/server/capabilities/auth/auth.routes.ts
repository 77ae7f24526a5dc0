import { z } from 'zod';
import { actions, permissionTable } from '../../../domain/auth/permissions.js';
import { unauthenticated } from '../../shared/api-error.js';
import { defineRoute } from '../../http/define-route.js';
import {
  changeOwnPassword,
  completeSecondFactor,
  confirmTotpEnrolment,
  signInWithPassword,
  signOut,
  startTotpEnrolment,
} from './auth.service.js';
import {
  clearSessionCookie,
  findLiveSession,
  readSessionCookie,
  writeSessionCookie,
} from '../../shared/session.js';
import { eq } from 'drizzle-orm';
import { clinics } from '../../../db/schema.js';

const stage = z.enum(['mfa', 'enrol', 'full']);

export const loginBody = z
  .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) })
  .strict();
export const codeBody = z.object({ code: z.string().trim().min(6).max(40) }).strict();

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().max(1024),
    code: z.string().trim().min(6).max(10),
    endOtherSessions: z.boolean().default(true),
  })
  .strict();

export const meResponse = z.object({
  stage,
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), role: z.string() }),
  clinic: z.object({ id: z.string(), name: z.string(), isDemo: z.boolean() }),
  permissions: z.array(z.enum(actions)),
});

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Password step of sign-in; the session then owes a TOTP code (or an enrolment)',
    tag: 'auth',
    auth: 'public',
    body: loginBody,
    response: z.object({ stage }),
    handler: async ({ body, ctx }) => {
      const { token, stage: next } = await signInWithPassword(ctx.deps, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage: next };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/mfa',
    summary: 'Second step of sign-in: a TOTP code or a one-time recovery code',
    tag: 'auth',
    auth: 'partial',
    body: codeBody,
    response: z.object({ stage: z.literal('full'), usedRecoveryCode: z.boolean() }),
    handler: async ({ body, ctx, partial }) => {
      const { token, usedRecoveryCode } = await completeSecondFactor(ctx.deps, partial, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage: 'full' as const, usedRecoveryCode };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/mfa/enrol/start',
    summary: 'Start TOTP enrolment: a new secret, its otpauth URI and a QR code',
    tag: 'auth',
    auth: 'partial',
    response: z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() }),
    handler: async ({ ctx, partial }) => startTotpEnrolment(ctx.deps, partial),
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/mfa/enrol/confirm',
    summary: 'Confirm TOTP enrolment with a first code; returns one-time recovery codes',
    tag: 'auth',
    auth: 'partial',
    body: codeBody,
    response: z.object({ stage: z.literal('full'), recoveryCodes: z.array(z.string()) }),
    handler: async ({ body, ctx, partial }) => {
      const { token, recoveryCodes } = await confirmTotpEnrolment(ctx.deps, partial, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage: 'full' as const, recoveryCodes };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: the session ends on the server at once',
    tag: 'auth',
    auth: 'public',
    response: z.object({ ok: z.literal(true) }),
    handler: async ({ ctx }) => {
      const token = readSessionCookie(ctx.c, ctx.deps.trustProxy);
      const session = token ? await findLiveSession(ctx.deps.db, token, ctx.deps.now()) : undefined;
      if (session) await signOut(ctx.deps, session, ctx);
      clearSessionCookie(ctx.c, ctx.deps.trustProxy);
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change your own password (current password and a TOTP code required)',
    tag: 'auth',
    auth: 'staff',
    action: 'account.password',
    body: changePasswordBody,
    response: z.object({ endedSessions: z.number() }),
    handler: async ({ body, ctx, actor }) => changeOwnPassword(ctx.deps, actor, body, ctx),
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user, their clinic, session stage and permissions',
    tag: 'auth',
    auth: 'public',
    response: meResponse,
    handler: async ({ ctx }) => {
      const token = readSessionCookie(ctx.c, ctx.deps.trustProxy);
      const session = token ? await findLiveSession(ctx.deps.db, token, ctx.deps.now()) : undefined;
      if (!session) throw unauthenticated();
      const [clinic] = await ctx.deps.db
        .select({ id: clinics.id, name: clinics.name, isDemo: clinics.isDemo })
        .from(clinics)
        .where(eq(clinics.id, session.clinicId));
      return {
        stage: session.stage,
        user: { id: session.userId, email: session.email, displayName: session.label, role: session.role },
        clinic: clinic!,
        permissions: session.stage === 'full' ? [...permissionTable[session.role]] : [],
      };
    },
  }),
];
