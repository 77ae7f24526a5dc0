import type { Database } from '../../../db/client.js';
import {
  appointmentTypes,
  appointments,
  clinicClosures,
  rooms,
  staffTimeOff,
} from '../../../db/schema-scheduling.js';

export interface SeededSchedulingRecords {
  roomId: string;
  typeId: string;
  timeOffId: string;
  closureId: string;
  appointmentId: string;
}

/**
 * One of each scheduling record for a clinic, written straight to the tables: tests that need another
 * clinic's records (the authorisation walk) seed them without going through that clinic's API.
 */
export async function seedSchedulingRecords(
  db: Database,
  clinicId: string,
  patientId: string,
  staffUserId: string,
): Promise<SeededSchedulingRecords> {
  const [room] = await db
    .insert(rooms)
    .values({ clinicId, kind: 'infusion_chair', name: 'Foreign chair' })
    .returning();
  const [type] = await db
    .insert(appointmentTypes)
    .values({
      clinicId,
      code: 'foreign',
      name: 'Foreign infusion',
      durationMinutes: 70,
      roomKind: 'infusion_chair',
      clinician: 'none',
      usesNurse: true,
      category: 'infusion',
      source: { tag: 'engineering default', anchor: 'scheduling-durations' },
    })
    .returning();
  const [timeOff] = await db
    .insert(staffTimeOff)
    .values({
      clinicId,
      userId: staffUserId,
      startsAt: new Date('2030-01-07T00:00:00Z'),
      endsAt: new Date('2030-01-08T00:00:00Z'),
      reason: 'Foreign leave',
    })
    .returning();
  const [closure] = await db
    .insert(clinicClosures)
    .values({ clinicId, fromDate: '2030-12-25', toDate: '2030-12-25', reason: 'Foreign holiday' })
    .returning();
  const [appointment] = await db
    .insert(appointments)
    .values({
      clinicId,
      patientId,
      typeId: type!.id,
      roomId: room!.id,
      startsAt: new Date('2030-01-07T15:00:00Z'),
      endsAt: new Date('2030-01-07T16:10:00Z'),
      usesNurse: true,
    })
    .returning();
  return {
    roomId: room!.id,
    typeId: type!.id,
    timeOffId: timeOff!.id,
    closureId: closure!.id,
    appointmentId: appointment!.id,
  };
}
