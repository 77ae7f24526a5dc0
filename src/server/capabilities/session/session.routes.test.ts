import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardItem, SessionView } from '../../../contracts/session.js';
import { appointments } from '../../../db/schema-scheduling.js';
import { sessionEntries, treatmentSessions } from '../../../db/schema-session.js';
import { seedSchedulingRecords } from '../scheduling/scheduling-fixtures.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { extractPages } from '../consent/pdf-text.test-helper.js';
import { json, problem } from '../scheduling/scheduling-test-setup.js';
import {
  chart,
  charted,
  completeChecklist,
  readyPatient,
  sessionCookies,
  type SessionCookies,
} from './session.test-helper.js';

let ctx: TestContext;
let clinic: TestClinic;
let c: SessionCookies;
const MIN = 60_000;

async function checkIn(patientId: string, cookie = c.front_desk) {
  return json<SessionView>(
    await ctx.request('/api/sessions', {
      method: 'POST',
      cookie,
      json: { patientId, kind: 'iv_ketamine', chairLabel: 'Chair 2' },
    }),
    201,
  );
}

/** Moves the clock; staff sign in again, as a nurse whose idle session ended would. */
async function advance(ms: number) {
  ctx.clock.advance(ms);
  c = await sessionCookies(ctx, clinic);
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Sessions');
  c = await sessionCookies(ctx, clinic);
});
afterAll(async () => {
  await ctx.close();
});

