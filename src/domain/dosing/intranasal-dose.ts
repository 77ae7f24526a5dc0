import type { Protocol } from '../protocols';
import { exceeds } from './dose-ceiling';
import type {
  ComputedIntranasalDose,
  DoseResult,
  DoseWarning,
  IntranasalStep,
  Prescribed,
} from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { explain, given } from './explain';
import { commonFields } from './prescription';
import { clean } from './rounding';

/**
 * Intranasal esketamine: a whole number of fixed-strength devices, so there is no weight, rounding or
 * volume to work out; only the total against the protocol's ceiling.
 */
export function computeIntranasal(
  protocol: Protocol,
  step: IntranasalStep,
  prescribed: Prescribed,
  s: DosingSettings,
  warnings: DoseWarning[],
): DoseResult {
  const devices = prescribed.value;
  const totalMg = clean(devices * step.mgPerDevice);
  const limit = protocol.ceiling.totalMg;
  if (limit !== undefined && exceeds(totalMg, limit))
    return {
      ok: false,
      hardStops: [
        {
          code: 'above-ceiling',
          field: prescribed.source === 'override' ? 'doseOverride' : `protocol.steps.${step.id}.devices`,
          message: `${devices} devices × ${step.mgPerDevice} mg = ${totalMg} mg exceeds the protocol ceiling of ${limit} mg (ceiling.totalMg)`,
        },
      ],
      warnings,
    };
  const administrationMin = (devices - 1) * step.minutesBetweenDevices;
  const dose: ComputedIntranasalDose = {
    ...commonFields(protocol, step, prescribed, s, warnings),
    route: 'intranasal',
    devices,
    mgPerDevice: step.mgPerDevice,
    minutesBetweenDevices: step.minutesBetweenDevices,
    administrationMin,
    totalMg,
    explanation: [
      explain(
        'devices',
        'Devices',
        devices,
        'device',
        prescribed.source === 'override' ? 'clinician-chosen device count' : 'protocol step device count',
        [given('step', step.id, '')],
      ),
      explain('totalMg', 'Total dose', totalMg, 'mg', 'devices × mg per device', [
        given('devices', devices, 'device'),
        given('mg per device', step.mgPerDevice, 'mg'),
      ]),
      explain(
        'administrationMin',
        'First to last device',
        administrationMin,
        'min',
        '(devices − 1) × minutes between devices',
        [
          given('devices', devices, 'device'),
          given('minutes between devices', step.minutesBetweenDevices, 'min'),
        ],
      ),
    ],
  };
  return { ok: true, dose, warnings };
}
