import type { DoseInputs, ProtocolList } from '../../../contracts/dosing';
import type { Patient } from '../../../contracts/patients';
import { STEP_DOSE_UNIT, stepDoseValue, type Protocol, type ProtocolStep } from '../../../domain/protocols';
import { ApiError, errorMessage } from '../api-client';
import { formFieldOf, parseRefKey, refKey } from './dose-form-fields';

/** The calculator's inputs as typed: every value stays text until the request body is built. */
export interface DoseFormState {
  protocol: string;
  step: string;
  weight: string;
  height: string;
  sex: string;
  vial: string;
  bag: string;
  override: string;
  sessions: string;
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
    weight: '',
    height: '',
    sex,
    vial: '',
    bag: '',
    override: '',
    sessions: '',
  };
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

/** The form after one field changed; choosing another protocol starts again at its first step. */
export function withFieldChange(
  form: DoseFormState,
  key: DoseFormField,
  value: string,
  choices: readonly ProtocolChoice[],
): DoseFormState {
  const next = { ...form, [key]: value };
  if (key === 'protocol') {
    const protocol = choices.find((c) => c.key === value)?.protocol;
    next.step = protocol?.steps[0]?.id ?? '';
  }
  return next;
}

const num = (s: string) => Number(s.trim());

/** Form → request body, with the browser's own checks for blanks; every other check is the server's. */
export function doseInputsOf(
  form: DoseFormState,
  protocol: Protocol | undefined,
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
  if (iv) {
    need('weight', 'Enter the weight in kg');
    need('height', 'Enter the height in cm');
    if (form.sex !== 'male' && form.sex !== 'female')
      errors.sex = 'Choose the sex used by the ideal-weight formula';
    need('vial', 'Enter the vial concentration in mg/mL');
    if (step && 'durationMin' in step && step.durationMin > 0) need('bag', 'Enter the bag volume in mL');
  }
  if (form.override.trim() !== '') need('override', 'Enter a number, or leave empty for the step dose');
  if (form.sessions.trim() !== '') need('sessions', 'Enter a whole number');
  if (Object.keys(errors).length > 0 || !ref || !step) return { errors };
  const body: DoseInputs = { protocol: ref, stepId: step.id };
  if (iv) {
    body.patient = {
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
  return { body, errors };
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
