/** The amount each kind of step prescribes: its value, the field that holds it and its unit. */
import type { ProtocolStep, StepKind } from './protocol-shape';

/** The amount a step prescribes, in the step's own unit. */
export function stepDoseValue(step: ProtocolStep): number {
  switch (step.kind) {
    case 'mg-per-kg':
      return step.doseMgPerKg;
    case 'mg-per-kg-per-hour':
      return step.doseMgPerKgPerHour;
    case 'fixed-mg':
      return step.fixedMg;
    case 'fixed-mg-per-hour':
      return step.fixedMgPerHour;
    case 'devices':
      return step.devices;
  }
}

export const STEP_DOSE_FIELD: Record<StepKind, string> = {
  'mg-per-kg': 'doseMgPerKg',
  'mg-per-kg-per-hour': 'doseMgPerKgPerHour',
  'fixed-mg': 'fixedMg',
  'fixed-mg-per-hour': 'fixedMgPerHour',
  devices: 'devices',
};

export const STEP_DOSE_UNIT: Record<StepKind, string> = {
  'mg-per-kg': 'mg/kg',
  'mg-per-kg-per-hour': 'mg/kg/h',
  'fixed-mg': 'mg',
  'fixed-mg-per-hour': 'mg/h',
  devices: 'device',
};
