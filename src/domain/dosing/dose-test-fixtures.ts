import { IV_DEPRESSION } from '../protocols';
import type { Sex } from './body-weight';
import type {
  ComputedDose,
  ComputedIntranasalDose,
  ComputedIvDose,
  DoseRequest,
  DoseResult,
} from './dose-types';
import { DEFAULT_DOSING_SETTINGS, type DosingSettings } from './dosing-settings';

/**
 * Test-only helpers shared by the calculator's test files: a request for the worked example, and
 * accessors that fail loudly when a result is not what a test expects. Nothing outside tests imports it.
 */

export const settingsWith = (patch: Partial<DosingSettings> = {}): DosingSettings => ({
  ...DEFAULT_DOSING_SETTINGS,
  ...patch,
});

/** IV depression, standard step, 50 mg/mL into 100 mL; weight, height and sex as given. */
export function ivRequest(
  patch: Partial<DoseRequest> = {},
  weight = 70,
  height = 175,
  sex: Sex = 'male',
): DoseRequest {
  return {
    protocol: IV_DEPRESSION,
    stepId: 'standard',
    patient: { weight: { value: weight, unit: 'kg' }, height: { value: height, unit: 'cm' }, sex },
    preparation: { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } },
    ...patch,
  };
}

export function ivDose(result: DoseResult): ComputedIvDose {
  if (!result.ok) throw new Error(`expected a dose, got ${JSON.stringify(result.hardStops)}`);
  if (result.dose.route !== 'iv') throw new Error('expected an IV dose');
  return result.dose;
}

export function nasalDose(result: DoseResult): ComputedIntranasalDose {
  if (!result.ok) throw new Error(`expected a dose, got ${JSON.stringify(result.hardStops)}`);
  if (result.dose.route !== 'intranasal') throw new Error('expected an intranasal dose');
  return result.dose;
}

/** [code, field] of each hard stop; throws when the result is a dose. */
export function stopsOf(result: DoseResult): Array<[string, string]> {
  if (result.ok) throw new Error(`expected hard stops, got a ${result.dose.totalMg} mg dose`);
  return result.hardStops.map((s) => [s.code, s.field]);
}

export const warningCodes = (result: DoseResult) => result.warnings.map((w) => w.code);

export const lineOf = (dose: ComputedDose, quantity: string) =>
  dose.explanation.find((l) => l.quantity === quantity);