describe('an IV ketamine session from check-in to the co-signed note', () => {
  it('walks the whole path and refuses each step that is not yet allowed', async () => {
    const { patientId, doseId } = await readyPatient(ctx, clinic, c);
    const checkedIn = await checkIn(patientId);
    expect(checkedIn.state).toBe('checked_in');
    expect(checkedIn.readiness).toMatchObject({ eligible: true, consentValid: true });
    const id = checkedIn.id;

    // The front desk checks in but does not chart.
    expect((await chart(ctx, c.front_desk, id, { type: 'vitals', line: '120/80 70 98' })).status).toBe(403);
    // The pump cannot start from check-in, and the checklist cannot be closed while items are missing.
    const early = await problem(await chart(ctx, c.nurse, id, { type: 'action', action: 'start' }), 409);
    expect(early.fields.map((f) => f.field)).toEqual(['body.action']);
    const incomplete = await problem(
      await chart(ctx, c.nurse, id, { type: 'action', action: 'complete_checklist' }),
      409,
    );
    expect(incomplete.fields.map((f) => f.field)).toContain('body.checklist');

    // Baseline above the BP gate: the checklist waits for a physician.
    let view = await charted(
      ctx,
      c.nurse,
      id,
      completeChecklist({ systolic: 152, diastolic: 94, heartRate: 80, spo2: 98, respiratoryRate: 14 }),
    );
    expect(view.checklist.bpGate.status).toBe('pending');
    expect(
      (
        await chart(ctx, c.nurse, id, {
          type: 'bp_decision',
          decision: 'proceed',
          reason: 'Anxious on arrival',
        })
      ).status,
    ).toBe(403);
    expect((await chart(ctx, c.nurse, id, { type: 'action', action: 'complete_checklist' })).status).toBe(
      409,
    );
    view = await charted(ctx, c.physician, id, {
      type: 'bp_decision',
      decision: 'proceed',
      reason: 'Repeat 148/90 after rest; known white-coat rise',
    });
    expect(view.checklist.bpGate.status).toBe('proceed');
    expect(view.checklist.complete).toBe(true);
    view = await charted(ctx, c.nurse, id, { type: 'action', action: 'complete_checklist' });
    expect(view.state).toBe('checklist_done');

    view = await charted(ctx, c.nurse, id, { type: 'action', action: 'start', doseId });
    expect(view.state).toBe('infusing');
    expect(view.dose).toMatchObject({ id: doseId, totalMg: 35 });
    const rate = view.dose!.pumpRateMlPerHour!;
    expect(rate).toBeGreaterThan(0);

    // Vitals: a quick line; a value out of range is refused naming the field; an unusual one asks first.
    await advance(10 * MIN);
    const impossible = await problem(
      await chart(ctx, c.nurse, id, {
        type: 'vitals',
        reading: { systolic: 400, diastolic: 20, heartRate: 70, spo2: 98 },
      }),
      400,
    );
    expect(impossible.fields.map((f) => f.field)).toContain('body.reading.systolic');
    const unusual = await problem(
      await chart(ctx, c.nurse, id, { type: 'vitals', line: '150/90 38 97' }),
      409,
    );
    expect(unusual.code).toBe('confirmation_required');
    expect(unusual.fields.map((f) => f.field)).toEqual(['body.reading.heartRate']);
    view = await charted(ctx, c.nurse, id, { type: 'vitals', line: '186/112 96 97 16' });
    expect(view.vitals[0]!.alerts.map((a) => a.field)).toEqual(
      expect.arrayContaining(['systolic', 'diastolic']),
    );

    // A retried entry (same client id) charts once.
    const clientEntryId = randomUUID();
    const cadss = {
      type: 'scale',
      clientEntryId,
      instrumentId: 'cadss6',
      answers: { item1: 1, item2: 0, item3: 1, item4: 0, item5: 0, item6: 0 },
    };
    const first = await chart(ctx, c.nurse, id, cadss);
    const firstBody = await first.text();
    expect(first.status, firstBody).toBe(201);
    for (let i = 0; i < 9; i++) expect((await chart(ctx, c.nurse, id, cadss)).status).toBe(200);
    const rows = await ctx.deps.db
      .select()
      .from(sessionEntries)
      .where(eq(sessionEntries.clientEntryId, clientEntryId));
    expect(rows).toHaveLength(1);

    // An adverse event with a rescue dose from the formulary.
    const onsetAt = ctx.clock.now().toISOString();
    view = await charted(ctx, c.nurse, id, {
      type: 'adverse_event',
      category: 'gastrointestinal',
      term: 'Nausea',
      onsetAt,
      severity: 'mild',
      serious: false,
      action: 'rescue_medication',
      outcome: 'resolved',
      resolvedAt: onsetAt,
    });
    const aeId = view.adverseEvents[0]!.entryId;
    view = await charted(ctx, c.nurse, id, {
      type: 'rescue',
      medicationId: 'ondansetron',
      doseMg: 4,
      route: 'iv',
      givenAt: onsetAt,
      adverseEventEntryId: aeId,
    });
    expect(view.rescue).toHaveLength(1);
    expect(
      (
        await chart(ctx, c.nurse, id, {
          type: 'rescue',
          medicationId: 'fentanyl',
          doseMg: 4,
          route: 'iv',
          givenAt: onsetAt,
        })
      ).status,
    ).toBe(400);

    // Stop after 40 minutes at the programmed rate: the amount given is computed and compared.
    await advance(30 * MIN);
    view = await charted(ctx, c.nurse, id, { type: 'action', action: 'stop' });
    expect(view.state).toBe('recovery');
    const { runningMinutes, givenMg } = view.amount!;
    expect(runningMinutes).toBeGreaterThan(39.9);
    expect(runningMinutes).toBeLessThan(40.5);
    expect(givenMg).toBeCloseTo((rate * view.dose!.concentrationMgPerMl! * runningMinutes) / 60, 6);
    expect(view.amount!.comparison!.flagged).toBe(false);
    expect(view.pk!.plasmaNgMl.length).toBeGreaterThan(10);

    // Aldrete 8 is refused for discharge, 10 is accepted once the observation time has passed.
    const aldrete = (v: number) => ({
      activity: 2,
      respiration: 2,
      circulation: 2,
      consciousness: v >= 10 ? 2 : 1,
      spo2: v >= 9 ? 2 : 1,
    });
    await charted(ctx, c.nurse, id, { type: 'scale', instrumentId: 'aldrete', answers: aldrete(8) });
    await advance(31 * MIN);
    const refused = await problem(
      await chart(ctx, c.nurse, id, {
        type: 'action',
        action: 'discharge',
        escortPresent: true,
        instructionsGiven: true,
      }),
      409,
    );
    expect(refused.fields.map((f) => f.field)).toContain('body.aldrete');
    await charted(ctx, c.nurse, id, { type: 'scale', instrumentId: 'aldrete', answers: aldrete(10) });
    const noEscort = await problem(
      await chart(ctx, c.nurse, id, { type: 'action', action: 'discharge', instructionsGiven: true }),
      409,
    );
    expect(noEscort.fields.map((f) => f.field)).toEqual(['body.escort']);
    view = await charted(ctx, c.nurse, id, {
      type: 'action',
      action: 'discharge',
      escortPresent: true,
      instructionsGiven: true,
    });
    expect(view.state).toBe('discharged');

    // The nurse signs, the physician co-signs; an amendment keeps the original.
    view = await charted(ctx, c.nurse, id, { type: 'note_sign' });
    expect(view.state).toBe('note_signed');
    expect(view.note.signed!.text).toContain('Dose: ordered 35.0 mg');
    expect((await chart(ctx, c.nurse, id, { type: 'note_cosign' })).status).toBe(403);
    view = await charted(ctx, c.physician, id, { type: 'note_cosign' });
    expect(view.note.cosigned!.by.id).toBe(clinic.users.physician.id);
    view = await charted(ctx, c.nurse, id, {
      type: 'note_amend',
      text: 'Escort was her sister.',
      reason: 'Missing detail',
    });
    expect(view.note.amendments).toHaveLength(1);
    expect(view.note.signed!.text).not.toContain('sister');

    const pdf = await ctx.request(`/api/sessions/${id}/note.pdf`, { cookie: c.nurse });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await extractPages(new Uint8Array(await pdf.arrayBuffer()))).join('\n');
    expect(text).toContain('Treatment session note');
    expect(text).toContain('Escort was her sister.');
    expect(text).toContain(view.note.signed!.sha256);
  });
});

