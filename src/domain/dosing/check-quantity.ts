import type { HardStop } from './dose-types';
import type { Quantity } from './units';

/**
 * Checks unit, finiteness and sign; returns the value only if all pass. Failures are pushed onto `stops`
 * rather than thrown, so the clinician sees every problem with the request in one pass.
 */
export function checkQuantity(
  q: Quantity | undefined,
  field: string,
  expectedUnit: string,
  stops: HardStop[],
): number | undefined {
  if (q === undefined || q === null) {
    stops.push({ code: 'missing-input', field, message: `${field} is required (in ${expectedUnit})` });
    return undefined;
  }
  if (q.unit !== expectedUnit) {
    stops.push({
      code: 'unit-mismatch',
      field: `${field}.unit`,
      message: `${field} must be in ${expectedUnit}, got '${String(q.unit)}'`,
    });
    return undefined;
  }
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    stops.push({
      code: 'not-a-number',
      field: `${field}.value`,
      message: `${field} must be a finite number`,
    });
    return undefined;
  }
  if (q.value <= 0) {
    stops.push({
      code: 'not-positive',
      field: `${field}.value`,
      message: `${field} must be > 0, got ${q.value}`,
    });
    return undefined;
  }
  return q.value;
}
