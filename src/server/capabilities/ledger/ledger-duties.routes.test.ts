import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerDutiesView } from '../../../contracts/ledger.js';
import { messageOutbox, patients } from '../../../db/schema.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { json } from '../scheduling/scheduling-test-setup.js';
import { seedSession } from '../session/session-fixtures.js';
import { readyPatient } from '../session/session.test-helper.js';
import { sendLedgerReminders } from './ledger-duties.service.js';
import {
  ledgerClinic,
  physicianWitness,
  receiveStock,
  type LedgerClinic,
} from './ledger-reports.test-helper.js';

let ctx: TestContext;
let l: LedgerClinic;

beforeAll(async () => {
  ctx = await createTestContext();
  l = await ledgerClinic(ctx, 'Duties');
});
afterAll(async () => {
  await ctx.close();
});

const duties = async () =>
  (await json<LedgerDutiesView>(await ctx.request('/api/ledger/duties', { cookie: l.cookie.nurse }), 200))
    .items;
const outbox = () => ctx.deps.db.select().from(messageOutbox).where(eq(messageOutbox.clinicId, l.clinic.id));

describe('ledger duties and the daily reminder', () => {
  it('asks for the initial inventory and the day’s count once stock arrives, reminds once a day, and clears the count', async () => {
    expect(await duties()).toEqual([]);
    expect(await sendLedgerReminders(ctx.deps, ctx.clock.now())).toBe(0);

    const { containerIds } = await receiveStock(ctx, l, ['D-1']);
    const due = await duties();
    expect(due.map((d) => `${d.kind}:${d.state}`)).toEqual(['inventory:overdue', 'count:due']);
    expect(due[1]).toMatchObject({ subject: 'Safe A', subjectId: l.safeId });

    // The physician and the administrator are accountable for the registration: one message each, once.
    expect(await sendLedgerReminders(ctx.deps, ctx.clock.now())).toBe(2);
    expect(await sendLedgerReminders(ctx.deps, ctx.clock.now())).toBe(0);
    const messages = await outbox();
    expect(messages.map((m) => m.recipient).sort()).toEqual(
      [l.clinic.users.physician.email, l.clinic.users.admin.email].sort(),
    );
    expect(messages[0]!.subject).toBe('Controlled-substance ledger: 1 overdue');
    expect(messages[0]!.body).toContain('Initial inventory');
    expect(messages[0]!.body).toContain('Safe A');

    // Counting the safe takes the count off the list.
    const sheet = await json<{ id: string }>(
      await ctx.request('/api/ledger/counts', {
        method: 'POST',
        cookie: l.cookie.nurse,
        json: { locationId: l.safeId, mode: 'blind' },
      }),
      201,
    );
    await json(
      await ctx.request(`/api/ledger/counts/${sheet.id}/submit`, {
        method: 'POST',
        cookie: l.cookie.physician,
        json: {
          lines: [{ containerId: containerIds[0], counted: { value: 10, unit: 'mL' }, estimated: false }],
        },
      }),
      200,
    );
    expect((await duties()).map((d) => d.kind)).toEqual(['inventory']);
    expect((await ctx.request('/api/ledger/duties', { cookie: l.cookie.front_desk })).status).toBe(403);
  });

  it('asks for the address of a patient given a dose without one, until the chart has it', async () => {
    const post = (path: string, body: unknown = {}) =>
      ctx.request(path, { method: 'POST', cookie: l.cookie.nurse, json: body });
    const { containerIds } = await receiveStock(ctx, l, ['D-2']);
    const { patientId, doseId } = await readyPatient(ctx, l.clinic, l.cookie);
    const sessionId = await seedSession(ctx.deps.db, l.clinic.id, patientId, l.clinic.users.nurse.id);
    await json(await post(`/api/ledger/containers/${containerIds[0]}/open`), 201);
    const given = await json<{ event: { id: string } }>(
      await post(`/api/ledger/containers/${containerIds[0]}/administer`, {
        sessionId,
        doseId,
        quantity: { value: 35, unit: 'mg' },
      }),
      201,
    );
    const addressDuty = async () => (await duties()).find((d) => d.kind === 'patient_address');
    expect(await addressDuty()).toMatchObject({ state: 'due', subject: '1 patient', subjectId: null });
    // An address stored as JSON null (not an object) is none too, and does not break the list.
    await ctx.deps.db
      .update(patients)
      .set({ address: sql`'null'::jsonb` })
      .where(eq(patients.id, patientId));
    expect(await addressDuty()).toBeDefined();
    // An address with only blank fields is still none.
    await ctx.deps.db
      .update(patients)
      .set({ address: { line1: '  ' } })
      .where(eq(patients.id, patientId));
    expect(await addressDuty()).toBeDefined();
    await ctx.deps.db
      .update(patients)
      .set({ address: { line1: '12 Elm Street', city: 'Springfield', region: 'IL', postalCode: '62701' } })
      .where(eq(patients.id, patientId));
    expect(await addressDuty()).toBeUndefined();

    // An administration entered by mistake and corrected gave the patient nothing: no address is asked for.
    await ctx.deps.db.update(patients).set({ address: null }).where(eq(patients.id, patientId));
    expect(await addressDuty()).toBeDefined();
    await json(
      await post(`/api/ledger/events/${given.event.id}/correction`, {
        reason: 'Entered against the wrong patient',
        witness: await physicianWitness(ctx, l.clinic),
      }),
      201,
    );
    expect(await addressDuty()).toBeUndefined();
  });
});
