import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentEntry } from '../../../contracts/measurement.js';
import { assessmentObservations } from '../../../db/schema-measurement.js';
import { auditLog } from '../../../db/schema.js';
import type { ScoreResult } from '../../../domain/instruments/index.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

/**
 * The clinic's measurement settings applied everywhere: the safety triggers of every suicide item,
 * the [secondary] and [unverified] thresholds in scoring, trajectory and CSV (and the value used kept
 * with each score), and the wording of the clinic's licensed CADSS copy.
 */

let ctx: TestContext;
let clinic: TestClinic;
let other: TestClinic;
let cookie: Record<'admin' | 'physician' | 'otherPhysician', string>;

type FieldError = { error: { fields?: { field: string; message: string }[] } };

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function newPatient(given: string): Promise<string> {
  const response = await ctx.request('/api/patients', {
    method: 'POST',
    cookie: cookie.physician,
    json: {
      legalGivenName: given,
      legalFamilyName: 'Settingsperson',
      birthDate: '1980-02-02',
      sexAtBirth: 'male',
      email: `${given.toLowerCase()}@example.test`,
      phone: '555-0101',
    },
  });
  return (await json<{ id: string }>(response)).id;
}

async function record(pid: string, instrumentId: string, answers: Record<string, number>, at?: string) {
  const response = await ctx.request(`/api/patients/${pid}/assessments`, {
    method: 'POST',
    cookie: cookie.physician,
    json: { instrumentId, answers, ...(at ? { administeredAt: at } : {}) },
  });
  expect(response.status).toBe(201);
  return json<{ id: string; score: { severity: string | null; flags: string[] }; alertIds: string[] }>(
    response,
  );
}

async function patchMeasurement(measurement: Record<string, unknown>, who = cookie.admin) {
  return ctx.request('/api/clinic', { method: 'PATCH', cookie: who, json: { settings: { measurement } } });
}

const items = (n: number, set: Record<number, number> = {}) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`item${i + 1}`, set[i + 1] ?? 0]));

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Thresholds');
  other = await ctx.seedClinic('Elsewhere');
  cookie = {
    admin: await ctx.cookieFor(clinic.users.admin.id, clinic.id),
    physician: await ctx.cookieFor(clinic.users.physician.id, clinic.id),
    otherPhysician: await ctx.cookieFor(other.users.physician.id, other.id),
  };
});
afterAll(async () => {
  await ctx.close();
});

describe('suicide items beyond the PHQ-9', () => {
  it('QIDS-SR16 item 12 ≥ 1 and MADRS item 10 ≥ 2 open a safety alert; below that, none', async () => {
    const pid = await newPatient('Quinn');
    expect((await record(pid, 'qids-sr16', items(16, { 12: 1 }))).alertIds).toHaveLength(1);
    expect((await record(pid, 'madrs', items(10, { 10: 1 }))).alertIds).toHaveLength(0);
    const madrs = await record(pid, 'madrs', items(10, { 10: 2 }));
    expect(madrs.alertIds).toHaveLength(1);
    const alerts = await json<{ items: { reasonLabels: string[]; instrumentId: string }[] }>(
      await ctx.request(`/api/patients/${pid}/safety-alerts`, { cookie: cookie.physician }),
    );
    expect(alerts.items.map((a) => a.instrumentId).sort()).toEqual(['madrs', 'qids-sr16']);
  });

  it('uses the clinic’s trigger level, and the catalogue states the rule staff see', async () => {
    expect((await patchMeasurement({ qidsSafetyAlertFrom: 2 })).status).toBe(200);
    const pid = await newPatient('Rowan');
    expect((await record(pid, 'qids-sr16', items(16, { 12: 1 }))).alertIds).toHaveLength(0);
    expect((await record(pid, 'qids-sr16', items(16, { 12: 2 }))).alertIds).toHaveLength(1);
    const catalogue = await json<{ items: InstrumentEntry[] }>(
      await ctx.request('/api/instruments', { cookie: cookie.physician }),
    );
    const qids = catalogue.items.find((i) => i.id === 'qids-sr16')!;
    expect(qids.safetyRule?.text).toContain('at 2 or more (clinic setting; default 1');
    expect(qids.settings).toMatchObject({ safetyAlertFrom: 2 });
    expect((await patchMeasurement({ qidsSafetyAlertFrom: 1 })).status).toBe(200);
  });
});

