import {
  STEP_DOSE_UNIT,
  formatPath,
  stepDoseValue,
  validateProtocol,
  type Protocol,
  type ProtocolStep,
} from '../protocols';
import { checkQuantity } from './check-quantity';
import type { DoseCommon, DoseRequest, DoseWarning, HardStop, Prescribed } from './dose-types';
import { dosingSettingsSchema, type DosingSettings } from './dosing-settings';
import type { DoseUnit, Quantity } from './units';

/**
 * What is being asked for, before any arithmetic: valid settings, a valid protocol, the step and the amount
 * (the step's own or a clinician override). Whether an escalation is premature is escalation.ts.
 */

export type DoseSetup =
  | { ok: true; s: DosingSettings; protocol: Protocol; step: ProtocolStep }
  | { ok: false; hardStops: HardStop[] };

/** Settings, then protocol, then step: each later check means nothing if an earlier one fails. */
export function resolveSetup(request: DoseRequest, settings: DosingSettings): DoseSetup {
  const parsedSettings = dosingSettingsSchema.safeParse(settings);
  if (!parsedSettings.success)
    return {
      ok: false,
      hardStops: parsedSettings.error.issues.map((i) => ({
        code: 'invalid-settings',
        field: `settings.${formatPath(i.path)}`,
        message: i.message,
      })),
    };

  const validation = validateProtocol(request.protocol);
  if (!validation.ok)
    return {
      ok: false,
      hardStops: validation.errors.map((e) => ({
        code: 'invalid-protocol',
        field: `protocol.${e.field}`,
        message: e.message,
      })),
    };
  const protocol = validation.protocol;

  const step = protocol.steps.find((x) => x.id === request.stepId);
  if (!step)
    return {
      ok: false,
      hardStops: [
        {
          code: 'unknown-step',
          field: 'stepId',
          message: `protocol '${protocol.id}' v${protocol.version} has no step '${request.stepId}'`,
        },
      ],
    };
  return { ok: true, s: parsedSettings.data, protocol, step };
}

/** The step's own amount unless a valid override replaces it; an invalid override leaves a hard stop. */
export function prescribedAmount(
  step: ProtocolStep,
  override: Quantity | undefined,
  stops: HardStop[],
  warnings: DoseWarning[],
): Prescribed {
  const stepUnit = STEP_DOSE_UNIT[step.kind] as DoseUnit;
  const fromStep: Prescribed = { value: stepDoseValue(step), unit: stepUnit, source: 'protocol-step' };
  if (override === undefined) return fromStep;
  const v = checkQuantity(override, 'doseOverride', stepUnit, stops);
  if (v === undefined) return fromStep;
  if (step.kind === 'devices' && !Number.isInteger(v))
    stops.push({
      code: 'not-whole-devices',
      field: 'doseOverride',
      message: `${v} is not a whole number of devices`,
    });
  overrideWarnings(step, v, warnings);
  return { value: v, unit: stepUnit, source: 'override' };
}

function overrideWarnings(step: ProtocolStep, value: number, warnings: DoseWarning[]): void {
  const unit = STEP_DOSE_UNIT[step.kind];
  if (step.doseRange && (value < step.doseRange.min || value > step.doseRange.max))
    warnings.push({
      code: 'dose-outside-step-range',
      field: 'doseOverride',
      message: `${value} ${unit} is outside the step's range ${step.doseRange.min}–${step.doseRange.max} ${unit}`,
    });
  else if (!step.doseRange && value !== stepDoseValue(step))
    warnings.push({
      code: 'dose-differs-from-step',
      field: 'doseOverride',
      message: `${value} ${unit} differs from the protocol step's ${stepDoseValue(step)} ${unit}`,
    });
}

/** The part of the result both routes share; `warnings` is the same array the result returns. */
export function commonFields(
  protocol: Protocol,
  step: ProtocolStep,
  prescribed: Prescribed,
  s: DosingSettings,
  warnings: DoseWarning[],
): Omit<DoseCommon, 'totalMg' | 'explanation'> {
  return {
    protocol: { id: protocol.id, version: protocol.version, name: protocol.name },
    step: { id: step.id, label: step.label, kind: step.kind },
    prescribed,
    verificationRequired: s.verificationRequired,
    warnings,
  };
}
