import { and, asc, eq, gt, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { patients, users } from '../../../db/schema.js';
import {
  appointmentHistory,
  appointmentSeries,
  appointmentTypes,
  appointments,
  calendarFeeds,
  clinicClosures,
  patientReminderPreferences,
  rooms,
  staffSchedules,
  staffTimeOff,
} from '../../../db/schema-scheduling.js';

/**
 * Scheduling's SQL, one place per table. No audit, no HTTP errors, no rules: the services decide.
 * Every statement is scoped by clinic_id.
 */

export type RoomRow = typeof rooms.$inferSelect;
export type AppointmentTypeRow = typeof appointmentTypes.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
type NewAppointmentRow = typeof appointments.$inferInsert;

/** Statuses that hold resources; the exclusion constraints use the same list (migration 0017). */
export const liveStatuses = ['booked', 'checked_in', 'in_chair', 'recovering', 'completed'] as const;
const isLiveRow = sql`${appointments.status} NOT IN ('cancelled', 'no_show')`;

// ---- Rooms ---------------------------------------------------------------------------------------

export function listRooms(db: Executor, clinicId: string) {
  return db
    .select()
    .from(rooms)
    .where(eq(rooms.clinicId, clinicId))
    .orderBy(asc(rooms.sortOrder), asc(rooms.name));
}

export async function findRoom(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(rooms)
    .where(and(eq(rooms.clinicId, clinicId), eq(rooms.id, id)));
  return row;
}

export async function insertRoom(db: Executor, values: typeof rooms.$inferInsert) {
  const [row] = await db.insert(rooms).values(values).returning();
  return row!;
}

export async function updateRoom(
  db: Executor,
  clinicId: string,
  id: string,
  changes: Partial<Pick<RoomRow, 'name' | 'active' | 'sortOrder'>>,
) {
  const [row] = await db
    .update(rooms)
    .set(changes)
    .where(and(eq(rooms.clinicId, clinicId), eq(rooms.id, id)))
    .returning();
  return row;
}

// ---- Staff hours, time off, closures ------------------------------------------------------------

/** Every active staff member of the clinic with their scheduling role and hours (null: not set). */
export function listStaffSchedules(db: Executor, clinicId: string) {
  return db
    .select({
      userId: users.id,
      label: users.displayName,
      userRole: users.role,
      role: staffSchedules.role,
      hours: staffSchedules.hours,
    })
    .from(users)
    .leftJoin(staffSchedules, eq(staffSchedules.userId, users.id))
    .where(and(eq(users.clinicId, clinicId), eq(users.status, 'active')))
    .orderBy(asc(users.displayName));
}

export async function findClinicUser(db: Executor, clinicId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, label: users.displayName, role: users.role, status: users.status })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.id, userId)));
  return row;
}

export async function upsertStaffSchedule(
  db: Executor,
  values: { clinicId: string; userId: string; role: string; hours: unknown; updatedBy: string },
) {
  await db
    .insert(staffSchedules)
    .values({ ...values, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: staffSchedules.userId,
      set: { role: values.role, hours: values.hours, updatedBy: values.updatedBy, updatedAt: new Date() },
    });
}

/** Time off that overlaps [from, to) (all of it when no window is given), not cancelled. */
export function listTimeOff(db: Executor, clinicId: string, window?: { from: Date; to: Date }) {
  const conditions: SQL[] = [eq(staffTimeOff.clinicId, clinicId), isNull(staffTimeOff.cancelledAt)];
  if (window) conditions.push(lt(staffTimeOff.startsAt, window.to), gt(staffTimeOff.endsAt, window.from));
  return db
    .select({
      id: staffTimeOff.id,
      userId: staffTimeOff.userId,
      label: users.displayName,
      startsAt: staffTimeOff.startsAt,
      endsAt: staffTimeOff.endsAt,
      reason: staffTimeOff.reason,
    })
    .from(staffTimeOff)
    .innerJoin(users, eq(users.id, staffTimeOff.userId))
    .where(and(...conditions))
    .orderBy(asc(staffTimeOff.startsAt));
}

export async function insertTimeOff(db: Executor, values: typeof staffTimeOff.$inferInsert) {
  const [row] = await db.insert(staffTimeOff).values(values).returning();
  return row!;
}

