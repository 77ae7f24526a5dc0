import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let admin: string;
let patientId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Audit report');
  admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
  const nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
  const created = await ctx.request('/api/patients', {
    method: 'POST',
    cookie: nurse,
    json: {
      legalGivenName: 'Iris',
      legalFamilyName: 'Vantongeren',
      birthDate: '1975-04-04',
      sexAtBirth: 'female',
    },
  });
  patientId = ((await created.json()) as { id: string }).id;
  await ctx.request('/api/patients?q=vantongeren', { cookie: nurse });
  await ctx.request(`/api/patients/${patientId}`, { cookie: nurse });
});
afterAll(async () => {
  await ctx.close();
});

type Report = {
  total: number;
  items: Array<{ action: string; userId: string; patientId: string | null; occurredAt: string }>;
};

describe('audit report', () => {
  it('filters by patient, including the searches that listed them', async () => {
    const report = (await (
      await ctx.request(`/api/audit?patientId=${patientId}&sort=time&dir=asc`, { cookie: admin })
    ).json()) as Report;
    expect(report.items.map((i) => i.action)).toEqual(['create', 'query', 'read']);
    expect(new Set(report.items.map((i) => i.userId))).toEqual(new Set([clinic.users.nurse.id]));
  });

  it('filters by user and time and sorts by an allowlisted column only', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const byUser = (await (
      await ctx.request(`/api/audit?userId=${clinic.users.nurse.id}&from=${from}&sort=action&dir=asc`, {
        cookie: admin,
      })
    ).json()) as Report;
    const actions = byUser.items.map((i) => i.action);
    expect(actions).toEqual([...actions].sort());
    expect((await ctx.request('/api/audit?sort=seq;drop', { cookie: admin })).status).toBe(400);
    const future = (await (
      await ctx.request(`/api/audit?from=${new Date(Date.now() + 3_600_000).toISOString()}`, {
        cookie: admin,
      })
    ).json()) as Report;
    expect(future.total).toBe(0);
  });

  it('exports the same rows as CSV, guarded against spreadsheet formulas', async () => {
    await ctx.request('/api/patients?q=' + encodeURIComponent('=HYPERLINK("x")'), { cookie: admin });
    const response = await ctx.request('/api/audit.csv?action=query', { cookie: admin });
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(
      'seq,time_utc,user_id,user,patient_id,action,data,record_id,detail,outcome,client_address',
    );
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('audits the reading and the export of the audit trail itself', async () => {
    const report = (await (
      await ctx.request(`/api/audit?userId=${clinic.users.admin.id}&limit=100`, { cookie: admin })
    ).json()) as Report;
    const actions = report.items.map((i) => i.action);
    expect(actions).toContain('export');
    expect(actions).toContain('query');
  });
});
