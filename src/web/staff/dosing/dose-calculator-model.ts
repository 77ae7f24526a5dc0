import type { DoseAcknowledgementsBody, DoseInputs, ProtocolList } from '../../../contracts/dosing';
import type { Patient } from '../../../contracts/patients';
import {
  ESKETAMINE_TRD_OLDER_ADULT_ID,
  MIN_REASON_LENGTH,
  protocolAgeBand,
  weightBasisOptions,
  type DosingSettings,
  type Sex,
  type WeightBasisOption,
} from '../../../domain/dosing';
import { STEP_DOSE_UNIT, stepDoseValue, type Protocol, type ProtocolStep } from '../../../domain/protocols';
import { ApiError, errorMessage } from '../api-client';
import { formFieldOf, parseRefKey, refKey } from './dose-form-fields';

/**
 * The calculator's inputs as typed: every value stays text until the request body is built (a ticked
 * box is 'yes'). `measurement` is '' until the clinician chooses: the chart's latest measurement is
 * then used when it is recent enough, otherwise today's weight and height are asked for.
 */
export interface DoseFormState {
  protocol: string;
  step: string;
  /** '' (not chosen yet), 'latest' or 'entry'. */
  measurement: string;
  weight: string;
  height: string;
  sex: string;
  vial: string;
  bag: string;
  override: string;
  sessions: string;
  /** Below the ideal-weight formula's range: 'actual' or 'ideal', and the acknowledgement. */
  basis: string;
  basisAck: string;
  escalationAck: string;
  escalationReason: string;
  highDoseAck: string;
  highDoseReason: string;
  firstSessionAck: string;
  firstSessionReason: string;
}

/** What the chart says about the body measurement the calculator would use. */
export interface MeasurementContext {
  latest?: { weightKg: number; heightCm: number } | null;
  /** The latest is older than the clinic accepts (it can still be chosen; the server then stops). */
  latestStale?: boolean;
}

export type DoseFormField = keyof DoseFormState;

/** Messages by form field; `''` clears a field's message once it is edited. */
export type DoseFormErrors = Record<string, string>;

/** The ideal-weight formula knows only these two sexes; any other chart value leaves the choice to the clinician. */
export type ChartSex = 'male' | 'female' | '';

export function chartSexOf(sexAtBirth: Patient['sexAtBirth']): ChartSex {
  return sexAtBirth === 'male' || sexAtBirth === 'female' ? sexAtBirth : '';
}

export function initialDoseForm(sex: ChartSex): DoseFormState {
  return {
    protocol: 'library:iv-depression:1',
    step: 'standard',
    measurement: '',
    weight: '',
    height: '',
    sex,
    vial: '',
    bag: '',
    override: '',
    sessions: '',
    basis: '',
    basisAck: '',
    escalationAck: '',
    escalationReason: '',
    highDoseAck: '',
    highDoseReason: '',
    firstSessionAck: '',
    firstSessionReason: '',
  };
}

/** Whether the dose uses the chart's latest measurement or today's weight and height. */
export function measurementChoice(form: DoseFormState, context: MeasurementContext): 'latest' | 'entry' {
  if (form.measurement === 'latest' && context.latest) return 'latest';
  if (form.measurement !== '') return 'entry';
  return context.latest && !context.latestStale ? 'latest' : 'entry';
}

/** One entry of the protocol select: the select's value, the protocol and where it comes from. */
export interface ProtocolChoice {
  key: string;
  protocol: Protocol;
  group: 'Clinic' | 'Library';
}

/** Only a clinic protocol's newest version is offered for a new dose; older versions stay readable. */
export function protocolChoices(list: ProtocolList): ProtocolChoice[] {
  return [
    ...list.clinic
      .filter((c) => c.latest)
      .map((c) => ({
        key: refKey({ origin: 'clinic', id: c.protocol.id, version: c.protocol.version }),
        protocol: c.protocol,
        group: 'Clinic' as const,
      })),
    ...list.library.map((l) => ({
      key: refKey({ origin: 'library', id: l.protocol.id, version: l.protocol.version }),
      protocol: l.protocol,
      group: 'Library' as const,
    })),
  ];
}

/** Inputs that change the dose: an acknowledgement given for one dose never carries over to another. */
const DOSE_INPUTS: ReadonlySet<DoseFormField> = new Set([
  'protocol',
  'step',
  'override',
  'sessions',
  'weight',
  'height',
  'measurement',
  'sex',
]);
const CLEARED_ACKNOWLEDGEMENTS = {
  basisAck: '',
  escalationAck: '',
  escalationReason: '',
  highDoseAck: '',
  highDoseReason: '',
  firstSessionAck: '',
  firstSessionReason: '',
} as const;

