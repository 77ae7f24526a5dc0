import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormsDueItem, RemsFormView } from '../../../contracts/rems.js';
import type { SessionView } from '../../../contracts/session.js';
import { messageOutbox } from '../../../db/schema.js';
import { remsForms } from '../../../db/schema-rems.js';
import { DEFAULT_PMF_TEMPLATE } from '../../../domain/rems/index.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { extractPages } from '../consent/pdf-text.test-helper.js';
import { json, problem } from '../scheduling/scheduling-test-setup.js';
import {
  certifySetting,
  chart,
  charted,
  completeChecklist,
  readyPatient,
  sessionCookies,
  type SessionCookies,
} from '../session/session.test-helper.js';
import { sendRemsFormReminders } from './rems-form-reminders.js';

let ctx: TestContext;
let clinic: TestClinic;
let c: SessionCookies;
const MIN = 60_000;
const DAY = 86_400_000;

async function advance(ms: number) {
  ctx.clock.advance(ms);
  c = await sessionCookies(ctx, clinic);
}

const checkIn = async (patientId: string) =>
  json<SessionView>(
    await ctx.request('/api/sessions', {
      method: 'POST',
      cookie: c.nurse,
      json: { patientId, kind: 'esketamine' },
    }),
    201,
  );

async function readyToStart(patientId: string) {
  const session = await checkIn(patientId);
  await charted(ctx, c.nurse, session.id, completeChecklist());
  await charted(ctx, c.nurse, session.id, { type: 'action', action: 'complete_checklist' });
  return session.id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Spravato');
  c = await sessionCookies(ctx, clinic);
});
afterAll(async () => {
  await ctx.close();
});

describe('REMS status', () => {
  it('refuses the first device in a setting not certified, naming the REMS', async () => {
    const { patientId, doseId } = await readyPatient(ctx, clinic, c, 'esketamine');
    const id = await readyToStart(patientId);
    const refused = await problem(
      await chart(ctx, c.nurse, id, { type: 'action', action: 'start', doseId, lot: 'LOT123' }),
      409,
    );
    expect(refused.fields.map((f) => f.field)).toEqual(['body.rems']);
    expect(refused.message).toContain('not recorded as certified');
  });

  it('treats a patient not enrolled as a hard stop in screening and at the start', async () => {
    await certifySetting(ctx, c);
    const { patientId, doseId } = await readyPatient(ctx, clinic, c, 'esketamine');
    await json(
      await ctx.request(`/api/patients/${patientId}/rems-enrolment`, {
        method: 'POST',
        cookie: c.nurse,
        json: { status: 'not_enrolled', note: 'Form not signed yet' },
      }),
      201,
    );
    const session = await checkIn(patientId);
    const view = await charted(ctx, c.nurse, session.id, completeChecklist());
    expect(view.readiness.eligible).toBe(false);
    expect(view.readiness.problems.join(' ')).toMatch(/not enrolled in the spravato rems/i);
    expect(view.checklist.items.find((i) => i.id === 'consent-eligibility')!.status).toBe('blocked');
    const refused = await problem(
      await chart(ctx, c.nurse, session.id, { type: 'action', action: 'complete_checklist' }),
      409,
    );
    expect(refused.fields.map((f) => f.field)).toContain('body.checklist');
    expect(doseId).toBeTruthy();
    const enrolment = await json<{ status: string; settingCertified: boolean }>(
      await ctx.request(`/api/patients/${patientId}/rems-enrolment`, { cookie: c.front_desk }),
      200,
    );
    expect(enrolment).toMatchObject({ status: 'not_enrolled', settingCertified: true });
  });
});

