import { z } from 'zod';
import { actions, staffRoles } from '../domain/auth/index.js';

/**
 * Sign-in, second factor, authenticator enrolment, the replacement of a temporary password,
 * sign-out, the own-password change and "who am I": what the staff app sends and what the server
 * answers.
 */

// ---- Requests ----------------------------------------------------------------------------------

export const loginBody = z
  .object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) })
  .strict();

/** A 6-digit TOTP code, or a recovery code (longer, with dashes). */
export const codeBody = z.object({ code: z.string().trim().min(6).max(40) }).strict();

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().max(1024),
    code: z.string().trim().min(6).max(10),
    endOtherSessions: z.boolean().default(true),
  })
  .strict();

/** The last sign-in step after a temporary password: the person's own password. */
export const newPasswordBody = z.object({ newPassword: z.string().max(1024) }).strict();

export type LoginRequest = z.input<typeof loginBody>;
export type CodeRequest = z.input<typeof codeBody>;
/** What the password form sends (`endOtherSessions` defaults to true when left out). */
export type ChangePasswordRequest = z.input<typeof changePasswordBody>;
export type NewPasswordRequest = z.input<typeof newPasswordBody>;

// ---- Responses ---------------------------------------------------------------------------------

export const sessionStages = ['mfa', 'enrol', 'change-password', 'full'] as const;
/**
 * mfa: owes a code; enrol: owes an authenticator enrolment; change-password: owes its own password
 * in place of a temporary one (after the factors); full: signed in.
 */
export const sessionStage = z.enum(sessionStages);
export type SessionStage = z.infer<typeof sessionStage>;

export const loginResponse = z.object({ stage: sessionStage });

/** What follows the factors: signed in, or a temporary password to replace first. */
const stageAfterFactors = z.enum(['change-password', 'full']);

export const secondFactorResponse = z.object({ stage: stageAfterFactors, usedRecoveryCode: z.boolean() });

export const enrolmentStartResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** An SVG document of the otpauth URI's QR code. */
  qrSvg: z.string(),
});

export const enrolmentConfirmResponse = z.object({
  stage: stageAfterFactors,
  /** Shown once; only their hashes are stored. */
  recoveryCodes: z.array(z.string()),
});

export const newPasswordResponse = z.object({ stage: z.literal('full') });

export const logoutResponse = z.object({ ok: z.literal(true) });

export const changePasswordResponse = z.object({ endedSessions: z.number().int().min(0) });

export const meResponse = z.object({
  stage: sessionStage,
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(staffRoles),
  }),
  /** `timeZone`: the clinic's IANA zone, in which the staff app shows every date and time. */
  clinic: z.object({ id: z.string(), name: z.string(), isDemo: z.boolean(), timeZone: z.string() }),
  /** Empty until the session is fully signed in. */
  permissions: z.array(z.enum(actions)),
});

export type LoginResponse = z.infer<typeof loginResponse>;
export type SecondFactorResponse = z.infer<typeof secondFactorResponse>;
export type EnrolmentStart = z.infer<typeof enrolmentStartResponse>;
export type EnrolmentConfirmResponse = z.infer<typeof enrolmentConfirmResponse>;
export type NewPasswordResponse = z.infer<typeof newPasswordResponse>;
export type ChangePasswordResponse = z.infer<typeof changePasswordResponse>;
export type Me = z.infer<typeof meResponse>;
