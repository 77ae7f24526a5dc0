import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doses, patientBodyMeasurements } from '../../../db/schema-dosing.js';
import { patients } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { countSessionsGiven } from './doses.queries.js';

/**
 * The pharmacist's review, end to end: inputs from the chart (sex, age, a dated body measurement), the
 * session history counted from the patient's doses, and the acknowledgements that lift a hard stop.
 */

let ctx: TestContext;
let clinic: TestClinic;
let physician: string;
let nurse: string;

const DAY = 86_400_000;
const kg = (value: number) => ({ value, unit: 'kg' });
const cm = (value: number) => ({ value, unit: 'cm' });
const prep = { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } };
const ivDepression = { origin: 'library', id: 'iv-depression', version: 1 };

interface Dose {
  id: string;
  status: string;
  totalMg: number;
  warnings: Array<{ code: string; message: string }>;
  explanation: Array<{ quantity: string; value: number }>;
  patient: { sex: string; weightKg: number };
  bodyMeasurement: { source: string; id: string | null; ageDays: number } | null;
}
interface Preview {
  dose: Dose;
  warnings: Array<{ code: string }>;
}
interface Failure {
  error: {
    code: string;
    fields?: Array<{ field: string; message: string }>;
    hardStops?: Array<{ code: string; field: string }>;
    warnings?: Array<{ code: string }>;
  };
}

async function newPatient(birthDate: string, sexAtBirth: 'female' | 'male' | 'unknown' = 'female') {
  const [p] = await ctx.deps.db
    .insert(patients)
    .values({
      clinicId: clinic.id,
      mrn: `B${Math.floor(Math.random() * 1e7)
        .toString()
        .padStart(7, '0')}`,
      legalGivenName: 'Test',
      legalFamilyName: 'Patient',
      birthDate,
      sexAtBirth,
    })
    .returning();
  return p!.id;
}

const post = (path: string, cookie: string, json: unknown) =>
  ctx.request(path, { method: 'POST', cookie, json });
const preview = (patientId: string, cookie: string, body: unknown) =>
  post(`/api/patients/${patientId}/doses/preview`, cookie, body);

