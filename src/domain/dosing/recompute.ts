import { devineIdealBodyWeightKg, type Sex, type WeightBasis } from './body-weight';

/**
 * Recompute mg/kg from what a dose record stores. The weight is re-derived from the stored weight, height,
 * sex and basis rather than read back, so a stored record can be checked, and so mg/kg can be reported on
 * another basis (e.g. actual weight for comparison with trials that dosed on actual weight).
 */

export interface StoredDoseBasis {
  totalMg: number;
  patient: { weightKg: number; heightCm: number; sex: Sex };
  /** The floor an ideal dosing weight was held to (absent on doses stored before floors existed). */
  weightBasis: { basis: WeightBasis; idealWeightFloorKg?: number };
}

export interface RecomputedMgPerKg {
  mgPerKg: number;
  weightKg: number;
  basis: WeightBasis;
}

export function recomputeMgPerKg(
  stored: StoredDoseBasis,
  basis: WeightBasis = stored.weightBasis.basis,
): RecomputedMgPerKg {
  const weightKg =
    basis === 'actual'
      ? stored.patient.weightKg
      : Math.max(
          devineIdealBodyWeightKg(stored.patient.heightCm, stored.patient.sex),
          stored.weightBasis.idealWeightFloorKg ?? 0,
        );
  return { mgPerKg: stored.totalMg / weightKg, weightKg, basis };
}