describe('the record holds', () => {
  it('refuses to change or delete a chart entry in the database', async () => {
    const [entry] = await ctx.deps.db.select().from(sessionEntries).limit(1);
    await expect(
      ctx.deps.db.execute(sql`UPDATE session_entries SET type = 'vitals' WHERE id = ${entry!.id}`),
    ).rejects.toThrow();
    await expect(
      ctx.deps.db.execute(sql`DELETE FROM session_entries WHERE id = ${entry!.id}`),
    ).rejects.toThrow();
    await expect(ctx.deps.db.delete(treatmentSessions)).rejects.toThrow();
  });

  it('records a late entry with both its own time and the time it was entered', async () => {
    const { patientId } = await readyPatient(ctx, clinic, c);
    const { id } = await checkIn(patientId, c.nurse);
    const eventAt = new Date(ctx.clock.now().getTime() - 1000).toISOString();
    expect(
      (
        await chart(ctx, c.nurse, id, {
          type: 'checklist',
          answers: { escortConfirmed: true },
          eventAt: new Date(Date.parse(eventAt) - 3_600_000).toISOString(),
        })
      ).status,
    ).toBe(400);
    await advance(5 * MIN);
    const view = await charted(ctx, c.nurse, id, {
      type: 'checklist',
      answers: { escortConfirmed: true },
      eventAt: new Date(ctx.clock.now().getTime() - 2 * MIN).toISOString(),
    });
    const entry = view.entries.at(-1)!;
    const late = Date.parse(entry.recordedAt) - Date.parse(entry.eventAt);
    expect(late).toBeGreaterThanOrEqual(2 * MIN);
    expect(late).toBeLessThan(2 * MIN + 1000);
    const future = await problem(
      await chart(ctx, c.nurse, id, {
        type: 'checklist',
        answers: {},
        eventAt: new Date(ctx.clock.now().getTime() + MIN).toISOString(),
      }),
      400,
    );
    expect(future.fields.map((f) => f.field)).toEqual(['body.eventAt']);
  });

  it('lets only a physician end a session early, with a reason', async () => {
    const { patientId } = await readyPatient(ctx, clinic, c);
    const { id } = await checkIn(patientId, c.nurse);
    expect(
      (
        await chart(ctx, c.nurse, id, {
          type: 'action',
          action: 'end_early',
          reason: 'Patient declined today',
        })
      ).status,
    ).toBe(403);
    expect((await chart(ctx, c.physician, id, { type: 'action', action: 'end_early' })).status).toBe(409);
    const view = await charted(ctx, c.physician, id, {
      type: 'action',
      action: 'end_early',
      reason: 'Patient declined today',
    });
    expect(view.state).toBe('ended_early');
  });
});