async function measure(patientId: string, weight: number, height: number, daysAgo = 0) {
  const measuredAt = new Date(ctx.clock.now().getTime() - daysAgo * DAY).toISOString();
  const response = await post(`/api/patients/${patientId}/body-measurements`, nurse, {
    weight: kg(weight),
    height: cm(height),
    source: 'clinic-scale',
    measuredAt,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Order as the physician, verify as the nurse, mark ready to administer. */
async function giveSession(patientId: string, body: Record<string, unknown>) {
  const calc = (await (await preview(patientId, physician, body)).json()) as Preview;
  const ordered = await post(`/api/patients/${patientId}/doses`, physician, {
    ...body,
    confirmTotalMg: calc.dose.totalMg,
  });
  expect(ordered.status).toBe(201);
  const dose = (await ordered.json()) as { id: string };
  expect((await post(`/api/doses/${dose.id}/verify`, nurse, {})).status).toBe(200);
  const ready = await post(`/api/doses/${dose.id}/mark-ready`, nurse, {});
  expect(ready.status).toBe(200);
  expect(((await ready.json()) as { status: string }).status).toBe('ready_to_administer');
  return dose.id;
}

const stopsOf = async (response: Response) => {
  expect(response.status).toBe(400);
  return ((await response.json()) as Failure).error;
};

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Rowan');
  physician = await ctx.cookieFor(clinic.users.physician.id, clinic.id);
  nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
});
afterAll(async () => {
  await ctx.close();
});

describe('inputs from the chart', () => {
  it('takes weight and height from the latest dated measurement and shows its age', async () => {
    const patientId = await newPatient('1980-05-05');
    const measurementId = await measure(patientId, 70, 175, 3);
    const response = await preview(patientId, nurse, {
      protocol: ivDepression,
      stepId: 'standard',
      preparation: prep,
    });
    expect(response.status).toBe(200);
    const { dose } = (await response.json()) as Preview;
    expect(dose.totalMg).toBe(35);
    expect(dose.bodyMeasurement).toMatchObject({ source: 'stored', id: measurementId });
    expect(dose.bodyMeasurement!.ageDays).toBeCloseTo(3, 5);
    expect(dose.explanation.find((l) => l.quantity === 'bodyMeasurementAgeDays')?.value).toBe(3);
  });

  it('refuses a measurement older than 30 days unless today’s weight and height are entered', async () => {
    const patientId = await newPatient('1980-05-05');
    await measure(patientId, 70, 175, 31);
    const error = await stopsOf(
      await preview(patientId, nurse, { protocol: ivDepression, stepId: 'standard', preparation: prep }),
    );
    expect(error.hardStops).toEqual([
      expect.objectContaining({ code: 'measurement-too-old', field: 'patient.weight' }),
    ]);
    expect(error.fields?.map((f) => f.field)).toEqual(['body.patient.weight']);
    const fresh = await preview(patientId, nurse, {
      protocol: ivDepression,
      stepId: 'standard',
      patient: { weight: kg(72), height: cm(175) },
      preparation: prep,
    });
    expect(fresh.status).toBe(200);
    expect(((await fresh.json()) as Preview).dose.bodyMeasurement).toMatchObject({
      source: 'entered',
      id: null,
    });
  });

  it('asks for a measurement when the chart has none and none is entered', async () => {
    const patientId = await newPatient('1980-05-05');
    const error = await stopsOf(
      await preview(patientId, nurse, { protocol: ivDepression, stepId: 'standard', preparation: prep }),
    );
    expect(error.hardStops?.map((s) => s.field)).toEqual(['patient']);
  });

  it('uses the chart’s sex for ideal weight and flags a request that differs', async () => {
    const patientId = await newPatient('1980-05-05', 'female');
    await measure(patientId, 120, 170);
    const response = await preview(patientId, nurse, {
      protocol: ivDepression,
      stepId: 'standard',
      patient: { sex: 'male' },
      preparation: prep,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Preview;
    expect(body.dose.patient.sex).toBe('female');
    expect(body.warnings.map((w) => w.code)).toContain('sex-differs-from-chart');
  });

  it('records an entered weight as a dated measurement when the dose is ordered, and links it', async () => {
    const patientId = await newPatient('1980-05-05');
    const body = {
      protocol: ivDepression,
      stepId: 'standard',
      patient: { weight: kg(70), height: cm(175) },
      preparation: prep,
    };
    const ordered = await post(`/api/patients/${patientId}/doses`, physician, {
      ...body,
      confirmTotalMg: 35,
    });
    expect(ordered.status).toBe(201);
    const dose = (await ordered.json()) as { id: string };
    const [row] = await ctx.deps.db.select().from(doses).where(eq(doses.id, dose.id));
    const stored = await ctx.deps.db
      .select()
      .from(patientBodyMeasurements)
      .where(eq(patientBodyMeasurements.patientId, patientId));
    expect(stored).toEqual([
      expect.objectContaining({
        weightKg: 70,
        heightCm: 175,
        source: 'dose-entry',
        recordedBy: clinic.users.physician.id,
      }),
    ]);
    expect(row!.bodyMeasurementId).toBe(stored[0]!.id);
    // A preview records nothing.
    await preview(patientId, nurse, { ...body, patient: { weight: kg(71), height: cm(175) } });
    expect(
      await ctx.deps.db
        .select()
        .from(patientBodyMeasurements)
        .where(eq(patientBodyMeasurements.patientId, patientId)),
    ).toHaveLength(1);
  });

  it('warns when the weight changed by more than 5% since the weight of the last dose', async () => {
    const patientId = await newPatient('1980-05-05');
    await giveSession(patientId, {
      protocol: ivDepression,
      stepId: 'standard',
      patient: { weight: kg(80), height: cm(180) },
      preparation: prep,
    });
    await measure(patientId, 74, 180);
    const response = await preview(patientId, nurse, {
      protocol: ivDepression,
      stepId: 'standard',
      preparation: prep,
    });
    expect(((await response.json()) as Preview).warnings.map((w) => w.code)).toContain(
      'weight-changed-since-last-dose',
    );
  });
});

describe('session history counted from the chart', () => {
  const esk = (stepId: string, extra: Record<string, unknown> = {}) => ({
    protocol: { origin: 'library', id: 'esketamine-trd', version: 1 },
    stepId,
    ...extra,
  });
  const override = {
    acknowledgements: { firstSession: { acknowledged: true, reason: 'tolerated 84 mg elsewhere' } },
  };

  it('stops 84 mg at the first session; only a physician overrides it, with a reason', async () => {
    const patientId = await newPatient('1985-01-01');
    const error = await stopsOf(await preview(patientId, physician, esk('dose-84')));
    expect(error.fields?.map((f) => f.field)).toEqual(['body.acknowledgements.firstSession']);
    const byNurse = await stopsOf(await preview(patientId, nurse, esk('dose-84', override)));
    expect(byNurse.hardStops?.map((s) => s.code)).toEqual(['physician-override-required']);
    const byPhysician = await preview(patientId, physician, esk('dose-84', override));
    expect(byPhysician.status).toBe(200);
    expect(((await byPhysician.json()) as Preview).warnings.map((w) => w.code)).toEqual([
      'first-session-override',
    ]);
  });

  it('counts sessions given: 84 mg is allowed once a dose of the family is ready to administer', async () => {
    const patientId = await newPatient('1985-01-01');
    // An ordered dose that never became ready, and a cancelled one, are not sessions given.
    const calc = (await (await preview(patientId, physician, esk('dose-56'))).json()) as Preview;
    await post(`/api/patients/${patientId}/doses`, physician, {
      ...esk('dose-56'),
      confirmTotalMg: calc.dose.totalMg,
    });
    expect((await preview(patientId, physician, esk('dose-84'))).status).toBe(400);
    await giveSession(patientId, esk('dose-56'));
    const second = await preview(patientId, physician, esk('dose-84'));
    expect(second.status).toBe(200);
    expect(((await second.json()) as Preview).warnings).toEqual([]);
  });

  it('takes age from the date of birth: the under-65 protocol is flagged for a 70-year-old', async () => {
    const seventy = ctx.clock.now().getUTCFullYear() - 70;
    const patientId = await newPatient(`${seventy}-01-01`);
    const error = await stopsOf(await preview(patientId, physician, esk('dose-56')));
    expect(error.hardStops?.map((s) => s.code)).toEqual(['first-session-dose-above-label']);
    expect(error.warnings?.map((w) => w.code)).toEqual(['protocol-for-other-age']);
    const older = await preview(patientId, physician, {
      protocol: { origin: 'library', id: 'esketamine-trd-65-plus', version: 1 },
      stepId: 'dose-28',
    });
    expect(older.status).toBe(200);
  });

  it('stops an escalation the history does not support, and cross-checks the entered count', async () => {
    const patientId = await newPatient('1980-05-05');
    await measure(patientId, 70, 175);
    const override = await stopsOf(
      await preview(patientId, physician, {
        protocol: ivDepression,
        stepId: 'standard',
        preparation: prep,
        doseOverride: { value: 1.0, unit: 'mg/kg' },
        history: { sessionsWithoutResponse: 0 },
      }),
    );
    expect(override.fields?.map((f) => f.field)).toEqual(['body.acknowledgements.escalation']);
    // Three without response entered, but no session of the family has been given.
    const escalated = await stopsOf(
      await preview(patientId, physician, {
        protocol: ivDepression,
        stepId: 'escalated',
        preparation: prep,
        history: { sessionsWithoutResponse: 3 },
      }),
    );
    expect(escalated.hardStops?.map((s) => s.code)).toEqual(['escalation-not-acknowledged']);
    expect(escalated.warnings?.map((w) => w.code)).toContain('history-exceeds-sessions-given');
    const acknowledged = await preview(patientId, physician, {
      protocol: ivDepression,
      stepId: 'escalated',
      preparation: prep,
      history: { sessionsWithoutResponse: 3 },
      acknowledgements: { escalation: { acknowledged: true, reason: 'three sessions at another clinic' } },
    });
    expect(acknowledged.status).toBe(200);
  });

  it('counts an amended dose once', async () => {
    const patientId = await newPatient('1985-01-01');
    const first = await giveSession(patientId, esk('dose-56'));
    const amend = await post(`/api/doses/${first}/amend`, physician, {
      ...esk('dose-56'),
      confirmTotalMg: 56,
      reason: 'lot number corrected',
    });
    expect(amend.status).toBe(201);
    const amendment = (await amend.json()) as { id: string };
    await post(`/api/doses/${amendment.id}/verify`, nurse, {});
    await post(`/api/doses/${amendment.id}/mark-ready`, nurse, {});
    const rows = await ctx.deps.db
      .select()
      .from(doses)
      .where(and(eq(doses.patientId, patientId), eq(doses.status, 'ready_to_administer')));
    // Two rows are ready to administer, but the amendment corrects the first: one session given.
    expect(rows).toHaveLength(2);
    expect(
      await countSessionsGiven(ctx.deps.db, clinic.id, patientId, {
        route: 'intranasal',
        indication: 'treatment-resistant-depression',
      }),
    ).toBe(1);
  });
});

describe('absolute cap', () => {
  it('stops a dose above the protocol’s absolute cap without a high-dose confirmation', async () => {
    const patientId = await newPatient('1980-05-05', 'male');
    await measure(patientId, 110, 195); // BMI 28.9: dosed on actual weight
    const body = {
      protocol: { origin: 'library', id: 'iv-chronic-pain', version: 1 },
      stepId: 'infusion',
      doseOverride: { value: 2, unit: 'mg/kg/h' },
      preparation: {
        vialConcentration: { value: 100, unit: 'mg/mL' },
        bagVolume: { value: 500, unit: 'mL' },
      },
    };
    const error = await stopsOf(await preview(patientId, physician, body));
    expect(error.fields?.map((f) => f.field)).toEqual(['body.acknowledgements.highDose']);
    const confirmed = await preview(patientId, physician, {
      ...body,
      acknowledgements: { highDose: { acknowledged: true, reason: 'inpatient, anaesthetist present' } },
    });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as Preview).dose.totalMg).toBe(880);
  });
});