describe('secondary and unverified thresholds from the clinic’s settings', () => {
  it('refuses a bad value with a 400 naming the field, and changes nothing', async () => {
    const order = await patchMeasurement({ madrsSevereFrom: 15 });
    expect(order.status).toBe(400);
    const fields = (await json<FieldError>(order)).error.fields?.map((f) => f.field);
    expect(fields).toContain('body.settings.measurement.madrsSevereFrom');
    const range = await patchMeasurement({ madrsSafetyAlertFrom: 9 });
    expect((await json<FieldError>(range)).error.fields?.map((f) => f.field)).toEqual([
      'body.settings.measurement.madrsSafetyAlertFrom',
    ]);
    const items = await patchMeasurement({ cssrsModerateItems: ['item5'] });
    expect(items.status).toBe(400);
    expect(JSON.stringify(await items.json())).toContain('body.settings.measurement.cssrsModerateItems');
    const clinicNow = await json<{ settings: { measurement: { madrsSevereFrom: number } } }>(
      await ctx.request('/api/clinic', { cookie: cookie.admin }),
    );
    expect(clinicNow.settings.measurement.madrsSevereFrom).toBe(35);
  });

  it('scores with the clinic’s MADRS cut points, stores them with the score, and a later change does not rewrite it', async () => {
    expect((await patchMeasurement({ madrsSevereFrom: 31 })).status).toBe(200);
    const pid = await newPatient('Sasha');
    const first = await record(
      pid,
      'madrs',
      items(10, { 1: 6, 2: 6, 3: 6, 4: 6, 5: 6, 6: 2 }),
      '2024-06-01T09:00:00Z',
    );
    expect(first.score.severity).toBe('severe');
    const [stored] = await ctx.deps.db
      .select()
      .from(assessmentObservations)
      .where(eq(assessmentObservations.responseId, first.id));
    expect((stored!.result as ScoreResult).details.settings.severeFrom).toMatchObject({
      value: 31,
      default: 35,
    });

    expect((await patchMeasurement({ madrsSevereFrom: 35 })).status).toBe(200);
    const second = await record(
      pid,
      'madrs',
      items(10, { 1: 6, 2: 6, 3: 6, 4: 6, 5: 6, 6: 2 }),
      '2024-06-08T09:00:00Z',
    );
    expect(second.score.severity).toBe('moderate');
    const t = await json<{
      bands: { id: string; from: number }[];
      settings: Record<string, unknown>;
      points: { severity: string; settingsUsed?: Record<string, unknown> }[];
    }>(await ctx.request(`/api/patients/${pid}/trajectory?instrument=madrs`, { cookie: cookie.physician }));
    // The bands drawn are today's; each score keeps the band and the settings it was given.
    expect(t.bands.find((b) => b.id === 'severe')?.from).toBe(35);
    expect(t.settings).toMatchObject({ severeFrom: 35 });
    expect(t.points.map((p) => p.severity)).toEqual(['severe', 'moderate']);
    expect(t.points[0]?.settingsUsed).toMatchObject({ severeFrom: 31 });
    const csv = await (
      await ctx.request(`/api/patients/${pid}/trajectory/csv?instrument=madrs`, { cookie: cookie.physician })
    ).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toContain('settings_used');
    expect(rows[1]).toContain('severeFrom=31');
    expect(rows[2]).toContain('severeFrom=35');
  });

  it('applies the clinic’s C-SSRS moderate rule and the Aldrete ≥ 8 variant', async () => {
    const pid = await newPatient('Tatum');
    expect((await record(pid, 'cssrs-screener', { item1: 1, item2: 0, item6: 0 })).score.severity).toBe(
      'low',
    );
    expect((await patchMeasurement({ cssrsModerateItems: ['item1', 'item3', 'item6'] })).status).toBe(200);
    expect((await record(pid, 'cssrs-screener', { item1: 1, item2: 0, item6: 0 })).score.severity).toBe(
      'moderate',
    );
    const aldrete = { activity: 1, respiration: 2, circulation: 2, consciousness: 1, spo2: 2 };
    expect((await record(pid, 'aldrete', aldrete)).score.flags).toEqual([]);
    expect((await patchMeasurement({ aldreteAllowEightWithRespirationAndSpo2: true })).status).toBe(200);
    expect((await record(pid, 'aldrete', aldrete)).score.flags).toEqual(['discharge-ready']);
    await patchMeasurement({
      cssrsModerateItems: ['item3', 'item6'],
      aldreteAllowEightWithRespirationAndSpo2: false,
    });
  });
});

describe('the wording of the clinic’s licensed CADSS copy', () => {
  it('says plainly that none is attached until an administrator attaches it', async () => {
    const catalogue = await json<{ items: InstrumentEntry[] }>(
      await ctx.request('/api/instruments', { cookie: cookie.physician }),
    );
    expect(catalogue.items.find((i) => i.id === 'cadss6')?.clinicWording).toBeNull();
  });

  it('is stored per clinic, length-limited, audited as a settings change and shown to that clinic only', async () => {
    const tooLong = await patchMeasurement({ cadss6ItemWording: { item3: 'x'.repeat(301) } });
    expect(tooLong.status).toBe(400);
    expect((await json<FieldError>(tooLong)).error.fields?.map((f) => f.field)).toEqual([
      'body.settings.measurement.cadss6ItemWording.item3',
    ]);
    const refused = await patchMeasurement(
      { cadss6ItemWording: { item1: 'A licensed item' } },
      cookie.physician,
    );
    expect(refused.status).toBe(403);

    const saved = await patchMeasurement({
      cadss6ItemWording: {
        item1: 'Wording of item 1 from our copy',
        item3: 'Wording of item 6 from our copy',
      },
    });
    expect(saved.status).toBe(200);
    const [audit] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.clinicId, clinic.id), eq(auditLog.action, 'settings-change')))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(audit).toMatchObject({ entity: 'clinic.settings', userId: clinic.users.admin.id });
    expect((audit!.detail as { sections: string[] }).sections).toContain('measurement');

    const mine = await json<{ items: InstrumentEntry[] }>(
      await ctx.request('/api/instruments', { cookie: cookie.physician }),
    );
    expect(mine.items.find((i) => i.id === 'cadss6')?.clinicWording).toEqual({
      item1: 'Wording of item 1 from our copy',
      item3: 'Wording of item 6 from our copy',
    });
    const theirs = await json<{ items: InstrumentEntry[] }>(
      await ctx.request('/api/instruments', { cookie: cookie.otherPhysician }),
    );
    expect(theirs.items.find((i) => i.id === 'cadss6')?.clinicWording).toBeNull();
  });
});
