import {
  STEP_DOSE_FIELD,
  STEP_DOSE_UNIT,
  formatPath,
  stepDoseValue,
  validateProtocol,
  type Protocol,
  type ProtocolStep,
} from '../protocols/protocol-schema';
import { chooseWeightBasis, type Sex, type WeightBasis, type WeightBasisRule } from './body-weight';
import {
  dosingSettingsSchema,
  type BagVolumeConvention,
  type DosingSettings,
  type RoundingSettings,
} from './dosing-settings';
import { clean, roundToIncrement, type RoundingMode } from './rounding';
import { EXPECTED_UNITS, type DoseUnit, type Quantity } from './units';

/**
 * The weight-based dose calculator. Pure: the same request and settings always give the same result,
 * and every number in the result comes with the formula and inputs that produced it.
 *
 * Order of work: validate everything (collecting all hard stops, so the clinician fixes them in one pass),
 * choose the weight basis, compute the exact dose, check the ceiling on the exact dose, round to what can
 * be measured, then derive volumes and the pump rate from the rounded amounts.
 */

export interface DoseRequest {
  protocol: Protocol;
  stepId: string;
  /** Required for IV protocols; ignored for intranasal ones (esketamine is not weight-based). */
  patient?: {
    weight: Quantity;
    height: Quantity;
    /** The Devine formula defines ideal body weight for these two values only. */
    sex: Sex;
  };
  /** Required for IV protocols. The bag is optional for a bolus (durationMin 0) step. */
  preparation?: {
    vialConcentration: Quantity;
    bagVolume?: Quantity;
  };
  /** A clinician-chosen amount in the step's own unit (e.g. 0.6 mg/kg, 1.2 mg/kg/h, 3 devices). */
  doseOverride?: Quantity;
  /** Sessions so far at the step being escalated from, without response; used for escalation warnings. */
  history?: { sessionsWithoutResponse: number };
}

export type HardStopCode =
  | 'invalid-settings'
  | 'invalid-protocol'
  | 'unknown-step'
  | 'missing-input'
  | 'unit-mismatch'
  | 'not-a-number'
  | 'not-positive'
  | 'implausible-weight'
  | 'implausible-height'
  | 'invalid-value'
  | 'not-whole-devices'
  | 'above-ceiling'
  | 'drug-volume-exceeds-bag';

export interface HardStop {
  code: HardStopCode;
  /** The request field (dotted path) that must change, e.g. `patient.weight` or `doseOverride`. */
  field: string;
  message: string;
}

export type WarningCode =
  | 'escalation-before-minimum-sessions'
  | 'escalation-history-missing'
  | 'dose-outside-step-range'
  | 'dose-differs-from-step'
  | 'ideal-weight-extrapolated'
  | 'weight-used-below-plausible-range'
  | 'rounded-down-to-stay-under-ceiling';

export interface DoseWarning {
  code: WarningCode;
  field: string;
  message: string;
}

export interface ExplanationInput {
  name: string;
  value: number | string;
  unit: string;
}

export interface ExplanationRounding {
  increment: number;
  mode: RoundingMode;
  unrounded: number;
  note?: string;
}

/** One computed number with everything needed to show how it was obtained. */
export interface ExplanationLine {
  /** Stable key, e.g. 'totalMg', 'pumpRateMlPerHour'. */
  quantity: string;
  label: string;
  value: number;
  unit: string;
  formula: string;
  inputs: ExplanationInput[];
  rounding: ExplanationRounding | null;
}

interface DoseCommon {
  protocol: { id: string; version: number; name: string };
  step: { id: string; label: string; kind: ProtocolStep['kind'] };
  /** The amount asked for, in the step's unit, and whether it came from the step or an override. */
  prescribed: { value: number; unit: DoseUnit; source: 'protocol-step' | 'override' };
  totalMg: number;
  verificationRequired: boolean;
  warnings: DoseWarning[];
  explanation: ExplanationLine[];
}

