import type { Protocol } from '../protocols';
import {
  absoluteCapGate,
  absoluteCapLine,
  absoluteMgCapFor,
  highDoseConfirmed,
  type AbsoluteMgCap,
} from './absolute-cap';
import type { WeightBasisChoice } from './body-weight';
import { measurementLine, weightChangeWarning } from './chart-facts';
import { ceilingCheck, ceilingLines, doseField, exceeds } from './dose-ceiling';
import { amountLines, roundUnderCeiling, type RoundedAmounts } from './dose-rounding';
import type {
  ComputedIvDose,
  DoseRequest,
  DoseResult,
  DoseWarning,
  ExplanationLine,
  HardStop,
  IvStep,
  Prescribed,
} from './dose-types';
import { drawnVolumeStop, ivVolumes, volumeLines, type IvVolumes } from './dose-volumes';
import type { DosingSettings } from './dosing-settings';
import { escalationGate } from './escalation';
import { exactDose, type ExactDose } from './exact-dose';
import { explain, given } from './explain';
import { readIvInputs, type IvInputs } from './iv-inputs';
import { commonFields } from './prescription';
import {
  weightBasisChoiceStop,
  weightBasisFor,
  weightBasisLines,
  weightBasisOptions,
  weightBasisRecord,
} from './weight-basis';

/**
 * A weight-based IV dose (bolus or infusion). Each stage lives in its own file; this function only runs
 * them in order. Stops that an acknowledgement can lift (weight basis below the formula's range, an
 * escalation, the absolute cap) come after the hard limits, so a dose over a ceiling is refused before the
 * clinician is asked to acknowledge anything about it.
 */
export function computeIv(
  request: DoseRequest,
  protocol: Protocol,
  step: IvStep,
  prescribed: Prescribed,
  sessionsWithoutResponse: number | undefined,
  s: DosingSettings,
  stops: HardStop[],
  warnings: DoseWarning[],
): DoseResult {
  const isBolus = step.durationMin === 0;
  const hours = step.durationMin / 60;

  // --- Inputs (the chart's sex; a recent enough measurement) --------------------------------------
  const inputs = readIvInputs(request, isBolus, s, stops, warnings);
  if (!inputs) return { ok: false, hardStops: stops, warnings };
  const changed = weightChangeWarning(inputs.weightKg, request.chart, s);
  if (changed) warnings.push(changed);

  // --- Weight basis, and the escalation check (which does not depend on it) -------------------------
  const outcome = weightBasisFor(inputs, s, request.acknowledgements, warnings);
  const escalationStops = escalationGate(
    request,
    protocol,
    step,
    prescribed,
    sessionsWithoutResponse,
    warnings,
  );
  if (outcome.kind === 'choice-required') {
    const options = weightBasisOptions(inputs, step, prescribed.value, s);
    const choice = weightBasisChoiceStop(inputs, outcome.ideal, options);
    return { ok: false, hardStops: [choice, ...escalationStops], warnings };
  }
  const basis = outcome.basis;
  const W = basis.weightUsedKg;

  // --- Exact dose, then the ceiling on it --------------------------------------------------------
  const exact = exactDose(step.kind, prescribed.value, W, hours, step.durationMin);
  const field = doseField(step, prescribed.source);
  const ceilingStops = ceilingCheck(protocol, exact.exactMg, W, hours, field);
  if (ceilingStops.length > 0) return { ok: false, hardStops: ceilingStops, warnings };

  // --- What the clinician must acknowledge ----------------------------------------------------------
  const cap = absoluteMgCapFor(protocol, s);
  const gates = [...escalationStops, ...absoluteCapGate(request, cap, exact.exactMg, warnings)];
  if (gates.length > 0) return { ok: false, hardStops: gates, warnings };

  // --- Round to what can be measured, never across a ceiling or an unconfirmed cap -------------------
  const capConfirmed = highDoseConfirmed(request);
  const withinLimits = (mg: number) =>
    ceilingCheck(protocol, mg, W, hours, field).length === 0 && (capConfirmed || !exceeds(mg, cap.mg));
  const rounded = roundUnderCeiling(
    exact.exactMg,
    inputs.concentration,
    s.rounding,
    withinLimits,
    field,
    warnings,
  );
  const volumeStop = drawnVolumeStop(rounded, inputs.concentration, inputs.bagVolumeMl);
  if (volumeStop) return { ok: false, hardStops: [volumeStop], warnings };

  // --- Bag, concentration, rate ------------------------------------------------------------------
  const volumes = ivVolumes(rounded, inputs.bagVolumeMl, s, hours, isBolus);

  const dose = ivDoseRecord({
    request,
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
    cap,
  });
  return { ok: true, dose, warnings };
}

