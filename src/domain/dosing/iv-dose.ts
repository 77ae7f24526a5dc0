import type { Protocol } from '../protocols';
import type { WeightBasisChoice } from './body-weight';
import { ceilingCheck, doseField } from './dose-ceiling';
import { amountLines, roundUnderCeiling, type RoundedAmounts } from './dose-rounding';
import type {
  ComputedIvDose,
  DoseRequest,
  DoseResult,
  DoseWarning,
  HardStop,
  IvStep,
  Prescribed,
} from './dose-types';
import { drawnVolumeStop, ivVolumes, volumeLines, type IvVolumes } from './dose-volumes';
import type { DosingSettings } from './dosing-settings';
import { exactDose, type ExactDose } from './exact-dose';
import { readIvInputs, type IvInputs } from './iv-inputs';
import { commonFields } from './prescription';
import { weightBasisFor, weightBasisLines, weightBasisRecord } from './weight-basis';

/**
 * A weight-based IV dose (bolus or infusion). Each stage lives in its own file; this function only runs
 * them in order and stops at the first stage that produces a hard stop.
 */
export function computeIv(
  request: DoseRequest,
  protocol: Protocol,
  step: IvStep,
  prescribed: Prescribed,
  s: DosingSettings,
  stops: HardStop[],
  warnings: DoseWarning[],
): DoseResult {
  const isBolus = step.durationMin === 0;

  // --- Inputs -------------------------------------------------------------------------------------
  const inputs = readIvInputs(request, isBolus, s, stops);
  if (!inputs) return { ok: false, hardStops: stops, warnings };

  // --- Weight basis -------------------------------------------------------------------------------
  const basis = weightBasisFor(inputs, s, warnings);
  const W = basis.weightUsedKg;

  // --- Exact dose ---------------------------------------------------------------------------------
  const hours = step.durationMin / 60;
  const exact = exactDose(step.kind, prescribed.value, W, hours, step.durationMin);

  // --- Ceiling on the exact dose -----------------------------------------------------------------
  const field = doseField(step, prescribed.source);
  const ceilingStops = ceilingCheck(protocol, exact.exactMg, W, hours, field);
  if (ceilingStops.length > 0) return { ok: false, hardStops: ceilingStops, warnings };

  // --- Round to what can be measured --------------------------------------------------------------
  const withinCeiling = (mg: number) => ceilingCheck(protocol, mg, W, hours, field).length === 0;
  const rounded = roundUnderCeiling(
    exact.exactMg,
    inputs.concentration,
    s.rounding,
    withinCeiling,
    field,
    warnings,
  );
  const volumeStop = drawnVolumeStop(rounded, inputs.concentration, inputs.bagVolumeMl);
  if (volumeStop) return { ok: false, hardStops: [volumeStop], warnings };

  // --- Bag, concentration, rate ------------------------------------------------------------------
  const volumes = ivVolumes(rounded, inputs.bagVolumeMl, s, hours, isBolus);

  const dose = ivDoseRecord({
    protocol,
    step,
    prescribed,
    s,
    warnings,
    inputs,
    basis,
    exact,
    rounded,
    volumes,
  });
  return { ok: true, dose, warnings };
}

interface IvWork {
  protocol: Protocol;
  step: IvStep;
  prescribed: Prescribed;
  s: DosingSettings;
  warnings: DoseWarning[];
  inputs: IvInputs;
  basis: WeightBasisChoice;
  exact: ExactDose;
  rounded: RoundedAmounts;
  volumes: IvVolumes;
}

/** The dose as stored and shown: every stage's result plus the explanation of each number. */
function ivDoseRecord(work: IvWork): ComputedIvDose {
  const { protocol, step, prescribed, s, warnings, inputs, basis, exact, rounded, volumes } = work;
  const isBolus = step.durationMin === 0;
  const W = basis.weightUsedKg;
  const mgPerKg = rounded.mgDrawn / W;
  const mgPerKgPerHour = isBolus ? null : mgPerKg / (step.durationMin / 60);
  return {
    ...commonFields(protocol, step, prescribed, s, warnings),
    route: 'iv',
    delivery: isBolus ? 'bolus' : 'infusion',
    patient: { weightKg: inputs.weightKg, heightCm: inputs.heightCm, sex: inputs.sex, bmi: basis.bmi },
    weightBasis: weightBasisRecord(basis, s),
    preparation: {
      vialConcentrationMgPerMl: inputs.concentration,
      bagVolumeMl: inputs.bagVolumeMl,
      bagVolumeConvention: s.bagVolumeConvention,
    },
    rounding: s.rounding,
    exactMg: exact.exactMg,
    totalMg: rounded.mgDrawn,
    drugVolumeMl: rounded.drugVolumeMl,
    finalVolumeMl: volumes.finalVolumeMl,
    finalConcentrationMgPerMl: volumes.finalConcentrationMgPerMl,
    pumpRateMlPerHour: volumes.pumpRateMlPerHour,
    durationMin: step.durationMin,
    infusionTimeMin: volumes.infusionTimeMin,
    mgPerKg,
    mgPerKgPerHour,
    explanation: [
      ...weightBasisLines(inputs, basis, s.weightBasis),
      ...amountLines(exact, rounded, inputs.concentration, s.rounding, W, mgPerKg),
      ...volumeLines(volumes, rounded, inputs.bagVolumeMl, step),
    ],
  };
}