/** An IV dose: everything needed to prepare it, give it, store it and recompute mg/kg later. */
export interface ComputedIvDose extends DoseCommon {
  route: 'iv';
  delivery: 'infusion' | 'bolus';
  patient: { weightKg: number; heightCm: number; sex: Sex; bmi: number };
  weightBasis: {
    basis: WeightBasis;
    rule: WeightBasisRule;
    useActualWhenBelowIdeal: boolean;
    weightUsedKg: number;
    idealBodyWeightKg: number;
    reason: string;
  };
  preparation: {
    vialConcentrationMgPerMl: number;
    /** null for a bolus drawn straight from the vial. */
    bagVolumeMl: number | null;
    bagVolumeConvention: BagVolumeConvention;
  };
  rounding: RoundingSettings;
  /** Exact amount before any rounding (for audit). */
  exactMg: number;
  drugVolumeMl: number;
  finalVolumeMl: number;
  finalConcentrationMgPerMl: number;
  /** null for a bolus. */
  pumpRateMlPerHour: number | null;
  /** The protocol step's duration (0 for a bolus). */
  durationMin: number;
  /** Time the pump takes for the final volume at the programmed (rounded) rate. */
  infusionTimeMin: number;
  /** Delivered mg per kg of the weight used. */
  mgPerKg: number;
  /** Delivered mg/kg/h over durationMin; null for a bolus. */
  mgPerKgPerHour: number | null;
}

/** An intranasal esketamine dose: a count of 28 mg devices, never mg/kg. */
export interface ComputedIntranasalDose extends DoseCommon {
  route: 'intranasal';
  devices: number;
  mgPerDevice: number;
  minutesBetweenDevices: number;
  /** From the first device to the last (the monitoring period starts at the first device). */
  administrationMin: number;
}

export type ComputedDose = ComputedIvDose | ComputedIntranasalDose;

export type DoseResult =
  | { ok: true; dose: ComputedDose; warnings: DoseWarning[] }
  | { ok: false; hardStops: HardStop[]; warnings: DoseWarning[] };

/** Tolerance for comparing a computed value with a limit, so float noise is never a hard stop. */
const EPS = 1e-9;
const exceeds = (value: number, limit: number) => value > limit * (1 + EPS);

export function computeDose(request: DoseRequest, settings: DosingSettings): DoseResult {
  const stops: HardStop[] = [];
  const warnings: DoseWarning[] = [];

  const parsedSettings = dosingSettingsSchema.safeParse(settings);
  if (!parsedSettings.success)
    return {
      ok: false,
      hardStops: parsedSettings.error.issues.map((i) => ({
        code: 'invalid-settings',
        field: `settings.${formatPath(i.path)}`,
        message: i.message,
      })),
      warnings,
    };
  const s = parsedSettings.data;

  const validation = validateProtocol(request.protocol);
  if (!validation.ok)
    return {
      ok: false,
      hardStops: validation.errors.map((e) => ({
        code: 'invalid-protocol',
        field: `protocol.${e.field}`,
        message: e.message,
      })),
      warnings,
    };
  const protocol = validation.protocol;

  const step = protocol.steps.find((x) => x.id === request.stepId);
  if (!step)
    return {
      ok: false,
      hardStops: [
        {
          code: 'unknown-step',
          field: 'stepId',
          message: `protocol '${protocol.id}' v${protocol.version} has no step '${request.stepId}'`,
        },
      ],
      warnings,
    };

  const stepUnit = STEP_DOSE_UNIT[step.kind] as DoseUnit;
  let prescribed: DoseCommon['prescribed'] = {
    value: stepDoseValue(step),
    unit: stepUnit,
    source: 'protocol-step',
  };
  if (request.doseOverride !== undefined) {
    const v = checkQuantity(request.doseOverride, 'doseOverride', stepUnit, stops);
    if (v !== undefined) {
      if (step.kind === 'devices' && !Number.isInteger(v))
        stops.push({
          code: 'not-whole-devices',
          field: 'doseOverride',
          message: `${v} is not a whole number of devices`,
        });
      prescribed = { value: v, unit: stepUnit, source: 'override' };
      overrideWarnings(step, v, warnings);
    }
  }
  escalationWarnings(protocol, step, request.history, stops, warnings);

  if (step.kind === 'devices') {
    if (stops.length > 0) return { ok: false, hardStops: stops, warnings };
    return computeIntranasal(protocol, step, prescribed, s, warnings);
  }
  return computeIv(request, protocol, step, prescribed, s, stops, warnings);
}

