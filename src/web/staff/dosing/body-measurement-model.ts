import type { BodyMeasurement, BodyMeasurementInput } from '../../../contracts/dosing';

/** The body measurement form and the words the dosing tab uses for a measurement's age and source. */

const DAY_MS = 86_400_000;

export const MEASUREMENT_SOURCE_LABEL: Record<BodyMeasurement['source'], string> = {
  'clinic-scale': 'clinic scale',
  'patient-reported': 'reported by the patient',
  'outside-record': 'from an outside record',
  'dose-entry': 'entered with a dose',
  'infusion-session': 'infusion session',
};

/** The sources a person records here (the others are written by the dose and session flows). */
export const RECORDED_SOURCE_OPTIONS = [
  { value: 'clinic-scale', label: 'Weighed and measured here (clinic scale)' },
  { value: 'patient-reported', label: 'Reported by the patient' },
  { value: 'outside-record', label: 'From an outside record' },
] as const;

export function measurementAgeText(measuredAt: string, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(measuredAt)) / DAY_MS);
  if (days <= 0) return 'measured today';
  return `measured ${days} day${days === 1 ? '' : 's'} ago`;
}

export function measurementIsStale(measuredAt: string, maxAgeDays: number, now: Date): boolean {
  return (now.getTime() - Date.parse(measuredAt)) / DAY_MS > maxAgeDays;
}

export function measurementSummary(
  m: Pick<BodyMeasurement, 'weightKg' | 'heightCm' | 'measuredAt' | 'source'>,
  now: Date,
): string {
  return `${m.weightKg} kg, ${m.heightCm} cm, ${measurementAgeText(m.measuredAt, now)} (${MEASUREMENT_SOURCE_LABEL[m.source]})`;
}

/** The form as typed; `measuredAt` is a local date-time ('' = now), `amends` the id of a corrected row. */
export interface MeasurementFormState {
  weight: string;
  height: string;
  source: string;
  measuredAt: string;
  amends: string;
  reason: string;
}

export function initialMeasurementForm(): MeasurementFormState {
  return { weight: '', height: '', source: 'clinic-scale', measuredAt: '', amends: '', reason: '' };
}

const num = (s: string) => Number(s.trim());

/** Form → request body; blanks are named here, every other check (ranges, units, time) is the server's. */
export function measurementBodyOf(form: MeasurementFormState): {
  body?: BodyMeasurementInput;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const need = (key: 'weight' | 'height', message: string) => {
    if (form[key].trim() === '' || !Number.isFinite(num(form[key]))) errors[key] = message;
  };
  need('weight', 'Enter the weight in kg');
  need('height', 'Enter the height in cm');
  const measuredAt = form.measuredAt.trim() === '' ? undefined : new Date(form.measuredAt);
  if (measuredAt && Number.isNaN(measuredAt.getTime())) errors.measuredAt = 'Enter a date and time';
  if (form.amends !== '' && form.reason.trim().length < 3)
    errors.reason = 'Say why the earlier measurement is corrected';
  if (Object.keys(errors).length > 0) return { errors };
  const body: BodyMeasurementInput = {
    weight: { value: num(form.weight), unit: 'kg' },
    height: { value: num(form.height), unit: 'cm' },
    source: form.source as BodyMeasurementInput['source'],
  };
  if (measuredAt) body.measuredAt = measuredAt.toISOString();
  if (form.amends !== '') body.amends = { id: form.amends, reason: form.reason.trim() };
  return { body, errors };
}
