import type { Clinic, ClinicSettingsRequest } from '../../../contracts/clinic';

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

export interface SettingsFormState {
  name: string;
  timeZone: string;
  security: Record<SecurityKey, string>;
}

export function settingsToForm(clinic: Clinic): SettingsFormState {
  const security = Object.fromEntries(
    securityFields.map((f) => [f.key, String(clinic.settings.security[f.key])]),
  ) as Record<SecurityKey, string>;
  return { name: clinic.name, timeZone: clinic.settings.timeZone, security };
}

/**
 * Numbers go to the server as typed numbers when they parse, and as the raw text when they do not,
 * so the server's validation message appears beside the field instead of a silent 0.
 */
export function formToSettingsBody(form: SettingsFormState) {
  const security = Object.fromEntries(
    securityFields.map((f) => {
      const raw = form.security[f.key].trim();
      const value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
      return [f.key, value];
    }),
  );
  return {
    name: form.name.trim(),
    settings: { timeZone: form.timeZone.trim(), security },
  } satisfies ClinicSettingsRequest;
}
