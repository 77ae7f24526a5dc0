import { z } from 'zod';
import { staffRoles } from '../../../domain/auth/permissions.js';
import { defineRoute, idParam } from '../../http/define-route.js';
import { createUser, listUsers, revokeUserSessions, updateUser } from './users.service.js';

export const createUserBody = z
  .object({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(staffRoles),
    temporaryPassword: z.string().max(1024),
  })
  .strict();

export const updateUserBody = z
  .object({
    version: z.number().int().min(1),
    role: z.enum(staffRoles).optional(),
    status: z.enum(['active', 'disabled']).optional(),
    displayName: z.string().trim().min(1).max(120).optional(),
    resetMfa: z.boolean().optional(),
    temporaryPassword: z.string().max(1024).optional(),
  })
  .strict();

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/users',
    summary: 'Staff accounts of the clinic',
    tag: 'users',
    auth: 'staff',
    action: 'user.read',
    handler: async ({ ctx, actor }) => ({ items: await listUsers(ctx.deps, actor) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users',
    summary: 'Create a staff account with a temporary password (MFA enrolment at first sign-in)',
    tag: 'users',
    auth: 'staff',
    action: 'user.manage',
    body: createUserBody,
    successStatus: 201,
    handler: async ({ body, ctx, actor }) => createUser(ctx.deps, actor, body),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Change a role, disable or enable, reset MFA or set a temporary password',
    tag: 'users',
    auth: 'staff',
    action: 'user.manage',
    params: idParam,
    body: updateUserBody,
    handler: async ({ params, body, ctx, actor }) => updateUser(ctx.deps, actor, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/users/:id/sessions/revoke',
    summary: 'End every session of a user at once',
    tag: 'users',
    auth: 'staff',
    action: 'session.revoke',
    params: idParam,
    handler: async ({ params, ctx, actor }) => revokeUserSessions(ctx.deps, actor, params.id),
  }),
];
