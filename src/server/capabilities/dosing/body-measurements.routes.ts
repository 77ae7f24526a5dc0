import {
  bodyMeasurementBody,
  bodyMeasurementResponse,
  patientBodyMeasurementsResponse,
} from '../../../contracts/dosing.js';
import { defineRoute, idParam } from '../../shared/http/define-route.js';
import { listBodyMeasurements, recordBodyMeasurement } from './body-measurements.service.js';

/**
 * Body measurements share the calculator's permission (`dose.calculate`: physicians and nurses): the
 * people who weigh a patient are the people who calculate the dose from the weight.
 */
export const bodyMeasurementRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/patients/:id/body-measurements',
    summary: 'A patient’s dated weights and heights, newest first, and the one a dose would use',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.calculate',
    params: idParam,
    response: patientBodyMeasurementsResponse,
    handler: async ({ params, actor, ctx }) => listBodyMeasurements(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/api/patients/:id/body-measurements',
    summary: 'Record a dated weight and height (append-only; a correction amends an earlier one)',
    tag: 'doses',
    auth: 'staff',
    action: 'dose.calculate',
    params: idParam,
    body: bodyMeasurementBody,
    response: bodyMeasurementResponse,
    successStatus: 201,
    handler: async ({ params, body, actor, ctx }) => recordBodyMeasurement(ctx.deps, actor, params.id, body),
  }),
];
