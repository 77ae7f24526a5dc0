import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, patientHistory, patients } from '../../../db/schema.js';
import { isValidMrn } from '../../../domain/patients/medical-record-number.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
/** The front desk: registers, finds and edits demographics and contacts. */
let cookie: string;
/** A clinician: the full record, diagnoses and alerts included. */
let nurse: string;

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
  nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
});
afterAll(async () => {
  await ctx.close();
});

/** Registers a patient; the sample has diagnoses and an alert, so a clinician registers it. */
async function create(body: object = newPatient, who = nurse) {
  return ctx.request('/api/patients', { method: 'POST', cookie: who, json: body });
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
      cookie: nurse,
      json: { version: 1, changes: { careStatus: 'maintenance' } },
    });
    expect(jump.status).toBe(400);
    expect(JSON.stringify(await jump.json())).toContain('body.changes.careStatus');
    const ok = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie: nurse,
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

type PatientBody = Record<string, unknown> & { id: string; version: number; withheldFields: string[] };

async function patientRow(id: string) {
  const [row] = await ctx.deps.db.select().from(patients).where(eq(patients.id, id));
  return row!;
}

describe('minimum necessary: the front desk and the clinical record', () => {
  it('lets the front desk change demographics and contacts', async () => {
    const created = (await (await create()).json()) as PatientBody;
    const response = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie,
      json: {
        version: 1,
        changes: { phone: '555-0177', legalFamilyName: 'Okafor-Reyes', address: { city: 'Springfield' } },
      },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as PatientBody).version).toBe(2);
  });

  it('refuses a front-desk PATCH touching diagnoses, alerts or care status with a 403 naming each field, changes nothing and audits it', async () => {
    const created = (await (await create()).json()) as PatientBody;
    const before = await patientRow(created.id);
    const response = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie,
      json: {
        version: 1,
        changes: { phone: '555-0166', conditions: [], alerts: [], careStatus: 'screening' },
      },
    });
    expect(response.status).toBe(403);
    const { error } = (await response.json()) as { error: { fields: Array<{ field: string }> } };
    expect(error.fields.map((f) => f.field)).toEqual([
      'body.changes.conditions',
      'body.changes.alerts',
      'body.changes.careStatus',
    ]);
    expect(await patientRow(created.id)).toEqual(before);
    const denied = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, created.id), eq(auditLog.action, 'access-denied')));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({
      userId: clinic.users.front_desk.id,
      outcome: 'failure',
      entityId: created.id,
      detail: expect.objectContaining({
        method: 'patch',
        path: '/api/patients/:id',
        status: 403,
        fields: ['body.changes.conditions', 'body.changes.alerts', 'body.changes.careStatus'],
      }),
    });
  });

  it('refuses a front-desk field even when its value is unchanged (no oracle for hidden values)', async () => {
    const created = (await (await create()).json()) as PatientBody;
    const response = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie,
      json: { version: 1, changes: { careStatus: 'referred' } },
    });
    expect(response.status).toBe(403);
  });

  it('lets clinicians change diagnoses, alerts and care status', async () => {
    const created = (await (await create()).json()) as PatientBody;
    const response = await ctx.request(`/api/patients/${created.id}`, {
      method: 'PATCH',
      cookie: nurse,
      json: {
        version: 1,
        changes: {
          conditions: [],
          alerts: [{ text: 'Needle phobia', severity: 'info' }],
          careStatus: 'screening',
        },
      },
    });
    expect(response.status).toBe(200);
    const row = await patientRow(created.id);
    expect(row.conditions).toEqual([]);
    expect(row.careStatus).toBe('screening');
  });

  it('lets the front desk register demographics only: diagnoses, alerts or a care status other than referred are a 403', async () => {
    const demographics = {
      legalGivenName: 'Nadia',
      legalFamilyName: 'Frontdesk',
      birthDate: '1991-06-06',
      sexAtBirth: 'female',
      phone: '555-0101',
    };
    const ok = await create(demographics, cookie);
    expect(ok.status).toBe(201);
    const before = await ctx.deps.db.select({ id: patients.id }).from(patients);
    for (const [extra, field] of [
      [{ conditions: newPatient.conditions }, 'body.conditions'],
      [{ alerts: newPatient.alerts }, 'body.alerts'],
      [{ careStatus: 'screening' }, 'body.careStatus'],
    ] as const) {
      const refused = await create({ ...demographics, ...extra }, cookie);
      expect(refused.status, field).toBe(403);
      expect(JSON.stringify(await refused.json())).toContain(field);
    }
    expect(await ctx.deps.db.select({ id: patients.id }).from(patients)).toHaveLength(before.length);
  });

  it('shows the front desk demographics, contacts and care status, but not diagnoses or alerts, in the chart, its answers and its history', async () => {
    const created = (await (await create()).json()) as PatientBody;
    const read = (await (await ctx.request(`/api/patients/${created.id}`, { cookie })).json()) as PatientBody;
    expect(read).not.toHaveProperty('conditions');
    expect(read).not.toHaveProperty('alerts');
    expect(read.withheldFields).toEqual(['conditions', 'alerts']);
    expect(read).toMatchObject({ phone: '555-0142', careStatus: 'referred', legalFamilyName: 'Okafor' });
    const saved = (await (
      await ctx.request(`/api/patients/${created.id}`, {
        method: 'PATCH',
        cookie,
        json: { version: 1, changes: { phone: '555-0188' } },
      })
    ).json()) as PatientBody;
    expect(saved).not.toHaveProperty('conditions');
    expect(saved).not.toHaveProperty('alerts');
    const history = (await (await ctx.request(`/api/patients/${created.id}/history`, { cookie })).json()) as {
      items: Array<{ snapshot: Record<string, unknown> }>;
      withheldFields: string[];
    };
    expect(history.withheldFields).toEqual(['conditions', 'alerts']);
    expect(history.items).toHaveLength(2);
    for (const item of history.items) {
      expect(item.snapshot).not.toHaveProperty('conditions');
      expect(item.snapshot).not.toHaveProperty('alerts');
      expect(item.snapshot).toHaveProperty('careStatus');
    }
    const readRow = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.patientId, created.id),
          eq(auditLog.userId, clinic.users.front_desk.id),
          eq(auditLog.entity, 'patient'),
          eq(auditLog.action, 'read'),
        ),
      );
    expect(readRow[0]?.detail).toMatchObject({ fields: 'demographics,care-status' });
    const clinician = (await (
      await ctx.request(`/api/patients/${created.id}`, { cookie: nurse })
    ).json()) as PatientBody;
    expect(clinician.withheldFields).toEqual([]);
    expect(clinician.conditions).toHaveLength(1);
    expect(clinician.alerts).toHaveLength(1);
  });
});