/** Checks unit, finiteness and sign; returns the value only if all pass. */
function checkQuantity(
  q: Quantity | undefined,
  field: string,
  expectedUnit: string,
  stops: HardStop[],
): number | undefined {
  if (q === undefined || q === null) {
    stops.push({ code: 'missing-input', field, message: `${field} is required (in ${expectedUnit})` });
    return undefined;
  }
  if (q.unit !== expectedUnit) {
    stops.push({
      code: 'unit-mismatch',
      field: `${field}.unit`,
      message: `${field} must be in ${expectedUnit}, got '${String(q.unit)}'`,
    });
    return undefined;
  }
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    stops.push({
      code: 'not-a-number',
      field: `${field}.value`,
      message: `${field} must be a finite number`,
    });
    return undefined;
  }
  if (q.value <= 0) {
    stops.push({
      code: 'not-positive',
      field: `${field}.value`,
      message: `${field} must be > 0, got ${q.value}`,
    });
    return undefined;
  }
  return q.value;
}

function overrideWarnings(step: ProtocolStep, value: number, warnings: DoseWarning[]): void {
  const unit = STEP_DOSE_UNIT[step.kind];
  if (step.doseRange && (value < step.doseRange.min || value > step.doseRange.max))
    warnings.push({
      code: 'dose-outside-step-range',
      field: 'doseOverride',
      message: `${value} ${unit} is outside the step's range ${step.doseRange.min}–${step.doseRange.max} ${unit}`,
    });
  else if (!step.doseRange && value !== stepDoseValue(step))
    warnings.push({
      code: 'dose-differs-from-step',
      field: 'doseOverride',
      message: `${value} ${unit} differs from the protocol step's ${stepDoseValue(step)} ${unit}`,
    });
}

function escalationWarnings(
  protocol: Protocol,
  step: ProtocolStep,
  history: DoseRequest['history'],
  stops: HardStop[],
  warnings: DoseWarning[],
): void {
  if (history !== undefined) {
    const n = history.sessionsWithoutResponse;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      stops.push({
        code: 'invalid-value',
        field: 'history.sessionsWithoutResponse',
        message: 'sessionsWithoutResponse must be a whole number ≥ 0',
      });
  }
  for (const rule of protocol.escalation.filter((r) => r.toStepId === step.id)) {
    if (rule.minPriorSessionsWithoutResponse === 0) continue;
    if (history === undefined) {
      warnings.push({
        code: 'escalation-history-missing',
        field: 'history.sessionsWithoutResponse',
        message: `'${step.id}' is an escalation from '${rule.fromStepId}' (after ≥ ${rule.minPriorSessionsWithoutResponse} sessions without response); no session history was given`,
      });
    } else if (history.sessionsWithoutResponse < rule.minPriorSessionsWithoutResponse) {
      warnings.push({
        code: 'escalation-before-minimum-sessions',
        field: 'history.sessionsWithoutResponse',
        message: `escalation to '${step.id}' after ${history.sessionsWithoutResponse} session(s) without response; the protocol expects ≥ ${rule.minPriorSessionsWithoutResponse}`,
      });
    }
  }
}