describe('the appointment and the dose', () => {
  it('moves the booked appointment with the session, and gives a dose in one session only', async () => {
    const { patientId, doseId } = await readyPatient(ctx, clinic, c);
    const { appointmentId } = await seedSchedulingRecords(
      ctx.deps.db,
      clinic.id,
      patientId,
      clinic.users.nurse.id,
    );
    const statusOf = async () =>
      (await ctx.deps.db.select().from(appointments).where(eq(appointments.id, appointmentId)))[0]!.status;
    const first = await json<SessionView>(
      await ctx.request('/api/sessions', {
        method: 'POST',
        cookie: c.nurse,
        json: { patientId, appointmentId },
      }),
      201,
    );
    expect(await statusOf()).toBe('checked_in');
    const again = await problem(
      await ctx.request('/api/sessions', {
        method: 'POST',
        cookie: c.nurse,
        json: { patientId, appointmentId },
      }),
      409,
    );
    expect(again.message).toContain('already has a session');
    await charted(ctx, c.nurse, first.id, completeChecklist());
    await charted(ctx, c.nurse, first.id, { type: 'action', action: 'complete_checklist' });
    await charted(ctx, c.nurse, first.id, { type: 'action', action: 'start', doseId });
    expect(await statusOf()).toBe('in_chair');
    await charted(ctx, c.nurse, first.id, { type: 'action', action: 'stop' });
    expect(await statusOf()).toBe('recovering');

    const second = await checkIn(patientId, c.nurse);
    await charted(ctx, c.nurse, second.id, completeChecklist());
    await charted(ctx, c.nurse, second.id, { type: 'action', action: 'complete_checklist' });
    const reused = await problem(
      await chart(ctx, c.nurse, second.id, { type: 'action', action: 'start', doseId }),
      400,
    );
    expect(reused.fields.map((f) => f.field)).toEqual(['body.doseId']);
  });
});

describe('the chair board', () => {
  it('lists today’s sessions for the front desk and streams a change to every board', async () => {
    const { patientId } = await readyPatient(ctx, clinic, c);
    const board = await json<{ items: BoardItem[] }>(
      await ctx.request('/api/sessions/board', { cookie: c.front_desk }),
      200,
    );
    expect(board.items.length).toBeGreaterThan(0);
    expect(
      (await ctx.request(`/api/sessions/${board.items[0]!.sessionId}`, { cookie: c.front_desk })).status,
    ).toBe(403);

    const controller = new AbortController();
    const stream = await ctx.request('/api/sessions/board/stream', {
      cookie: c.front_desk,
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const created = await checkIn(patientId);
    const deadline = Date.now() + 5000;
    while (!received.includes(created.id) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    controller.abort();
    expect(received).toContain('event: session');
    expect(received).toContain(`"sessionId":"${created.id}"`);
  });
});
