import type { AppointmentTypeRequirements, RoomKind, SeriesRules } from './scheduling-types.js';

/**
 * Arbor's starting appointment types, as data a clinic copies and edits. Each default names how well it
 * is supported and its entry in the clinical source register (docs/clinical-sources.md#<anchor>):
 * `primary` (label or trial), `secondary` (reviews, clinic practice reports), `unverified` (no public
 * source found) or `engineering default` (a sensible starting value no clinical source sets).
 *
 * `name` is for staff; `reminderName` is what a patient's reminder calls the visit, so it names no drug,
 * diagnosis or dose. Instructions are plain pre-visit text for reminders, also without clinical detail;
 * `{fastingHours}` is replaced with the clinic's fasting setting (reminders.ts fillInstructions).
 */

export type SourceTag = 'primary' | 'secondary' | 'unverified' | 'engineering default';

export interface SourceRef {
  tag: SourceTag;
  anchor: string;
}

export interface AppointmentTypeDefinition extends AppointmentTypeRequirements {
  code: string;
  name: string;
  reminderName: string;
  /** An infusion's parts; `durationMinutes` is their sum. */
  parts?: { infusionMinutes: number; recoveryMinutes: number };
  instructions: string;
  /** Where the duration comes from. */
  source: SourceRef;
  /** Where the instructions come from, when a source sets them. */
  instructionsSource?: SourceRef;
}

const NO_DRIVING = 'Please do not drive until the next day, after a night of restful sleep.';

const INFUSION_INSTRUCTIONS =
  'Please do not eat anything for {fastingHours} hours before your appointment. ' +
  'Bring an adult who can take you home afterwards. ' +
  NO_DRIVING;

const SPRAVATO_INSTRUCTIONS =
  'Please do not eat for 2 hours, or drink anything for 30 minutes, before your appointment. ' +
  'Someone else must drive you home afterwards. ' +
  NO_DRIVING;

const CONSULT_INSTRUCTIONS = 'Please bring a list of the medicines you take and arrive a few minutes early.';
const VIDEO_INSTRUCTIONS =
  'We will send you a link to join the video call. Please find a quiet, private place.';

const DURATIONS = 'scheduling-durations';

function infusion(
  code: string,
  name: string,
  infusionMinutes: number,
  recoveryMinutes: number,
): AppointmentTypeDefinition {
  return {
    code,
    name,
    reminderName: 'infusion appointment',
    durationMinutes: infusionMinutes + recoveryMinutes,
    parts: { infusionMinutes, recoveryMinutes },
    roomKind: 'infusion_chair' satisfies RoomKind,
    clinician: 'none',
    usesNurse: true,
    instructions: INFUSION_INSTRUCTIONS,
    // Recovery of 20–45 minutes is reported by clinics; 30 is a middle value.
    source: { tag: 'secondary', anchor: DURATIONS },
  };
}

export const DEFAULT_APPOINTMENT_TYPES: readonly AppointmentTypeDefinition[] = [
  {
    code: 'consultation',
    name: 'Consultation / evaluation',
    reminderName: 'consultation',
    durationMinutes: 30,
    roomKind: 'consult_room',
    clinician: 'assigned',
    usesNurse: false,
    instructions: CONSULT_INSTRUCTIONS,
    source: { tag: 'secondary', anchor: DURATIONS },
  },
  infusion('iv_infusion', 'IV infusion (depression)', 40, 30),
  infusion('iv_infusion_pain', 'IV infusion (pain)', 240, 60),
  {
    code: 'spravato',
    name: 'Spravato session',
    reminderName: 'treatment appointment',
    // The label requires at least 2 hours of monitoring after the dose.
    durationMinutes: 120,
    roomKind: 'spravato_room',
    clinician: 'on_site',
    usesNurse: true,
    instructions: SPRAVATO_INSTRUCTIONS,
    source: { tag: 'primary', anchor: 'spravato-monitoring' },
    instructionsSource: { tag: 'secondary', anchor: 'spravato-pre-dose' },
  },
  {
    code: 'follow_up',
    name: 'Follow-up',
    reminderName: 'follow-up appointment',
    durationMinutes: 20,
    roomKind: 'consult_room',
    clinician: 'assigned',
    usesNurse: false,
    instructions: CONSULT_INSTRUCTIONS,
    source: { tag: 'engineering default', anchor: DURATIONS },
  },
  {
    code: 'follow_up_video',
    name: 'Follow-up (video)',
    reminderName: 'video follow-up',
    durationMinutes: 20,
    roomKind: null,
    clinician: 'assigned',
    usesNurse: false,
    instructions: VIDEO_INSTRUCTIONS,
    source: { tag: 'engineering default', anchor: DURATIONS },
  },
  // A maintenance infusion after the induction course: the same visit as iv_infusion.
  infusion('booster', 'Booster infusion', 40, 30),
];

/** What a slot search needs from an appointment type. */
export function requirementsOf(type: AppointmentTypeRequirements): AppointmentTypeRequirements {
  return {
    durationMinutes: type.durationMinutes,
    roomKind: type.roomKind,
    clinician: type.clinician,
    usesNurse: type.usesNurse,
  };
}

/**
 * An induction course: 6 infusions, 2–3 a week, over 2–3 weeks (Murrough 2013 and Shiroma 2014: three a
 * week for 6 infusions in 12 days; ELEKT-D: twice a week for 3 weeks). One free day between sessions
 * allows both Monday–Wednesday–Friday and twice a week; 21 days is the 3-week course.
 */
export const DEFAULT_SERIES_RULES: SeriesRules & { count: number; source: SourceRef } = {
  count: 6,
  minPerWeek: 2,
  maxPerWeek: 3,
  minDaysBetween: 1,
  maxSpanDays: 21,
  source: { tag: 'primary', anchor: 'induction-series' },
};

/** Reminders 48 and 2 hours before the start: an engineering default, no clinical source sets it. */
export const DEFAULT_REMINDER_OFFSETS_HOURS: readonly number[] = [48, 2];
export const DEFAULT_REMINDER_OFFSETS_SOURCE: SourceRef = {
  tag: 'engineering default',
  anchor: 'reminder-offsets',
};

/** No public standard sets how many chairs one nurse may watch: a clinic setting, unverified. */
export const DEFAULT_CHAIRS_PER_NURSE = 2;
export const DEFAULT_CHAIRS_PER_NURSE_SOURCE: SourceRef = { tag: 'unverified', anchor: 'nurse-chair-ratio' };