function common(
  protocol: Protocol,
  step: ProtocolStep,
  prescribed: DoseCommon['prescribed'],
  s: DosingSettings,
  warnings: DoseWarning[],
): Omit<DoseCommon, 'totalMg' | 'explanation'> {
  return {
    protocol: { id: protocol.id, version: protocol.version, name: protocol.name },
    step: { id: step.id, label: step.label, kind: step.kind },
    prescribed,
    verificationRequired: s.verificationRequired,
    warnings,
  };
}

function computeIntranasal(
  protocol: Protocol,
  step: Extract<ProtocolStep, { kind: 'devices' }>,
  prescribed: DoseCommon['prescribed'],
  s: DosingSettings,
  warnings: DoseWarning[],
): DoseResult {
  const devices = prescribed.value;
  const totalMg = clean(devices * step.mgPerDevice);
  const limit = protocol.ceiling.totalMg;
  if (limit !== undefined && exceeds(totalMg, limit))
    return {
      ok: false,
      hardStops: [
        {
          code: 'above-ceiling',
          field: prescribed.source === 'override' ? 'doseOverride' : `protocol.steps.${step.id}.devices`,
          message: `${devices} devices × ${step.mgPerDevice} mg = ${totalMg} mg exceeds the protocol ceiling of ${limit} mg (ceiling.totalMg)`,
        },
      ],
      warnings,
    };
  const administrationMin = (devices - 1) * step.minutesBetweenDevices;
  const dose: ComputedIntranasalDose = {
    ...common(protocol, step, prescribed, s, warnings),
    route: 'intranasal',
    devices,
    mgPerDevice: step.mgPerDevice,
    minutesBetweenDevices: step.minutesBetweenDevices,
    administrationMin,
    totalMg,
    explanation: [
      {
        quantity: 'devices',
        label: 'Devices',
        value: devices,
        unit: 'device',
        formula:
          prescribed.source === 'override' ? 'clinician-chosen device count' : 'protocol step device count',
        inputs: [{ name: 'step', value: step.id, unit: '' }],
        rounding: null,
      },
      {
        quantity: 'totalMg',
        label: 'Total dose',
        value: totalMg,
        unit: 'mg',
        formula: 'devices × mg per device',
        inputs: [
          { name: 'devices', value: devices, unit: 'device' },
          { name: 'mg per device', value: step.mgPerDevice, unit: 'mg' },
        ],
        rounding: null,
      },
      {
        quantity: 'administrationMin',
        label: 'First to last device',
        value: administrationMin,
        unit: 'min',
        formula: '(devices − 1) × minutes between devices',
        inputs: [
          { name: 'devices', value: devices, unit: 'device' },
          { name: 'minutes between devices', value: step.minutesBetweenDevices, unit: 'min' },
        ],
        rounding: null,
      },
    ],
  };
  return { ok: true, dose, warnings };
}

