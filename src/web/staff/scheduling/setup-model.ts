import type { AppointmentTypeView, RoomView, StaffScheduleView } from '../../../contracts/scheduling';
import { weekdayNames } from './slot-groups';

/** The scheduling setup page's wording and request bodies, without React. */

export const roomKindLabels: Record<RoomView['kind'], string> = {
  infusion_chair: 'Infusion chair',
  spravato_room: 'Spravato room',
  consult_room: 'Consultation room',
};

export const roomKindOptions = (Object.keys(roomKindLabels) as RoomView['kind'][]).map((kind) => ({
  value: kind,
  label: roomKindLabels[kind],
}));

export type HoursRow = StaffScheduleView['hours'][number];

/** The same hours on all seven days. */
export function everyDay(opens: string, closes: string): HoursRow[] {
  return weekdayNames.map((d) => ({ weekday: d.value, opens, closes }));
}

export function sortHours(rows: readonly HoursRow[]): HoursRow[] {
  return [...rows].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
}

const dayShort = (weekday: number) => weekdayNames[weekday - 1]?.short ?? String(weekday);

/** "Mon–Fri 08:00–18:00, Sat 09:00–13:00": runs of days with the same hours read together. */
export function hoursSummary(rows: readonly HoursRow[]): string {
  if (rows.length === 0) return 'No working hours';
  const sorted = sortHours(rows);
  const runs: { from: number; to: number; hours: string }[] = [];
  for (const row of sorted) {
    const hours = `${row.opens}–${row.closes}`;
    const last = runs[runs.length - 1];
    if (last && last.hours === hours && last.to === row.weekday - 1) last.to = row.weekday;
    else runs.push({ from: row.weekday, to: row.weekday, hours });
  }
  return runs
    .map((r) => {
      const days = r.from === r.to ? dayShort(r.from) : `${dayShort(r.from)}–${dayShort(r.to)}`;
      return `${days} ${r.hours}`;
    })
    .join(', ');
}

/** Which scheduling roles a staff member can take: a physician either, a nurse the nurse role only. */
export function scheduleRoleOptions(userRole: string): { value: 'nurse' | 'clinician'; label: string }[] {
  const nurse = { value: 'nurse' as const, label: 'Nurse (staffs chairs)' };
  const clinician = { value: 'clinician' as const, label: 'Clinician (sees patients)' };
  if (userRole === 'physician') return [clinician, nurse];
  if (userRole === 'nurse') return [nurse];
  return [];
}

/** "scheduling-durations" → "scheduling durations": an entry of the clinical source register in words. */
export function sourceEntry(anchor: string): string {
  return anchor.replace(/-/g, ' ');
}

export const sourceTagLabels: Record<string, string> = {
  primary: 'Primary source',
  secondary: 'Secondary source',
  unverified: 'Unverified',
  'engineering default': 'Engineering default',
};

/** "70 min (40 infusion + 30 recovery)". */
export function durationText(type: Pick<AppointmentTypeView, 'durationMinutes' | 'parts'>): string {
  return type.parts
    ? `${type.durationMinutes} min (${type.parts.infusionMinutes} infusion + ${type.parts.recoveryMinutes} recovery)`
    : `${type.durationMinutes} min`;
}

export interface TypeForm {
  durationMinutes: string;
  infusionMinutes: string;
  recoveryMinutes: string;
  instructions: string;
  active: boolean;
}

export function typeForm(type: AppointmentTypeView): TypeForm {
  return {
    durationMinutes: String(type.durationMinutes),
    infusionMinutes: String(type.parts?.infusionMinutes ?? ''),
    recoveryMinutes: String(type.parts?.recoveryMinutes ?? ''),
    instructions: type.instructions,
    active: type.active,
  };
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * The PATCH body for what changed: an infusion is timed by its parts, any other type by its duration.
 * Numbers that are not whole go as they are typed (NaN becomes null in JSON), so the server names them.
 */
export function typeUpdateBody(type: AppointmentTypeView, form: TypeForm) {
  const body: Record<string, unknown> = { version: type.version };
  if (type.parts) {
    const parts = {
      infusionMinutes: whole(form.infusionMinutes),
      recoveryMinutes: whole(form.recoveryMinutes),
    };
    if (
      parts.infusionMinutes !== type.parts.infusionMinutes ||
      parts.recoveryMinutes !== type.parts.recoveryMinutes
    )
      body.parts = parts;
  } else if (whole(form.durationMinutes) !== type.durationMinutes) {
    body.durationMinutes = whole(form.durationMinutes);
  }
  if (form.instructions.trim() !== type.instructions) body.instructions = form.instructions.trim();
  if (form.active !== type.active) body.active = form.active;
  return body;
}

/** The problems of the rows under `prefix` ("hours.2.closes" → "2.closes"), for the hours editor. */
export function rowErrors(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([key]) => key.startsWith(`${prefix}.`))
      .map(([key, message]) => [key.slice(prefix.length + 1), message]),
  );
}
