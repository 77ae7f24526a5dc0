import { ageInYears } from '../../domain/patients';

/** Today's date where the browser is, as YYYY-MM-DD (ages are counted in local days). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** "1980-02-03 (45 y)": the ISO date keeps day and month unambiguous across locales. */
export function dobWithAge(birthDate: string, today: string = todayIso()): string {
  return `${birthDate} (${ageInYears(birthDate, today)} y)`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function fullName(p: { legalGivenName: string; legalFamilyName: string }): string {
  return `${p.legalFamilyName}, ${p.legalGivenName}`;
}
