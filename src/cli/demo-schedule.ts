import { eq } from 'drizzle-orm';
import { clinics } from '../db/schema.js';
import { rooms, staffSchedules } from '../db/schema-scheduling.js';
import {
  addClinicDays,
  clinicDateOf,
  clinicLocalToInstant,
  readClinicSettings,
} from '../domain/clinic/index.js';
import type { AppDeps } from '../server/shared/app-deps.js';
import type { Actor } from '../server/shared/http/define-route.js';
import {
  addDefaultTypes,
  bookAppointment,
  bookSeries,
  proposeCourse,
} from '../server/capabilities/scheduling/index.js';
import { appointmentTypes } from '../db/schema-scheduling.js';

/** What the demo calendar holds, for the start-up message and the tests. */
export interface DemoScheduleCounts {
  series: number;
  appointments: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '18:00' }));

/**
 * The demo clinic's calendar: four infusion chairs, a Spravato room and two consult rooms, the nurse and
 * physician working weekdays 08:00–18:00, three chairs per nurse, and bookings made through the same use
 * cases the front desk uses: induction series for patients in treatment and consultations for new ones,
 * starting tomorrow so every booking is in the future when it is made.
 */
export async function seedDemoSchedule(
  deps: AppDeps,
  staff: { frontDesk: Actor; nurseId: string; physicianId: string },
  patients: Array<{ id: string; careStatus: string }>,
): Promise<DemoScheduleCounts> {
  const clinicId = staff.frontDesk.clinicId;
  const counts: DemoScheduleCounts = { series: 0, appointments: 0 };
  await deps.db.transaction(async (tx) => {
    const [clinic] = await tx
      .select({ settings: clinics.settings })
      .from(clinics)
      .where(eq(clinics.id, clinicId));
    const settings = readClinicSettings(clinic?.settings);
    await tx
      .update(clinics)
      .set({
        settings: {
          ...(clinic?.settings as object),
          scheduling: { ...settings.scheduling, chairsPerNurse: 3 },
        },
      })
      .where(eq(clinics.id, clinicId));
    await addDefaultTypes(tx, clinicId);
    await tx
      .insert(rooms)
      .values([
        ...[1, 2, 3, 4].map((n) => ({ clinicId, kind: 'infusion_chair', name: `Chair ${n}`, sortOrder: n })),
        { clinicId, kind: 'spravato_room', name: 'Spravato room', sortOrder: 10 },
        { clinicId, kind: 'consult_room', name: 'Consult A', sortOrder: 20 },
        { clinicId, kind: 'consult_room', name: 'Consult B', sortOrder: 21 },
      ]);
    await tx.insert(staffSchedules).values([
      { clinicId, userId: staff.nurseId, role: 'nurse', hours: WEEKDAYS },
      { clinicId, userId: staff.physicianId, role: 'clinician', hours: WEEKDAYS },
    ]);
  });
  const types = await deps.db.select().from(appointmentTypes).where(eq(appointmentTypes.clinicId, clinicId));
  const typeId = (code: string) => types.find((t) => t.code === code)!.id;
  const { timeZone } = readClinicSettings(
    (await deps.db.select({ settings: clinics.settings }).from(clinics).where(eq(clinics.id, clinicId)))[0]
      ?.settings,
  );
  const tomorrow = clinicDateOf(addClinicDays(deps.now().toISOString(), 1, timeZone), timeZone);
  const inTreatment = patients.filter((p) => p.careStatus === 'in_treatment').slice(0, 4);
  const times = ['09:00', '10:30', '12:00', '14:00'];
  for (const [i, patient] of inTreatment.entries()) {
    const proposal = await proposeCourse(deps, staff.frontDesk, {
      patientId: patient.id,
      typeId: typeId('iv_infusion'),
      startDate: tomorrow,
      preferredWeekdays: i % 2 === 0 ? [1, 3, 5] : [2, 4],
      preferredTime: times[i],
    });
    const booked = await bookSeries(deps, staff.frontDesk, {
      patientId: patient.id,
      typeId: typeId('iv_infusion'),
      kind: 'induction',
      sessions: proposal.sessions.map((s) => ({ start: s.start })),
    });
    counts.series += 1;
    counts.appointments += booked.appointments.length;
  }
  const newPatients = patients
    .filter((p) => p.careStatus === 'referred' || p.careStatus === 'screening')
    .slice(0, 3);
  const consultDays = nextWeekdays(tomorrow, newPatients.length, timeZone);
  for (const [i, patient] of newPatients.entries()) {
    const start = clinicLocalToInstant(
      `${consultDays[i]}T15:${i % 2 === 0 ? '00' : '30'}`,
      timeZone,
    ).toString();
    await bookAppointment(deps, staff.frontDesk, {
      patientId: patient.id,
      typeId: typeId('consultation'),
      start,
    });
    counts.appointments += 1;
  }
  return counts;
}

/** The first `count` Monday-to-Friday dates from `from` (inclusive), clinic-local. */
function nextWeekdays(from: string, count: number, timeZone: string): string[] {
  const days: string[] = [];
  for (let d = 0; days.length < count; d += 1) {
    const date = clinicDateOf(
      addClinicDays(clinicLocalToInstant(`${from}T12:00`, timeZone), d, timeZone),
      timeZone,
    );
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.push(date);
  }
  return days;
}
