import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients } from '../../../db/schema.js';
import { consents, eligibilityDecisions, intakeRevisions } from '../../../db/schema-intake.js';
import type { ConsentView } from '../../../contracts/consent.js';
import type {
  DecisionView,
  EvaluationView,
  IntakeResponse,
  MedicationsResponse,
  ReadinessView,
} from '../../../contracts/intake.js';
import { CLEAN_INTAKE } from '../../../domain/intake/intake.test-helper.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { extractPages } from '../consent/pdf-text.test-helper.js';
import { json, problem } from '../scheduling/scheduling-test-setup.js';

let ctx: TestContext;
let clinic: TestClinic;
let cookies: Record<'nurse' | 'physician' | 'front_desk', string>;
let patientId: string;

const post = (path: string, cookie: string, body: unknown) =>
  ctx.request(path, { method: 'POST', cookie, json: body });

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Intake');
  cookies = {
    nurse: await ctx.cookieFor(clinic.users.nurse.id, clinic.id),
    physician: await ctx.cookieFor(clinic.users.physician.id, clinic.id),
    front_desk: await ctx.cookieFor(clinic.users.front_desk.id, clinic.id),
  };
  const patient = await json<{ id: string }>(
    await post('/api/patients', cookies.nurse, {
      legalGivenName: 'Mara',
      legalFamilyName: 'Quill',
      birthDate: '1984-04-04',
      sexAtBirth: 'female',
      careStatus: 'screening',
    }),
    201,
  );
  patientId = patient.id;
  await ctx.deps.db.update(patients).set({ careStatus: 'screening' }).where(eq(patients.id, patientId));
});
afterAll(async () => {
  await ctx.close();
});

async function screen(product = 'iv_ketamine') {
  return json<EvaluationView>(
    await post(`/api/patients/${patientId}/screening`, cookies.physician, { product }),
    201,
  );
}

describe('intake', () => {
  it('saves drafts as it goes, refuses an incomplete submission naming the item, and keeps every revision', async () => {
    await json(
      await post(`/api/patients/${patientId}/intake`, cookies.nurse, {
        answers: { goals: 'Sleep again' },
        kind: 'draft',
      }),
      201,
    );
    const incomplete = await post(`/api/patients/${patientId}/intake`, cookies.nurse, {
      answers: { goals: 'Sleep again', pregnancy: 'perhaps' },
      kind: 'submitted',
    });
    const refused = await problem(incomplete, 400);
    expect(refused.fields.map((f) => f.field)).toContain('body.answers.pregnancy');
    const saved = await json<IntakeResponse>(
      await post(`/api/patients/${patientId}/intake`, cookies.nurse, {
        answers: CLEAN_INTAKE,
        kind: 'submitted',
      }),
      201,
    );
    expect(saved.current?.revision).toBe(2);
    expect(saved.adequateTrials).toBe(2);
    expect(saved.summary.find((l) => l.label.toLowerCase().includes('aneurysm'))?.answer).toBe('No');
    const overwrite = await post(`/api/patients/${patientId}/intake`, cookies.nurse, {
      answers: CLEAN_INTAKE,
      kind: 'submitted',
    });
    expect(overwrite.status).toBe(409);
    // Revisions can never be rewritten, even by the database owner.
    await expect(
      ctx.deps.db
        .update(intakeRevisions)
        .set({ kind: 'draft' })
        .where(eq(intakeRevisions.patientId, patientId)),
    ).rejects.toThrow();
  });

  it('keeps the clinical intake from the front desk', async () => {
    expect(
      (await ctx.request(`/api/patients/${patientId}/intake`, { cookie: cookies.front_desk })).status,
    ).toBe(403);
  });

  it('classifies medications and shows the diazepam-equivalent load with its formula', async () => {
    const meds = await json<MedicationsResponse>(
      await post(`/api/patients/${patientId}/medications`, cookies.nurse, {
        entries: [
          { drug: 'Xanax', doseMg: 0.5, timesPerDay: 2, asNeeded: false },
          { drug: 'naltrexone', doseMg: 50, timesPerDay: 1, asNeeded: false },
        ],
      }),
      201,
    );
    expect(meds.entries[0]).toMatchObject({ matched: 'alprazolam' });
    expect(meds.entries[0]!.classes).toContain('benzodiazepine');
    expect(meds.entries[1]!.classes).toContain('naltrexone');
    expect(meds.diazepamEquivalent.totalMg).toBe(20);
  });
});

