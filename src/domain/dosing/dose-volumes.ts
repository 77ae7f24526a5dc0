import { exceeds, round4 } from './dose-ceiling';
import type { RoundedAmounts } from './dose-rounding';
import type { ExplanationLine, ExplanationRounding, HardStop, IvStep } from './dose-types';
import type { BagVolumeConvention, DosingSettings } from './dosing-settings';
import { explain, given } from './explain';
import { clean, roundToIncrement } from './rounding';

/**
 * What is physically prepared and programmed: the final volume in the bag (or syringe, for a bolus), its
 * concentration and the pump rate. All derive from the drawn (rounded) amount, not the exact dose.
 */

export interface IvVolumes {
  finalVolumeMl: number;
  finalVolumeFormula: string;
  finalConcentrationMgPerMl: number;
  /** null for a bolus. */
  pumpRateMlPerHour: number | null;
  rateRounding: ExplanationRounding | null;
  infusionTimeMin: number;
}

/** A drawn volume that rounds to nothing, or will not fit in the bag, cannot be prepared. */
export function drawnVolumeStop(
  rounded: RoundedAmounts,
  concentration: number,
  bagVolumeMl: number | null,
): HardStop | undefined {
  const { prescribedMg, drugVolumeMl } = rounded;
  if (drugVolumeMl <= 0)
    return {
      code: 'not-positive',
      field: 'preparation.vialConcentration',
      message: `${round4(prescribedMg)} mg rounds to 0 mL at ${concentration} mg/mL; use a more dilute vial`,
    };
  if (bagVolumeMl !== null && exceeds(drugVolumeMl, bagVolumeMl))
    return {
      code: 'drug-volume-exceeds-bag',
      field: 'preparation.bagVolume',
      message: `drug volume ${drugVolumeMl} mL exceeds the bag volume of ${bagVolumeMl} mL; use a larger bag or a more concentrated vial`,
    };
  return undefined;
}

export function ivVolumes(
  rounded: RoundedAmounts,
  bagVolumeMl: number | null,
  s: DosingSettings,
  hours: number,
  isBolus: boolean,
): IvVolumes {
  const { finalVolumeMl, finalVolumeFormula } = finalVolume(
    rounded.drugVolumeMl,
    bagVolumeMl,
    s.bagVolumeConvention,
  );
  const finalConcentrationMgPerMl = rounded.mgDrawn / finalVolumeMl;
  if (isBolus)
    return {
      finalVolumeMl,
      finalVolumeFormula,
      finalConcentrationMgPerMl,
      pumpRateMlPerHour: null,
      rateRounding: null,
      infusionTimeMin: 0,
    };
  // The pump can only be programmed to its resolution, so the infusion time follows the rounded rate.
  const exactRate = finalVolumeMl / hours;
  const inc = s.rounding.pumpRateIncrementMlPerHour;
  const pumpRateMlPerHour = inc === null ? exactRate : roundToIncrement(exactRate, inc, 'nearest');
  const rateRounding: ExplanationRounding | null =
    inc === null ? null : { increment: inc, mode: 'nearest', unrounded: exactRate };
  const infusionTimeMin = (finalVolumeMl / pumpRateMlPerHour) * 60;
  return {
    finalVolumeMl,
    finalVolumeFormula,
    finalConcentrationMgPerMl,
    pumpRateMlPerHour,
    rateRounding,
    infusionTimeMin,
  };
}

/** Clinics differ in whether they withdraw diluent before adding the drug; the setting says which. */
function finalVolume(
  drugVolumeMl: number,
  bagVolumeMl: number | null,
  convention: BagVolumeConvention,
): { finalVolumeMl: number; finalVolumeFormula: string } {
  if (bagVolumeMl === null)
    return { finalVolumeMl: drugVolumeMl, finalVolumeFormula: 'drug volume (bolus, undiluted)' };
  if (convention === 'drug-added-to-bag')
    return {
      finalVolumeMl: clean(bagVolumeMl + drugVolumeMl),
      finalVolumeFormula: 'bag volume + drug volume (drug added to the bag)',
    };
  return {
    finalVolumeMl: bagVolumeMl,
    finalVolumeFormula: 'bag volume (equal volume of diluent withdrawn before adding the drug)',
  };
}

/** Final volume, final concentration and duration, then pump rate and infusion time for an infusion. */
export function volumeLines(
  volumes: IvVolumes,
  rounded: RoundedAmounts,
  bagVolumeMl: number | null,
  step: IvStep,
): ExplanationLine[] {
  const { finalVolumeMl, finalConcentrationMgPerMl, pumpRateMlPerHour } = volumes;
  const { drugVolumeMl, mgDrawn } = rounded;
  const lines = [
    explain('finalVolumeMl', 'Final volume', finalVolumeMl, 'mL', volumes.finalVolumeFormula, [
      ...(bagVolumeMl === null ? [] : [given('bag volume', bagVolumeMl, 'mL')]),
      given('drug volume', drugVolumeMl, 'mL'),
    ]),
    explain(
      'finalConcentrationMgPerMl',
      'Final concentration',
      finalConcentrationMgPerMl,
      'mg/mL',
      'total mg ÷ final volume',
      [given('total', mgDrawn, 'mg'), given('final volume', finalVolumeMl, 'mL')],
    ),
    explain(
      'durationMin',
      step.durationMin === 0 ? 'Duration (bolus)' : 'Infusion duration',
      step.durationMin,
      'min',
      'protocol step duration',
      [given('step', step.id, '')],
    ),
  ];
  if (pumpRateMlPerHour !== null)
    lines.push(
      explain(
        'pumpRateMlPerHour',
        'Pump rate',
        pumpRateMlPerHour,
        'mL/h',
        'final volume ÷ (duration ÷ 60)',
        [given('final volume', finalVolumeMl, 'mL'), given('duration', step.durationMin, 'min')],
        volumes.rateRounding,
      ),
      explain(
        'infusionTimeMin',
        'Infusion time at the programmed rate',
        volumes.infusionTimeMin,
        'min',
        'final volume ÷ pump rate × 60',
        [given('final volume', finalVolumeMl, 'mL'), given('pump rate', pumpRateMlPerHour, 'mL/h')],
      ),
    );
  return lines;
}
