import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doses } from '../../../db/schema-dosing.js';
import { auditLog, patients } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let other: TestClinic;
let physician: string;
let nurse: string;
let frontDesk: string;
let admin: string;
let otherPhysician: string;
let patientId: string;
let otherPatientId: string;

/** docs/dosing.md §2.2 worked example: 70 kg, 0.5 mg/kg → 35 mg → 0.7 mL of 50 mg/mL into 100 mL. */
const inputs = (overrides: Record<string, unknown> = {}) => ({
  protocol: { origin: 'library', id: 'iv-depression', version: 1 },
  stepId: 'standard',
  patient: { weight: { value: 70, unit: 'kg' }, height: { value: 175, unit: 'cm' }, sex: 'female' },
  preparation: { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } },
  ...overrides,
});

interface DoseBody {
  id: string;
  status: string;
  result: {
    totalMg: number;
    pumpRateMlPerHour: number;
    explanation: Array<{ quantity: string; formula: string }>;
  };
  recomputed: { onBasisUsed: { mgPerKg: number }; onActualWeight: { mgPerKg: number } };
  ordered: { id: string };
  verified: { id: string } | null;
}
interface ErrorBody {
  error: {
    code: string;
    fields?: Array<{ field: string; message: string }>;
    hardStops?: Array<{ code: string; field: string }>;
  };
}

async function post(path: string, cookie: string, json: unknown) {
  return ctx.request(path, { method: 'POST', cookie, json });
}

async function order(body: unknown = { ...inputs(), confirmTotalMg: 35 }) {
  return post(`/api/patients/${patientId}/doses`, physician, body);
}

const doseCount = async () =>
  (
    await ctx.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(doses)
      .where(eq(doses.clinicId, clinic.id))
  )[0]!.n;
const doseAuditCount = async () =>
  (
    await ctx.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(eq(auditLog.clinicId, clinic.id), eq(auditLog.entity, 'dose'), eq(auditLog.action, 'create')),
      )
  )[0]!.n;

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Birch');
  other = await ctx.seedClinic('Elm');
  physician = await ctx.cookieFor(clinic.users.physician.id, clinic.id);
  nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
  frontDesk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
  otherPhysician = await ctx.cookieFor(other.users.physician.id, other.id);
  const [p] = await ctx.deps.db
    .insert(patients)
    .values({
      clinicId: clinic.id,
      mrn: 'A0000026',
      legalGivenName: 'Rowan',
      legalFamilyName: 'Hale',
      birthDate: '1979-04-02',
      sexAtBirth: 'female',
    })
    .returning();
  patientId = p!.id;
  const [q] = await ctx.deps.db
    .insert(patients)
    .values({
      clinicId: other.id,
      mrn: 'A0000034',
      legalGivenName: 'Foreign',
      legalFamilyName: 'Patient',
      birthDate: '1975-01-01',
      sexAtBirth: 'male',
    })
    .returning();
  otherPatientId = q!.id;
});
afterAll(async () => {
  await ctx.close();
});

describe('dose preview', () => {
  it('computes the worked example with an explanation for every number', async () => {
    const response = await post(`/api/patients/${patientId}/doses/preview`, nurse, inputs());
    expect(response.status).toBe(200);
    const body = (await response.json()) as { dose: DoseBody['result']; verificationRequired: boolean };
    expect(body.dose.totalMg).toBe(35);
    expect(body.dose.pumpRateMlPerHour).toBe(151.1);
    expect(body.dose.explanation.map((l) => l.quantity)).toEqual(
      expect.arrayContaining([
        'totalMg',
        'drugVolumeMl',
        'finalConcentrationMgPerMl',
        'pumpRateMlPerHour',
        'durationMin',
      ]),
    );
    for (const line of body.dose.explanation) expect(line.formula.length).toBeGreaterThan(0);
    expect(body.verificationRequired).toBe(true);
  });

  it('answers a hard stop with 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        {
          patient: { weight: { value: 700, unit: 'kg' }, height: { value: 175, unit: 'cm' }, sex: 'female' },
        },
        'body.patient.weight',
        'implausible-weight',
      ],
      [
        {
          patient: { weight: { value: 154, unit: 'lb' }, height: { value: 175, unit: 'cm' }, sex: 'female' },
        },
        'body.patient.weight.unit',
        'unit-mismatch',
      ],
      [{ doseOverride: { value: 1.2, unit: 'mg/kg' } }, 'body.doseOverride', 'above-ceiling'],
      [
        {
          preparation: {
            vialConcentration: { value: 50, unit: 'mg/mL' },
            bagVolume: { value: 0.5, unit: 'mL' },
          },
        },
        'body.preparation.bagVolume',
        'drug-volume-exceeds-bag',
      ],
      [{ stepId: 'nope' }, 'body.stepId', 'unknown-step'],
    ];
    for (const [change, field, code] of cases) {
      const response = await post(`/api/patients/${patientId}/doses/preview`, nurse, inputs(change));
      expect(response.status, field).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(
        body.error.fields?.map((f) => f.field),
        field,
      ).toContain(field);
      expect(
        body.error.hardStops?.map((s) => s.code),
        field,
      ).toContain(code);
    }
  });

  it('refuses an unknown protocol version by field', async () => {
    const response = await post(
      `/api/patients/${patientId}/doses/preview`,
      nurse,
      inputs({ protocol: { origin: 'library', id: 'iv-depression', version: 9 } }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.fields?.[0]?.field).toBe('body.protocol');
  });
});

