import type { DoseWarning, ExplanationLine } from './dose-types';
import type { RoundingSettings } from './dosing-settings';
import type { ExactDose } from './exact-dose';
import { explain, given } from './explain';
import { clean, roundToIncrement, type RoundingMode } from './rounding';

/**
 * From the exact dose to an amount the syringe can measure. The drawn amount, not the prescribed one, is
 * what goes in the bag, so every later number (total mg, mg/kg, concentration) derives from it.
 */

export interface RoundedAmounts {
  prescribedMg: number;
  drugVolumeMl: number;
  mgDrawn: number;
  mode: RoundingMode;
}

/** exact mg → (optional mg rounding) → volume → (syringe rounding) → mg actually drawn. */
export function roundChain(
  exactMg: number,
  concentration: number,
  r: RoundingSettings,
  mode: RoundingMode,
): RoundedAmounts {
  const prescribedMg = r.mgIncrement === null ? exactMg : roundToIncrement(exactMg, r.mgIncrement, mode);
  const exactVolume = prescribedMg / concentration;
  const drugVolumeMl =
    r.drugVolumeIncrementMl === null
      ? exactVolume
      : roundToIncrement(exactVolume, r.drugVolumeIncrementMl, mode);
  const mgDrawn = r.drugVolumeIncrementMl === null ? prescribedMg : clean(drugVolumeMl * concentration);
  return { prescribedMg, drugVolumeMl, mgDrawn, mode };
}

/**
 * Round to the nearest measurable amount unless that would cross a ceiling the exact dose respects; then
 * round down instead and say so, since rounding must never turn an allowed dose into a forbidden one.
 */
export function roundUnderCeiling(
  exactMg: number,
  concentration: number,
  r: RoundingSettings,
  withinCeiling: (mg: number) => boolean,
  field: string,
  warnings: DoseWarning[],
): RoundedAmounts {
  const nearest = roundChain(exactMg, concentration, r, 'nearest');
  if (withinCeiling(nearest.mgDrawn)) return nearest;
  warnings.push({
    code: 'rounded-down-to-stay-under-ceiling',
    field,
    message:
      'rounding to the nearest measurable amount would exceed the ceiling, so the dose was rounded down',
  });
  return roundChain(exactMg, concentration, r, 'down');
}

/** Prescribed mg, drug volume, total mg drawn and mg/kg, in that order. */
export function amountLines(
  exact: ExactDose,
  rounded: RoundedAmounts,
  concentration: number,
  r: RoundingSettings,
  W: number,
  mgPerKg: number,
): ExplanationLine[] {
  const { exactMg, mgLine } = exact;
  const { prescribedMg, drugVolumeMl, mgDrawn, mode } = rounded;
  return [
    {
      // Spread first so the line keeps the key order it has always been stored and served with.
      ...mgLine,
      value: prescribedMg,
      rounding:
        prescribedMg === exactMg || r.mgIncrement === null
          ? null
          : { increment: r.mgIncrement, mode, unrounded: exactMg },
    },
    explain(
      'drugVolumeMl',
      'Drug volume to draw',
      drugVolumeMl,
      'mL',
      'prescribed mg ÷ vial concentration',
      [given('prescribed', prescribedMg, 'mg'), given('vial concentration', concentration, 'mg/mL')],
      r.drugVolumeIncrementMl === null
        ? null
        : { increment: r.drugVolumeIncrementMl, mode, unrounded: prescribedMg / concentration },
    ),
    explain('totalMg', 'Total dose (as drawn)', mgDrawn, 'mg', 'drug volume × vial concentration', [
      given('drug volume', drugVolumeMl, 'mL'),
      given('vial concentration', concentration, 'mg/mL'),
    ]),
    explain('mgPerKg', 'Dose per kg (as drawn)', mgPerKg, 'mg/kg', 'total mg ÷ weight used', [
      given('total', mgDrawn, 'mg'),
      given('weight used', W, 'kg'),
    ]),
  ];
}
