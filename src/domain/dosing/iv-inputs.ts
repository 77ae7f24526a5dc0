import type { Sex } from './body-weight';
import { measurementAgeStop, resolveSex } from './chart-facts';
import { checkQuantity } from './check-quantity';
import type { DoseRequest, DoseWarning, HardStop } from './dose-types';
import type { DosingSettings } from './dosing-settings';
import { EXPECTED_UNITS } from './units';

/**
 * The patient and preparation an IV dose needs, checked for unit, sign and plausibility. Every problem is
 * collected (patient first, then preparation) so the clinician can fix them all in one pass. The sex comes
 * from the chart when it records one the formula knows, and a stored measurement must be recent enough.
 */

export interface IvInputs {
  weightKg: number;
  heightCm: number;
  sex: Sex;
  concentration: number;
  /** null for a bolus given without a bag. */
  bagVolumeMl: number | null;
}

/** The checked inputs, or undefined once any hard stop (including earlier ones in `stops`) exists. */
export function readIvInputs(
  request: DoseRequest,
  isBolus: boolean,
  s: DosingSettings,
  stops: HardStop[],
  warnings: DoseWarning[],
): IvInputs | undefined {
  const patient = readPatient(request, s, stops, warnings);
  const preparation = readPreparation(request.preparation, isBolus, stops);
  if (stops.length > 0 || !patient || !preparation) return undefined;
  return { ...patient, ...preparation };
}

function readPatient(
  request: DoseRequest,
  s: DosingSettings,
  stops: HardStop[],
  warnings: DoseWarning[],
): Pick<IvInputs, 'weightKg' | 'heightCm' | 'sex'> | undefined {
  const p = request.patient;
  if (!p) {
    stops.push({
      code: 'missing-input',
      field: 'patient',
      message:
        'weight, height and sex are required for IV dosing: record a body measurement, or enter today’s weight and height',
    });
    return undefined;
  }
  const weightKg = checkQuantity(p.weight, 'patient.weight', EXPECTED_UNITS.weight, stops);
  const heightCm = checkQuantity(p.height, 'patient.height', EXPECTED_UNITS.height, stops);
  const sex = resolveSex(p.sex, request.chart, warnings);
  if (sex !== 'male' && sex !== 'female')
    stops.push({
      code: 'invalid-value',
      field: 'patient.sex',
      message: "sex must be 'male' or 'female' (Devine formula)",
    });
  if (weightKg !== undefined && (weightKg < s.plausibleWeightKg.min || weightKg > s.plausibleWeightKg.max))
    stops.push({
      code: 'implausible-weight',
      field: 'patient.weight',
      message: `${weightKg} kg is outside the plausible range ${s.plausibleWeightKg.min}–${s.plausibleWeightKg.max} kg`,
    });
  if (heightCm !== undefined && (heightCm < s.plausibleHeightCm.min || heightCm > s.plausibleHeightCm.max))
    stops.push({
      code: 'implausible-height',
      field: 'patient.height',
      message: `${heightCm} cm is outside the plausible range ${s.plausibleHeightCm.min}–${s.plausibleHeightCm.max} cm`,
    });
  const stale = measurementAgeStop(request.chart?.measurement, s);
  if (stale) stops.push(stale);
  if (weightKg === undefined || heightCm === undefined || (sex !== 'male' && sex !== 'female'))
    return undefined;
  return { weightKg, heightCm, sex };
}

/** A bolus may be drawn straight from the vial, so its bag is checked only when one is given. */
function readPreparation(
  prep: DoseRequest['preparation'],
  isBolus: boolean,
  stops: HardStop[],
): Pick<IvInputs, 'concentration' | 'bagVolumeMl'> | undefined {
  if (!prep) {
    stops.push({
      code: 'missing-input',
      field: 'preparation',
      message: 'vial concentration and bag volume are required',
    });
    return undefined;
  }
  const concentration = checkQuantity(
    prep.vialConcentration,
    'preparation.vialConcentration',
    EXPECTED_UNITS.vialConcentration,
    stops,
  );
  let bagVolumeMl: number | null = null;
  if (!isBolus || prep.bagVolume !== undefined) {
    const v = checkQuantity(prep.bagVolume, 'preparation.bagVolume', EXPECTED_UNITS.bagVolume, stops);
    if (v !== undefined) bagVolumeMl = v;
  }
  if (concentration === undefined) return undefined;
  if (!isBolus && bagVolumeMl === null) return undefined;
  return { concentration, bagVolumeMl };
}