describe('ordering', () => {
  it('lets only a prescriber order, and stores inputs, settings and the computed result', async () => {
    expect(
      (await post(`/api/patients/${patientId}/doses`, nurse, { ...inputs(), confirmTotalMg: 35 })).status,
    ).toBe(403);
    expect(
      (await post(`/api/patients/${patientId}/doses`, frontDesk, { ...inputs(), confirmTotalMg: 35 })).status,
    ).toBe(403);
    expect(
      (await post(`/api/patients/${patientId}/doses`, admin, { ...inputs(), confirmTotalMg: 35 })).status,
    ).toBe(403);
    const response = await order();
    expect(response.status).toBe(201);
    const dose = (await response.json()) as DoseBody;
    expect(dose.status).toBe('ordered');
    expect(dose.recomputed.onBasisUsed.mgPerKg).toBeCloseTo(0.5, 12);
    const [row] = await ctx.deps.db.select().from(doses).where(eq(doses.id, dose.id));
    expect(row).toMatchObject({
      weightKg: 70,
      heightCm: 175,
      sex: 'female',
      weightBasis: 'actual',
      totalMg: 35,
      protocolId: 'iv-depression',
      protocolVersion: 1,
      stepId: 'standard',
    });
    expect((row!.settings as { verificationRequired: boolean }).verificationRequired).toBe(true);
    expect((row!.inputs as { patient: unknown }).patient).toEqual(inputs().patient);
  });

  it('never stores client numbers: a result that differs from what the prescriber saw is refused', async () => {
    const before = await doseCount();
    const response = await order({ ...inputs(), confirmTotalMg: 36 });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.code).toBe('dose_changed');
    // A client-sent total is not a field at all.
    expect((await order({ ...inputs(), confirmTotalMg: 35, totalMg: 1000 })).status).toBe(400);
    expect(await doseCount()).toBe(before);
  });

  it('writes nothing when a hard stop refuses the order (no dose, no audit row)', async () => {
    const [doseBefore, auditBefore] = [await doseCount(), await doseAuditCount()];
    const response = await order({
      ...inputs({ doseOverride: { value: 2, unit: 'mg/kg' } }),
      confirmTotalMg: 140,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.fields?.map((f) => f.field)).toContain(
      'body.doseOverride',
    );
    expect(await doseCount()).toBe(doseBefore);
    expect(await doseAuditCount()).toBe(auditBefore);
  });

  it("answers 404 for another clinic's patient and dose, and lists only this clinic's doses", async () => {
    expect(
      (await post(`/api/patients/${otherPatientId}/doses`, physician, { ...inputs(), confirmTotalMg: 35 }))
        .status,
    ).toBe(404);
    const mine = (await (await order()).json()) as DoseBody;
    expect((await ctx.request(`/api/doses/${mine.id}`, { cookie: otherPhysician })).status).toBe(404);
    expect((await post(`/api/doses/${mine.id}/verify`, otherPhysician, {})).status).toBe(404);
    expect((await ctx.request(`/api/patients/${patientId}/doses`, { cookie: otherPhysician })).status).toBe(
      404,
    );
    const list = (await (
      await ctx.request(`/api/patients/${patientId}/doses`, { cookie: nurse })
    ).json()) as { items: DoseBody[] };
    expect(list.items.length).toBeGreaterThan(0);
  });
});

