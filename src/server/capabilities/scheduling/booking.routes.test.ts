import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, patients } from '../../../db/schema.js';
import { appointmentHistory, appointments } from '../../../db/schema-scheduling.js';
import { measurementAnchors } from '../../../db/schema-measurement.js';
import type { AppointmentView } from '../../../contracts/scheduling.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import {
  book,
  createSchedulingClinic,
  json,
  localInstant,
  problem,
  setSchedulingSettings,
  type SchedulingClinic,
} from './scheduling-test-setup.js';

let ctx: TestContext;
let s: SchedulingClinic;

beforeAll(async () => {
  ctx = await createTestContext();
  s = await createSchedulingClinic(ctx, 'Booking', { chairs: 2, patients: 6 });
});
afterAll(async () => {
  await ctx.close();
});

const infusion = () => s.types.iv_infusion!;
const MINUTE = 60_000;

describe('booking an appointment', () => {
  it('books an infusion into a free chair for the type’s duration and audits it with the patient', async () => {
    const start = localInstant(2, '09:00');
    const booked = await book(ctx, s, { patientId: s.patientIds[0], typeId: infusion().id, start });
    expect(booked.room?.id).toBe(s.chairs[0]);
    expect(Date.parse(booked.end) - Date.parse(booked.start)).toBe(infusion().durationMinutes * MINUTE);
    expect(booked.localStart.endsWith('T09:00')).toBe(true);
    expect(booked.status).toBe('booked');
    const rows = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'appointment'), eq(auditLog.entityId, booked.id)));
    expect(rows.map((r) => [r.action, r.patientId])).toEqual([['create', s.patientIds[0]]]);
    const [history] = await ctx.deps.db
      .select()
      .from(appointmentHistory)
      .where(eq(appointmentHistory.appointmentId, booked.id));
    expect(history).toMatchObject({ version: 1, change: 'booked' });
  });

  it('lets one chair take back-to-back bookings and refuses an overlap naming the chair and time', async () => {
    const first = localInstant(3, '09:00');
    const a = await book(ctx, s, {
      patientId: s.patientIds[0],
      typeId: infusion().id,
      start: first,
      roomId: s.chairs[1],
    });
    const b = await book(ctx, s, {
      patientId: s.patientIds[1],
      typeId: infusion().id,
      start: a.end,
      roomId: s.chairs[1],
    });
    expect(b.start).toBe(a.end);
    const clash = await ctx.request('/api/appointments', {
      method: 'POST',
      cookie: s.cookies.front_desk,
      json: {
        patientId: s.patientIds[2],
        typeId: infusion().id,
        start: new Date(Date.parse(first) + 30 * MINUTE).toISOString(),
        roomId: s.chairs[1],
      },
    });
    const body = await problem(clash, 409);
    expect(body.message).toContain('Chair 2 is booked');
    expect(body.message).toMatch(/09:00–10:10/);
  });

  it('never books the same patient twice at once', async () => {
    const start = localInstant(4, '11:00');
    await book(ctx, s, { patientId: s.patientIds[3], typeId: infusion().id, start });
    const again = await ctx.request('/api/appointments', {
      method: 'POST',
      cookie: s.cookies.front_desk,
      json: { patientId: s.patientIds[3], typeId: infusion().id, start },
    });
    expect((await problem(again, 409)).message).toContain('already has an appointment');
  });

  it('refuses bad requests with a 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ start: localInstant(-1, '10:00') }, 'start', /past/],
      [{ start: localInstant(5, '05:00') }, 'start', /opening hours/],
      [{ start: localInstant(5, '20:30') }, 'start', /opening hours/],
      [
        { start: localInstant(5, '10:00'), roomId: '00000000-0000-4000-8000-000000000000' },
        'roomId',
        /not a room/,
      ],
      [
        { start: localInstant(5, '10:00'), typeId: '00000000-0000-4000-8000-000000000000' },
        'typeId',
        /not an appointment type/,
      ],
      [
        { start: localInstant(5, '10:00', new Date()).replace(/:00(\.000)?Z$/, ':30Z') },
        'start',
        /whole minute/,
      ],
    ];
    for (const [change, field, message] of cases) {
      const response = await ctx.request('/api/appointments', {
        method: 'POST',
        cookie: s.cookies.front_desk,
        json: { patientId: s.patientIds[4], typeId: infusion().id, ...change },
      });
      const body = await problem(response, 400);
      expect(body.fields[0]?.field, JSON.stringify(change)).toBe(field);
      expect(body.fields[0]?.message).toMatch(message);
    }
  });

  it('refuses a room of the wrong kind', async () => {
    const { rooms } = await json<{ rooms: Array<{ id: string; kind: string }> }>(
      await ctx.request('/api/scheduling/resources', { cookie: s.cookies.front_desk }),
      200,
    );
    const consult = rooms.find((r) => r.kind === 'consult_room')!;
    const wrong = await ctx.request('/api/appointments', {
      method: 'POST',
      cookie: s.cookies.front_desk,
      json: {
        patientId: s.patientIds[4],
        typeId: infusion().id,
        start: localInstant(5, '10:00'),
        roomId: consult.id,
      },
    });
    expect((await problem(wrong, 400)).fields[0]!.message).toMatch(
      /is a consult room; this appointment needs an infusion chair/,
    );
  });

  it('refuses an inactive patient', async () => {
    const c = await createSchedulingClinic(ctx, 'Inactive', { chairs: 1, patients: 1 });
    await ctx.deps.db.update(patients).set({ active: false }).where(eq(patients.id, c.patientIds[0]!));
    const response = await ctx.request('/api/appointments', {
      method: 'POST',
      cookie: c.cookies.front_desk,
      json: { patientId: c.patientIds[0], typeId: c.types.iv_infusion!.id, start: localInstant(5, '10:00') },
    });
    expect((await problem(response, 400)).fields[0]).toEqual({
      field: 'patientId',
      message: 'is an inactive patient',
    });
  });

  it('refuses a day the clinic is closed, naming the closure', async () => {
    const date = localInstant(6, '10:00');
    const day = new Date(date).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
    await json(
      await ctx.request('/api/scheduling/closures', {
        method: 'POST',
        cookie: s.cookies.admin,
        json: { fromDate: day, toDate: day, reason: 'Staff training' },
      }),
      201,
    );
    const response = await ctx.request('/api/appointments', {
      method: 'POST',
      cookie: s.cookies.front_desk,
      json: { patientId: s.patientIds[4], typeId: infusion().id, start: date },
    });
    expect((await problem(response, 400)).fields[0]!.message).toContain('Staff training');
  });

  it('keeps the front desk to booking and the nurse to moving patients through the day', async () => {
    const asNurse = await ctx.request('/api/appointments', {
      method: 'POST',
      cookie: s.cookies.nurse,
      json: { patientId: s.patientIds[4], typeId: infusion().id, start: localInstant(7, '10:00') },
    });
    expect(asNurse.status).toBe(403);
    const asDesk = await ctx.request('/api/scheduling/rooms', {
      method: 'POST',
      cookie: s.cookies.front_desk,
      json: { kind: 'infusion_chair', name: 'Desk chair' },
    });
    expect(asDesk.status).toBe(403);
  });
});

