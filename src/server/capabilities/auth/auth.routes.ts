import {
  changePasswordBody,
  changePasswordResponse,
  codeBody,
  enrolmentConfirmResponse,
  enrolmentStartResponse,
  loginBody,
  loginResponse,
  logoutResponse,
  meResponse,
  newPasswordBody,
  newPasswordResponse,
  secondFactorResponse,
} from '../../../contracts/auth.js';
import { defineRoute, type RouteContext } from '../../shared/http/define-route.js';
import { unauthenticated } from '../../shared/api-error.js';
import {
  clearSessionCookie,
  findLiveSession,
  readSessionCookie,
  writeSessionCookie,
} from '../../shared/session.js';
import { assertSignInStep } from './auth-failures.js';
import { describeSession, signOut } from './auth.service.js';
import { changeOwnPassword } from './change-password.js';
import { confirmTotpEnrolment, startTotpEnrolment } from './enrolment.js';
import { completeSecondFactor, signInWithPassword } from './sign-in.js';
import { replaceTemporaryPasswordStep } from './temporary-password.js';

/** The live session of the request's cookie, whatever its stage, for the routes that take any. */
async function sessionOf(ctx: RouteContext) {
  const token = readSessionCookie(ctx.c, ctx.deps.trustProxy);
  return token ? findLiveSession(ctx.deps.db, token, ctx.deps.now()) : undefined;
}

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Password step of sign-in; the session then owes a TOTP code (or an enrolment)',
    tag: 'auth',
    auth: 'public',
    body: loginBody,
    response: loginResponse,
    handler: async ({ body, ctx }) => {
      const { token, stage } = await signInWithPassword(ctx.deps, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/mfa',
    summary: 'Second step of sign-in: a TOTP code or a one-time recovery code',
    tag: 'auth',
    auth: 'partial',
    body: codeBody,
    response: secondFactorResponse,
    handler: async ({ body, ctx, partial }) => {
      await assertSignInStep(ctx.deps, partial, 'mfa', ctx);
      const { token, stage, usedRecoveryCode } = await completeSecondFactor(ctx.deps, partial, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage, usedRecoveryCode };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/mfa/enrol/start',
    summary: 'Start TOTP enrolment: a new secret, its otpauth URI and a QR code',
    tag: 'auth',
    auth: 'partial',
    response: enrolmentStartResponse,
    handler: async ({ ctx, partial }) => {
      await assertSignInStep(ctx.deps, partial, 'enrol', ctx);
      return startTotpEnrolment(ctx.deps, partial);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/mfa/enrol/confirm',
    summary: 'Confirm TOTP enrolment with a first code; returns one-time recovery codes',
    tag: 'auth',
    auth: 'partial',
    body: codeBody,
    response: enrolmentConfirmResponse,
    handler: async ({ body, ctx, partial }) => {
      await assertSignInStep(ctx.deps, partial, 'enrol', ctx);
      const { token, stage, recoveryCodes } = await confirmTotpEnrolment(ctx.deps, partial, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage, recoveryCodes };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/new-password',
    summary: 'Last step of a sign-in with a temporary password: choose your own',
    tag: 'auth',
    auth: 'partial',
    body: newPasswordBody,
    response: newPasswordResponse,
    handler: async ({ body, ctx, partial }) => {
      await assertSignInStep(ctx.deps, partial, 'change-password', ctx);
      const { token } = await replaceTemporaryPasswordStep(ctx.deps, partial, body, ctx);
      writeSessionCookie(ctx.c, ctx.deps.trustProxy, token);
      return { stage: 'full' as const };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: the session ends on the server at once',
    tag: 'auth',
    auth: 'public',
    response: logoutResponse,
    handler: async ({ ctx }) => {
      const session = await sessionOf(ctx);
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
    response: changePasswordResponse,
    handler: async ({ body, ctx, actor }) => changeOwnPassword(ctx.deps, actor, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user, their clinic, session stage and permissions',
    tag: 'auth',
    auth: 'public',
    response: meResponse,
    handler: async ({ ctx }) => {
      const session = await sessionOf(ctx);
      if (!session) throw unauthenticated();
      return describeSession(ctx.deps, session);
    },
  }),
];
