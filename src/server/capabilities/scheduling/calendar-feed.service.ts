import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import { appointments } from '../../../db/schema-scheduling.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { ApiError, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { loadScheduleSettings } from './schedule-context.js';
import {
  activeFeed,
  appointmentRows,
  feedOwner,
  insertFeed,
  revokeFeeds,
  type AppointmentJoinedRow,
} from './scheduling.queries.js';

/**
 * iCalendar (RFC 5545) output, made with ical-generator: a private, revocable feed per staff member and
 * an .ics file of one patient's appointments. Each event has a stable UID (the appointment id), DTSTAMP,
 * SEQUENCE (the appointment's version, so a calendar replaces a moved event) and STATUS (CANCELLED for
 * a cancellation). A staff feed names the patient only by initials unless the clinic allows names.
 */

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const FEED_DAYS_BACK = 30;
const FEED_DAYS_AHEAD = 180;

function feedUrl(deps: AppDeps, token: string): string {
  if (!deps.publicUrl)
    throw new ApiError(
      503,
      'public_url_missing',
      'Set ARBOR_PUBLIC_URL (the address patients and calendars reach Arbor at) before making a calendar feed',
    );
  return new URL(`/calendar/${token}.ics`, deps.publicUrl).toString();
}

export async function feedStatus(deps: AppDeps, actor: Actor) {
  const feed = await activeFeed(deps.db, actor.clinicId, actor.userId);
  return { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null };
}

/** Makes a new feed address (revoking any earlier one); the address is shown once. */
export async function createFeed(deps: AppDeps, actor: Actor) {
  const token = randomBytes(32).toString('base64url');
  const url = feedUrl(deps, token);
  return deps.db.transaction(async (tx) => {
    await revokeFeeds(tx, actor.clinicId, actor.userId);
    const row = await insertFeed(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      tokenHash: hashToken(token),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'calendar-feed',
        entityId: row.id,
        outcome: 'success',
      },
    ]);
    return { url, createdAt: row.createdAt.toISOString() };
  });
}

export async function revokeFeed(deps: AppDeps, actor: Actor) {
  return deps.db.transaction(async (tx) => {
    const revoked = await revokeFeeds(tx, actor.clinicId, actor.userId);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'calendar-feed',
        detail: { revoked: revoked.length },
        outcome: 'success',
      },
    ]);
    return { active: false, createdAt: null };
  });
}

const initials = (row: AppointmentJoinedRow) =>
  `${row.patientGiven.slice(0, 1)}.${row.patientFamily.slice(0, 1)}.`.toUpperCase();

function calendarOf(
  name: string,
  timeZone: string,
  rows: AppointmentJoinedRow[],
  summary: (row: AppointmentJoinedRow) => string,
  now: Date,
): string {
  const calendar = ical({
    name,
    timezone: timeZone,
    ttl: 15 * 60,
    prodId: { company: 'Arbor', product: 'Arbor' },
  });
  for (const row of rows) {
    const a = row.appointment;
    const cancelled = a.status === 'cancelled' || a.status === 'no_show';
    calendar.createEvent({
      id: `${a.id}@arbor`,
      start: a.startsAt,
      end: a.endsAt,
      stamp: now,
      sequence: a.version,
      summary: summary(row),
      location: row.roomName ?? (a.mode === 'video' ? 'Video call' : undefined),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/**
 * The staff member's feed: their own booked appointments (as clinician) and, for nurses and the front
 * desk, the clinic's chair bookings, 30 days back to 180 ahead. An unknown or revoked token is a 404.
 */
export async function renderFeed(deps: AppDeps, file: string): Promise<string> {
  const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file)?.[1];
  if (!token) throw notFound('Calendar');
  const owner = await feedOwner(deps.db, hashToken(token));
  if (!owner) throw notFound('Calendar');
  const { timeZone, clinicName, settings } = await loadScheduleSettings(deps.db, owner.clinicId);
  const now = deps.now();
  const window = and(
    gt(appointments.endsAt, new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000)),
    lt(appointments.startsAt, new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000)),
  );
  const rows = await appointmentRows(
    deps.db,
    owner.clinicId,
    and(window, or(eq(appointments.clinicianId, owner.userId), eq(appointments.usesNurse, true))),
  );
  await appendAudit(deps.db, [
    {
      clinicId: owner.clinicId,
      userId: owner.userId,
      userLabel: owner.label,
      action: 'read',
      entity: 'calendar-feed',
      entityId: owner.feedId,
      detail: { patientIds: [...new Set(rows.map((r) => r.appointment.patientId))] },
      outcome: 'success',
    },
  ]);
  const summary = (row: AppointmentJoinedRow) =>
    `${row.typeName} — ${settings.calendarShowsPatientName ? `${row.patientGiven} ${row.patientFamily}` : initials(row)}`;
  return calendarOf(`${clinicName} — ${owner.label}`, timeZone, rows, summary, now);
}

/** One patient's appointments as an .ics file (to send to the patient or import into their calendar). */
export async function patientCalendar(deps: AppDeps, actor: Actor, patientId: string): Promise<string> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const { timeZone, clinicName } = await loadScheduleSettings(deps.db, actor.clinicId);
  const rows = await appointmentRows(deps.db, actor.clinicId, eq(appointments.patientId, patientId));
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'export',
    entity: 'appointment.ics',
    detail: { count: rows.length },
    outcome: 'success',
  });
  // What a patient's calendar says: the visit and the clinic, no clinical detail.
  return calendarOf(clinicName, timeZone, rows, () => `Appointment at ${clinicName}`, deps.now());
}
