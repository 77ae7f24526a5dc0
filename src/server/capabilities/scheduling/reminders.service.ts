import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { clinics, patients } from '../../../db/schema.js';
import {
  appointmentReminders,
  appointmentTypes,
  appointments,
  patientReminderPreferences,
} from '../../../db/schema-scheduling.js';
import { instantToClinicLocal, readClinicSettings } from '../../../domain/clinic/index.js';
import {
  DEFAULT_APPOINTMENT_TYPES,
  dueReminders,
  reminderText,
  type AppointmentStatus,
} from '../../../domain/scheduling/index.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';

/**
 * Appointment reminders, sent through the outbox at the offsets each clinic sets. A reminder is sent
 * once: its row in appointment_reminders is UNIQUE on (appointment, offset, channel) and is inserted in
 * the same transaction as the outbox message, so a second tick or a second server finds it and rolls
 * its own attempt back. The text carries the visit's neutral name, time, pre-visit instructions and the
 * clinic's phone number: no drug, diagnosis or dose.
 */

/** How late a reminder may still go out (a server that was down longer skips it; the next offset remains). */
const LOOKBACK_MINUTES = 60;
const HOUR = 3_600_000;

class AlreadySent extends Error {}

function upcomingBooked(db: Executor, now: Date, horizonHours: number) {
  return db
    .select({
      id: appointments.id,
      clinicId: appointments.clinicId,
      patientId: appointments.patientId,
      startsAt: appointments.startsAt,
      status: appointments.status,
      email: patients.email,
      phone: patients.phone,
      patientActive: patients.active,
      typeCode: appointmentTypes.code,
      typeName: appointmentTypes.name,
      instructions: appointmentTypes.instructions,
      optedOut: sql<boolean>`coalesce(${patientReminderPreferences.optedOut}, false)`,
      clinicName: clinics.name,
      settings: clinics.settings,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .leftJoin(patientReminderPreferences, eq(patientReminderPreferences.patientId, appointments.patientId))
    .where(
      and(
        eq(appointments.status, 'booked'),
        gt(appointments.startsAt, now),
        lt(appointments.startsAt, new Date(now.getTime() + horizonHours * HOUR)),
      ),
    );
}

type Candidate = Awaited<ReturnType<typeof upcomingBooked>>[number];

async function sendOne(
  deps: AppDeps,
  c: Candidate,
  offsetHours: number,
  channel: 'email' | 'sms',
  to: string,
): Promise<boolean> {
  const settings = readClinicSettings(c.settings);
  const shipped = DEFAULT_APPOINTMENT_TYPES.find((d) => d.code === c.typeCode);
  const message = reminderText({
    clinicName: settings.site.displayName || c.clinicName,
    typeName: shipped?.reminderName ?? c.typeName,
    localStart: instantToClinicLocal(c.startsAt.toISOString(), settings.timeZone),
    instructions: c.instructions,
    fastingHours: settings.scheduling.infusionFastingHours,
    clinicPhone: settings.site.phone || 'the number on our website',
  });
  try {
    await deps.db.transaction(async (tx) => {
      const outboxId = await deps.mailer.enqueue(tx, {
        clinicId: c.clinicId,
        channel,
        to,
        subject: channel === 'email' ? message.subject : undefined,
        body:
          channel === 'email'
            ? message.text
            : `${message.subject}. ${settings.site.phone ? `To change it call ${settings.site.phone}.` : ''}`.trim(),
      });
      const inserted = await tx
        .insert(appointmentReminders)
        .values({
          clinicId: c.clinicId,
          appointmentId: c.id,
          offsetMinutes: offsetHours * 60,
          channel,
          outboxId,
        })
        .onConflictDoNothing()
        .returning({ id: appointmentReminders.id });
      if (inserted.length === 0) throw new AlreadySent();
      await appendAudit(tx, [
        {
          clinicId: c.clinicId,
          userId: null,
          userLabel: 'Arbor reminders',
          patientId: c.patientId,
          action: 'create',
          entity: 'appointment.reminder',
          entityId: c.id,
          detail: { offsetHours, channel, outboxId },
          outcome: 'success',
        },
      ]);
    });
    return true;
  } catch (error) {
    if (error instanceof AlreadySent) return false;
    throw error;
  }
}

/** One tick of the reminder job: queues every reminder due since the last hour. Returns how many. */
export async function sendDueReminders(deps: AppDeps, now: Date = deps.now()): Promise<number> {
  const candidates = await upcomingBooked(deps.db, now, 14 * 24 + 1);
  let queued = 0;
  for (const c of candidates) {
    if (!c.patientActive) continue;
    const settings = readClinicSettings(c.settings).scheduling;
    const due = dueReminders({
      appointments: [
        {
          id: c.id,
          start: c.startsAt.getTime(),
          status: c.status as AppointmentStatus,
          optedOut: c.optedOut,
        },
      ],
      offsetsHours: settings.reminderOffsetsHours,
      now: now.getTime(),
      lookbackMinutes: LOOKBACK_MINUTES,
    });
    for (const reminder of due) {
      if (settings.reminderChannels.includes('email') && c.email)
        queued += Number(await sendOne(deps, c, reminder.offsetHours, 'email', c.email));
      if (settings.reminderChannels.includes('sms') && c.phone)
        queued += Number(await sendOne(deps, c, reminder.offsetHours, 'sms', c.phone));
    }
  }
  return queued;
}