export async function cancelTimeOff(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .update(staffTimeOff)
    .set({ cancelledAt: new Date() })
    .where(
      and(eq(staffTimeOff.clinicId, clinicId), eq(staffTimeOff.id, id), isNull(staffTimeOff.cancelledAt)),
    )
    .returning({ id: staffTimeOff.id });
  return row;
}

export function listClosures(db: Executor, clinicId: string) {
  return db
    .select()
    .from(clinicClosures)
    .where(and(eq(clinicClosures.clinicId, clinicId), isNull(clinicClosures.cancelledAt)))
    .orderBy(asc(clinicClosures.fromDate));
}

export async function insertClosure(db: Executor, values: typeof clinicClosures.$inferInsert) {
  const [row] = await db.insert(clinicClosures).values(values).returning();
  return row!;
}

export async function cancelClosure(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .update(clinicClosures)
    .set({ cancelledAt: new Date() })
    .where(
      and(
        eq(clinicClosures.clinicId, clinicId),
        eq(clinicClosures.id, id),
        isNull(clinicClosures.cancelledAt),
      ),
    )
    .returning({ id: clinicClosures.id });
  return row;
}

// ---- Everything a window of the schedule needs, in one round trip ----------------------------------

export interface ScheduleSnapshotRow {
  name: string;
  settings: unknown;
  rooms: Array<{ id: string; kind: string; name: string; active: boolean; sortOrder: number }> | null;
  staff: Array<{ id: string; label: string; role: string; hours: unknown }> | null;
  timeOff: Array<{ userId: string; start: number; end: number }> | null;
  closures: Array<{ from: string; to: string; reason: string }> | null;
  bookings: Array<{
    id: string;
    start: number;
    end: number;
    roomId: string | null;
    clinicianId: string | null;
    usesNurse: boolean;
    patientId: string;
  }> | null;
}

/**
 * The clinic's settings, rooms, scheduled staff, time off and closures, and the live bookings that
 * overlap [from, to), as one statement of JSON aggregates: a slot search runs it once instead of six
 * queries, each of which waited for a pooled connection under load. Instants are epoch milliseconds.
 */
