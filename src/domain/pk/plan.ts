/**
 * The dose plan a simulation runs on. Its shape is the plan-file JSON itself, so a validated plan can be
 * written back out unchanged. Times are minutes from the start of the plan.
 */

export type PatientSex = 'female' | 'male' | 'other' | 'unknown';

export interface PkPatient {
  weightKg: number;
  /** Not used by any model (docs/clinical-sources.md#pk-covariates); for population checks and the record. */
  ageYears?: number;
  sex?: PatientSex;
  heightCm?: number;
}

/** A bolus enters V1 instantly; a sample taken at atMin already includes it. Exactly one amount field. */
export type BolusDose = { kind: 'bolus'; atMin: number } & (
  { mg: number; mgPerKg?: undefined } | { mgPerKg: number; mg?: undefined }
);

/** A constant-rate infusion running on [startMin, endMin). Exactly one rate or total field. */
export type InfusionDose = { kind: 'infusion'; startMin: number; endMin: number } & (
  | { mgPerHour: number; mgPerKgPerHour?: undefined; totalMg?: undefined; totalMgPerKg?: undefined }
  | { mgPerKgPerHour: number; mgPerHour?: undefined; totalMg?: undefined; totalMgPerKg?: undefined }
  | { totalMg: number; mgPerHour?: undefined; mgPerKgPerHour?: undefined; totalMgPerKg?: undefined }
  | { totalMgPerKg: number; mgPerHour?: undefined; mgPerKgPerHour?: undefined; totalMg?: undefined }
);

export type PkDose = BolusDose | InfusionDose;

export interface PkPlan {
  model: string;
  patient: PkPatient;
  doses: PkDose[];
  /** Overrides the model's default ke0 (min⁻¹); the clinic may configure its own. */
  ke0PerMin?: number;
}

export const BOLUS_AMOUNT_FIELDS = ['mg', 'mgPerKg'] as const;
export const INFUSION_AMOUNT_FIELDS = ['mgPerHour', 'mgPerKgPerHour', 'totalMg', 'totalMgPerKg'] as const;

/** Bolus amount in mg for the patient's weight. */
export function bolusMg(dose: BolusDose, weightKg: number): number {
  return dose.mg !== undefined ? dose.mg : dose.mgPerKg * weightKg;
}

/** Infusion rate in mg/min for the patient's weight; totals are spread evenly over [startMin, endMin). */
export function infusionMgPerMin(dose: InfusionDose, weightKg: number): number {
  const minutes = dose.endMin - dose.startMin;
  if (dose.mgPerHour !== undefined) return dose.mgPerHour / 60;
  if (dose.mgPerKgPerHour !== undefined) return (dose.mgPerKgPerHour * weightKg) / 60;
  if (dose.totalMg !== undefined) return dose.totalMg / minutes;
  return (dose.totalMgPerKg * weightKg) / minutes;
}

/** Total mg a plan delivers, for display next to the curve. */
export function totalPlanMg(plan: PkPlan): number {
  let total = 0;
  for (const d of plan.doses) {
    total +=
      d.kind === 'bolus'
        ? bolusMg(d, plan.patient.weightKg)
        : infusionMgPerMin(d, plan.patient.weightKg) * (d.endMin - d.startMin);
  }
  return total;
}
