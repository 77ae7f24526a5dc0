import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicProtocols } from '../../../db/schema-dosing.js';
import { patients } from '../../../db/schema.js';
import { PROTOCOL_LIBRARY, type Protocol } from '../../../domain/protocols/index.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let other: TestClinic;
let admin: string;
let physician: string;
let nurse: string;
let frontDesk: string;
let otherAdmin: string;

interface Entry {
  rowId: string;
  protocol: Protocol;
  latest: boolean;
  copiedFrom: { id: string; version: number } | null;
}
interface ListBody {
  library: Array<{ protocol: Protocol }>;
  clinic: Entry[];
  dosingSettings: { verificationRequired: boolean };
  settingSources: Array<{ setting: string; citations: Array<{ source: string }> }>;
}

const post = (path: string, cookie: string, json: unknown) =>
  ctx.request(path, { method: 'POST', cookie, json });
const copyBody = {
  source: { origin: 'library', id: 'iv-depression', version: 1 },
  id: 'birch-depression',
  name: 'Birch depression',
};

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Birch');
  other = await ctx.seedClinic('Elm');
  admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
  physician = await ctx.cookieFor(clinic.users.physician.id, clinic.id);
  nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
  frontDesk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  otherAdmin = await ctx.cookieFor(other.users.admin.id, other.id);
});
afterAll(async () => {
  await ctx.close();
});

describe('protocols', () => {
  it('lists the library with citations and the dosing settings with their sources', async () => {
    const response = await ctx.request('/api/protocols', { cookie: nurse });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ListBody;
    expect(body.library.map((l) => l.protocol.id)).toEqual(PROTOCOL_LIBRARY.map((p) => p.id));
    for (const { protocol } of body.library) expect(protocol.citations.length).toBeGreaterThan(0);
    expect(body.dosingSettings.verificationRequired).toBe(true);
    expect(body.settingSources.find((s) => s.setting === 'weightBasis')?.citations.length).toBeGreaterThan(0);
    expect((await ctx.request('/api/protocols', { cookie: frontDesk })).status).toBe(403);
  });

  it('copies a library protocol; only admins and physicians manage protocols', async () => {
    expect((await post('/api/protocols/copy', nurse, copyBody)).status).toBe(403);
    const response = await post('/api/protocols/copy', admin, copyBody);
    expect(response.status).toBe(201);
    const copy = (await response.json()) as Entry;
    expect(copy.protocol).toMatchObject({
      id: 'birch-depression',
      version: 1,
      lineage: { copiedFrom: { id: 'iv-depression', version: 1 } },
    });
    expect((await post('/api/protocols/copy', physician, copyBody)).status).toBe(400);
    const libraryId = await post('/api/protocols/copy', physician, { ...copyBody, id: 'iv-chronic-pain' });
    expect(libraryId.status).toBe(400);
  });

  it('revises into a new version, validated, and keeps the old version readable and unchanged', async () => {
    const list = (await (await ctx.request('/api/protocols', { cookie: physician })).json()) as ListBody;
    const v1 = list.clinic.find((e) => e.protocol.id === 'birch-depression')!;
    const steps = v1.protocol.steps.map((s) =>
      s.id === 'standard' && s.kind === 'mg-per-kg' ? { ...s, durationMin: 45 } : s,
    );

    // A ceiling below a step is refused, naming the field.
    const bad = await post(`/api/protocols/${v1.rowId}/revise`, physician, {
      changes: { ceiling: { ...v1.protocol.ceiling, mgPerKg: 0.6 } },
      note: 'lower ceiling',
    });
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { error: { fields: Array<{ field: string }> } };
    expect(badBody.error.fields.map((f) => f.field).some((f) => f.startsWith('body.changes.ceiling'))).toBe(
      true,
    );
    expect(
      (
        await post(`/api/protocols/${v1.rowId}/revise`, physician, {
          changes: { id: 'x' },
          note: 'rename id',
        })
      ).status,
    ).toBe(400);

    const revised = await post(`/api/protocols/${v1.rowId}/revise`, physician, {
      changes: { steps },
      note: 'Cusin 2017 used 45 min',
    });
    expect(revised.status).toBe(201);
    const v2 = (await revised.json()) as Entry;
    expect(v2.protocol.version).toBe(2);
    expect(v2.protocol.lineage?.supersedes).toEqual({ id: 'birch-depression', version: 1 });

    const old = (await (await ctx.request(`/api/protocols/${v1.rowId}`, { cookie: nurse })).json()) as Entry;
    expect(old.protocol).toEqual(v1.protocol);
    expect(old.latest).toBe(false);
    // Only the newest version is revised (no two different "version 2"s).
    expect(
      (
        await post(`/api/protocols/${v1.rowId}/revise`, physician, {
          changes: { name: 'Fork' },
          note: 'fork attempt',
        })
      ).status,
    ).toBe(409);
    // The stored version is immutable in the database too.
    await expect(
      ctx.deps.db.update(clinicProtocols).set({ name: 'changed' }).where(eq(clinicProtocols.id, v1.rowId)),
    ).rejects.toThrow();

    // Both versions can be dosed from; the dose names the version it used.
    const [patient] = await ctx.deps.db
      .insert(patients)
      .values({
        clinicId: clinic.id,
        mrn: 'A0000042',
        legalGivenName: 'Ada',
        legalFamilyName: 'Wren',
        birthDate: '1990-01-01',
        sexAtBirth: 'male',
      })
      .returning();
    for (const version of [1, 2]) {
      const preview = await post(`/api/patients/${patient!.id}/doses/preview`, nurse, {
        protocol: { origin: 'clinic', id: 'birch-depression', version },
        stepId: 'standard',
        patient: { weight: { value: 80, unit: 'kg' }, height: { value: 180, unit: 'cm' }, sex: 'male' },
        preparation: {
          vialConcentration: { value: 50, unit: 'mg/mL' },
          bagVolume: { value: 100, unit: 'mL' },
        },
      });
      expect(preview.status).toBe(200);
      const body = (await preview.json()) as { dose: { durationMin: number; protocol: { version: number } } };
      expect(body.dose.protocol.version).toBe(version);
      expect(body.dose.durationMin).toBe(version === 1 ? 40 : 45);
    }
  });

  it("keeps each clinic's protocols to itself", async () => {
    const list = (await (await ctx.request('/api/protocols', { cookie: otherAdmin })).json()) as ListBody;
    expect(list.clinic).toEqual([]);
    const mine = (await (await ctx.request('/api/protocols', { cookie: admin })).json()) as ListBody;
    const rowId = mine.clinic[0]!.rowId;
    expect((await ctx.request(`/api/protocols/${rowId}`, { cookie: otherAdmin })).status).toBe(404);
    expect(
      (await post(`/api/protocols/${rowId}/revise`, otherAdmin, { changes: { name: 'x' }, note: 'hostile' }))
        .status,
    ).toBe(404);
    // The other clinic may use the same id for its own copy.
    expect((await post('/api/protocols/copy', otherAdmin, copyBody)).status).toBe(201);
  });
});
