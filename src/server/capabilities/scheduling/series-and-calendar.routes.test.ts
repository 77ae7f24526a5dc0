import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageOutbox } from '../../../db/schema.js';
import type {
  AppointmentTypeView,
  AppointmentView,
  SeriesProposalView,
  SlotResponse,
} from '../../../contracts/scheduling.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { sendDueReminders } from './reminders.service.js';
import {
  book,
  createSchedulingClinic,
  json,
  localInstant,
  problem,
  type SchedulingClinic,
} from './scheduling-test-setup.js';

let ctx: TestContext;
let s: SchedulingClinic;
const HOUR = 3_600_000;

beforeAll(async () => {
  ctx = await createTestContext();
  s = await createSchedulingClinic(ctx, 'Series', { chairs: 2, patients: 4 });
});
afterAll(async () => {
  await ctx.close();
});

const post = (path: string, cookie: string, body: unknown) =>
  ctx.request(path, { method: 'POST', cookie, json: body });

async function propose(body: Record<string, unknown>) {
  return json<SeriesProposalView>(
    await post('/api/appointments/series/propose', s.cookies.front_desk, {
      patientId: s.patientIds[0],
      typeId: s.types.iv_infusion!.id,
      ...body,
    }),
    200,
  );
}

describe('induction series', () => {
  it('proposes six sessions on the preferred days at the preferred time and books them in one go', async () => {
    const startDate = localInstant(3, '12:00').slice(0, 10);
    const proposal = await propose({ startDate, preferredWeekdays: [1, 3, 5], preferredTime: '09:00' });
    expect(proposal.rules).toMatchObject({ count: 6, minPerWeek: 2, maxPerWeek: 3, maxSpanDays: 21 });
    expect(proposal.sessions).toHaveLength(6);
    for (const session of proposal.sessions) expect(session.localStart.slice(11)).toBe('09:00');
    const booked = await json<{ seriesId: string; appointments: AppointmentView[] }>(
      await post('/api/appointments/series', s.cookies.front_desk, {
        patientId: s.patientIds[0],
        typeId: s.types.iv_infusion!.id,
        kind: 'induction',
        sessions: proposal.sessions.map((p) => ({ start: p.start })),
      }),
      201,
    );
    expect(booked.appointments.map((a) => a.seriesIndex)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(booked.appointments.every((a) => a.seriesSize === 6)).toBe(true);

    // Moving the second session a day later moves the four after it by a day, each at 09:00.
    const second = booked.appointments[1]!;
    const moved = await json<{ appointment: AppointmentView; shifted: AppointmentView[] }>(
      await post(`/api/appointments/${second.id}/reschedule`, s.cookies.front_desk, {
        start: new Date(Date.parse(second.start) + 24 * HOUR).toISOString(),
        shiftLater: true,
        version: second.version,
        reason: 'patient asked',
      }),
      200,
    );
    expect(moved.shifted).toHaveLength(4);
    for (const [i, later] of moved.shifted.entries()) {
      const before = booked.appointments[i + 2]!;
      expect(later.localStart.slice(11)).toBe('09:00');
      expect(later.localStart.slice(0, 10) > before.localStart.slice(0, 10)).toBe(true);
      expect(later.version).toBe(2);
    }
    expect(moved.appointment.localStart.slice(11)).toBe('09:00');
  });

  it('books a whole series or nothing: a clash on one session books none and names the session', async () => {
    const startDate = localInstant(30, '12:00').slice(0, 10);
    const proposal = await propose({ startDate, preferredTime: '10:00', patientId: s.patientIds[1] });
    // Another patient takes both chairs at the fourth session's time.
    const fourth = proposal.sessions[3]!;
    await book(ctx, s, {
      patientId: s.patientIds[2],
      typeId: s.types.iv_infusion!.id,
      start: fourth.start,
      roomId: s.chairs[0],
    });
    await book(ctx, s, {
      patientId: s.patientIds[3],
      typeId: s.types.iv_infusion!.id,
      start: fourth.start,
      roomId: s.chairs[1],
    });
    const response = await post('/api/appointments/series', s.cookies.front_desk, {
      patientId: s.patientIds[1],
      typeId: s.types.iv_infusion!.id,
      kind: 'induction',
      sessions: proposal.sessions.map((p) => ({ start: p.start })),
    });
    const refused = await problem(response, 409);
    expect(refused.message).toMatch(/^Session 4: No infusion chair is free/);
    const theirs = await json<{ upcoming: AppointmentView[] }>(
      await ctx.request(`/api/patients/${s.patientIds[1]}/appointments`, { cookie: s.cookies.front_desk }),
      200,
    );
    expect(theirs.upcoming).toHaveLength(0);
  });

  it('refuses an adjusted induction that breaks the clinic’s rules, naming the rule', async () => {
    const day = (n: number) => localInstant(40 + n, '09:00');
    const response = await post('/api/appointments/series', s.cookies.front_desk, {
      patientId: s.patientIds[1],
      typeId: s.types.iv_infusion!.id,
      kind: 'induction',
      // Six sessions on six consecutive days: at most 3 a week and never on consecutive days.
      sessions: [0, 1, 2, 3, 4, 5].map((n) => ({ start: day(n) })),
    });
    const refused = await problem(response, 400);
    expect(refused.message).toMatch(/induction rules/);
  });

  it('keeps 09:00 clinic time across the spring daylight-saving change', async () => {
    const c = await createSchedulingClinic(ctx, 'DST', { chairs: 1, patients: 1 });
    // US clocks go forward on Sunday 14 March 2027: a Monday–Wednesday–Friday course from 8 March spans it.
    const proposal = await json<SeriesProposalView>(
      await post('/api/appointments/series/propose', c.cookies.front_desk, {
        patientId: c.patientIds[0],
        typeId: c.types.iv_infusion!.id,
        startDate: '2027-03-08',
        preferredWeekdays: [1, 3, 5],
        preferredTime: '09:00',
      }),
      200,
    );
    expect(proposal.sessions.map((p) => p.localStart)).toEqual([
      '2027-03-08T09:00',
      '2027-03-10T09:00',
      '2027-03-12T09:00',
      '2027-03-15T09:00',
      '2027-03-17T09:00',
      '2027-03-19T09:00',
    ]);
    expect(proposal.sessions[0]!.start).toMatch(/T14:00:00/);
    expect(proposal.sessions[3]!.start).toMatch(/T13:00:00/);
  });
});

describe('free slots', () => {
  it('offers the first grid time after the booked chair frees, within opening hours', async () => {
    const c = await createSchedulingClinic(ctx, 'Slots', { chairs: 1, patients: 1 });
    const start = localInstant(2, '07:00');
    await book(ctx, c, { patientId: c.patientIds[0], typeId: c.types.iv_infusion!.id, start });
    const day = new Date(start).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
    const answer = await json<SlotResponse>(
      await ctx.request(
        `/api/scheduling/slots?typeId=${c.types.iv_infusion!.id}&from=${day}&days=1&limit=3`,
        { cookie: c.cookies.front_desk },
      ),
      200,
    );
    expect(answer.slots.map((x) => x.localStart.slice(11))).toEqual(['08:15', '08:30', '08:45']);
    const late = await json<SlotResponse>(
      await ctx.request(
        `/api/scheduling/slots?typeId=${c.types.iv_infusion!.id}&from=${day}&days=1&earliest=19:00`,
        { cookie: c.cookies.front_desk },
      ),
      200,
    );
    // A 70-minute infusion must end by 21:00.
    expect(late.slots.at(-1)!.localStart.slice(11)).toBe('19:45');
  });
});

describe('appointment types', () => {
  it('edits an infusion’s recovery time and shows the shipped default beside it', async () => {
    const type = s.types.iv_infusion!;
    const changed = await json<AppointmentTypeView>(
      await ctx.request(`/api/scheduling/types/${type.id}`, {
        method: 'PATCH',
        cookie: s.cookies.admin,
        json: { parts: { infusionMinutes: 40, recoveryMinutes: 45 }, version: type.version },
      }),
      200,
    );
    expect(changed).toMatchObject({ durationMinutes: 85, defaultDurationMinutes: 70, source: type.source });
    const both = await ctx.request(`/api/scheduling/types/${type.id}`, {
      method: 'PATCH',
      cookie: s.cookies.admin,
      json: {
        durationMinutes: 60,
        parts: { infusionMinutes: 40, recoveryMinutes: 20 },
        version: changed.version,
      },
    });
    expect((await problem(both, 400)).fields[0]!.field).toBe('durationMinutes');
    s.types.iv_infusion = await json<AppointmentTypeView>(
      await ctx.request(`/api/scheduling/types/${type.id}`, {
        method: 'PATCH',
        cookie: s.cookies.admin,
        json: { parts: { infusionMinutes: 40, recoveryMinutes: 30 }, version: changed.version },
      }),
      200,
    );
  });
});

describe('reminders', () => {
  it('queues each reminder once per channel, without clinical detail, and none for a patient who opted out', async () => {
    const c = await createSchedulingClinic(ctx, 'Reminders', { chairs: 2, patients: 2 });
    const start = localInstant(5, '10:00');
    await book(ctx, c, { patientId: c.patientIds[0], typeId: c.types.iv_infusion!.id, start });
    await book(ctx, c, { patientId: c.patientIds[1], typeId: c.types.iv_infusion!.id, start });
    await json(
      await ctx.request(`/api/patients/${c.patientIds[1]}/reminder-preference`, {
        method: 'PUT',
        cookie: c.cookies.front_desk,
        json: { optedOut: true },
      }),
      200,
    );
    const at48 = new Date(Date.parse(start) - 48 * HOUR + 60_000);
    expect(await sendDueReminders(ctx.deps, at48)).toBe(2);
    expect(await sendDueReminders(ctx.deps, new Date(at48.getTime() + 60_000))).toBe(0);
    const messages = await ctx.deps.db
      .select()
      .from(messageOutbox)
      .where(eq(messageOutbox.clinicId, c.clinic.id));
    expect(messages.map((m) => `${m.channel} ${m.recipient}`).sort()).toEqual([
      'email pat0@example.com',
      'sms +1 555 0100',
    ]);
    const email = messages.find((m) => m.channel === 'email')!;
    expect(email.body).toContain('infusion appointment');
    expect(email.body).toContain('at 10:00');
    expect(email.body).toMatch(/adult who can take you home/);
    expect(email.body).not.toMatch(/ketamine|esketamine|\bmg\b|depress/i);
    // The 2-hour reminder comes later; the 48-hour one is not sent again.
    expect(await sendDueReminders(ctx.deps, new Date(Date.parse(start) - 2 * HOUR + 60_000))).toBe(2);
    const after = await ctx.deps.db
      .select()
      .from(messageOutbox)
      .where(and(eq(messageOutbox.clinicId, c.clinic.id), eq(messageOutbox.channel, 'email')));
    expect(after).toHaveLength(2);
  });
});

describe('calendars', () => {
  it('exports a patient’s appointments as valid iCalendar with UID, DTSTAMP, SEQUENCE and STATUS', async () => {
    const response = await ctx.request(`/api/patients/${s.patientIds[0]}/appointments.ics`, {
      cookie: s.cookies.front_desk,
    });
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(6);
    for (const event of events) {
      expect(event.getFirstPropertyValue('uid')).toMatch(/@arbor$/);
      expect(event.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(Number(event.getFirstPropertyValue('sequence'))).toBeGreaterThanOrEqual(1);
      expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(String(event.getFirstPropertyValue('summary'))).not.toMatch(/infusion|ketamine/i);
    }
  });

  it('serves a private staff feed with initials only, and stops it when revoked', async () => {
    const made = await json<{ url: string }>(await post('/api/me/calendar-feed', s.cookies.nurse, {}), 201);
    const path = new URL(made.url).pathname;
    const feed = await ctx.request(path);
    expect(feed.status).toBe(200);
    const text = await feed.text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(text).not.toContain('Booker');
    expect(String(events[0]!.getFirstPropertyValue('summary'))).toMatch(/— P\.B\.$/);
    await json(await post('/api/me/calendar-feed/revoke', s.cookies.nurse, {}), 200);
    expect((await ctx.request(path)).status).toBe(404);
    expect((await ctx.request('/calendar/not-a-token.ics')).status).toBe(404);
  });
});
