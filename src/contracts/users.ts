import { z } from 'zod';
import { staffRoles } from '../domain/auth/index.js';
import { isoInstant, itemList } from './common.js';

/** Staff accounts of a clinic: what the users page sends and what the server answers. */

// ---- Requests ----------------------------------------------------------------------------------

export const userStatuses = ['active', 'disabled'] as const;

export const createUserBody = z
  .object({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(staffRoles),
    temporaryPassword: z.string().max(1024),
  })
  .strict();

/** Names only what changes; `version` is the one the person saw (optimistic concurrency). */
export const updateUserBody = z
  .object({
    version: z.number().int().min(1),
    role: z.enum(staffRoles).optional(),
    status: z.enum(userStatuses).optional(),
    displayName: z.string().trim().min(1).max(120).optional(),
    resetMfa: z.boolean().optional(),
    temporaryPassword: z.string().max(1024).optional(),
  })
  .strict();

export type CreateUserRequest = z.infer<typeof createUserBody>;
export type UpdateUserRequest = z.infer<typeof updateUserBody>;

// ---- Responses ---------------------------------------------------------------------------------

/** A staff account as the API shows it: never a password hash or an authenticator secret. */
export const staffUserResponse = z.object({
  id: z.guid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  status: z.enum(userStatuses),
  mfaEnrolled: z.boolean(),
  /** The password was set by an administrator; the person replaces it at their next sign-in. */
  mustChangePassword: z.boolean(),
  version: z.number().int().min(1),
  createdAt: isoInstant,
});

export const staffUserListResponse = itemList(staffUserResponse);

export const revokeSessionsResponse = z.object({
  /** How many live sessions were ended. */
  ended: z.number().int().min(0),
});

export type StaffUser = z.infer<typeof staffUserResponse>;
export type StaffUserList = z.infer<typeof staffUserListResponse>;
export type RevokeSessionsResult = z.infer<typeof revokeSessionsResponse>;
