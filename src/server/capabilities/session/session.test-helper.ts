import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ConsentTemplateView } from '../../../contracts/consent.js';
import type { SessionView } from '../../../contracts/session.js';
import { patients } from '../../../db/schema.js';
import { CLEAN_INTAKE } from '../../../domain/intake/intake.test-helper.js';
import type { TestClinic, TestContext } from '../../../test/test-app.js';
import { json } from '../scheduling/scheduling-test-setup.js';

/**
 * A patient ready for an IV ketamine session, made through the same API a clinic uses: a submitted
 * intake, a screening run and a physician's decision, a signed and countersigned consent, and a dose
 * ordered by the physician, verified and marked ready by the nurse (70 kg, 0.5 mg/kg → 35 mg).
 */

export interface SessionCookies {
  nurse: string;
  physician: string;
  front_desk: string;
}

export async function sessionCookies(ctx: TestContext, clinic: TestClinic): Promise<SessionCookies> {
  return {
    nurse: await ctx.cookieFor(clinic.users.nurse.id, clinic.id),
    physician: await ctx.cookieFor(clinic.users.physician.id, clinic.id),
    front_desk: await ctx.cookieFor(clinic.users.front_desk.id, clinic.id),
  };
}

/** The REMS certification of the test clinic's setting (esketamine sessions need it). */
export async function certifySetting(ctx: TestContext, c: SessionCookies) {
  await json(
    await ctx.request('/api/rems/certification', {
      method: 'POST',
      cookie: c.physician,
      json: {
        status: 'certified',
        authorizedRepresentative: 'Dana Reyes',
        certifiedOn: '2026-01-15',
        settingIdentifier: 'HCS-0001',
        setting: {
          name: 'Maple Street Clinic',
          address1: '100 Example Street',
          city: 'Springfield',
          state: 'IL',
          zip: '62701',
        },
      },
    }),
    201,
  );
}

export async function readyPatient(
  ctx: TestContext,
  clinic: TestClinic,
  c: SessionCookies,
  product: 'iv_ketamine' | 'esketamine' = 'iv_ketamine',
): Promise<{ patientId: string; doseId: string }> {
  const post = (path: string, cookie: string, body: unknown) =>
    ctx.request(path, { method: 'POST', cookie, json: body });
  const [p] = await ctx.deps.db
    .insert(patients)
    .values({
      clinicId: clinic.id,
      mrn: `S${Math.floor(Math.random() * 1e7)
        .toString()
        .padStart(7, '0')}`,
      legalGivenName: 'Wren',
      legalFamilyName: 'Hollis',
      birthDate: '1981-03-03',
      sexAtBirth: 'female',
      careStatus: 'screening',
    })
    .returning();
  const patientId = p!.id;
  await json(
    await post(`/api/patients/${patientId}/intake`, c.nurse, { answers: CLEAN_INTAKE, kind: 'submitted' }),
    201,
  );
  await json(await post(`/api/patients/${patientId}/medications`, c.nurse, { entries: [] }), 201);
  if (product === 'esketamine')
    await json(
      await post(`/api/patients/${patientId}/rems-enrolment`, c.nurse, {
        status: 'enrolled',
        enrolledOn: '2026-02-01',
        prescriberId: clinic.users.physician.id,
      }),
      201,
    );
  const evaluation = await json<{ id: string }>(
    await post(`/api/patients/${patientId}/screening`, c.physician, { product }),
    201,
  );
  await json(
    await post(`/api/patients/${patientId}/eligibility`, c.physician, {
      product,
      evaluationId: evaluation.id,
      decision: 'eligible',
    }),
    201,
  );
  const templates = await json<{ items: ConsentTemplateView[] }>(
    await ctx.request('/api/consent/templates', { cookie: c.nurse }),
    200,
  );
  const template = templates.items.find(
    (t) => t.code === (product === 'esketamine' ? 'esketamine' : 'iv-ketamine'),
  )!;
  const consent = await json<{ id: string }>(
    await post(`/api/patients/${patientId}/consents`, c.nurse, {
      templateId: template.id,
      typedName: 'Wren Hollis',
      drawnSignature: {
        width: 300,
        height: 100,
        strokes: [
          [
            [10, 10],
            [60, 40],
          ],
        ],
      },
      esignConsent: true,
    }),
    201,
  );
  await json(await post(`/api/consents/${consent.id}/countersign`, c.physician, {}), 200);
  const body =
    product === 'esketamine'
      ? { protocol: { origin: 'library', id: 'esketamine-trd', version: 1 }, stepId: 'dose-56' }
      : {
          protocol: { origin: 'library', id: 'iv-depression', version: 1 },
          stepId: 'standard',
          patient: { weight: { value: 70, unit: 'kg' }, height: { value: 170, unit: 'cm' } },
          preparation: {
            vialConcentration: { value: 50, unit: 'mg/mL' },
            bagVolume: { value: 100, unit: 'mL' },
          },
        };
  const preview = await json<{ dose: { totalMg: number } }>(
    await post(`/api/patients/${patientId}/doses/preview`, c.physician, body),
    200,
  );
  const dose = await json<{ id: string }>(
    await post(`/api/patients/${patientId}/doses`, c.physician, {
      ...body,
      confirmTotalMg: preview.dose.totalMg,
    }),
    201,
  );
  await json(await post(`/api/doses/${dose.id}/verify`, c.nurse, {}), 200);
  await json(await post(`/api/doses/${dose.id}/mark-ready`, c.nurse, {}), 200);
  return { patientId, doseId: dose.id };
}

/** Posts one chart entry with a fresh client id (or the one given) and returns the response. */
export function chart(ctx: TestContext, cookie: string, sessionId: string, entry: Record<string, unknown>) {
  return ctx.request(`/api/sessions/${sessionId}/entries`, {
    method: 'POST',
    cookie,
    json: { clientEntryId: randomUUID(), ...entry },
  });
}

export async function charted(
  ctx: TestContext,
  cookie: string,
  sessionId: string,
  entry: Record<string, unknown>,
) {
  const response = await chart(ctx, cookie, sessionId, entry);
  const body = await response.text();
  expect(response.status, body).toBe(201);
  return JSON.parse(body) as SessionView;
}

/** Every checklist answer a nurse gives for a clear IV session, with the baseline reading given. */
export const completeChecklist = (
  baseline = { systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14 },
) => ({
  type: 'checklist',
  answers: {
    identifiers: ['name', 'date_of_birth'],
    fasting: { followedInstructions: true, hoursSinceFood: 6, minutesSinceLiquid: 120 },
    escortConfirmed: true,
    transportConfirmed: true,
    noDrivingAcknowledged: true,
    canBePregnant: false,
    medicationsReviewed: true,
    weightKg: 70,
    baselineVitals: baseline,
    suicideRiskReviewed: true,
  },
});