describe('no double booking under concurrency', () => {
  it('gives the last free chair to exactly one of 20 simultaneous requests; the rest get 409', async () => {
    const c = await createSchedulingClinic(ctx, 'Race', { chairs: 1, patients: 20, chairsPerNurse: 8 });
    const start = localInstant(2, '13:00');
    const responses = await Promise.all(
      c.patientIds.map((patientId) =>
        ctx.request('/api/appointments', {
          method: 'POST',
          cookie: c.cookies.front_desk,
          json: { patientId, typeId: c.types.iv_infusion!.id, start },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    const [{ n }] = (
      await ctx.deps.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM appointments WHERE clinic_id = ${c.clinic.id}`,
      )
    ).rows as [{ n: number }];
    expect(n).toBe(1);
  });

  it('is enforced by PostgreSQL itself: an overlapping insert on the same chair is refused (23P01)', async () => {
    const [row] = await ctx.deps.db
      .select()
      .from(appointments)
      .where(eq(appointments.clinicId, s.clinic.id))
      .limit(1);
    const attempt = ctx.deps.db.insert(appointments).values({
      clinicId: row!.clinicId,
      patientId: s.patientIds[5]!,
      typeId: row!.typeId,
      roomId: row!.roomId,
      startsAt: new Date(row!.startsAt.getTime() + 10 * MINUTE),
      endsAt: new Date(row!.endsAt.getTime() + 10 * MINUTE),
      usesNurse: true,
    });
    await expect(attempt).rejects.toMatchObject({ cause: { code: '23P01' } });
  });

  it('counts nurse capacity: two chairs but one nurse covering one chair refuses the second overlap', async () => {
    const c = await createSchedulingClinic(ctx, 'One nurse', { chairs: 2, patients: 2, chairsPerNurse: 1 });
    const start = localInstant(2, '10:00');
    await book(ctx, c, { patientId: c.patientIds[0], typeId: c.types.iv_infusion!.id, start });
    const second = await ctx.request('/api/appointments', {
      method: 'POST',
      cookie: c.cookies.front_desk,
      json: {
        patientId: c.patientIds[1],
        typeId: c.types.iv_infusion!.id,
        start: new Date(Date.parse(start) + 30 * MINUTE).toISOString(),
      },
    });
    expect((await problem(second, 409)).message).toMatch(/Nurse capacity is full/);
    await setSchedulingSettings(ctx, c.clinic.id, { chairsPerNurse: 2 });
    await book(ctx, c, {
      patientId: c.patientIds[1],
      typeId: c.types.iv_infusion!.id,
      start: new Date(Date.parse(start) + 30 * MINUTE).toISOString(),
    });
  });
});

describe('through the day', () => {
  it('moves a patient from booked to completed, refuses a skipped step, and keeps every version', async () => {
    ctx.clock.advance(0);
    const start = localInstant(8, '10:00');
    let a = await book(ctx, s, { patientId: s.patientIds[5], typeId: infusion().id, start });
    const act = (action: string, version: number, status = 200) =>
      ctx
        .request(`/api/appointments/${a.id}/status`, {
          method: 'POST',
          cookie: s.cookies.nurse,
          json: { action, version },
        })
        .then((r) => json<AppointmentView>(r, status));
    await json(
      await ctx.request(`/api/appointments/${a.id}/status`, {
        method: 'POST',
        cookie: s.cookies.nurse,
        json: { action: 'complete', version: a.version },
      }),
      409,
    );
    for (const [action, status] of [
      ['check_in', 'checked_in'],
      ['seat', 'in_chair'],
      ['start_recovery', 'recovering'],
      ['complete', 'completed'],
    ] as const) {
      a = await act(action, a.version);
      expect(a.status).toBe(status);
    }
    const stale = await ctx.request(`/api/appointments/${a.id}/cancel`, {
      method: 'POST',
      cookie: s.cookies.front_desk,
      json: { reason: 'test', version: 1 },
    });
    expect(stale.status).toBe(409);
    const detail = await json<{ history: Array<{ version: number; change: string }> }>(
      await ctx.request(`/api/appointments/${a.id}`, { cookie: s.cookies.nurse }),
      200,
    );
    expect(detail.history.map((h) => h.change)).toEqual([
      'booked',
      'check_in',
      'seat',
      'start_recovery',
      'complete',
    ]);
  });

  it('cancels with a reason, frees the chair, and cancels the measurement anchor of the infusion', async () => {
    const start = localInstant(9, '10:00');
    const a = await book(ctx, s, {
      patientId: s.patientIds[4],
      typeId: infusion().id,
      start,
      roomId: s.chairs[0],
    });
    const [anchor] = await ctx.deps.db
      .select()
      .from(measurementAnchors)
      .where(eq(measurementAnchors.appointmentId, a.id));
    expect(anchor?.at.toISOString()).toBe(a.start);
    // A booked infusion's anchor follows the appointment; it is not cancelled by hand.
    const byHand = await ctx.request(`/api/anchors/${anchor!.id}/cancel`, {
      method: 'POST',
      cookie: s.cookies.nurse,
    });
    expect(byHand.status).toBe(409);
    const cancelled = await json<AppointmentView>(
      await ctx.request(`/api/appointments/${a.id}/cancel`, {
        method: 'POST',
        cookie: s.cookies.front_desk,
        json: { reason: 'Patient unwell', version: a.version },
      }),
      200,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'Patient unwell' });
    const [after] = await ctx.deps.db
      .select()
      .from(measurementAnchors)
      .where(eq(measurementAnchors.appointmentId, a.id));
    expect(after?.cancelledAt).not.toBeNull();
    await book(ctx, s, { patientId: s.patientIds[3], typeId: infusion().id, start, roomId: s.chairs[0] });
  });

  it('lists the day for the calendar and audits which patients it showed', async () => {
    const start = localInstant(10, '12:00');
    const a = await book(ctx, s, { patientId: s.patientIds[2], typeId: infusion().id, start });
    const date = a.localStart.slice(0, 10);
    const day = await json<{ items: AppointmentView[] }>(
      await ctx.request(`/api/appointments?from=${date}`, { cookie: s.cookies.physician }),
      200,
    );
    expect(day.items.map((i) => i.id)).toContain(a.id);
    const [row] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'appointment'), eq(auditLog.action, 'query')))
      .orderBy(sql`${auditLog.seq} DESC`)
      .limit(1);
    expect((row!.detail as { patientIds: string[] }).patientIds).toContain(s.patientIds[2]);
  });
});