function computeIv(
  request: DoseRequest,
  protocol: Protocol,
  step: Exclude<ProtocolStep, { kind: 'devices' }>,
  prescribed: DoseCommon['prescribed'],
  s: DosingSettings,
  stops: HardStop[],
  warnings: DoseWarning[],
): DoseResult {
  const isBolus = step.durationMin === 0;

  // --- Inputs -------------------------------------------------------------------------------------
  const p = request.patient;
  if (!p)
    stops.push({
      code: 'missing-input',
      field: 'patient',
      message: 'weight, height and sex are required for IV dosing',
    });
  const weightKg = p ? checkQuantity(p.weight, 'patient.weight', EXPECTED_UNITS.weight, stops) : undefined;
  const heightCm = p ? checkQuantity(p.height, 'patient.height', EXPECTED_UNITS.height, stops) : undefined;
  if (p && p.sex !== 'male' && p.sex !== 'female')
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

  const prep = request.preparation;
  if (!prep)
    stops.push({
      code: 'missing-input',
      field: 'preparation',
      message: 'vial concentration and bag volume are required',
    });
  const concentration = prep
    ? checkQuantity(
        prep.vialConcentration,
        'preparation.vialConcentration',
        EXPECTED_UNITS.vialConcentration,
        stops,
      )
    : undefined;
  let bagVolumeMl: number | null = null;
  if (prep && (!isBolus || prep.bagVolume !== undefined)) {
    const v = checkQuantity(prep.bagVolume, 'preparation.bagVolume', EXPECTED_UNITS.bagVolume, stops);
    if (v !== undefined) bagVolumeMl = v;
  }

  if (
    stops.length > 0 ||
    weightKg === undefined ||
    heightCm === undefined ||
    concentration === undefined ||
    !p
  )
    return { ok: false, hardStops: stops, warnings };
  if (!isBolus && bagVolumeMl === null) return { ok: false, hardStops: stops, warnings };

  // --- Weight basis -------------------------------------------------------------------------------
  const basis = chooseWeightBasis(weightKg, heightCm, p.sex, s.weightBasis, s.useActualWhenBelowIdeal);
  const W = basis.weightUsedKg;
  if (basis.idealExtrapolated && basis.basis === 'ideal')
    warnings.push({
      code: 'ideal-weight-extrapolated',
      field: 'patient.height',
      message: 'height is under 5 ft; the Devine formula is extrapolated below its base height',
    });
  if (W < s.plausibleWeightKg.min)
    warnings.push({
      code: 'weight-used-below-plausible-range',
      field: 'patient.height',
      message: `the weight used (${W.toFixed(1)} kg ideal) is below the plausible range for actual weight`,
    });

  // --- Exact dose ---------------------------------------------------------------------------------
  const hours = step.durationMin / 60;
  const { exactMg, mgLine } = exactDose(step.kind, prescribed.value, W, hours, step.durationMin);

  // --- Ceiling on the exact dose -----------------------------------------------------------------
  const doseField =
    prescribed.source === 'override'
      ? 'doseOverride'
      : `protocol.steps.${step.id}.${STEP_DOSE_FIELD[step.kind]}`;
  const ceilingStops = ceilingCheck(protocol, exactMg, W, hours, doseField);
  if (ceilingStops.length > 0) return { ok: false, hardStops: ceilingStops, warnings };

  // --- Round to what can be measured --------------------------------------------------------------
  let rounded = roundChain(exactMg, concentration, s.rounding, 'nearest');
  if (ceilingCheck(protocol, rounded.mgDrawn, W, hours, doseField).length > 0) {
    rounded = roundChain(exactMg, concentration, s.rounding, 'down');
    warnings.push({
      code: 'rounded-down-to-stay-under-ceiling',
      field: doseField,
      message:
        'rounding to the nearest measurable amount would exceed the ceiling, so the dose was rounded down',
    });
  }
  const { prescribedMg, drugVolumeMl, mgDrawn } = rounded;

  if (drugVolumeMl <= 0)
    return {
      ok: false,
      hardStops: [
        {
          code: 'not-positive',
          field: 'preparation.vialConcentration',
          message: `${round4(prescribedMg)} mg rounds to 0 mL at ${concentration} mg/mL; use a more dilute vial`,
        },
      ],
      warnings,
    };
  if (bagVolumeMl !== null && exceeds(drugVolumeMl, bagVolumeMl))
    return {
      ok: false,
      hardStops: [
        {
          code: 'drug-volume-exceeds-bag',
          field: 'preparation.bagVolume',
          message: `drug volume ${drugVolumeMl} mL exceeds the bag volume of ${bagVolumeMl} mL; use a larger bag or a more concentrated vial`,
        },
      ],
      warnings,
    };

  // --- Bag, concentration, rate ------------------------------------------------------------------
  let finalVolumeMl: number;
  let finalVolumeFormula: string;
  if (bagVolumeMl === null) {
    finalVolumeMl = drugVolumeMl;
    finalVolumeFormula = 'drug volume (bolus, undiluted)';
  } else if (s.bagVolumeConvention === 'drug-added-to-bag') {
    finalVolumeMl = clean(bagVolumeMl + drugVolumeMl);
    finalVolumeFormula = 'bag volume + drug volume (drug added to the bag)';
  } else {
    finalVolumeMl = bagVolumeMl;
    finalVolumeFormula = 'bag volume (equal volume of diluent withdrawn before adding the drug)';
  }
  const finalConcentrationMgPerMl = mgDrawn / finalVolumeMl;

  let pumpRateMlPerHour: number | null = null;
  let rateRounding: ExplanationRounding | null = null;
  let infusionTimeMin = 0;
  if (!isBolus) {
    const exactRate = finalVolumeMl / hours;
    const inc = s.rounding.pumpRateIncrementMlPerHour;
    pumpRateMlPerHour = inc === null ? exactRate : roundToIncrement(exactRate, inc, 'nearest');
    if (inc !== null) rateRounding = { increment: inc, mode: 'nearest', unrounded: exactRate };
    infusionTimeMin = (finalVolumeMl / pumpRateMlPerHour) * 60;
  }
  const mgPerKg = mgDrawn / W;
  const mgPerKgPerHour = isBolus ? null : mgPerKg / hours;

  // --- Explanation --------------------------------------------------------------------------------
  const explanation: ExplanationLine[] = [
    {
      quantity: 'bmi',
      label: 'Body-mass index',
      value: basis.bmi,
      unit: 'kg/m²',
      formula: 'weight ÷ (height in m)²',
      inputs: [
        { name: 'weight', value: weightKg, unit: 'kg' },
        { name: 'height', value: heightCm, unit: 'cm' },
      ],
      rounding: null,
    },
    {
      quantity: 'idealBodyWeightKg',
      label: 'Ideal body weight (Devine)',
      value: basis.idealBodyWeightKg,
      unit: 'kg',
      formula: `${p.sex === 'male' ? '50' : '45.5'} + 2.3 × (height in inches − 60)`,
      inputs: [
        { name: 'height', value: heightCm, unit: 'cm' },
        { name: 'height in inches', value: heightCm / 2.54, unit: 'in' },
        { name: 'sex', value: p.sex, unit: '' },
      ],
      rounding: null,
    },
    {
      quantity: 'weightUsedKg',
      label: 'Weight used for dosing',
      value: W,
      unit: 'kg',
      formula: basis.basis === 'ideal' ? 'ideal body weight' : 'actual body weight',
      inputs: [
        { name: 'rule', value: ruleText(s.weightBasis), unit: '' },
        { name: 'reason', value: basis.reason, unit: '' },
      ],
      rounding: null,
    },
    {
      ...mgLine,
      value: prescribedMg,
      rounding:
        prescribedMg === exactMg || s.rounding.mgIncrement === null
          ? null
          : { increment: s.rounding.mgIncrement, mode: rounded.mode, unrounded: exactMg },
    },
    {
      quantity: 'drugVolumeMl',
      label: 'Drug volume to draw',
      value: drugVolumeMl,
      unit: 'mL',
      formula: 'prescribed mg ÷ vial concentration',
      inputs: [
        { name: 'prescribed', value: prescribedMg, unit: 'mg' },
        { name: 'vial concentration', value: concentration, unit: 'mg/mL' },
      ],
      rounding:
        s.rounding.drugVolumeIncrementMl === null
          ? null
          : {
              increment: s.rounding.drugVolumeIncrementMl,
              mode: rounded.mode,
              unrounded: prescribedMg / concentration,
            },
    },
    {
      quantity: 'totalMg',
      label: 'Total dose (as drawn)',
      value: mgDrawn,
      unit: 'mg',
      formula: 'drug volume × vial concentration',
      inputs: [
        { name: 'drug volume', value: drugVolumeMl, unit: 'mL' },
        { name: 'vial concentration', value: concentration, unit: 'mg/mL' },
      ],
      rounding: null,
    },
    {
      quantity: 'mgPerKg',
      label: 'Dose per kg (as drawn)',
      value: mgPerKg,
      unit: 'mg/kg',
      formula: 'total mg ÷ weight used',
      inputs: [
        { name: 'total', value: mgDrawn, unit: 'mg' },
        { name: 'weight used', value: W, unit: 'kg' },
      ],
      rounding: null,
    },
    {
      quantity: 'finalVolumeMl',
      label: 'Final volume',
      value: finalVolumeMl,
      unit: 'mL',
      formula: finalVolumeFormula,
      inputs: [
        ...(bagVolumeMl === null ? [] : [{ name: 'bag volume', value: bagVolumeMl, unit: 'mL' }]),
        { name: 'drug volume', value: drugVolumeMl, unit: 'mL' },
      ],
      rounding: null,
    },
    {
      quantity: 'finalConcentrationMgPerMl',
      label: 'Final concentration',
      value: finalConcentrationMgPerMl,
      unit: 'mg/mL',
      formula: 'total mg ÷ final volume',
      inputs: [
        { name: 'total', value: mgDrawn, unit: 'mg' },
        { name: 'final volume', value: finalVolumeMl, unit: 'mL' },
      ],
      rounding: null,
    },
    {
      quantity: 'durationMin',
      label: isBolus ? 'Duration (bolus)' : 'Infusion duration',
      value: step.durationMin,
      unit: 'min',
      formula: 'protocol step duration',
      inputs: [{ name: 'step', value: step.id, unit: '' }],
      rounding: null,
    },
  ];
  if (pumpRateMlPerHour !== null)
    explanation.push(
      {
        quantity: 'pumpRateMlPerHour',
        label: 'Pump rate',
        value: pumpRateMlPerHour,
        unit: 'mL/h',
        formula: 'final volume ÷ (duration ÷ 60)',
        inputs: [
          { name: 'final volume', value: finalVolumeMl, unit: 'mL' },
          { name: 'duration', value: step.durationMin, unit: 'min' },
        ],
        rounding: rateRounding,
      },
      {
        quantity: 'infusionTimeMin',
        label: 'Infusion time at the programmed rate',
        value: infusionTimeMin,
        unit: 'min',
        formula: 'final volume ÷ pump rate × 60',
        inputs: [
          { name: 'final volume', value: finalVolumeMl, unit: 'mL' },
          { name: 'pump rate', value: pumpRateMlPerHour, unit: 'mL/h' },
        ],
        rounding: null,
      },
    );

  const dose: ComputedIvDose = {
    ...common(protocol, step, prescribed, s, warnings),
    route: 'iv',
    delivery: isBolus ? 'bolus' : 'infusion',
    patient: { weightKg, heightCm, sex: p.sex, bmi: basis.bmi },
    weightBasis: {
      basis: basis.basis,
      rule: s.weightBasis,
      useActualWhenBelowIdeal: s.useActualWhenBelowIdeal,
      weightUsedKg: W,
      idealBodyWeightKg: basis.idealBodyWeightKg,
      reason: basis.reason,
    },
    preparation: {
      vialConcentrationMgPerMl: concentration,
      bagVolumeMl,
      bagVolumeConvention: s.bagVolumeConvention,
    },
    rounding: s.rounding,
    exactMg,
    totalMg: mgDrawn,
    drugVolumeMl,
    finalVolumeMl,
    finalConcentrationMgPerMl,
    pumpRateMlPerHour,
    durationMin: step.durationMin,
    infusionTimeMin,
    mgPerKg,
    mgPerKgPerHour,
    explanation,
  };
  return { ok: true, dose, warnings };
}

