/**
 * Illustrative NMDA-receptor occupancy (docs/clinical-sources.md#pk-occupancy): a one-site binding curve on
 * the unbound concentration. It is a model estimate built from rodent binding constants; it is not a
 * measured human occupancy and not an antidepressant effect. Every output carries that label, and every
 * constant is configurable.
 */

export const OCCUPANCY_LABEL =
  'Illustrative NMDA-receptor occupancy: one-site binding of unbound drug using rat-brain [3H]MK-801 Ki ' +
  'values (Ebert 1997). A model estimate, not a measurement, and not a measure of antidepressant effect.';

export interface OccupancyParameters {
  /** Effective inhibition constant of the parent drug, µM. */
  kiUm: number;
  /** Unbound fraction in plasma. */
  fractionUnbound: number;
  /** g/mol, to convert ng/mL to µM (1 µM = MW ng/mL). */
  molecularWeight: number;
  hill: number;
  source: string;
}

const KETAMINE_MW = 237.73;
const FU = 0.53;

/** Racemic Ki_eff = 1 / (0.5/Ki_S + 0.5/Ki_R) with Ki_S 0.30 µM and Ki_R 1.4 µM (Ebert 1997) ≈ 0.494 µM. */
export const RACEMIC_KETAMINE_OCCUPANCY: OccupancyParameters = {
  kiUm: 1 / (0.5 / 0.3 + 0.5 / 1.4),
  fractionUnbound: FU,
  molecularWeight: KETAMINE_MW,
  hill: 1,
  source:
    'Ki S 0.30 / R 1.4 µM (Ebert 1997, Eur J Pharmacol 333:99), fu 0.53 (Dayton 1983, upper binding), nH 1; ' +
    'docs/clinical-sources.md#pk-occupancy',
};

export const S_KETAMINE_OCCUPANCY: OccupancyParameters = {
  kiUm: 0.3,
  fractionUnbound: FU,
  molecularWeight: KETAMINE_MW,
  hill: 1,
  source: 'Ki S-ketamine 0.30 µM (Ebert 1997), fu 0.53, nH 1; docs/clinical-sources.md#pk-occupancy',
};

export function defaultOccupancyParameters(analyte: 'racemic ketamine' | 'S-ketamine'): OccupancyParameters {
  return analyte === 'S-ketamine' ? S_KETAMINE_OCCUPANCY : RACEMIC_KETAMINE_OCCUPANCY;
}

/** occ = x^n / (1 + x^n) with x = fu·C/Ki; C in ng/mL. Norketamine is not simulated, so its term is 0. */
export function nmdaOccupancy(concentrationNgMl: number, p: OccupancyParameters): number {
  const x = (p.fractionUnbound * concentrationNgMl) / p.molecularWeight / p.kiUm;
  const xn = p.hill === 1 ? x : Math.pow(x, p.hill);
  return xn / (1 + xn);
}

export function occupancyCurve(
  concentrationNgMl: Float64Array,
  p: OccupancyParameters,
  out: Float64Array = new Float64Array(concentrationNgMl.length),
): Float64Array {
  for (let i = 0; i < concentrationNgMl.length; i++) out[i] = nmdaOccupancy(concentrationNgMl[i]!, p);
  return out;
}
