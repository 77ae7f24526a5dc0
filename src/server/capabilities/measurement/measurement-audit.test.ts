import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetyAlerts, selfReportLinks } from '../../../db/schema-measurement.js';
import { auditLog } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

/**
 * The audit rows of measurement-based care that are easy to miss: lists that show patients, the
 * patient's own pages (opening a link, a submission that raises a safety alert).
 */
let ctx: TestContext;
let clinic: TestClinic;
let desk: string;
let physician: string;
let admin: string;

const phqForm = (values: number[]) =>
  new URLSearchParams(values.map((v, i) => [`item${i + 1}`, String(v)])).toString();

async function newPatient(given: string): Promise<string> {
  const response = await ctx.request('/api/patients', {
    method: 'POST',
    cookie: desk,
    json: {
      legalGivenName: given,
      legalFamilyName: 'Audited',
      birthDate: '1985-04-04',
      sexAtBirth: 'female',
    },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function lastSeq(): Promise<number> {
  const [row] = await ctx.deps.db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row?.seq ?? 0;
}

async function rowsSince(seq: number) {
  return ctx.deps.db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(auditLog.seq);
}

async function createLink(patientId: string) {
  const response = await ctx.request(`/api/patients/${patientId}/self-report-links`, {
    method: 'POST',
    cookie: desk,
    json: { instrumentId: 'phq9', channel: 'copy' },
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; url: string };
  return {
    id: body.id,
    path: new URL(body.url).pathname,
    token: new URL(body.url).pathname.split('/').pop()!,
  };
}

async function auditReportFor(patientId: string) {
  const response = await ctx.request(`/api/audit?patientId=${patientId}&limit=500`, { cookie: admin });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Array<{ action: string; entity: string }> }).items;
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Measured');
  desk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  physician = await ctx.cookieFor(clinic.users.physician.id, clinic.id);
  admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
});
afterAll(async () => {
  await ctx.close();
});

describe('lists that show patients name them in their audit row', () => {
  it('records which patients the due list showed, and the report finds the view under each patient', async () => {
    const pid = await newPatient('Dueling');
    const plan = await ctx.request(`/api/patients/${pid}/measurement-plans`, {
      method: 'POST',
      cookie: desk,
      json: { name: 'Induction', rules: [{ kind: 'before-anchor', instruments: ['phq9'], windowHours: 48 }] },
    });
    expect(plan.status).toBe(201);
    const at = new Date(ctx.clock.now().getTime() + 10 * 3_600_000).toISOString();
    await ctx.request(`/api/patients/${pid}/anchors`, { method: 'POST', cookie: desk, json: { at } });
    const before = await lastSeq();
    const list = (await (await ctx.request('/api/measurement/due', { cookie: desk })).json()) as {
      items: Array<{ patientId: string }>;
    };
    expect(list.items.map((i) => i.patientId)).toContain(pid);
    const [row] = (await rowsSince(before)).filter((r) => r.entity === 'measurement.due');
    expect(row!.detail).toMatchObject({ patientIds: [pid] });
    expect((await auditReportFor(pid)).some((r) => r.entity === 'measurement.due')).toBe(true);
  });

  it('records which patients the safety task list showed', async () => {
    const pid = await newPatient('Tasked');
    const recorded = await ctx.request(`/api/patients/${pid}/assessments`, {
      method: 'POST',
      cookie: physician,
      json: {
        instrumentId: 'phq9',
        answers: { item1: 1, item2: 1, item3: 1, item4: 1, item5: 1, item6: 1, item7: 1, item8: 1, item9: 1 },
      },
    });
    expect(recorded.status).toBe(201);
    const before = await lastSeq();
    const tasks = (await (
      await ctx.request('/api/safety-alerts?scope=all', { cookie: physician })
    ).json()) as {
      items: Array<{ patientId: string }>;
    };
    expect(tasks.items.map((i) => i.patientId)).toContain(pid);
    const [row] = (await rowsSince(before)).filter(
      (r) => r.entity === 'safety.alert' && r.action === 'query',
    );
    expect((row!.detail as { patientIds: string[] }).patientIds).toContain(pid);
    expect((await auditReportFor(pid)).some((r) => r.entity === 'safety.alert' && r.action === 'query')).toBe(
      true,
    );
  });
});

describe('the patient’s own pages', () => {
  it('audits opening a self-report link with the patient, the link, the outcome and the address, never the token', async () => {
    const pid = await newPatient('Opener');
    const link = await createLink(pid);
    const before = await lastSeq();
    expect((await ctx.request(link.path)).status).toBe(200);
    const rows = (await rowsSince(before)).filter((r) => r.entity === 'selfreport.link');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      clinicId: clinic.id,
      patientId: pid,
      entityId: link.id,
      action: 'read',
      outcome: 'success',
      userLabel: `patient (self-report link ${link.id})`,
      detail: expect.objectContaining({ state: 'open' }),
    });
    expect(rows[0]!.clientIp).toBeTruthy();
    expect(JSON.stringify(rows[0])).not.toContain(link.token);
  });

  it('audits opening a link that can no longer be used as a failure naming why', async () => {
    const pid = await newPatient('Lapsed');
    const link = await createLink(pid);
    await ctx.deps.db
      .update(selfReportLinks)
      .set({ revokedAt: new Date() })
      .where(eq(selfReportLinks.id, link.id));
    const before = await lastSeq();
    expect((await ctx.request(link.path)).status).toBe(410);
    const rows = (await rowsSince(before)).filter((r) => r.entity === 'selfreport.link');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      patientId: pid,
      entityId: link.id,
      outcome: 'failure',
      detail: expect.objectContaining({ state: 'revoked' }),
    });
    expect(JSON.stringify(rows[0])).not.toContain(link.token);
  });

  it('names the patient-facing actor and address on a safety alert raised by the patient’s submission', async () => {
    const pid = await newPatient('Submitter');
    const link = await createLink(pid);
    const done = await ctx.request(link.path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: phqForm([2, 2, 1, 1, 1, 1, 1, 0, 1]),
    });
    expect(done.status).toBe(200);
    const [alert] = await ctx.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.patientId, pid));
    const [row] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'safety.alert'),
          eq(auditLog.entityId, alert!.id),
          eq(auditLog.action, 'create'),
        ),
      );
    expect(row).toMatchObject({
      patientId: pid,
      userId: null,
      userLabel: `patient (self-report link ${link.id})`,
      outcome: 'success',
    });
    expect(row!.clientIp).toBeTruthy();
  });
});
