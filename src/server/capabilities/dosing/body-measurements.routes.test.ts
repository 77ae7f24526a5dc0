import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientBodyMeasurements } from '../../../db/schema-dosing.js';
import { auditLog, patients } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let physician: string;
let nurse: string;
let frontDesk: string;
let patientId: string;

const kg = (value: number) => ({ value, unit: 'kg' });
const cm = (value: number) => ({ value, unit: 'cm' });
const path = () => `/api/patients/${patientId}/body-measurements`;

interface Measurement {
  id: string;
  weightKg: number;
  heightCm: number;
  measuredAt: string;
  source: string;
  recordedBy: { id: string; label: string };
  amends: { id: string; reason: string } | null;
  amendedBy: string | null;
}

async function record(cookie: string, body: Record<string, unknown>) {
  return ctx.request(path(), { method: 'POST', cookie, json: body });
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Alder');
  physician = await ctx.cookieFor(clinic.users.physician.id, clinic.id);
  nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
  frontDesk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  const [p] = await ctx.deps.db
    .insert(patients)
    .values({
      clinicId: clinic.id,
      mrn: 'A0000042',
      legalGivenName: 'Wren',
      legalFamilyName: 'Ash',
      birthDate: '1984-02-29',
      sexAtBirth: 'female',
    })
    .returning();
  patientId = p!.id;
});
afterAll(async () => {
  await ctx.close();
});

describe('body measurements', () => {
  it('are recorded by a nurse or physician, dated, with who recorded them, and audited', async () => {
    expect(
      (await record(frontDesk, { weight: kg(70), height: cm(168), source: 'clinic-scale' })).status,
    ).toBe(403);
    const measuredAt = new Date(ctx.clock.now().getTime() - 3 * 86_400_000).toISOString();
    const response = await record(nurse, {
      weight: kg(70),
      height: cm(168),
      source: 'clinic-scale',
      measuredAt,
    });
    expect(response.status).toBe(201);
    const m = (await response.json()) as Measurement;
    expect(m).toMatchObject({
      weightKg: 70,
      heightCm: 168,
      source: 'clinic-scale',
      measuredAt,
      recordedBy: { id: clinic.users.nurse.id },
      amends: null,
    });
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, m.id));
    expect(audit.map((a) => [a.action, a.entity])).toEqual([['create', 'body-measurement']]);
  });

  it('refuse implausible values, other units and a time in the future, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ weight: kg(700), height: cm(168), source: 'clinic-scale' }, 'body.weight'],
      [{ weight: { value: 154, unit: 'lb' }, height: cm(168), source: 'clinic-scale' }, 'body.weight.unit'],
      [{ weight: kg(70), height: cm(1.68), source: 'clinic-scale' }, 'body.height'],
      [
        {
          weight: kg(70),
          height: cm(168),
          source: 'clinic-scale',
          measuredAt: new Date(ctx.clock.now().getTime() + 3_600_000).toISOString(),
        },
        'body.measuredAt',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await record(physician, body);
      expect(response.status, field).toBe(400);
      const error = (await response.json()) as { error: { fields: Array<{ field: string }> } };
      expect(
        error.error.fields.map((f) => f.field),
        field,
      ).toContain(field);
    }
  });

  it('are append-only: a correction is an amendment, and the latest skips what was amended', async () => {
    const first = (await (
      await record(nurse, { weight: kg(81), height: cm(168), source: 'patient-reported' })
    ).json()) as Measurement;
    const amendment = await record(physician, {
      weight: kg(71),
      height: cm(168),
      source: 'clinic-scale',
      amends: { id: first.id, reason: 'typed 81 for 71' },
    });
    expect(amendment.status).toBe(201);
    const fixed = (await amendment.json()) as Measurement;
    expect(fixed.amends).toEqual({ id: first.id, reason: 'typed 81 for 71' });
    // The same measurement cannot be amended twice: amend the amendment instead.
    expect(
      (
        await record(physician, {
          weight: kg(72),
          height: cm(168),
          source: 'clinic-scale',
          amends: { id: first.id, reason: 'again' },
        })
      ).status,
    ).toBe(409);

    const list = (await (await ctx.request(path(), { cookie: nurse })).json()) as {
      items: Measurement[];
      latest: Measurement | null;
    };
    expect(list.latest?.id).toBe(fixed.id);
    expect(list.items.find((i) => i.id === first.id)?.amendedBy).toBe(fixed.id);
    expect(list.items[0]!.id).toBe(fixed.id);

    await expect(
      ctx.deps.db
        .update(patientBodyMeasurements)
        .set({ weightKg: 1 })
        .where(eq(patientBodyMeasurements.id, first.id)),
    ).rejects.toThrow();
    await expect(
      ctx.deps.db.delete(patientBodyMeasurements).where(eq(patientBodyMeasurements.id, first.id)),
    ).rejects.toThrow();
    const n = await ctx.deps.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM patient_body_measurements WHERE id = ${first.id}`,
    );
    expect(n.rows[0]?.n).toBe(1);
  });

  it('answer 404 for a measurement of another patient being amended', async () => {
    const [other] = await ctx.deps.db
      .insert(patients)
      .values({
        clinicId: clinic.id,
        mrn: 'A0000059',
        legalGivenName: 'Other',
        legalFamilyName: 'Person',
        birthDate: '1990-01-01',
        sexAtBirth: 'male',
      })
      .returning();
    const theirs = (await (
      await ctx.request(`/api/patients/${other!.id}/body-measurements`, {
        method: 'POST',
        cookie: nurse,
        json: { weight: kg(90), height: cm(180), source: 'clinic-scale' },
      })
    ).json()) as Measurement;
    const response = await record(nurse, {
      weight: kg(70),
      height: cm(168),
      source: 'clinic-scale',
      amends: { id: theirs.id, reason: 'wrong chart' },
    });
    expect(response.status).toBe(404);
  });
});
