import type { Protocol } from '../protocols';
import { absoluteCapGate, absoluteCapLine, absoluteMgCapFor } from './absolute-cap';
import { ceilingLines, exceeds } from './dose-ceiling';
import type {
  ComputedIntranasalDose,
  DoseRequest,
  DoseResult,
  DoseWarning,
  IntranasalStep,
  Prescribed,
} from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { escalationGate } from './escalation';
import { esketamineLabelGate } from './esketamine-label';
import { explain, given } from './explain';
import { commonFields } from './prescription';
import { clean } from './rounding';

/**
 * Intranasal esketamine: a whole number of fixed-strength devices, so there is no weight, rounding or
 * volume to work out; the total against the protocol's ceiling, then what the clinician must acknowledge:
 * the label's first-session dose (sessions given), the escalation rules and the absolute cap.
 */
export function computeIntranasal(
  request: DoseRequest,
  protocol: Protocol,
  step: IntranasalStep,
  prescribed: Prescribed,
  sessionsWithoutResponse: number | undefined,
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
          message: `${devices} devices × ${step.mgPerDevice} mg = ${totalMg} mg exceeds the protocol ceiling of ${limit} mg`,
        },
      ],
      warnings,
    };
  const cap = absoluteMgCapFor(protocol, s);
  const gates = [
    ...esketamineLabelGate(request, protocol, totalMg, s, warnings),
    ...escalationGate(request, protocol, step, prescribed, sessionsWithoutResponse, warnings),
    ...absoluteCapGate(request, cap, totalMg, warnings),
  ];
  if (gates.length > 0) return { ok: false, hardStops: gates, warnings };
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
      // Devices are not weight-based: of the protocol's ceilings only the total mg applies.
      ...ceilingLines(protocol, totalMg, 1, 0).filter((l) => l.quantity === 'ceilingTotalMg'),
      absoluteCapLine(cap, totalMg),
    ],
  };
  return { ok: true, dose, warnings };
}
