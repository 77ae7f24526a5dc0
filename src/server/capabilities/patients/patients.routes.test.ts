import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, patientHistory, patients } from '../../../db/schema.js';
import { isValidMrn } from '../../../domain/patients/medical-record-number.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let cookie: string;

const newPatient = {
  legalGivenName: 'Maya',
  legalFamilyName: 'Okafor',
  preferredName: 'May',
  birthDate: '1984-03-09',
  sexAtBirth: 'female',
  pronouns: 'she/her',
  phone: '555-0142',
  email: 'maya.okafor@example.test',
  emergencyContact: { name: 'Kofi Okafor', relationship: 'Brother', phone: '555-0143' },
  referringClinician: { name: 'Dr Lindqvist', organisation: 'Springfield Psychiatry', npi: '1234567893' },
  conditions: [
    { code: 'f33.2', display: 'Major depressive disorder, recurrent severe without psychotic features' },
  ],
  alerts: [{ text: 'Hypertension: check BP before each infusion', severity: 'warning' }],
};

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Willow');
  cookie = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
});
afterAll(async () => {
  await ctx.close();
});

async function create(body: object = newPatient) {
  return ctx.request('/api/patients', { method: 'POST', cookie, json: body });
}

describe('patient registry', () => {
  it('registers a patient with an MRN, a first history version and an audit row', async () => {
    const response = await create();
    expect(response.status).toBe(201);
    const patient = (await response.json()) as {
      id: string;
      mrn: string;
      version: number;
      conditions: Array<{ code: string }>;
      careStatus: string;
    };
    expect(isValidMrn(patient.mrn)).toBe(true);
    expect(patient.version).toBe(1);
    expect(patient.careStatus).toBe('referred');
    expect(patient.conditions[0]?.code).toBe('F33.2');
    const history = await ctx.deps.db
      .select()
      .from(patientHistory)
      .where(eq(patientHistory.patientId, patient.id));
    expect(history.map((h) => h.version)).toEqual([1]);
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.patientId, patient.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('rejects bad input with 400 naming each field, and writes nothing', async () => {
    const before = await ctx.deps.db.select({ id: patients.id }).from(patients);
    const response = await create({
      ...newPatient,
      birthDate: '1984-02-30',
      sexAtBirth: 'robot',
      conditions: [{ code: 'XYZ', display: 'x' }],
      role: 'admin',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Array<{ field: string }> } };
    const fields = body.error.fields.map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.birthDate', 'body.sexAtBirth', 'body.conditions.0.code', 'body']),
    );
    const future = await create({ ...newPatient, birthDate: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(JSON.stringify(await future.json())).toContain('body.birthDate');
    const after = await ctx.deps.db.select({ id: patients.id }).from(patients);
    expect(after.length).toBe(before.length);
  });

  it('explains field problems in words a person at the form can act on', async () => {
    const response = await create({
      ...newPatient,
      legalGivenName: '',
      sexAtBirth: 'robot',
      email: 'not-an-email',
    });
    const body = (await response.json()) as { error: { fields: Array<{ field: string; message: string }> } };
    const messages = Object.fromEntries(body.error.fields.map((f) => [f.field, f.message]));
    expect(messages['body.legalGivenName']).toBe('is required');
    expect(messages['body.sexAtBirth']).toBe('must be one of: female, male, intersex, unknown');
    expect(messages['body.email']).toBe('must be an email address');
  });

  it('refuses mass assignment of server-owned fields', async () => {
    const response = await create({
      ...newPatient,
      clinicId: '00000000-0000-0000-0000-000000000000',
      mrn: 'A0000001',
      version: 7,
    });
    expect(response.status).toBe(400);
  });

  it('finds patients by name fragment, preferred name, date of birth (two formats) and MRN', async () => {
    const created = (await (
      await create({
        ...newPatient,
        legalGivenName: 'Tomasz',
        legalFamilyName: 'Kowalczyk',
        preferredName: null,
        birthDate: '1990-11-02',
      })
    ).json()) as { id: string; mrn: string };
    const search = async (q: string) => {
      const response = await ctx.request(`/api/patients?q=${encodeURIComponent(q)}`, { cookie });
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
    };
    expect(await search('kowal')).toContain(created.id);
    // Not the start of any name part: found by the substring (trigram) fallback.
    expect(await search('walcz')).toContain(created.id);
    expect(await search('TOMASZ kowalczyk')).toContain(created.id);
    expect(await search('1990-11-02')).toEqual([created.id]);
    expect(await search('11/02/1990')).toEqual([created.id]);
    expect(await search(created.mrn)).toEqual([created.id]);
    expect(await search('kowal 1984-03-09')).toEqual([]);
    // SQL and LIKE metacharacters are inert.
    expect(await search("%' OR 1=1 --")).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('refuses a duplicated query parameter', async () => {
    const response = await ctx.request('/api/patients?q=a&q=b', { cookie });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('query.q');
  });

  it('edits with optimistic concurrency: a stale version gets 409 and nothing changes', async () => {
    const created = (await (await create()).json()) as { id: string; version: number };
    const first = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie,
      json: { version: 1, changes: { phone: '555-0150' }, reason: 'patient called' },
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { version: number }).version).toBe(2);
    const stale = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie,
      json: { version: 1, changes: { phone: '555-0199' } },
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { currentVersion: number } }).error.currentVersion).toBe(2);
    const [row] = await ctx.deps.db.select().from(patients).where(eq(patients.id, created.id));
    expect(row?.phone).toBe('555-0150');
    const history = await ctx.request(`/api/patients/${created.id}/history`, { cookie });
    const items = ((await history.json()) as { items: Array<{ version: number; changedFields: string[] }> })
      .items;
    expect(items.map((i) => i.version)).toEqual([2, 1]);
    expect(items[0]?.changedFields).toEqual(['phone']);
    expect((items[0] as unknown as { changedByLabel: string }).changedByLabel).toBe('front_desk 1');
  });

  it('allows only the care-status moves of the clinical path', async () => {
    const created = (await (await create()).json()) as { id: string };
    const jump = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie,
      json: { version: 1, changes: { careStatus: 'maintenance' } },
    });
    expect(jump.status).toBe(400);
    expect(JSON.stringify(await jump.json())).toContain('body.changes.careStatus');
    const ok = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie,
      json: { version: 1, changes: { careStatus: 'screening' } },
    });
    expect(ok.status).toBe(200);
  });

  it('never deletes: deactivation keeps the record, hides it from default search, and needs the right role', async () => {
    const created = (await (await create({ ...newPatient, legalFamilyName: 'Deactivatus' })).json()) as {
      id: string;
      version: number;
    };
    const denied = await ctx.request(`/api/patients/${created.id}/deactivate`, {
      method: 'POST',
      cookie,
      json: { version: 1, reason: 'duplicate record' },
    });
    expect(denied.status).toBe(403);
    const physician = await ctx.cookieFor(clinic.users.physician.id, clinic.id);
    const done = await ctx.request(`/api/patients/${created.id}/deactivate`, {
      method: 'POST',
      cookie: physician,
      json: { version: 1, reason: 'duplicate record' },
    });
    expect(done.status).toBe(200);
    const found = (await (await ctx.request('/api/patients?q=deactivatus', { cookie })).json()) as {
      items: unknown[];
    };
    expect(found.items).toHaveLength(0);
    const withInactive = (await (
      await ctx.request('/api/patients?q=deactivatus&includeInactive=true', { cookie })
    ).json()) as { items: unknown[] };
    expect(withInactive.items).toHaveLength(1);
    await expect(ctx.deps.db.delete(patients).where(eq(patients.id, created.id))).rejects.toThrow();
  });

  it('audits every read with the user, patient and client', async () => {
    const created = (await (await create()).json()) as { id: string };
    const nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
    expect((await ctx.request(`/api/patients/${created.id}`, { cookie: nurse })).status).toBe(200);
    const reads = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.patientId, created.id));
    const read = reads.find((r) => r.action === 'read');
    expect(read).toMatchObject({
      userId: clinic.users.nurse.id,
      outcome: 'success',
      entity: 'patient',
      clinicId: clinic.id,
    });
  });
});