/**
 * The form after one field changed; choosing another protocol starts again at its first step. A change
 * to anything the dose depends on clears the acknowledgements (the server asks again if they are still
 * needed); the basis choice stays, but its acknowledgement does not.
 */
export function withFieldChange(
  form: DoseFormState,
  key: DoseFormField,
  value: string,
  choices: readonly ProtocolChoice[],
): DoseFormState {
  let next = { ...form, [key]: value } as DoseFormState;
  if (key === 'protocol') {
    const protocol = choices.find((c) => c.key === value)?.protocol;
    next.step = protocol?.steps[0]?.id ?? '';
  }
  if (DOSE_INPUTS.has(key) && value !== form[key]) next = { ...next, ...CLEARED_ACKNOWLEDGEMENTS };
  return next;
}

const num = (s: string) => Number(s.trim());

type AckKind = 'escalation' | 'highDose' | 'firstSession';
const ACK_KINDS: readonly AckKind[] = ['escalation', 'highDose', 'firstSession'];

/** The acknowledgements the form sends: only those ticked, each with its reason (checked here too). */
function acknowledgementsOf(
  form: DoseFormState,
  iv: boolean,
  errors: DoseFormErrors,
): DoseAcknowledgementsBody {
  const acks: DoseAcknowledgementsBody = {};
  if (iv && (form.basis === 'actual' || form.basis === 'ideal')) {
    if (form.basisAck === 'yes') acks.weightBasis = { basis: form.basis, acknowledged: true };
    else errors.basisAck = 'Tick to acknowledge the weight basis you chose';
  }
  for (const kind of ACK_KINDS) {
    if (form[`${kind}Ack`] !== 'yes') continue;
    const reason = form[`${kind}Reason`].trim();
    if (reason.length < MIN_REASON_LENGTH)
      errors[`${kind}Reason`] = 'Give the reason (at least 3 characters)';
    else acks[kind] = { acknowledged: true, reason };
  }
  return acks;
}

/** Form → request body, with the browser's own checks for blanks; every other check is the server's. */
export function doseInputsOf(
  form: DoseFormState,
  protocol: Protocol | undefined,
  context: MeasurementContext = {},
): { body?: DoseInputs; errors: DoseFormErrors } {
  const errors: DoseFormErrors = {};
  const ref = parseRefKey(form.protocol);
  if (!ref || !protocol) errors.protocol = 'Choose a protocol';
  const step = protocol?.steps.find((s) => s.id === form.step);
  if (!step) errors.step = 'Choose a step';
  const iv = protocol?.route === 'iv';
  const need = (key: DoseFormField, message: string) => {
    if (form[key].trim() === '' || !Number.isFinite(num(form[key]))) errors[key] = message;
  };
  const useLatest = iv && measurementChoice(form, context) === 'latest';
  if (iv) {
    if (!useLatest) {
      need('weight', 'Enter the weight in kg');
      need('height', 'Enter the height in cm');
    }
    if (form.sex !== 'male' && form.sex !== 'female')
      errors.sex = 'Choose the sex used by the ideal-weight formula';
    need('vial', 'Enter the vial concentration in mg/mL');
    if (step && 'durationMin' in step && step.durationMin > 0) need('bag', 'Enter the bag volume in mL');
  }
  if (form.override.trim() !== '') need('override', 'Enter a number, or leave empty for the step dose');
  if (form.sessions.trim() !== '') need('sessions', 'Enter a whole number');
  const acknowledgements = acknowledgementsOf(form, iv, errors);
  if (Object.keys(errors).length > 0 || !ref || !step) return { errors };
  const body: DoseInputs = { protocol: ref, stepId: step.id };
  if (iv) {
    body.patient = useLatest
      ? { sex: form.sex }
      : {
          weight: { value: num(form.weight), unit: 'kg' },
          height: { value: num(form.height), unit: 'cm' },
          sex: form.sex,
        };
    body.preparation = {
      vialConcentration: { value: num(form.vial), unit: 'mg/mL' },
      ...(form.bag.trim() !== '' ? { bagVolume: { value: num(form.bag), unit: 'mL' } } : {}),
    };
  }
  if (form.override.trim() !== '')
    body.doseOverride = { value: num(form.override), unit: STEP_DOSE_UNIT[step.kind] };
  if (form.sessions.trim() !== '') body.history = { sessionsWithoutResponse: num(form.sessions) };
  if (Object.keys(acknowledgements).length > 0) body.acknowledgements = acknowledgements;
  return { body, errors };
}