export async function scheduleSnapshot(
  db: Executor,
  clinicId: string,
  window: { from: Date; to: Date },
  excludeIds: string[] = [],
): Promise<ScheduleSnapshotRow | undefined> {
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const ms = (column: SQL) => sql`(extract(epoch FROM ${column}) * 1000)::float8`;
  const excluded =
    excludeIds.length > 0 ? sql`AND a.id <> ALL(${`{${excludeIds.join(',')}}`}::uuid[])` : sql``;
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT c.name, c.settings,
      (SELECT json_agg(json_build_object('id', r.id, 'kind', r.kind, 'name', r.name, 'active', r.active,
                                         'sortOrder', r.sort_order) ORDER BY r.sort_order, r.name)
         FROM rooms r WHERE r.clinic_id = c.id) AS rooms,
      (SELECT json_agg(json_build_object('id', u.id, 'label', u.display_name, 'role', s.role, 'hours', s.hours))
         FROM staff_schedules s JOIN users u ON u.id = s.user_id
         WHERE s.clinic_id = c.id AND u.status = 'active') AS staff,
      (SELECT json_agg(json_build_object('userId', t.user_id, 'start', ${ms(sql`t.starts_at`)}, 'end', ${ms(sql`t.ends_at`)}))
         FROM staff_time_off t
         WHERE t.clinic_id = c.id AND t.cancelled_at IS NULL AND t.starts_at < ${to}::timestamptz AND t.ends_at > ${from}::timestamptz) AS time_off,
      (SELECT json_agg(json_build_object('from', k.from_date, 'to', k.to_date, 'reason', k.reason))
         FROM clinic_closures k WHERE k.clinic_id = c.id AND k.cancelled_at IS NULL) AS closures,
      (SELECT json_agg(json_build_object('id', a.id, 'start', ${ms(sql`a.starts_at`)}, 'end', ${ms(sql`a.ends_at`)},
                                         'roomId', a.room_id, 'clinicianId', a.clinician_id,
                                         'usesNurse', a.uses_nurse, 'patientId', a.patient_id))
         FROM appointments a
         WHERE a.clinic_id = c.id AND a.status NOT IN ('cancelled', 'no_show')
           AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')
           ${excluded}) AS bookings
    FROM clinics c WHERE c.id = ${clinicId}`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    name: row.name as string,
    settings: row.settings,
    rooms: row.rooms as ScheduleSnapshotRow['rooms'],
    staff: row.staff as ScheduleSnapshotRow['staff'],
    timeOff: row.time_off as ScheduleSnapshotRow['timeOff'],
    closures: row.closures as ScheduleSnapshotRow['closures'],
    bookings: row.bookings as ScheduleSnapshotRow['bookings'],
  };
}

// ---- Appointment types ---------------------------------------------------------------------------

export function listTypes(db: Executor, clinicId: string) {
  return db
    .select()
    .from(appointmentTypes)
    .where(eq(appointmentTypes.clinicId, clinicId))
    .orderBy(asc(appointmentTypes.name));
}

export async function findType(db: Executor, clinicId: string, id: string) {
  const [row] = await db
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.clinicId, clinicId), eq(appointmentTypes.id, id)));
  return row;
}

/** Inserts types whose code the clinic does not have yet; returns how many were added. */
export async function insertMissingTypes(db: Executor, values: (typeof appointmentTypes.$inferInsert)[]) {
  if (values.length === 0) return 0;
  const added = await db
    .insert(appointmentTypes)
    .values(values)
    .onConflictDoNothing({ target: [appointmentTypes.clinicId, appointmentTypes.code] })
    .returning({ id: appointmentTypes.id });
  return added.length;
}

export async function updateType(
  db: Executor,
  clinicId: string,
  id: string,
  version: number,
  changes: Partial<typeof appointmentTypes.$inferInsert>,
) {
  const [row] = await db
    .update(appointmentTypes)
    .set({ ...changes, version: sql`${appointmentTypes.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(appointmentTypes.clinicId, clinicId),
        eq(appointmentTypes.id, id),
        eq(appointmentTypes.version, version),
      ),
    )
    .returning();
  return row;
}

// ---- Appointments --------------------------------------------------------------------------------

