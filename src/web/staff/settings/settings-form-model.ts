import type { Clinic, ClinicSettingsRequest } from '../../../contracts/clinic';
import type { MeasurementSettings } from '../../../domain/clinic';

export const securityFields = [
  {
    key: 'sessionIdleMinutes',
    label: 'Sign out after inactivity (minutes)',
    hint: '1 to 30; 15 is the usual choice',
  },
  { key: 'sessionAbsoluteHours', label: 'Longest session (hours)', hint: '1 to 12' },
  { key: 'passwordFailuresPerAccount', label: 'Wrong passwords before an account locks', hint: '3 to 20' },
  {
    key: 'passwordFailuresPerIp',
    label: 'Wrong passwords from one address before it is blocked',
    hint: '5 to 200',
  },
  { key: 'mfaFailuresPerUser', label: 'Wrong codes before sign-in locks', hint: '3 to 10' },
  { key: 'lockMinutes', label: 'Lock duration (minutes)', hint: '1 to 60' },
] as const;

export type SecurityKey = (typeof securityFields)[number]['key'];

/**
 * The measurement section as the form holds it: numbers as the text typed (so a typing error reaches
 * the server and comes back named, never as a silent 0), switches, item lists and wording as they are.
 */
export type MeasurementFormState = {
  [K in keyof MeasurementSettings]: MeasurementSettings[K] extends number ? string : MeasurementSettings[K];
};

export interface SettingsFormState {
  name: string;
  timeZone: string;
  security: Record<SecurityKey, string>;
  measurement: MeasurementFormState;
}

export function settingsToForm(clinic: Clinic): SettingsFormState {
  const security = Object.fromEntries(
    securityFields.map((f) => [f.key, String(clinic.settings.security[f.key])]),
  ) as Record<SecurityKey, string>;
  const measurement = Object.fromEntries(
    Object.entries(clinic.settings.measurement).map(([key, value]) => [
      key,
      typeof value === 'number' ? String(value) : value,
    ]),
  ) as MeasurementFormState;
  return { name: clinic.name, timeZone: clinic.settings.timeZone, security, measurement };
}

/** A number as typed becomes a number; anything else goes as typed, for the server to name. */
function typedNumber(raw: string, decimals: boolean): number | string {
  const text = raw.trim();
  return (decimals ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/).test(text) ? Number(text) : text;
}

function measurementBody(m: MeasurementFormState) {
  return Object.fromEntries(
    Object.entries(m).map(([key, value]) => {
      if (typeof value === 'string') return [key, typedNumber(value, true)];
      if (key === 'cadss6ItemWording') {
        return [
          key,
          Object.fromEntries(
            Object.entries(value as Record<string, string>).map(([id, t]) => [id, t.trim()]),
          ),
        ];
      }
      return [key, value];
    }),
  );
}

/**
 * Numbers go to the server as typed numbers when they parse, and as the raw text when they do not,
 * so the server's validation message appears beside the field instead of a silent 0.
 */
export function formToSettingsBody(form: SettingsFormState) {
  const security = Object.fromEntries(
    securityFields.map((f) => {
      return [f.key, typedNumber(form.security[f.key], false)];
    }),
  );
  return {
    name: form.name.trim(),
    settings: { timeZone: form.timeZone.trim(), security, measurement: measurementBody(form.measurement) },
  } satisfies ClinicSettingsRequest;
}