export type AcknowledgementKind = 'weightBasis' | AckKind;

/** The acknowledgements a hard stop asked for (`body.acknowledgements.<kind>`), in the order named. */
export function askedAcknowledgements(error: unknown): AcknowledgementKind[] {
  if (!(error instanceof ApiError)) return [];
  const kinds = error.fields
    .map((f) => /^body\.acknowledgements\.(\w+)/.exec(f.field)?.[1])
    .filter(
      (k): k is AcknowledgementKind =>
        k === 'weightBasis' || k === 'escalation' || k === 'highDose' || k === 'firstSession',
    );
  return [...new Set(kinds)];
}

const fmt = (x: number) => String(Number(x.toPrecision(6)));

/**
 * What each weight basis gives for this step and amount, from the same domain rule the server uses,
 * so the choice shows both doses side by side. Empty for steps that are not weight-based.
 */
export function basisChoiceOptions(
  patient: { weightKg: number; heightCm: number; sex: Sex },
  step: ProtocolStep | undefined,
  override: string,
  settings: DosingSettings,
): WeightBasisOption[] {
  if (!step || step.kind === 'devices') return [];
  const value =
    override.trim() !== '' && Number.isFinite(num(override)) ? num(override) : stepDoseValue(step);
  return weightBasisOptions(patient, step, value, settings);
}

export function basisOptionLabel(o: WeightBasisOption): string {
  return `${o.basis === 'actual' ? 'Actual' : 'Ideal'} weight ${fmt(o.weightKg)} kg: ${fmt(o.exactMg)} mg (${fmt(o.mgPerKgActualWeight)} mg/kg of actual weight)`;
}

/** For a patient at or over the 65-and-over age, the 65-and-over protocol instead of the under-65 one. */
export function olderAdultProposal(
  protocol: Protocol | undefined,
  ageYears: number,
  settings: DosingSettings,
  choices: readonly ProtocolChoice[],
): ProtocolChoice | undefined {
  if (!protocol || protocolAgeBand(protocol) !== 'under-older-adult-age') return undefined;
  if (ageYears < settings.esketamine.olderAdultAgeYears) return undefined;
  return choices.find(
    (c) =>
      c.protocol.id === ESKETAMINE_TRD_OLDER_ADULT_ID ||
      c.protocol.lineage?.copiedFrom?.id === ESKETAMINE_TRD_OLDER_ADULT_ID,
  );
}

/**
 * What a failed preview or order shows: the field messages when the server named fields (several on one
 * field are joined), and the banner text. `fields` is absent when the error named none, so the form keeps
 * the messages it already shows.
 */
export function serverErrorsOf(error: unknown): { fields?: DoseFormErrors; message: string } {
  if (!(error instanceof ApiError) || error.fields.length === 0) return { message: errorMessage(error) };
  const fields: DoseFormErrors = {};
  const general: string[] = [];
  for (const f of error.fields) {
    const key = formFieldOf(f.field);
    if (key === '_form') general.push(f.message);
    else fields[key] = fields[key] ? `${fields[key]}; ${f.message}` : f.message;
  }
  const lead =
    error.code === 'hard_stop' ? 'Hard stop: the dose cannot be ordered as entered.' : error.message;
  return { fields, message: `${lead} ${general.join('; ')}`.trim() };
}

export function protocolOptionLabel(choice: ProtocolChoice): string {
  return `${choice.group}: ${choice.protocol.name} (v${choice.protocol.version})`;
}

export function stepOptionLabel(step: ProtocolStep): string {
  return `${step.label} — ${stepDoseValue(step)} ${STEP_DOSE_UNIT[step.kind]}`;
}

/** The override field's hint: the step's allowed range when it has one. */
export function overrideHint(step: ProtocolStep | undefined, unit: string): string {
  return step?.doseRange
    ? `Step range ${step.doseRange.min}–${step.doseRange.max} ${unit}`
    : 'Leave empty for the step dose';
}

/** The sources a step cites, as `source [tag]` joined with semicolons; unknown ids are skipped. */
export function citationText(protocol: Protocol, ids: readonly string[]): string {
  return ids
    .map((id) => protocol.citations.find((c) => c.id === id))
    .filter((c) => c !== undefined)
    .map((c) => `${c.source} [${c.tag}]`)
    .join('; ');
}
