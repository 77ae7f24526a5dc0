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

/** The public site's white label as plain text fields (docs/site.md); empty means "not set". */
export const siteFields = [
  { key: 'displayName', label: 'Name on the site', hint: "Empty uses the clinic's name" },
  { key: 'tagline', label: 'Tagline', hint: 'One line under the home page heading' },
  { key: 'logoText', label: 'Logo text', hint: 'Empty uses the name on the site' },
  {
    key: 'logoUrl',
    label: 'Logo image',
    hint: 'A path on the site (/…) or an https URL; empty shows the logo text',
  },
  { key: 'primaryColour', label: 'Main colour', hint: '#rrggbb' },
  { key: 'accentColour', label: 'Accent colour', hint: '#rrggbb' },
  { key: 'phone', label: 'Phone', hint: 'Shown on every page' },
  { key: 'email', label: 'Email', hint: 'Shown on every page' },
  { key: 'address', label: 'Address', hint: '' },
  { key: 'hours', label: 'Opening hours', hint: 'e.g. Monday to Friday 8 am – 5 pm' },
  { key: 'bookingUrl', label: 'Online booking page', hint: 'An https URL; empty uses the consultation form' },
] as const;

export type SiteKey = (typeof siteFields)[number]['key'];

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
  site: Record<SiteKey, string>;
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
  const site = Object.fromEntries(siteFields.map((f) => [f.key, clinic.settings.site[f.key]])) as Record<
    SiteKey,
    string
  >;
  return { name: clinic.name, timeZone: clinic.settings.timeZone, security, measurement, site };
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
    settings: {
      timeZone: form.timeZone.trim(),
      security,
      measurement: measurementBody(form.measurement),
      site: Object.fromEntries(siteFields.map((f) => [f.key, form.site[f.key].trim()])),
    },
  } satisfies ClinicSettingsRequest;
}
