import {
  createUserBody,
  revokeSessionsResponse,
  staffUserListResponse,
  staffUserResponse,
  updateUserBody,
} from '../../../contracts/users.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { createUser, listUsers, revokeUserSessions, updateUser } from './users.service.js';

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/users',
    summary: 'Staff accounts of the clinic',
    tag: 'users',
    auth: 'staff',
    action: 'user.read',
    response: staffUserListResponse,
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
    response: staffUserResponse,
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
    response: staffUserResponse,
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
    response: revokeSessionsResponse,
    handler: async ({ params, ctx, actor }) => revokeUserSessions(ctx.deps, actor, params.id),
  }),
];
