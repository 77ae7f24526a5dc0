import { z } from 'zod';
import { calendarDate, isoInstant, itemList } from './common.js';

/**
 * Scheduling requests and responses (docs/scheduling.md), shared by the server and the staff app.
 * Instants travel as ISO 8601 with an offset; clinic-local wall times as `YYYY-MM-DDTHH:mm` beside them,
 * so the screen shows the clinic's time whatever the device's zone.
 */

export const roomKinds = ['infusion_chair', 'spravato_room', 'consult_room'] as const;
export const roomKind = z.enum(roomKinds);
export const clinicianNeed = z.enum(['none', 'assigned', 'on_site']);
export const appointmentCategory = z.enum(['infusion', 'spravato', 'consultation', 'follow_up']);
export const appointmentStatuses = [
  'booked',
  'checked_in',
  'in_chair',
  'recovering',
  'completed',
  'cancelled',
  'no_show',
] as const;
export const appointmentStatus = z.enum(appointmentStatuses);
export const statusAction = z.enum([
  'check_in',
  'undo_check_in',
  'seat',
  'start_recovery',
  'complete',
  'no_show',
]);

const name = z.string().trim().min(1).max(80);
const reason = z.string().trim().min(1).max(500);
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');
const weekday = z.number().int().min(1).max(7);
const person = z.object({ id: z.uuid(), label: z.string() });

// ---- Rooms, staff hours, closures ----------------------------------------------------------------

