import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { clinics } from '../../../db/schema.js';
import type { AppointmentTypeView, AppointmentView } from '../../../contracts/scheduling.js';
import { addClinicDays, clinicDateOf, clinicLocalToInstant } from '../../../domain/clinic/index.js';
import type { TestClinic, TestContext } from '../../../test/test-app.js';

/**
 * A clinic ready to book, set up through the API as an administrator would: New York time, open every
 * day 07:00–21:00, chairs, a Spravato room and a consult room, the default types, a nurse and a
 * physician (as clinician) working the same hours.
 */
export const TIME_ZONE = 'America/New_York';
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '07:00', closes: '21:00' }));

export interface SchedulingClinic {
  clinic: TestClinic;
  cookies: Record<'admin' | 'front_desk' | 'nurse' | 'physician', string>;
  types: Record<string, AppointmentTypeView>;
  chairs: string[];
  patientIds: string[];
}

export async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** The instant of a clinic-local wall time `days` days from today's clinic date, e.g. (1, '10:00'). */
export function localInstant(days: number, time: string, now = new Date()): string {
  const today = clinicDateOf(now.toISOString(), TIME_ZONE);
  const noon = clinicLocalToInstant(`${today}T12:00`, TIME_ZONE);
  const date = clinicDateOf(addClinicDays(noon, days, TIME_ZONE), TIME_ZONE);
  return clinicLocalToInstant(`${date}T${time}`, TIME_ZONE).toString();
}

export async function setSchedulingSettings(ctx: TestContext, clinicId: string, scheduling: object) {
  await ctx.deps.db
    .update(clinics)
    .set({ settings: { timeZone: TIME_ZONE, scheduling: { openingHours: EVERY_DAY, ...scheduling } } })
    .where(eq(clinics.id, clinicId));
}

export async function createSchedulingClinic(
  ctx: TestContext,
  name: string,
  options: { chairs?: number; patients?: number; chairsPerNurse?: number } = {},
): Promise<SchedulingClinic> {
  const clinic = await ctx.seedClinic(name);
  await setSchedulingSettings(ctx, clinic.id, { chairsPerNurse: options.chairsPerNurse ?? 4 });
  const cookies = {
    admin: await ctx.cookieFor(clinic.users.admin.id, clinic.id),
    front_desk: await ctx.cookieFor(clinic.users.front_desk.id, clinic.id),
    nurse: await ctx.cookieFor(clinic.users.nurse.id, clinic.id),
    physician: await ctx.cookieFor(clinic.users.physician.id, clinic.id),
  };
  const admin = (path: string, method: string, body?: unknown) =>
    ctx.request(path, { method, cookie: cookies.admin, ...(body ? { json: body } : {}) });
  const loaded = await json<{ items: AppointmentTypeView[] }>(
    await admin('/api/scheduling/types/defaults', 'POST'),
    200,
  );
  const chairs: string[] = [];
  for (let i = 1; i <= (options.chairs ?? 2); i += 1) {
    const room = await json<{ id: string }>(
      await admin('/api/scheduling/rooms', 'POST', {
        kind: 'infusion_chair',
        name: `Chair ${i}`,
        sortOrder: i,
      }),
      201,
    );
    chairs.push(room.id);
  }
  await json(
    await admin('/api/scheduling/rooms', 'POST', { kind: 'spravato_room', name: 'Spravato 1' }),
    201,
  );
  await json(await admin('/api/scheduling/rooms', 'POST', { kind: 'consult_room', name: 'Consult 1' }), 201);
  await json(
    await admin(`/api/scheduling/staff/${clinic.users.nurse.id}`, 'PUT', { role: 'nurse', hours: EVERY_DAY }),
    200,
  );
  await json(
    await admin(`/api/scheduling/staff/${clinic.users.physician.id}`, 'PUT', {
      role: 'clinician',
      hours: EVERY_DAY,
    }),
    200,
  );
  const patientIds: string[] = [];
  for (let i = 0; i < (options.patients ?? 3); i += 1) {
    const patient = await json<{ id: string }>(
      await ctx.request('/api/patients', {
        method: 'POST',
        cookie: cookies.front_desk,
        json: {
          legalGivenName: `Pat${i}`,
          legalFamilyName: 'Booker',
          birthDate: '1980-01-01',
          sexAtBirth: 'female',
          email: `pat${i}@example.com`,
          phone: '+1 555 0100',
        },
      }),
      201,
    );
    patientIds.push(patient.id);
  }
  return {
    clinic,
    cookies,
    types: Object.fromEntries(loaded.items.map((t) => [t.code, t])),
    chairs,
    patientIds,
  };
}

export async function book(
  ctx: TestContext,
  s: SchedulingClinic,
  body: Record<string, unknown>,
  status = 201,
): Promise<AppointmentView> {
  return json<AppointmentView>(
    await ctx.request('/api/appointments', { method: 'POST', cookie: s.cookies.front_desk, json: body }),
    status,
  );
}

/** The `error` of a refused request: its message and, for a 400, the fields it names. */
export async function problem(
  response: Response,
  status: number,
): Promise<{ code: string; message: string; fields: Array<{ field: string; message: string }> }> {
  const body = await json<{
    error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
  }>(response, status);
  return { ...body.error, fields: body.error.fields ?? [] };
}
