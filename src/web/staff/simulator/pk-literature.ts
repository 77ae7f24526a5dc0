/**
 * Literature values drawn on the curves, each recorded in docs/clinical-sources.md.
 *
 * Dissociation at 100–250 ng/mL (0.42–1.1 µM) plasma ketamine: Krystal et al. 1994, as tabulated in
 * Zanos et al., Pharmacol Rev 2018;70:621, Table 1 (PMC6020109); see
 * docs/clinical-sources.md#ketamine-plasma-concentrations. It was measured for racemic ketamine, so it is
 * only an approximate reference for the S-ketamine models.
 */
export const DISSOCIATIVE_RANGE = {
  loNgMl: 100,
  hiNgMl: 250,
  label: 'Dissociative range 100–250 ng/mL',
  source:
    'Krystal et al. 1994, as tabulated in Zanos et al., Pharmacol Rev 2018;70:621, Table 1 (PMC6020109). Measured for racemic ketamine.',
} as const;

/**
 * ≈185 ng/mL at the end of 0.5 mg/kg over 40 min (Zarate et al. 2006 via Zanos 2018 Table 1;
 * docs/clinical-sources.md#ketamine-plasma-concentrations).
 */
export const PUBLISHED_END_OF_INFUSION = {
  ngMl: 185,
  source:
    'Zarate et al. 2006, as tabulated in Zanos et al., Pharmacol Rev 2018;70:621, Table 1 (a comparison, not a target)',
} as const;

/** Distinct, print-safe line colours with at least 4.5:1 contrast on white. */
export const MODEL_COLOURS = [
  '#1f5f4a',
  '#a4262c',
  '#1d4f91',
  '#7a4d00',
  '#6b2fa0',
  '#00707a',
  '#4a4a4a',
  '#b0006d',
  '#3d5c00',
];

/** Band fill: a light tint, so lines stay readable over it. */
export const BAND_FILL = 'rgba(29, 79, 145, 0.12)';
