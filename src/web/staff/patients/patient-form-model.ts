import type { PatientCreateRequest } from '../../../contracts/patients';
import type { CareStatus } from '../../../domain/patients';

/**
 * The patient form keeps every input as a string (what the inputs hold) and converts to the API's
 * shape only when saving: blank optional text becomes null, a blank address becomes null.
 */
export interface ConditionEntry {
  code: string;
  display: string;
  onsetDate: string;
  status: 'active' | 'resolved';
}

export interface AlertEntry {
  text: string;
  severity: 'info' | 'warning' | 'critical';
}

export interface PatientFormState {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string;
  birthDate: string;
  sexAtBirth: string;
  genderIdentity: string;
  pronouns: string;
  phone: string;
  email: string;
  address: {
    line1: string;
    line2: string;
    city: string;
    region: string;
    postalCode: string;
    country: string;
  };
  emergencyContact: { name: string; relationship: string; phone: string; email: string };
  referringClinician: { name: string; organisation: string; phone: string; email: string; npi: string };
  conditions: ConditionEntry[];
  alerts: AlertEntry[];
  careStatus: CareStatus;
}

/**
 * The registration request, except that sex at birth may still be unchosen (''): it is sent as is,
 * so the server names the field that needs a value.
 */
export type PatientPayload = Omit<PatientCreateRequest, 'sexAtBirth'> & { sexAtBirth: string };

export function emptyPatientForm(): PatientFormState {
  return {
    legalGivenName: '',
    legalFamilyName: '',
    preferredName: '',
    birthDate: '',
    sexAtBirth: '',
    genderIdentity: '',
    pronouns: '',
    phone: '',
    email: '',
    address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' },
    emergencyContact: { name: '', relationship: '', phone: '', email: '' },
    referringClinician: { name: '', organisation: '', phone: '', email: '', npi: '' },
    conditions: [],
    alerts: [],
    careStatus: 'referred',
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Every value blank means "no such object", so an untouched address section saves as null. */
function objectOrNull<T extends Record<string, string>>(value: T): { [K in keyof T]: string | null } | null {
  const entries = Object.entries(value).map(([key, v]) => [key, orNull(v)] as const);
  if (entries.every(([, v]) => v === null)) return null;
  return Object.fromEntries(entries) as { [K in keyof T]: string | null };
}

export function toPatientPayload(state: PatientFormState): PatientPayload {
  const emergency = objectOrNull(state.emergencyContact);
  const referring = objectOrNull(state.referringClinician);
  return {
    legalGivenName: state.legalGivenName.trim(),
    legalFamilyName: state.legalFamilyName.trim(),
    preferredName: orNull(state.preferredName),
    birthDate: state.birthDate.trim(),
    sexAtBirth: state.sexAtBirth,
    genderIdentity: orNull(state.genderIdentity),
    pronouns: orNull(state.pronouns),
    phone: orNull(state.phone),
    email: orNull(state.email),
    address: objectOrNull(state.address),
    // A contact without a name is still sent, so the server can say the name is missing.
    emergencyContact: emergency ? { ...emergency, name: emergency.name ?? '' } : null,
    referringClinician: referring ? { ...referring, name: referring.name ?? '' } : null,
    conditions: state.conditions.map((c) => ({
      code: c.code.trim().toUpperCase(),
      display: c.display.trim(),
      onsetDate: orNull(c.onsetDate),
      status: c.status,
    })),
    alerts: state.alerts.map((a) => ({ text: a.text.trim(), severity: a.severity })),
    careStatus: state.careStatus,
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function strings<K extends string>(source: unknown, keys: readonly K[]): Record<K, string> {
  const record = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, text(record[key])])) as Record<K, string>;
}

/** Fills the form from a stored record (or a history snapshot, which has the same shape). */
export function patientToForm(
  patient: Partial<PatientCreateRequest> | Record<string, unknown>,
): PatientFormState {
  const p = patient as Partial<PatientCreateRequest>;
  return {
    legalGivenName: text(p.legalGivenName),
    legalFamilyName: text(p.legalFamilyName),
    preferredName: text(p.preferredName),
    birthDate: text(p.birthDate),
    sexAtBirth: text(p.sexAtBirth),
    genderIdentity: text(p.genderIdentity),
    pronouns: text(p.pronouns),
    phone: text(p.phone),
    email: text(p.email),
    address: strings(p.address, ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const),
    emergencyContact: strings(p.emergencyContact, ['name', 'relationship', 'phone', 'email'] as const),
    referringClinician: strings(p.referringClinician, [
      'name',
      'organisation',
      'phone',
      'email',
      'npi',
    ] as const),
    conditions: (p.conditions ?? []).map((c) => ({
      code: text(c.code),
      display: text(c.display),
      onsetDate: text(c.onsetDate),
      status: c.status === 'resolved' ? 'resolved' : 'active',
    })),
    alerts: (p.alerts ?? []).map((a) => ({ text: text(a.text), severity: a.severity ?? 'warning' })),
    careStatus: (p.careStatus ?? 'referred') as CareStatus,
  };
}

/** The top-level fields whose saved value differs between two form states. */
export function changedPayload(base: PatientFormState, edited: PatientFormState): Partial<PatientPayload> {
  const before = toPatientPayload(base) as Record<string, unknown>;
  const after = toPatientPayload(edited) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Partial<PatientPayload>;
}

/**
 * After a 409: the person's own changes (edited vs the version they started from) laid over the
 * newest version, for them to review and save again. Fields they did not touch keep the other
 * person's values; fields both changed take theirs, which they can see before saving.
 */
export function reapplyChanges(
  base: PatientFormState,
  edited: PatientFormState,
  latest: PatientFormState,
): PatientFormState {
  const changedKeys = Object.keys(changedPayload(base, edited)) as (keyof PatientFormState)[];
  const merged: PatientFormState = { ...latest };
  for (const key of changedKeys) (merged as unknown as Record<string, unknown>)[key] = edited[key];
  return merged;
}