interface IvWork {
  request: DoseRequest;
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
  cap: AbsoluteMgCap;
}

/** The dose as stored and shown: every stage's result plus the explanation of each number. */
function ivDoseRecord(work: IvWork): ComputedIvDose {
  const { request, protocol, step, prescribed, s, warnings, inputs, basis, exact, rounded, volumes, cap } =
    work;
  const isBolus = step.durationMin === 0;
  const W = basis.weightUsedKg;
  const hours = step.durationMin / 60;
  const mgPerKg = rounded.mgDrawn / W;
  const mgPerKgPerHour = isBolus ? null : mgPerKg / hours;
  const measurement = request.chart?.measurement ?? null;
  return {
    ...commonFields(protocol, step, prescribed, s, warnings),
    route: 'iv',
    delivery: isBolus ? 'bolus' : 'infusion',
    patient: { weightKg: inputs.weightKg, heightCm: inputs.heightCm, sex: inputs.sex, bmi: basis.bmi },
    weightBasis: weightBasisRecord(basis, s),
    bodyMeasurement: measurement,
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
      ...(measurement ? [measurementLine(measurement)] : []),
      ...weightBasisLines(inputs, basis, s.weightBasis),
      ...amountLines(exact, rounded, inputs.concentration, s.rounding, W, mgPerKg),
      ...perKgLines(work, mgPerKgPerHour),
      ...volumeLines(volumes, rounded, inputs.bagVolumeMl, step),
      ...ceilingLines(protocol, rounded.mgDrawn, W, isBolus ? 0 : hours),
      absoluteCapLine(cap, rounded.mgDrawn),
    ],
  };
}

/**
 * mg/kg of actual weight when ideal weight was used (the trials report it that way), and mg/kg/h for a
 * rate step or a protocol with an mg/kg/h ceiling (the unit the ceiling is in).
 */
function perKgLines(work: IvWork, mgPerKgPerHour: number | null): ExplanationLine[] {
  const { protocol, step, basis, inputs, rounded } = work;
  const lines: ExplanationLine[] = [];
  if (basis.basis === 'ideal')
    lines.push(
      explain(
        'mgPerKgActualWeight',
        'Dose per kg of actual weight',
        rounded.mgDrawn / inputs.weightKg,
        'mg/kg',
        'total mg ÷ actual body weight (as the trials report dose)',
        [given('total', rounded.mgDrawn, 'mg'), given('actual weight', inputs.weightKg, 'kg')],
      ),
    );
  const rateStep = step.kind === 'mg-per-kg-per-hour' || step.kind === 'fixed-mg-per-hour';
  if (mgPerKgPerHour !== null && (rateStep || protocol.ceiling.mgPerKgPerHour !== undefined))
    lines.push(
      explain(
        'mgPerKgPerHour',
        'Dose rate per kg (as drawn)',
        mgPerKgPerHour,
        'mg/kg/h',
        'total mg ÷ weight used ÷ (duration (min) ÷ 60)',
        [
          given('total', rounded.mgDrawn, 'mg'),
          given('weight used', basis.weightUsedKg, 'kg'),
          given('duration', step.durationMin, 'min'),
        ],
      ),
    );
  return lines;
}