export const roomView = z.object({
  id: z.uuid(),
  kind: roomKind,
  name: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type RoomView = z.infer<typeof roomView>;
export const roomCreateBody = z
  .object({ kind: roomKind, name, sortOrder: z.number().int().min(0).max(999).optional() })
  .strict();
export const roomUpdateBody = z
  .object({
    name: name.optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(999).optional(),
  })
  .strict();

export const weeklyHoursBody = z
  .object({ weekday, opens: localTime, closes: z.union([localTime, z.literal('24:00')]) })
  .strict()
  .refine((h) => h.closes > h.opens, { message: 'must be after the opening time', path: ['closes'] });

export const staffScheduleView = z.object({
  user: person,
  userRole: z.string(),
  role: z.enum(['nurse', 'clinician']).nullable(),
  hours: z.array(z.object({ weekday, opens: z.string(), closes: z.string() })),
});
export type StaffScheduleView = z.infer<typeof staffScheduleView>;
export const staffScheduleBody = z
  .object({ role: z.enum(['nurse', 'clinician']), hours: z.array(weeklyHoursBody).max(28) })
  .strict();

export const timeOffView = z.object({
  id: z.uuid(),
  user: person,
  startsAt: isoInstant,
  endsAt: isoInstant,
  reason: z.string(),
});
export const timeOffBody = z
  .object({ userId: z.uuid(), startsAt: isoInstant, endsAt: isoInstant, reason })
  .strict()
  .refine((t) => Date.parse(t.endsAt) > Date.parse(t.startsAt), {
    message: 'must be after the start',
    path: ['endsAt'],
  });

export const closureView = z.object({
  id: z.uuid(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
});
export const closureBody = z
  .object({ fromDate: calendarDate, toDate: calendarDate, reason })
  .strict()
  .refine((c) => c.toDate >= c.fromDate, { message: 'must be on or after the first day', path: ['toDate'] });

export const resourcesResponse = z.object({
  timeZone: z.string(),
  rooms: z.array(roomView),
  staff: z.array(staffScheduleView),
  timeOff: z.array(timeOffView),
  closures: z.array(closureView),
});
export type ResourcesResponse = z.infer<typeof resourcesResponse>;

// ---- Appointment types ---------------------------------------------------------------------------

export const sourceRef = z.object({ tag: z.string(), anchor: z.string() });
export const appointmentTypeView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  category: appointmentCategory,
  durationMinutes: z.number().int(),
  parts: z.object({ infusionMinutes: z.number().int(), recoveryMinutes: z.number().int() }).nullable(),
  roomKind: roomKind.nullable(),
  clinician: clinicianNeed,
  usesNurse: z.boolean(),
  instructions: z.string(),
  source: sourceRef,
  /** The shipped default's duration when the clinic changed it, so the change stays visible. */
  defaultDurationMinutes: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type AppointmentTypeView = z.infer<typeof appointmentTypeView>;
export const appointmentTypeList = itemList(appointmentTypeView);
export const appointmentTypeUpdateBody = z
  .object({
    name: name.optional(),
    parts: z
      .object({
        infusionMinutes: z.number().int().min(5).max(600),
        recoveryMinutes: z.number().int().min(0).max(240),
      })
      .strict()
      .optional(),
    durationMinutes: z.number().int().min(5).max(720).optional(),
    instructions: z.string().trim().max(1000).optional(),
    active: z.boolean().optional(),
    version: z.number().int().min(1),
  })
  .strict();

// ---- Slots and booking ---------------------------------------------------------------------------

const csvWeekdays = z
  .string()
  .regex(/^[1-7](,[1-7])*$/, 'must be weekday numbers 1 (Monday) to 7, separated by commas')
  .transform((s) => [...new Set(s.split(',').map(Number))]);

export const slotQuery = z
  .object({
    typeId: z.uuid(),
    from: calendarDate,
    days: z.coerce.number().int().min(1).max(31).default(7),
    weekdays: csvWeekdays.optional(),
    earliest: localTime.optional(),
    latest: localTime.optional(),
    clinicianId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(40),
  })
  .strict();

export const slotView = z.object({
  start: isoInstant,
  end: isoInstant,
  localStart: z.string(),
  room: person.nullable(),
  clinician: person.nullable(),
});
export type SlotView = z.infer<typeof slotView>;
export const slotResponse = z.object({ timeZone: z.string(), slots: z.array(slotView) });
export type SlotResponse = z.infer<typeof slotResponse>;

export const bookBody = z
  .object({
    patientId: z.uuid(),
    typeId: z.uuid(),
    start: isoInstant,
    /** Omitted: the first free room of the type's kind. */
    roomId: z.uuid().optional(),
    /** Required for types that book a clinician; omitted: the first free one. */
    clinicianId: z.uuid().optional(),
    mode: z.enum(['in_person', 'video']).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const appointmentView = z.object({
  id: z.uuid(),
  patient: z.object({ id: z.uuid(), name: z.string(), mrn: z.string() }),
  type: z.object({ id: z.uuid(), code: z.string(), name: z.string(), category: appointmentCategory }),
  seriesId: z.uuid().nullable(),
  seriesIndex: z.number().int().nullable(),
  seriesSize: z.number().int().nullable(),
  room: person.nullable(),
  clinician: person.nullable(),
  start: isoInstant,
  end: isoInstant,
  localStart: z.string(),
  localEnd: z.string(),
  status: appointmentStatus,
  statusReason: z.string().nullable(),
  mode: z.enum(['in_person', 'video']),
  note: z.string().nullable(),
  usesNurse: z.boolean(),
  version: z.number().int(),
});
export type AppointmentView = z.infer<typeof appointmentView>;

export const appointmentListQuery = z
  .object({
    from: calendarDate,
    /** Inclusive, at most 31 days after `from`. */
    to: calendarDate.optional(),
    includeCancelled: z.enum(['true', 'false']).optional(),
  })
  .strict()
  .refine((q) => !q.to || q.to >= q.from, { message: 'must be on or after from', path: ['to'] });
export const appointmentListResponse = z.object({
  timeZone: z.string(),
  items: z.array(appointmentView),
});
export type AppointmentListResponse = z.infer<typeof appointmentListResponse>;

export const rescheduleBody = z
  .object({
    start: isoInstant,
    roomId: z.uuid().optional(),
    clinicianId: z.uuid().optional(),
    reason: z.string().trim().max(500).optional(),
    /** Move the later live appointments of its series by the same number of days, at their own times. */
    shiftLater: z.boolean().optional(),
    version: z.number().int().min(1),
  })
  .strict();
export const rescheduleResponse = z.object({
  appointment: appointmentView,
  shifted: z.array(appointmentView),
});

export const cancelBody = z.object({ reason, version: z.number().int().min(1) }).strict();
export const statusBody = z
  .object({
    action: statusAction,
    version: z.number().int().min(1),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();

export const appointmentHistoryView = z.object({
  version: z.number().int(),
  change: z.string(),
  reason: z.string().nullable(),
  changedBy: person.nullable(),
  changedAt: isoInstant,
  start: isoInstant,
  status: appointmentStatus,
});
export const appointmentDetail = z.object({
  appointment: appointmentView,
  history: z.array(appointmentHistoryView),
});

export const patientAppointmentsResponse = z.object({
  timeZone: z.string(),
  upcoming: z.array(appointmentView),
  past: z.array(appointmentView),
  remindersOptedOut: z.boolean(),
});
export type PatientAppointmentsResponse = z.infer<typeof patientAppointmentsResponse>;
export const reminderPreferenceBody = z.object({ optedOut: z.boolean() }).strict();

// ---- Series --------------------------------------------------------------------------------------

export const seriesRulesView = z.object({
  count: z.number().int(),
  minPerWeek: z.number().int(),
  maxPerWeek: z.number().int(),
  minDaysBetween: z.number().int(),
  maxSpanDays: z.number().int(),
});
export const seriesProposeBody = z
  .object({
    patientId: z.uuid(),
    typeId: z.uuid(),
    startDate: calendarDate,
    count: z.number().int().min(1).max(12).optional(),
    preferredWeekdays: z.array(weekday).max(7).optional(),
    preferredTime: localTime.optional(),
  })
  .strict();
export const proposedSessionView = slotView.extend({ onPreferredWeekday: z.boolean() });
export const seriesProposal = z.object({
  timeZone: z.string(),
  rules: seriesRulesView,
  sessions: z.array(proposedSessionView),
});
export type SeriesProposalView = z.infer<typeof seriesProposal>;

export const seriesBookBody = z
  .object({
    patientId: z.uuid(),
    typeId: z.uuid(),
    kind: z.enum(['induction', 'maintenance']),
    sessions: z
      .array(z.object({ start: isoInstant, roomId: z.uuid().optional() }).strict())
      .min(1)
      .max(12),
  })
  .strict();
export const seriesBooked = z.object({ seriesId: z.uuid(), appointments: z.array(appointmentView) });

// ---- Calendar feeds ------------------------------------------------------------------------------

export const calendarFeedStatus = z.object({ active: z.boolean(), createdAt: isoInstant.nullable() });
/** The feed address is shown once, when made: only its hash is stored. */
export const calendarFeedCreated = z.object({ url: z.string(), createdAt: isoInstant });
