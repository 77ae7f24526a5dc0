/**
 * Every physical input carries its unit so a value typed in the wrong unit (grams, pounds, metres,
 * µg/mL, a percentage) is rejected by name instead of being silently misread. The calculator does not
 * convert: a clinic records weight in kg and concentration in mg/mL, and anything else is a hard stop.
 */

export interface Quantity {
  value: number;
  unit: string;
}

export const EXPECTED_UNITS = {
  weight: 'kg',
  height: 'cm',
  vialConcentration: 'mg/mL',
  bagVolume: 'mL',
} as const;

/** Unit of the dose a step prescribes, keyed by step kind (mirrors STEP_DOSE_UNIT in protocols). */
export type DoseUnit = 'mg/kg' | 'mg/kg/h' | 'mg' | 'mg/h' | 'device';