function ruleText(rule: WeightBasisRule): string {
  switch (rule.rule) {
    case 'actual':
      return 'actual body weight';
    case 'ideal':
      return 'ideal body weight';
    case 'ideal-when-bmi-at-least':
      return `ideal body weight when BMI ≥ ${rule.bmiThreshold}`;
  }
}

function exactDose(
  kind: Exclude<ProtocolStep['kind'], 'devices'>,
  value: number,
  W: number,
  hours: number,
  durationMin: number,
): { exactMg: number; mgLine: Omit<ExplanationLine, 'value' | 'rounding'> } {
  const base = { quantity: 'prescribedMg', label: 'Prescribed dose', unit: 'mg' };
  switch (kind) {
    case 'mg-per-kg':
      return {
        exactMg: value * W,
        mgLine: {
          ...base,
          formula: 'dose (mg/kg) × weight used (kg)',
          inputs: [
            { name: 'dose', value, unit: 'mg/kg' },
            { name: 'weight used', value: W, unit: 'kg' },
          ],
        },
      };
    case 'mg-per-kg-per-hour':
      return {
        exactMg: value * W * hours,
        mgLine: {
          ...base,
          formula: 'rate (mg/kg/h) × weight used (kg) × duration (min) ÷ 60',
          inputs: [
            { name: 'rate', value, unit: 'mg/kg/h' },
            { name: 'weight used', value: W, unit: 'kg' },
            { name: 'duration', value: durationMin, unit: 'min' },
          ],
        },
      };
    case 'fixed-mg':
      return {
        exactMg: value,
        mgLine: { ...base, formula: 'fixed dose', inputs: [{ name: 'dose', value, unit: 'mg' }] },
      };
    case 'fixed-mg-per-hour':
      return {
        exactMg: value * hours,
        mgLine: {
          ...base,
          formula: 'rate (mg/h) × duration (min) ÷ 60',
          inputs: [
            { name: 'rate', value, unit: 'mg/h' },
            { name: 'duration', value: durationMin, unit: 'min' },
          ],
        },
      };
  }
}