describe('screening and the eligibility decision', () => {
  it('fires the benzodiazepine and naltrexone flags with the inputs read, and a physician decides', async () => {
    const evaluation = await screen();
    const fired = evaluation.results.filter((r) => r.status === 'fired').map((r) => r.ruleId);
    expect(fired).toEqual(expect.arrayContaining(['benzodiazepine-load', 'naltrexone']));
    const benzo = evaluation.results.find((r) => r.ruleId === 'benzodiazepine-load')!;
    expect(benzo.explanation).toMatch(/20/);
    expect(benzo.source.anchor).toBeTruthy();
    const asNurse = await post(`/api/patients/${patientId}/eligibility`, cookies.nurse, {
      product: 'iv_ketamine',
      evaluationId: evaluation.id,
      decision: 'eligible',
    });
    expect(asNurse.status).toBe(403);
    const decision = await json<DecisionView>(
      await post(`/api/patients/${patientId}/eligibility`, cookies.physician, {
        product: 'iv_ketamine',
        evaluationId: evaluation.id,
        decision: 'eligible',
        reason: 'Flags discussed; benzodiazepine taper agreed',
      }),
      201,
    );
    expect(decision).toMatchObject({ decision: 'eligible', validity: 'valid' });
    const [chart] = await ctx.deps.db.select().from(patients).where(eq(patients.id, patientId));
    expect(chart!.careStatus).toBe('eligible');
  });

  it('requires precautions and a reason for a relative contraindication, and never overrides a hard stop', async () => {
    await json(
      await post(`/api/patients/${patientId}/intake`, cookies.nurse, {
        answers: { ...CLEAN_INTAKE, psychosis_history: 'yes' },
        kind: 'amendment',
        reason: 'Patient recalled an episode in 2015',
      }),
      201,
    );
    // The amendment changed a rule's result: the decision no longer stands.
    const [stale] = await ctx.deps.db
      .select()
      .from(eligibilityDecisions)
      .where(eq(eligibilityDecisions.patientId, patientId));
    expect(stale!.invalidatedAt).not.toBeNull();
    expect(stale!.invalidatedReason).toMatch(/psychosis/);
    const evaluation = await screen();
    expect(evaluation.results.find((r) => r.ruleId === 'psychosis')?.status).toBe('fired');
    const plain = await post(`/api/patients/${patientId}/eligibility`, cookies.physician, {
      product: 'iv_ketamine',
      evaluationId: evaluation.id,
      decision: 'eligible',
      reason: 'Looks fine to me overall',
    });
    expect((await problem(plain, 400)).fields[0]!.field).toBe('body.decision');
    const noReason = await post(`/api/patients/${patientId}/eligibility`, cookies.physician, {
      product: 'iv_ketamine',
      evaluationId: evaluation.id,
      decision: 'eligible_with_precautions',
    });
    expect((await problem(noReason, 400)).fields.map((f) => f.field)).toContain('body.reason');
    await json(
      await post(`/api/patients/${patientId}/eligibility`, cookies.physician, {
        product: 'iv_ketamine',
        evaluationId: evaluation.id,
        decision: 'eligible_with_precautions',
        reason: 'Single episode in 2015, stable since; psychiatrist agrees; monitor closely',
      }),
      201,
    );
    await json(
      await post(`/api/patients/${patientId}/intake`, cookies.nurse, {
        answers: { ...CLEAN_INTAKE, psychosis_history: 'yes', aneurysm_or_avm: 'yes' },
        kind: 'amendment',
        reason: 'Imaging report received',
      }),
      201,
    );
    const esketamine = await screen('esketamine');
    const override = await post(`/api/patients/${patientId}/eligibility`, cookies.physician, {
      product: 'esketamine',
      evaluationId: esketamine.id,
      decision: 'eligible_with_precautions',
      reason: 'I would like to try it regardless of the report',
    });
    expect((await problem(override, 400)).message).toBeTruthy();
  });
});

