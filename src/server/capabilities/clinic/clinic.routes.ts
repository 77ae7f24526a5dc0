import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { readClinic, updateClinicSettings } from './clinic.service.js';

export const clinicSettingsBody = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const clinicRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/clinic',
    summary: 'The caller’s clinic and its settings',
    tag: 'clinic',
    auth: 'staff',
    action: 'clinic.settings.read',
    handler: async ({ ctx, actor }) => readClinic(ctx.deps, actor.clinicId),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/clinic',
    summary: 'Change the clinic’s name or settings (audited)',
    tag: 'clinic',
    auth: 'staff',
    action: 'clinic.settings.update',
    body: clinicSettingsBody,
    handler: async ({ body, ctx, actor }) => updateClinicSettings(ctx.deps, actor, body),
  }),
];