/** Every ceiling the protocol sets, checked against an amount in mg on the weight used. */
function ceilingCheck(protocol: Protocol, mg: number, W: number, hours: number, field: string): HardStop[] {
  const c = protocol.ceiling;
  const stops: HardStop[] = [];
  const mgPerKg = mg / W;
  if (c.mgPerKg !== undefined && exceeds(mgPerKg, c.mgPerKg))
    stops.push({
      code: 'above-ceiling',
      field,
      message: `${round4(mgPerKg)} mg/kg exceeds the protocol ceiling of ${c.mgPerKg} mg/kg (ceiling.mgPerKg)`,
    });
  if (c.mgPerKgPerHour !== undefined && hours > 0 && exceeds(mgPerKg / hours, c.mgPerKgPerHour))
    stops.push({
      code: 'above-ceiling',
      field,
      message: `${round4(mgPerKg / hours)} mg/kg/h exceeds the protocol ceiling of ${c.mgPerKgPerHour} mg/kg/h (ceiling.mgPerKgPerHour)`,
    });
  if (c.totalMg !== undefined && exceeds(mg, c.totalMg))
    stops.push({
      code: 'above-ceiling',
      field,
      message: `${round4(mg)} mg exceeds the protocol ceiling of ${c.totalMg} mg (ceiling.totalMg)`,
    });
  return stops;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * exact mg → (optional mg rounding) → volume → (syringe rounding) → mg actually drawn. The drawn amount,
 * not the prescribed one, is what goes in the bag, so it is what the record stores as total mg.
 */
function roundChain(
  exactMg: number,
  concentration: number,
  r: RoundingSettings,
  mode: RoundingMode,
): { prescribedMg: number; drugVolumeMl: number; mgDrawn: number; mode: RoundingMode } {
  const prescribedMg = r.mgIncrement === null ? exactMg : roundToIncrement(exactMg, r.mgIncrement, mode);
  const exactVolume = prescribedMg / concentration;
  const drugVolumeMl =
    r.drugVolumeIncrementMl === null
      ? exactVolume
      : roundToIncrement(exactVolume, r.drugVolumeIncrementMl, mode);
  const mgDrawn = r.drugVolumeIncrementMl === null ? prescribedMg : clean(drugVolumeMl * concentration);
  return { prescribedMg, drugVolumeMl, mgDrawn, mode };
}
