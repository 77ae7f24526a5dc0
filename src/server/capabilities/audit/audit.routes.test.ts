import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../shared/audit.js';
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
      'seq,time_utc,user_id,user,patient_id,patient_name,patient_mrn,action,data,record_id,detail,outcome,client_address',
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

type NamedReport = {
  total: number;
  items: Array<{
    action: string;
    userId: string | null;
    patientId: string | null;
    patientName: string | null;
    patientMrn: string | null;
  }>;
  bulkAccess: {
    threshold: number;
    flagged: Array<{ userId: string; userLabel: string | null; hour: string; patients: number }>;
  };
};

async function register(cookie: string, given: string, family: string): Promise<{ id: string; mrn: string }> {
  const response = await ctx.request('/api/patients', {
    method: 'POST',
    cookie,
    json: { legalGivenName: given, legalFamilyName: family, birthDate: '1970-01-01', sexAtBirth: 'male' },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; mrn: string };
}

describe('the report names patients', () => {
  it('shows the patient’s name and MRN beside each event, never another clinic’s patient', async () => {
    const report = (await (
      await ctx.request(`/api/audit?patientId=${patientId}`, { cookie: admin })
    ).json()) as NamedReport;
    const [mrn] = report.items.filter((i) => i.patientId === patientId).map((i) => i.patientMrn);
    expect(mrn).toMatch(/^A\d{7}$/);
    for (const item of report.items.filter((i) => i.patientId === patientId)) {
      expect(item.patientName).toBe('Iris Vantongeren');
      expect(item.patientMrn).toBe(mrn);
    }
    // A row of this clinic naming a patient of another clinic shows no name (the join is clinic-scoped).
    const other = await ctx.seedClinic('Elsewhere');
    const foreign = await register(await ctx.cookieFor(other.users.nurse.id, other.id), 'Foreign', 'Person');
    await ctx.deps.db.transaction((tx) =>
      appendAudit(tx, [
        { clinicId: clinic.id, patientId: foreign.id, action: 'read', entity: 'probe', outcome: 'failure' },
      ]),
    );
    const probe = (await (
      await ctx.request(`/api/audit?patientId=${foreign.id}`, { cookie: admin })
    ).json()) as NamedReport;
    expect(probe.items).toHaveLength(1);
    expect(probe.items[0]).toMatchObject({ patientName: null, patientMrn: null });
    expect(JSON.stringify(probe)).not.toContain('Foreign');
  });

  it('exports the name and MRN in the CSV', async () => {
    const text = await (await ctx.request(`/api/audit.csv?patientId=${patientId}`, { cookie: admin })).text();
    const [header, first] = text.split('\r\n');
    expect(header).toBe(
      'seq,time_utc,user_id,user,patient_id,patient_name,patient_mrn,action,data,record_id,detail,outcome,client_address',
    );
    expect(first).toContain(',Iris Vantongeren,A');
  });
});

describe('bulk chart access', () => {
  it('flags a user who opens more distinct charts in an hour than the clinic’s threshold, and filters to those reads', async () => {
    const bulk = await ctx.seedClinic('Bulk');
    const bulkAdmin = await ctx.cookieFor(bulk.users.admin.id, bulk.id);
    const nurse = await ctx.cookieFor(bulk.users.nurse.id, bulk.id);
    const physician = await ctx.cookieFor(bulk.users.physician.id, bulk.id);
    const defaults = (await (await ctx.request('/api/audit', { cookie: bulkAdmin })).json()) as NamedReport;
    expect(defaults.bulkAccess).toEqual({ threshold: 50, flagged: [] });
    const setting = await ctx.request('/api/clinic', {
      method: 'PATCH',
      cookie: bulkAdmin,
      json: { settings: { audit: { bulkAccessPatientsPerHour: 2 } } },
    });
    expect(setting.status).toBe(200);

    const registered = [];
    for (let i = 0; i < 6; i++) registered.push(await register(physician, `Bulk${i}`, 'Chart'));
    // The nurse opens six charts (one of them twice); the physician two: only the nurse is flagged.
    for (const p of [...registered, registered[0]!]) {
      expect((await ctx.request(`/api/patients/${p.id}`, { cookie: nurse })).status).toBe(200);
    }
    for (const p of registered.slice(0, 2)) {
      expect((await ctx.request(`/api/patients/${p.id}`, { cookie: physician })).status).toBe(200);
    }

    const report = (await (await ctx.request('/api/audit', { cookie: bulkAdmin })).json()) as NamedReport;
    expect(report.bulkAccess.threshold).toBe(2);
    expect(report.bulkAccess.flagged.map((f) => f.userId)).toEqual(
      report.bulkAccess.flagged.map(() => bulk.users.nurse.id),
    );
    expect(report.bulkAccess.flagged.length).toBeGreaterThan(0);
    expect(report.bulkAccess.flagged.reduce((n, f) => n + f.patients, 0)).toBe(6);
    expect(report.bulkAccess.flagged[0]!.hour).toMatch(/T\d{2}:00:00\.000Z$/);

    const filtered = (await (
      await ctx.request('/api/audit?bulkAccess=true&limit=500', { cookie: bulkAdmin })
    ).json()) as NamedReport;
    expect(filtered.total).toBe(7);
    expect(new Set(filtered.items.map((i) => i.userId))).toEqual(new Set([bulk.users.nurse.id]));
    expect(new Set(filtered.items.map((i) => i.action))).toEqual(new Set(['read']));

    // Another clinic's reads never show up in this clinic's notice.
    const elsewhere = (await (await ctx.request('/api/audit', { cookie: admin })).json()) as NamedReport;
    expect(elsewhere.bulkAccess.flagged.map((f) => f.userId)).not.toContain(bulk.users.nurse.id);

    // Reading the report with the filter is itself audited, with the filter.
    const [audited] = (
      (await (
        await ctx.request(`/api/audit?userId=${bulk.users.admin.id}&action=query&limit=500`, {
          cookie: bulkAdmin,
        })
      ).json()) as { items: Array<{ detail: Record<string, unknown> }> }
    ).items.filter((i) => i.detail.bulkAccess === 'true');
    expect(audited).toBeDefined();
  });

  it('refuses a threshold below 2 with a 400 naming the field', async () => {
    const response = await ctx.request('/api/clinic', {
      method: 'PATCH',
      cookie: admin,
      json: { settings: { audit: { bulkAccessPatientsPerHour: 1 } } },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('body.settings.audit.bulkAccessPatientsPerHour');
  });
});