describe('consent', () => {
  it('is signed on the tablet, countersigned, made into a PDF of the exact text, and makes the patient ready', async () => {
    const templates = await json<{ items: Array<{ id: string; code: string }>; esignDisclosure: string }>(
      await ctx.request('/api/consent/templates', { cookie: cookies.front_desk }),
      200,
    );
    expect(templates.esignDisclosure).toMatch(/paper/i);
    const iv = templates.items.find((t) => t.code === 'iv-ketamine')!;
    const before = await json<ReadinessView>(
      await ctx.request(`/api/patients/${patientId}/readiness?product=iv_ketamine`, {
        cookie: cookies.nurse,
      }),
      200,
    );
    expect(before.ready).toBe(false);
    expect(before.blockers.map((b) => b.code)).toContain('no_consent');
    const signature = {
      width: 300,
      height: 100,
      strokes: [
        [
          [10, 80],
          [60, 20],
          [120, 70],
        ],
      ],
    };
    const wrongName = await post(`/api/patients/${patientId}/consents`, cookies.front_desk, {
      templateId: iv.id,
      typedName: 'Someone Else',
      drawnSignature: signature,
      esignConsent: true,
    });
    expect((await problem(wrongName, 400)).fields[0]!.field).toBe('body.typedName');
    const signed = await json<ConsentView>(
      await post(`/api/patients/${patientId}/consents`, cookies.front_desk, {
        templateId: iv.id,
        typedName: 'mara  quill',
        drawnSignature: signature,
        esignConsent: true,
      }),
      201,
    );
    expect(signed.status).toBe('awaiting_countersignature');
    const twice = await post(`/api/patients/${patientId}/consents`, cookies.front_desk, {
      templateId: iv.id,
      typedName: 'Mara Quill',
      drawnSignature: signature,
      esignConsent: true,
    });
    expect(twice.status).toBe(409);
    expect((await post(`/api/consents/${signed.id}/countersign`, cookies.front_desk, {})).status).toBe(403);
    const countersigned = await json<ConsentView>(
      await post(`/api/consents/${signed.id}/countersign`, cookies.physician, {}),
      200,
    );
    expect(countersigned).toMatchObject({ status: 'valid', hasPdf: true });

    const [row] = await ctx.deps.db.select().from(consents).where(eq(consents.id, signed.id));
    expect(createHash('sha256').update(row!.renderedText, 'utf8').digest('hex')).toBe(row!.textSha256);
    const response = await ctx.request(`/api/consents/${signed.id}/pdf`, { cookie: cookies.nurse });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pages = await extractPages(new Uint8Array(await response.arrayBuffer()));
    const flat = pages.join(' ').replace(/\s+/g, ' ');
    expect(flat).toContain(row!.textSha256.slice(0, 16));
    expect(flat).toContain('mara quill');
    const firstParagraph = row!.renderedText.split('\n\n')[3]!.replace(/\s+/g, ' ').slice(0, 60);
    expect(flat).toContain(firstParagraph);

    // The signed text can never change.
    await expect(
      ctx.deps.db.update(consents).set({ renderedText: 'changed' }).where(eq(consents.id, signed.id)),
    ).rejects.toThrow();

    const ready = await json<ReadinessView>(
      await ctx.request(`/api/patients/${patientId}/readiness?product=iv_ketamine`, {
        cookie: cookies.nurse,
      }),
      200,
    );
    expect(ready.blockers).toEqual([]);
    expect(ready.ready).toBe(true);
    expect(ready.flags.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['naltrexone', 'psychosis']));

    const withdrawn = await json<ConsentView>(
      await post(`/api/consents/${signed.id}/withdraw`, cookies.front_desk, {
        reason: 'Patient changed their mind',
      }),
      200,
    );
    expect(withdrawn.status).toBe('withdrawn');
    const after = await json<ReadinessView>(
      await ctx.request(`/api/patients/${patientId}/readiness?product=iv_ketamine`, {
        cookie: cookies.nurse,
      }),
      200,
    );
    expect(after.ready).toBe(false);
  });

  it('audits reads of intake and consent with the patient', async () => {
    const rows = await ctx.deps.db.execute<{ entity: string }>(
      sql`SELECT DISTINCT entity FROM audit_log WHERE patient_id = ${patientId}`,
    );
    expect(rows.rows.map((r) => r.entity)).toEqual(
      expect.arrayContaining([
        'intake',
        'medication-list',
        'screening',
        'eligibility-decision',
        'consent',
        'readiness',
      ]),
    );
  });
});
