import { clinicResponse, clinicSettingsBody } from '../../../contracts/clinic.js';
import { defineRoute } from '../../shared/http/define-route.js';
import { readClinic, updateClinicSettings } from './clinic.service.js';

export const clinicRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/clinic',
    summary: 'The caller’s clinic and its settings',
    tag: 'clinic',
    auth: 'staff',
    action: 'clinic.settings.read',
    response: clinicResponse,
    handler: async ({ ctx, actor }) => readClinic(ctx.deps, actor),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/clinic',
    summary: 'Change the clinic’s name or settings (audited)',
    tag: 'clinic',
    auth: 'staff',
    action: 'clinic.settings.update',
    body: clinicSettingsBody,
    response: clinicResponse,
    handler: async ({ body, ctx, actor }) => updateClinicSettings(ctx.deps, actor, body),
  }),
];