describe('an esketamine session and its monitoring form', () => {
  it('gives devices 5 minutes apart to the ordered count, keeps 2 hours, and fills the form from the chart', async () => {
    const { patientId, doseId } = await readyPatient(ctx, clinic, c, 'esketamine');
    const id = await readyToStart(patientId);
    let view = await charted(ctx, c.nurse, id, { type: 'action', action: 'start', doseId, lot: 'LOT123' });
    expect(view.devices).toHaveLength(1);
    expect(view.rems).toMatchObject({
      settingCertified: true,
      patientEnrolled: true,
      reportingPhone: '1-855-382-6022',
    });
    const tooSoon = await problem(await chart(ctx, c.nurse, id, { type: 'device', lot: 'LOT123' }), 400);
    expect(tooSoon.fields.map((f) => f.field)).toEqual(['body.eventAt']);
    expect((await chart(ctx, c.nurse, id, { type: 'action', action: 'stop' })).status).toBe(409);
    await advance(5 * MIN);
    view = await charted(ctx, c.nurse, id, { type: 'device', lot: 'LOT123' });
    expect(view.devices).toHaveLength(2);
    await advance(5 * MIN);
    const third = await problem(await chart(ctx, c.nurse, id, { type: 'device', lot: 'LOT123' }), 400);
    expect(third.fields.map((f) => f.field)).toEqual(['body.devices']);
    view = await charted(ctx, c.nurse, id, { type: 'action', action: 'stop' });
    expect(view.amount!.givenMg).toBe(56);

    await advance(30 * MIN);
    await charted(ctx, c.nurse, id, { type: 'vitals', line: '146/92 84 97 16' });
    await advance(75 * MIN);
    const early = await problem(
      await chart(ctx, c.nurse, id, {
        type: 'action',
        action: 'discharge',
        escortPresent: true,
        instructionsGiven: true,
      }),
      409,
    );
    expect(early.fields.map((f) => f.field)).toEqual(['body.minimum-observation']);
    await advance(6 * MIN);
    await charted(ctx, c.nurse, id, { type: 'vitals', line: '128/80 72 98 14' });
    view = await charted(ctx, c.nurse, id, {
      type: 'action',
      action: 'discharge',
      escortPresent: true,
      instructionsGiven: true,
    });
    expect(view.state).toBe('discharged');

    const form = await json<RemsFormView>(
      await ctx.request(`/api/sessions/${id}/rems-form`, { cookie: c.nurse }),
      200,
    );
    const value = (itemId: string) => form.items.find((i) => i.id === itemId)!.value;
    expect(value('patient_first_name')).toBe('Wren');
    expect(value('patient_birthdate')).toBe('1981-03-03');
    expect(value('dose')).toBe('56 mg');
    expect(value('lot_number')).toBe('LOT123');
    expect(value('bp_prior')).toBe('128/82');
    expect(value('bp_40_minutes')).toBe('146/92');
    expect(value('bp_before_completion')).toBe('128/80');
    expect(Number(value('total_monitoring_minutes'))).toBeGreaterThanOrEqual(120);
    expect(value('conmed_benzodiazepines')).toBe('No');
    expect(value('setting_zip')).toBe('62701');
    expect(form.missing.map((m) => m.field)).toEqual(
      expect.arrayContaining(['hcp_phone', 'rems_evaluation_minutes', 'sedation']),
    );
    expect(form.status).toBe('due');

    // Staff complete the rest; an incomplete form cannot be marked submitted.
    const early409 = await problem(
      await ctx.request(`/api/rems-forms/${form.id}/submission`, {
        method: 'POST',
        cookie: c.nurse,
        json: {
          submittedOn: ctx.clock.now().toISOString().slice(0, 10),
          channel: 'online',
          version: form.version,
        },
      }),
      409,
    );
    expect(early409.fields.map((f) => f.field)).toContain('values.hcp_phone');
    const bad = await problem(
      await ctx.request(`/api/rems-forms/${form.id}/values`, {
        method: 'POST',
        cookie: c.nurse,
        json: { values: { rems_evaluation_minutes: 'soon', bp_prior: '120/80' }, version: form.version },
      }),
      400,
    );
    expect(bad.fields.map((f) => f.field)).toEqual([
      'body.values.rems_evaluation_minutes',
      'body.values.bp_prior',
    ]);
    const completed = await json<RemsFormView>(
      await ctx.request(`/api/rems-forms/${form.id}/values`, {
        method: 'POST',
        cookie: c.nurse,
        json: {
          values: {
            hcp_phone: '555-0100',
            rems_evaluation_minutes: '90',
            vitals_ok_before: 'Yes',
            vitals_ok_at_completion: 'Yes',
            sedation: 'No',
            dissociation: 'Yes',
            respiratory_depression: 'No',
          },
          version: form.version,
        },
      }),
      200,
    );
    expect(completed.missing).toEqual([]);

    const pdf = await ctx.request(`/api/rems-forms/${form.id}/pdf`, { cookie: c.nurse });
    const text = (await extractPages(new Uint8Array(await pdf.arrayBuffer()))).join('\n');
    for (const item of completed.items.filter((i) => i.value)) expect(text).toContain(item.value!);

    const submitted = await json<RemsFormView>(
      await ctx.request(`/api/rems-forms/${form.id}/submission`, {
        method: 'POST',
        cookie: c.nurse,
        json: {
          submittedOn: ctx.clock.now().toISOString().slice(0, 10),
          channel: 'fax',
          confirmation: 'FX-2231',
          version: completed.version,
        },
      }),
      200,
    );
    expect(submitted.status).toBe('submitted');
    const twice = await ctx.request(`/api/rems-forms/${form.id}/submission`, {
      method: 'POST',
      cookie: c.nurse,
      json: {
        submittedOn: ctx.clock.now().toISOString().slice(0, 10),
        channel: 'fax',
        version: submitted.version,
      },
    });
    expect(twice.status).toBe(409);
    await expect(
      ctx.deps.db.execute(sql`UPDATE rems_forms SET confirmation = 'changed' WHERE id = ${form.id}`),
    ).rejects.toThrow();
  });

  it('lists a form as due on day 6 and overdue on day 8, and reminds the responsible clinician', async () => {
    const { patientId, doseId } = await readyPatient(ctx, clinic, c, 'esketamine');
    const id = await readyToStart(patientId);
    await charted(ctx, c.nurse, id, { type: 'action', action: 'start', doseId, lot: 'LOT777' });
    const form = await json<RemsFormView>(
      await ctx.request(`/api/sessions/${id}/rems-form`, { cookie: c.nurse }),
      200,
    );
    const due = async () =>
      (
        await json<{ items: FormsDueItem[] }>(
          await ctx.request('/api/rems/forms-due', { cookie: c.nurse }),
          200,
        )
      ).items.find((i) => i.formId === form.id)!;
    await advance(6 * DAY);
    expect((await due()).status).toBe('due');
    expect((await due()).daysLeft).toBe(1);
    const sent = await sendRemsFormReminders(ctx.deps, ctx.clock.now());
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await sendRemsFormReminders(ctx.deps, ctx.clock.now())).toBe(0);
    const [message] = await ctx.deps.db
      .select()
      .from(messageOutbox)
      .where(eq(messageOutbox.recipient, clinic.users.nurse.email));
    expect(message!.body).toContain(form.dueOn);
    expect(message!.body).not.toContain('Wren');
    await advance(2 * DAY);
    expect((await due()).status).toBe('overdue');
    const [row] = await ctx.deps.db.select().from(remsForms).where(eq(remsForms.id, form.id));
    expect(row!.submittedAt).toBeNull();
  });

  it('loads a new version of the form from JSON and refuses a malformed one, naming the field', async () => {
    const next = { ...structuredClone(DEFAULT_PMF_TEMPLATE), version: '2025-06' };
    const loaded = await json<{ items: Array<{ version: string; current: boolean }> }>(
      await ctx.request('/api/rems/form-templates', {
        method: 'POST',
        cookie: c.physician,
        json: { definition: next },
      }),
      201,
    );
    expect(loaded.items.find((t) => t.current)?.version).toBe('2025-06');
    const bad = await problem(
      await ctx.request('/api/rems/form-templates', {
        method: 'POST',
        cookie: c.physician,
        json: {
          definition: {
            ...next,
            version: '2025-07',
            submission: { withinDays: 0, online: '', fax: '', phone: '' },
          },
        },
      }),
      400,
    );
    expect(bad.fields.map((f) => f.field)).toContain('body.definition.submission.withinDays');
    expect(
      (
        await ctx.request('/api/rems/form-templates', {
          method: 'POST',
          cookie: c.nurse,
          json: { definition: next },
        })
      ).status,
    ).toBe(403);
  });
});
