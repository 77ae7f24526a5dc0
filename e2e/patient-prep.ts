import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { CLEAN_INTAKE } from '../src/domain/intake/intake.test-helper';

/** Awaits an API response, expects its status and returns its JSON body. */
export async function ok(response: Promise<{ status(): number; json(): Promise<unknown> }>, status = 201) {
  const r = await response;
  expect(r.status()).toBe(status);
  return (await r.json()) as Record<string, unknown>;
}

/**
 * Intake, screening, the physician's decision, a countersigned consent and a dose ready to give, through
 * the API the screens use (the screens themselves are tested in e2e/intake and e2e/dosing).
 */
export async function makeReady(
  nurse: APIRequestContext,
  physician: APIRequestContext,
  patientId: string,
  product: 'iv_ketamine' | 'esketamine' = 'iv_ketamine',
  typedName = 'Tove Marsh',
) {
  await ok(
    nurse.post(`/api/patients/${patientId}/intake`, { data: { answers: CLEAN_INTAKE, kind: 'submitted' } }),
  );
  await ok(nurse.post(`/api/patients/${patientId}/medications`, { data: { entries: [] } }));
  const evaluation = await ok(physician.post(`/api/patients/${patientId}/screening`, { data: { product } }));
  await ok(
    physician.post(`/api/patients/${patientId}/eligibility`, {
      data: { product, evaluationId: evaluation.id, decision: 'eligible' },
    }),
  );
  const templates = (await ok(nurse.get('/api/consent/templates'), 200)) as {
    items: Array<{ id: string; code: string }>;
  };
  const consent = await ok(
    nurse.post(`/api/patients/${patientId}/consents`, {
      data: {
        templateId: templates.items.find(
          (t) => t.code === (product === 'esketamine' ? 'esketamine' : 'iv-ketamine'),
        )!.id,
        typedName,
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
      },
    }),
  );
  await ok(physician.post(`/api/consents/${consent.id}/countersign`, { data: {} }), 200);
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
  const preview = (await ok(
    physician.post(`/api/patients/${patientId}/doses/preview`, { data: body }),
    200,
  )) as {
    dose: { totalMg: number };
  };
  const dose = await ok(
    physician.post(`/api/patients/${patientId}/doses`, {
      data: { ...body, confirmTotalMg: preview.dose.totalMg },
    }),
  );
  await ok(nurse.post(`/api/doses/${dose.id}/verify`, { data: {} }), 200);
  await ok(nurse.post(`/api/doses/${dose.id}/mark-ready`, { data: {} }), 200);
}

/** Fills and saves an IV infusion's pre-infusion checklist on the session page, with the baseline vitals. */
export async function saveIvChecklist(nurse: Page, baselineVitals: string): Promise<void> {
  const checklist = nurse.getByRole('form', { name: 'Pre-infusion checklist' });
  await checklist.getByRole('checkbox', { name: 'Name' }).check();
  await checklist.getByRole('checkbox', { name: 'Date of birth' }).check();
  await checklist.getByLabel('Followed the clinic’s fasting instructions').check();
  await checklist.getByLabel('Escort confirmed').check();
  await checklist.getByLabel('Transport home confirmed').check();
  await checklist.getByLabel('No driving until the next day acknowledged').check();
  await checklist.getByLabel('Medicines taken today reviewed').check();
  await checklist.getByLabel('Weight today (kg)').fill('70');
  await checklist.getByLabel('Baseline vitals').fill(baselineVitals);
  await checklist.getByLabel('Latest results reviewed').check();
  await checklist.getByRole('button', { name: 'Save checklist' }).click();
  await nurse.getByText('Saved.').first().waitFor();
}
