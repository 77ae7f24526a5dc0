/** Whether a step can exceed the protocol's ceiling, at its dose and at the top of its allowed range. */
import type { ProtocolError } from './protocol-error';
import type { ProtocolCeiling, ProtocolStep } from './protocol-shape';

/** Small tolerance so 0.1 + 0.2-style float noise never turns a coherent protocol into an error. */
const EPS = 1e-9;

export function ceilingErrorsForStep(c: ProtocolCeiling, s: ProtocolStep, i: number): ProtocolError[] {
  const errors: ProtocolError[] = [];
  const over = (limitField: string, limit: number, value: number, unit: string, what: string) => {
    if (value > limit * (1 + EPS))
      errors.push({
        field: `ceiling.${limitField}`,
        message: `ceiling ${limit} ${unit} is below steps[${i}] ('${s.id}') ${what} of ${round6(value)} ${unit}`,
      });
  };
  const hours = s.kind === 'devices' ? 0 : s.durationMin / 60;
  switch (s.kind) {
    case 'mg-per-kg':
      if (c.mgPerKg !== undefined) {
        over('mgPerKg', c.mgPerKg, s.doseMgPerKg, 'mg/kg', 'doseMgPerKg');
        if (s.doseRange) over('mgPerKg', c.mgPerKg, s.doseRange.max, 'mg/kg', 'doseRange.max');
      }
      if (c.mgPerKgPerHour !== undefined && s.durationMin > 0)
        over('mgPerKgPerHour', c.mgPerKgPerHour, s.doseMgPerKg / hours, 'mg/kg/h', 'rate');
      break;
    case 'mg-per-kg-per-hour':
      if (c.mgPerKgPerHour !== undefined) {
        over('mgPerKgPerHour', c.mgPerKgPerHour, s.doseMgPerKgPerHour, 'mg/kg/h', 'doseMgPerKgPerHour');
        if (s.doseRange)
          over('mgPerKgPerHour', c.mgPerKgPerHour, s.doseRange.max, 'mg/kg/h', 'doseRange.max');
      }
      if (c.mgPerKg !== undefined)
        over('mgPerKg', c.mgPerKg, s.doseMgPerKgPerHour * hours, 'mg/kg', 'total over durationMin');
      break;
    case 'fixed-mg':
      if (c.totalMg !== undefined) {
        over('totalMg', c.totalMg, s.fixedMg, 'mg', 'fixedMg');
        if (s.doseRange) over('totalMg', c.totalMg, s.doseRange.max, 'mg', 'doseRange.max');
      }
      break;
    case 'fixed-mg-per-hour':
      if (c.totalMg !== undefined)
        over('totalMg', c.totalMg, s.fixedMgPerHour * hours, 'mg', 'total over durationMin');
      break;
    case 'devices':
      if (c.totalMg !== undefined) {
        over('totalMg', c.totalMg, s.devices * s.mgPerDevice, 'mg', 'devices × mgPerDevice');
        if (s.doseRange)
          over('totalMg', c.totalMg, s.doseRange.max * s.mgPerDevice, 'mg', 'doseRange.max × mgPerDevice');
      }
      break;
  }
  return errors;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