/** Serialises bookings of one clinic, so the nurse-capacity count and the insert see the same state. */
export async function lockClinicSchedule(tx: Executor, clinicId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`schedule:${clinicId}`}, 0))`);
}

export async function insertAppointments(tx: Executor, values: NewAppointmentRow[]) {
  return tx.insert(appointments).values(values).returning();
}

/** Changes an appointment if it is still at `version`; undefined when someone changed it meanwhile. */
export async function updateAppointment(
  tx: Executor,
  clinicId: string,
  id: string,
  version: number,
  changes: Partial<NewAppointmentRow>,
) {
  const [row] = await tx
    .update(appointments)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(
      and(eq(appointments.clinicId, clinicId), eq(appointments.id, id), eq(appointments.version, version)),
    )
    .returning();
  return row;
}

export async function findAppointmentRow(db: Executor, clinicId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(appointments)
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The appointments after `start` in a series that still hold their slot. */
export function laterInSeries(
  tx: Executor,
  clinicId: string,
  seriesId: string,
  after: Date,
  exceptId: string,
) {
  return tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.seriesId, seriesId),
        eq(appointments.status, 'booked'),
        gt(appointments.startsAt, after),
        ne(appointments.id, exceptId),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .for('update');
}

export async function insertHistory(tx: Executor, values: (typeof appointmentHistory.$inferInsert)[]) {
  if (values.length > 0) await tx.insert(appointmentHistory).values(values);
}

export function listHistory(db: Executor, clinicId: string, appointmentId: string) {
  return db
    .select({
      version: appointmentHistory.version,
      change: appointmentHistory.change,
      reason: appointmentHistory.reason,
      snapshot: appointmentHistory.snapshot,
      changedAt: appointmentHistory.changedAt,
      changedBy: appointmentHistory.changedBy,
      changedByLabel: users.displayName,
    })
    .from(appointmentHistory)
    .leftJoin(users, eq(users.id, appointmentHistory.changedBy))
    .where(
      and(eq(appointmentHistory.clinicId, clinicId), eq(appointmentHistory.appointmentId, appointmentId)),
    )
    .orderBy(asc(appointmentHistory.version));
}

export async function insertSeries(tx: Executor, values: typeof appointmentSeries.$inferInsert) {
  const [row] = await tx.insert(appointmentSeries).values(values).returning();
  return row!;
}

const clinicianUsers = sql`clinician_user`;

/** Appointments with what a screen shows beside them: patient name and MRN, type, room, clinician. */
export function appointmentRows(db: Executor, clinicId: string, where: SQL | undefined) {
  return db
    .select({
      appointment: appointments,
      patientGiven: patients.legalGivenName,
      patientFamily: patients.legalFamilyName,
      patientPreferred: patients.preferredName,
      patientMrn: patients.mrn,
      typeCode: appointmentTypes.code,
      typeName: appointmentTypes.name,
      typeCategory: appointmentTypes.category,
      roomName: rooms.name,
      clinicianLabel: sql<
        string | null
      >`(SELECT display_name FROM users ${clinicianUsers} WHERE ${clinicianUsers}.id = ${appointments.clinicianId})`,
      seriesSize: sql<
        number | null
      >`(SELECT count(*)::int FROM appointments s WHERE s.series_id = ${appointments.seriesId} AND s.status NOT IN ('cancelled', 'no_show'))`,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .leftJoin(rooms, eq(rooms.id, appointments.roomId))
    .where(and(eq(appointments.clinicId, clinicId), where))
    .orderBy(asc(appointments.startsAt), asc(rooms.sortOrder));
}
export type AppointmentJoinedRow = Awaited<ReturnType<typeof appointmentRows>>[number];

export function appointmentsBetween(
  db: Executor,
  clinicId: string,
  window: { from: Date; to: Date },
  includeCancelled: boolean,
) {
  return appointmentRows(
    db,
    clinicId,
    and(
      lt(appointments.startsAt, window.to),
      gt(appointments.endsAt, window.from),
      includeCancelled ? undefined : isLiveRow,
    ),
  );
}

export function appointmentsByIds(db: Executor, clinicId: string, ids: string[]) {
  return appointmentRows(db, clinicId, inArray(appointments.id, ids));
}

export function patientAppointments(db: Executor, clinicId: string, patientId: string) {
  return appointmentRows(db, clinicId, eq(appointments.patientId, patientId));
}

// ---- Reminders and preferences -------------------------------------------------------------------

export async function reminderOptOut(db: Executor, clinicId: string, patientId: string) {
  const [row] = await db
    .select({ optedOut: patientReminderPreferences.optedOut })
    .from(patientReminderPreferences)
    .where(
      and(
        eq(patientReminderPreferences.clinicId, clinicId),
        eq(patientReminderPreferences.patientId, patientId),
      ),
    );
  return row?.optedOut ?? false;
}

export async function setReminderOptOut(
  db: Executor,
  values: { clinicId: string; patientId: string; optedOut: boolean; updatedBy: string },
) {
  await db
    .insert(patientReminderPreferences)
    .values({ ...values, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: patientReminderPreferences.patientId,
      set: { optedOut: values.optedOut, updatedBy: values.updatedBy, updatedAt: new Date() },
    });
}

// ---- Calendar feeds ------------------------------------------------------------------------------

export async function activeFeed(db: Executor, clinicId: string, userId: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.clinicId, clinicId),
        eq(calendarFeeds.userId, userId),
        isNull(calendarFeeds.revokedAt),
      ),
    );
  return row;
}

export async function revokeFeeds(db: Executor, clinicId: string, userId: string) {
  return db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(calendarFeeds.clinicId, clinicId),
        eq(calendarFeeds.userId, userId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning({ id: calendarFeeds.id });
}

export async function insertFeed(db: Executor, values: typeof calendarFeeds.$inferInsert) {
  const [row] = await db.insert(calendarFeeds).values(values).returning();
  return row!;
}

/** The feed's owner, if the token is live and the user still active. */
export async function feedOwner(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      clinicId: calendarFeeds.clinicId,
      userId: users.id,
      label: users.displayName,
      feedId: calendarFeeds.id,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, tokenHash),
        isNull(calendarFeeds.revokedAt),
        eq(users.status, 'active'),
      ),
    );
  return row;
}