describe('verification and status', () => {
  it('is verified by a second clinician, never the orderer, and the refusal is audited', async () => {
    const dose = (await (await order()).json()) as DoseBody;
    const own = await post(`/api/doses/${dose.id}/verify`, physician, {});
    expect(own.status).toBe(403);
    expect(((await own.json()) as ErrorBody).error.code).toBe('second_clinician_required');
    const refused = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, dose.id), eq(auditLog.outcome, 'failure')));
    expect(refused).toHaveLength(1);
    expect((await post(`/api/doses/${dose.id}/verify`, frontDesk, {})).status).toBe(403);

    // Unverified, it cannot become ready to administer while the clinic requires verification.
    expect((await post(`/api/doses/${dose.id}/mark-ready`, nurse, {})).status).toBe(409);
    const verified = await post(`/api/doses/${dose.id}/verify`, nurse, {
      note: 'double-checked vial and pump',
    });
    expect(verified.status).toBe(200);
    const body = (await verified.json()) as DoseBody;
    expect(body.status).toBe('verified');
    expect(body.verified?.id).toBe(clinic.users.nurse.id);
    expect((await post(`/api/doses/${dose.id}/verify`, nurse, {})).status).toBe(409);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityId, dose.id),
          eq(auditLog.action, 'status-change'),
          eq(auditLog.outcome, 'success'),
        ),
      );
    expect(audit.map((a) => (a.detail as { to: string }).to)).toEqual(['verified']);

    const ready = await post(`/api/doses/${dose.id}/mark-ready`, physician, {});
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as DoseBody).status).toBe('ready_to_administer');
    expect(
      (await post(`/api/doses/${dose.id}/cancel`, physician, { reason: 'changed my mind' })).status,
    ).toBe(409);
  });

  it('freezes a dose ready to administer in the database and never deletes one', async () => {
    const dose = (await (await order()).json()) as DoseBody;
    await post(`/api/doses/${dose.id}/verify`, nurse, {});
    await post(`/api/doses/${dose.id}/mark-ready`, nurse, {});
    await expect(
      ctx.deps.db.update(doses).set({ cancelReason: 'x' }).where(eq(doses.id, dose.id)),
    ).rejects.toThrow();
    await expect(ctx.deps.db.delete(doses).where(eq(doses.id, dose.id))).rejects.toThrow();
    // Before it is ready, only the status columns may move: the computed result is never rewritten.
    const open = (await (await order()).json()) as DoseBody;
    await expect(
      ctx.deps.db.update(doses).set({ totalMg: 70 }).where(eq(doses.id, open.id)),
    ).rejects.toThrow();
    // And the verifier can never equal the orderer, even written directly.
    await expect(
      ctx.deps.db
        .update(doses)
        .set({ verifiedBy: clinic.users.physician.id, status: 'verified' })
        .where(eq(doses.id, open.id)),
    ).rejects.toThrow();
  });

  it('cancels with a reason and amends a dose ready to administer with a new dose that references it', async () => {
    const dose = (await (await order()).json()) as DoseBody;
    expect((await post(`/api/doses/${dose.id}/cancel`, physician, {})).status).toBe(400);
    const cancelled = await post(`/api/doses/${dose.id}/cancel`, physician, {
      reason: 'patient unwell today',
    });
    expect(((await cancelled.json()) as DoseBody).status).toBe('cancelled');

    const given = (await (await order()).json()) as DoseBody;
    await post(`/api/doses/${given.id}/verify`, nurse, {});
    await post(`/api/doses/${given.id}/mark-ready`, nurse, {});
    const weight = { value: 72, unit: 'kg' };
    const amendment = await post(`/api/doses/${given.id}/amend`, physician, {
      ...inputs({ patient: { weight, height: { value: 175, unit: 'cm' }, sex: 'female' } }),
      confirmTotalMg: 36,
      reason: 'weight re-measured before the infusion',
    });
    expect(amendment.status).toBe(201);
    const amended = (await amendment.json()) as DoseBody & { amends: { doseId: string } };
    expect(amended.amends.doseId).toBe(given.id);
    expect(amended.status).toBe('ordered');
    const original = (await (
      await ctx.request(`/api/doses/${given.id}`, { cookie: nurse })
    ).json()) as DoseBody;
    expect(original.status).toBe('ready_to_administer');
    expect(original.result.totalMg).toBe(35);
  });

  it('lets a clinic that does not require verification mark an ordered dose ready', async () => {
    const adminCookie = admin;
    const change = await ctx.request('/api/clinic', {
      method: 'PATCH',
      cookie: adminCookie,
      json: { settings: { dosing: { verificationRequired: false } } },
    });
    expect(change.status).toBe(200);
    const dose = (await (await order()).json()) as DoseBody & { verificationRequired: boolean };
    expect(dose.verificationRequired).toBe(false);
    expect(
      ((await (await post(`/api/doses/${dose.id}/mark-ready`, physician, {})).json()) as DoseBody).status,
    ).toBe('ready_to_administer');
    await ctx.request('/api/clinic', {
      method: 'PATCH',
      cookie: adminCookie,
      json: { settings: { dosing: { verificationRequired: true } } },
    });
  });
});
