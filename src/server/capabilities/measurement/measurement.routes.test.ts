import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentObservations,
  assessmentResponses,
  safetyAlertActions,
  safetyAlerts,
} from '../../../db/schema-measurement.js';
import { auditLog } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { seedMeasurementRecords } from './assessment-fixtures.js';
import { sampleBodies } from '../../route-samples.js';

let ctx: TestContext;
let clinic: TestClinic;
let other: TestClinic;
let cookie: Record<'admin' | 'physician' | 'nurse' | 'front_desk', string>;
let patientId: string;
let secondPatientId: string;

const phq = (values: number[]) => Object.fromEntries(values.map((v, i) => [`item${i + 1}`, v]));

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function newPatient(given: string): Promise<string> {
  const response = await ctx.request('/api/patients', {
    method: 'POST',
    cookie: cookie.front_desk,
    json: {
      legalGivenName: given,
      legalFamilyName: 'Testperson',
      birthDate: '1985-04-04',
      sexAtBirth: 'female',
      email: `${given.toLowerCase()}@example.test`,
      phone: '555-0100',
    },
  });
  return (await json<{ id: string }>(response)).id;
}

async function record(
  pid: string,
  answers: Record<string, number | null>,
  administeredAt?: string,
  who = cookie.physician,
) {
  return ctx.request(`/api/patients/${pid}/assessments`, {
    method: 'POST',
    cookie: who,
    json: { instrumentId: 'phq9', answers, ...(administeredAt ? { administeredAt } : {}) },
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Mbc');
  other = await ctx.seedClinic('Elsewhere');
  cookie = {
    admin: await ctx.cookieFor(clinic.users.admin.id, clinic.id),
    physician: await ctx.cookieFor(clinic.users.physician.id, clinic.id),
    nurse: await ctx.cookieFor(clinic.users.nurse.id, clinic.id),
    front_desk: await ctx.cookieFor(clinic.users.front_desk.id, clinic.id),
  };
  patientId = await newPatient('Avery');
  secondPatientId = await newPatient('Blake');
});
afterAll(async () => {
  await ctx.close();
});

describe('recording and reading responses', () => {
  it('stores the answers as submitted and the score as a LOINC-coded observation with its formula', async () => {
    const response = await record(patientId, phq([2, 2, 2, 2, 1, 1, 1, 0, 0]), '2024-01-01T10:00:00.000Z');
    expect(response.status).toBe(201);
    const body = await json<{ id: string; score: { total: number; severity: string; flags: string[] } }>(
      response,
    );
    expect(body.score).toMatchObject({ total: 11, severity: 'moderate', flags: [] });
    const [observation] = await ctx.deps.db
      .select()
      .from(assessmentObservations)
      .where(eq(assessmentObservations.responseId, body.id));
    expect(observation).toMatchObject({
      codeSystem: 'http://loinc.org',
      code: '44261-6',
      value: 11,
      severity: 'moderate',
    });
    expect(JSON.stringify(observation!.result)).toContain('item1 + item2');
    const full = await json<{
      answers: Record<string, number>;
      questionnaireResponse: { resourceType: string; item: unknown[] };
      observation: { fhir: { resourceType: string } };
    }>(await ctx.request(`/api/assessments/${body.id}`, { cookie: cookie.nurse }));
    expect(full.answers).toEqual(phq([2, 2, 2, 2, 1, 1, 1, 0, 0]));
    expect(full.questionnaireResponse.resourceType).toBe('QuestionnaireResponse');
    expect(full.questionnaireResponse.item).toHaveLength(9);
    expect(full.observation.fhir.resourceType).toBe('Observation');
    // Every view of a response is audited, with the patient and the record.
    const reads = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'assessment.response'),
          eq(auditLog.action, 'read'),
          eq(auditLog.entityId, body.id),
        ),
      );
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ userId: clinic.users.nurse.id, patientId, outcome: 'success' });
  });

  it('refuses a missing required item or an out-of-range answer, naming the item, and stores nothing', async () => {
    const before = await ctx.deps.db.select({ n: sql<number>`count(*)::int` }).from(assessmentResponses);
    const missing = await record(patientId, phq([1, 1, 1, 1, 1, 1, 1, 1]));
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('body.answers.item9');
    const range = await record(patientId, phq([1, 1, 1, 1, 1, 1, 1, 1, 7]));
    expect(range.status).toBe(400);
    const unknown = await ctx.request(`/api/patients/${patientId}/assessments`, {
      method: 'POST',
      cookie: cookie.physician,
      json: { instrumentId: 'beck', answers: {} },
    });
    expect(unknown.status).toBe(400);
    const future = await record(patientId, phq([0, 0, 0, 0, 0, 0, 0, 0, 0]), '2999-01-01T00:00:00.000Z');
    expect(future.status).toBe(400);
    const after = await ctx.deps.db.select({ n: sql<number>`count(*)::int` }).from(assessmentResponses);
    expect(after).toEqual(before);
  });

  it('corrects a response by amendment: the original stays, the chain is linear, a reason is required', async () => {
    const original = await json<{ id: string }>(
      await record(patientId, phq([3, 3, 3, 3, 3, 3, 3, 3, 0]), '2024-01-05T10:00:00.000Z'),
    );
    const noReason = await ctx.request(`/api/assessments/${original.id}/amend`, {
      method: 'POST',
      cookie: cookie.nurse,
      json: { answers: phq([3, 3, 3, 3, 3, 3, 3, 2, 0]) },
    });
    expect(noReason.status).toBe(400);
    const amended = await ctx.request(`/api/assessments/${original.id}/amend`, {
      method: 'POST',
      cookie: cookie.nurse,
      json: { answers: phq([3, 3, 3, 3, 3, 3, 3, 2, 0]), reason: 'item 8 transcribed wrongly' },
    });
    expect(amended.status).toBe(201);
    const correction = await json<{ id: string; score: { total: number } }>(amended);
    expect(correction.score.total).toBe(23);
    const again = await ctx.request(`/api/assessments/${original.id}/amend`, {
      method: 'POST',
      cookie: cookie.nurse,
      json: { answers: phq([0, 0, 0, 0, 0, 0, 0, 0, 0]), reason: 'second try' },
    });
    expect(again.status).toBe(409);
    const first = await json<{ supersededBy: string; answers: Record<string, number> }>(
      await ctx.request(`/api/assessments/${original.id}`, { cookie: cookie.physician }),
    );
    expect(first.supersededBy).toBe(correction.id);
    expect(first.answers.item8).toBe(3);
    const second = await json<{ amendsId: string; amendmentReason: string }>(
      await ctx.request(`/api/assessments/${correction.id}`, { cookie: cookie.physician }),
    );
    expect(second).toMatchObject({ amendsId: original.id, amendmentReason: 'item 8 transcribed wrongly' });
    // The trajectory counts only the correction.
    const t = await json<{ points: { responseId: string; value: number }[] }>(
      await ctx.request(`/api/patients/${patientId}/trajectory?instrument=phq9`, {
        cookie: cookie.physician,
      }),
    );
    expect(t.points.map((p) => p.responseId)).toContain(correction.id);
    expect(t.points.map((p) => p.responseId)).not.toContain(original.id);
  });

  it('makes responses, observations and safety actions immutable in the database itself', async () => {
    for (const statement of [
      sql`UPDATE assessment_responses SET source = 'x'`,
      sql`DELETE FROM assessment_responses`,
      sql`UPDATE assessment_observations SET value = 0`,
      sql`DELETE FROM safety_alert_actions`,
      sql`DELETE FROM safety_alerts`,
      sql`DELETE FROM self_report_links`,
    ]) {
      await expect(ctx.deps.db.execute(statement)).rejects.toThrow();
    }
  });

  it('keeps scores from the front desk and the administrator (assessment.read), and says so with 403', async () => {
    for (const who of [cookie.front_desk, cookie.admin]) {
      expect((await ctx.request(`/api/patients/${patientId}/assessments`, { cookie: who })).status).toBe(403);
      expect((await ctx.request(`/api/patients/${patientId}/trajectory`, { cookie: who })).status).toBe(403);
      expect((await record(patientId, phq([0, 0, 0, 0, 0, 0, 0, 0, 0]), undefined, who)).status).toBe(403);
    }
  });
});

describe('another clinic’s records', () => {
  it('answer 404 on every measurement route and change nothing', async () => {
    const otherPatient = await ctx.deps.db.execute<{ id: string }>(
      sql`INSERT INTO patients (clinic_id, mrn, legal_given_name, legal_family_name, birth_date, sex_at_birth) VALUES (${other.id}, 'Z1', 'Secret', 'Elsewhere', '1970-01-01', 'male') RETURNING id`,
    );
    const foreignPatient = otherPatient.rows[0]!.id;
    const foreign = await seedMeasurementRecords(
      ctx.deps.db,
      other.id,
      foreignPatient,
      other.users.physician.id,
    );
    const before = await ctx.deps.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.clinicId, other.id));
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/assessments/${foreign.responseId}`],
      [
        'POST',
        `/api/assessments/${foreign.responseId}/amend`,
        sampleBodies['post /api/assessments/:id/amend'],
      ],
      ['GET', `/api/patients/${foreignPatient}/assessments`],
      [
        'POST',
        `/api/patients/${foreignPatient}/assessments`,
        sampleBodies['post /api/patients/:id/assessments'],
      ],
      ['GET', `/api/patients/${foreignPatient}/trajectory?instrument=phq9`],
      ['GET', `/api/patients/${foreignPatient}/trajectory/csv?instrument=phq9`],
      ['GET', `/api/patients/${foreignPatient}/safety-alerts`],
      [
        'POST',
        `/api/safety-alerts/${foreign.alertId}/actions`,
        sampleBodies['post /api/safety-alerts/:id/actions'],
      ],
      ['GET', `/api/patients/${foreignPatient}/measurement-schedule`],
      ['PATCH', `/api/measurement-plans/${foreign.planId}`, sampleBodies['patch /api/measurement-plans/:id']],
      ['POST', `/api/anchors/${foreign.anchorId}/cancel`],
      ['POST', `/api/self-report-links/${foreign.linkId}/revoke`],
      [
        'POST',
        `/api/patients/${foreignPatient}/self-report-links`,
        sampleBodies['post /api/patients/:id/self-report-links'],
      ],
    ];
    for (const [method, path, body] of calls) {
      const response = await ctx.request(path, {
        method,
        cookie: cookie.physician,
        ...(body ? { json: body } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.text()).not.toMatch(/Secret|Elsewhere/);
    }
    expect(
      await ctx.deps.db.select().from(assessmentResponses).where(eq(assessmentResponses.clinicId, other.id)),
    ).toEqual(before);
    const [alert] = await ctx.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, foreign.alertId));
    expect(alert!.status).toBe('open');
    // The other clinic's open alert never shows in this clinic's task list.
    const tasks = await json<{ items: { id: string }[] }>(
      await ctx.request('/api/safety-alerts?scope=all', { cookie: cookie.physician }),
    );
    expect(tasks.items.map((t) => t.id)).not.toContain(foreign.alertId);
  });
});

describe('safety alerts', () => {
  it('raises an alert for item 9 ≥ 1, assigned to the plan’s clinician, which only a recorded action closes', async () => {
    const plan = await ctx.request(`/api/patients/${secondPatientId}/measurement-plans`, {
      method: 'POST',
      cookie: cookie.nurse,
      json: {
        ...(sampleBodies['post /api/patients/:id/measurement-plans'] as object),
        responsibleClinicianId: clinic.users.physician.id,
      },
    });
    expect(plan.status).toBe(201);
    const created = await json<{ alertIds: string[] }>(
      await record(secondPatientId, phq([1, 1, 1, 1, 1, 1, 1, 1, 1]), undefined, cookie.nurse),
    );
    expect(created.alertIds).toHaveLength(1);
    const alertId = created.alertIds[0]!;

    const banner = await json<{
      items: { id: string; status: string; reasons: string[]; assignedTo: string }[];
    }>(await ctx.request(`/api/patients/${secondPatientId}/safety-alerts`, { cookie: cookie.physician }));
    expect(banner.items[0]).toMatchObject({
      id: alertId,
      status: 'open',
      reasons: ['suicidal-ideation'],
      assignedTo: clinic.users.physician.id,
    });
    // The front desk sees that an alert is open (to route a call) but not why.
    const desk = await json<{ items: { status: string; reasons: unknown }[] }>(
      await ctx.request(`/api/patients/${secondPatientId}/safety-alerts`, { cookie: cookie.front_desk }),
    );
    expect(desk.items[0]).toMatchObject({ status: 'open', reasons: null });
    expect(
      (
        await ctx.request(`/api/safety-alerts/${alertId}/actions`, {
          method: 'POST',
          cookie: cookie.front_desk,
          json: sampleBodies['post /api/safety-alerts/:id/actions'],
        })
      ).status,
    ).toBe(403);

    const mine = await json<{ items: { id: string; patientName: string }[] }>(
      await ctx.request('/api/safety-alerts', { cookie: cookie.physician }),
    );
    expect(mine.items.map((i) => i.id)).toContain(alertId);

    // No way to dismiss without an action: there is no dismiss route, and an empty note is refused.
    expect(
      (
        await ctx.request(`/api/safety-alerts/${alertId}/actions`, {
          method: 'POST',
          cookie: cookie.physician,
          json: { kind: 'safety-assessment', note: '' },
        })
      ).status,
    ).toBe(400);
    const contacted = await json<{ status: string }>(
      await ctx.request(`/api/safety-alerts/${alertId}/actions`, {
        method: 'POST',
        cookie: cookie.physician,
        json: { kind: 'contacted-patient', note: 'Left a voicemail' },
      }),
    );
    expect(contacted.status).toBe('open');
    const resolved = await json<{ status: string }>(
      await ctx.request(`/api/safety-alerts/${alertId}/actions`, {
        method: 'POST',
        cookie: cookie.physician,
        json: {
          kind: 'safety-assessment',
          note: 'Seen in clinic; passive ideation, no plan; crisis plan given',
        },
      }),
    );
    expect(resolved.status).toBe('resolved');
    const [alert] = await ctx.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.id, alertId));
    expect(alert).toMatchObject({ status: 'resolved', resolvedBy: clinic.users.physician.id });
    const actions = await ctx.deps.db
      .select()
      .from(safetyAlertActions)
      .where(eq(safetyAlertActions.alertId, alertId));
    expect(actions.map((a) => [a.kind, a.resolves, a.recordedBy])).toEqual([
      ['contacted-patient', false, clinic.users.physician.id],
      ['safety-assessment', true, clinic.users.physician.id],
    ]);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'safety.alert'), eq(auditLog.entityId, alertId)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'status-change']);
  });
});

describe('trajectory', () => {
  it('shows response (≥ 50%) and remission (< 5) with the rule, infusion markers, and exports CSV', async () => {
    const pid = await newPatient('Casey');
    await ctx.request(`/api/patients/${pid}/anchors`, {
      method: 'POST',
      cookie: cookie.front_desk,
      json: { at: '2024-02-02T14:00:00.000Z', label: 'Infusion 1' },
    });
    for (const [date, total] of [
      ['2024-02-01', 20],
      ['2024-02-10', 12],
      ['2024-02-20', 4],
    ] as const) {
      const answers = phq([3, 3, 3, 3, 3, 3, 2, 0, 0].map((v, i) => (i < 9 ? v : 0)));
      // Build answers that sum to the wanted total without item 9.
      let left = total;
      for (let i = 1; i <= 8; i++) {
        answers[`item${i}`] = Math.min(3, left);
        left -= answers[`item${i}`]!;
      }
      answers.item9 = 0;
      expect((await record(pid, answers, `${date}T09:00:00.000Z`)).status).toBe(201);
    }
    const t = await json<{
      points: { value: number; response: boolean | null }[];
      anchors: { label: string }[];
      bands: unknown[];
      outcomes: {
        baseline: { value: number };
        response: { met: boolean; rule: string };
        remission: { met: boolean; rule: string };
      };
    }>(await ctx.request(`/api/patients/${pid}/trajectory?instrument=phq9`, { cookie: cookie.nurse }));
    expect(t.points.map((p) => p.value)).toEqual([20, 12, 4]);
    expect(t.outcomes.baseline.value).toBe(20);
    expect(t.outcomes.response).toMatchObject({ met: true });
    expect(t.outcomes.response.rule).toContain('50%');
    expect(t.outcomes.remission).toMatchObject({ met: true, rule: 'remission = value < 5' });
    expect(t.anchors).toEqual([{ date: '2024-02-02T14:00:00.000Z', label: 'Infusion 1' }]);
    expect(t.bands).toHaveLength(5);
    const csv = await ctx.request(`/api/patients/${pid}/trajectory/csv?instrument=phq9`, {
      cookie: cookie.nurse,
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(4);
    const exports = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.patientId, pid)));
    expect(exports).toHaveLength(1);
  });

  it('applies the clinic’s remission setting (MADRS ≤ 12) and states it as a clinic setting', async () => {
    const admin = cookie.admin;
    expect(
      (
        await ctx.request('/api/clinic', {
          method: 'PATCH',
          cookie: admin,
          json: { settings: { measurement: { madrsRemissionAtMost: 12 } } },
        })
      ).status,
    ).toBe(200);
    const pid = await newPatient('Devon');
    const madrs = (total: number) =>
      Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [`item${i + 1}`, Math.min(6, Math.max(0, total - i * 6))]),
      );
    await ctx.request(`/api/patients/${pid}/assessments`, {
      method: 'POST',
      cookie: cookie.physician,
      json: { instrumentId: 'madrs', answers: madrs(30), administeredAt: '2024-03-01T09:00:00.000Z' },
    });
    await ctx.request(`/api/patients/${pid}/assessments`, {
      method: 'POST',
      cookie: cookie.physician,
      json: { instrumentId: 'madrs', answers: madrs(12), administeredAt: '2024-03-20T09:00:00.000Z' },
    });
    const t = await json<{
      outcomes: { remission: { met: boolean; rule: string; citation: { section: string } } };
    }>(await ctx.request(`/api/patients/${pid}/trajectory?instrument=madrs`, { cookie: cookie.physician }));
    expect(t.outcomes.remission).toMatchObject({
      met: true,
      rule: 'remission = value ≤ 12',
      citation: { section: 'clinic setting' },
    });
    await ctx.request('/api/clinic', {
      method: 'PATCH',
      cookie: admin,
      json: { settings: { measurement: { madrsRemissionAtMost: 10 } } },
    });
  });
});

describe('trajectory cache', () => {
  it('never serves a stale series: a new response, a cancelled infusion or a settings change shows at once', async () => {
    const pid = await newPatient('Finley');
    const get = async () =>
      json<{ points: unknown[]; anchors: unknown[]; outcomes: { remission: { rule: string } } }>(
        await ctx.request(`/api/patients/${pid}/trajectory?instrument=phq9`, { cookie: cookie.physician }),
      );
    await record(pid, phq([2, 2, 2, 2, 2, 2, 2, 2, 0]), '2024-05-01T09:00:00.000Z');
    const anchor = await json<{ id: string }>(
      await ctx.request(`/api/patients/${pid}/anchors`, {
        method: 'POST',
        cookie: cookie.nurse,
        json: { at: '2024-05-02T09:00:00.000Z' },
      }),
    );
    expect((await get()).points).toHaveLength(1);
    expect((await get()).anchors).toHaveLength(1);
    await record(pid, phq([1, 1, 1, 1, 1, 1, 1, 1, 0]), '2024-05-09T09:00:00.000Z');
    expect((await get()).points).toHaveLength(2);
    await ctx.request(`/api/anchors/${anchor.id}/cancel`, { method: 'POST', cookie: cookie.nurse });
    expect((await get()).anchors).toHaveLength(0);
    await ctx.request('/api/clinic', {
      method: 'PATCH',
      cookie: cookie.admin,
      json: { settings: { measurement: { phq9RemissionBelow: 6 } } },
    });
    expect((await get()).outcomes.remission.rule).toBe('remission = value < 6');
    await ctx.request('/api/clinic', {
      method: 'PATCH',
      cookie: cookie.admin,
      json: { settings: { measurement: { phq9RemissionBelow: 5 } } },
    });
    expect((await get()).outcomes.remission.rule).toBe('remission = value < 5');
    const reads = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'assessment.trajectory'), eq(auditLog.patientId, pid)));
    expect(reads).toHaveLength(6);
  });
});

describe('schedules and the due list', () => {
  it('lists due and overdue questionnaires for the front desk, and a response completes them', async () => {
    const pid = await newPatient('Emery');
    const now = ctx.clock.now().getTime();
    const inHours = (h: number) => new Date(now + h * 3_600_000).toISOString();
    const plan = await ctx.request(`/api/patients/${pid}/measurement-plans`, {
      method: 'POST',
      cookie: cookie.front_desk,
      json: {
        name: 'Induction',
        rules: [
          { kind: 'before-anchor', instruments: ['phq9', 'gad7'], windowHours: 48 },
          { kind: 'after-anchor', instruments: ['phq9'], offsetHours: 24, windowHours: 24 },
        ],
      },
    });
    expect(plan.status).toBe(201);
    await ctx.request(`/api/patients/${pid}/anchors`, {
      method: 'POST',
      cookie: cookie.front_desk,
      json: { at: inHours(20) },
    });
    await ctx.request(`/api/patients/${pid}/anchors`, {
      method: 'POST',
      cookie: cookie.front_desk,
      json: { at: inHours(-60) },
    });
    const list = await json<{
      items: { patientId: string; instrumentId: string; status: string; mrn: string; value?: unknown }[];
    }>(await ctx.request('/api/measurement/due', { cookie: cookie.front_desk }));
    const mine = list.items.filter((i) => i.patientId === pid);
    expect(mine.map((i) => [i.instrumentId, i.status]).sort()).toEqual([
      ['gad7', 'due'],
      ['phq9', 'overdue'],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/severity|"total"/);
    await record(pid, phq([0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const after = await json<{ items: { patientId: string; instrumentId: string; status: string }[] }>(
      await ctx.request('/api/measurement/due', { cookie: cookie.front_desk }),
    );
    expect(after.items.filter((i) => i.patientId === pid).map((i) => [i.instrumentId, i.status])).toEqual([
      ['gad7', 'due'],
    ]);
    const schedule = await json<{
      plans: { ruleTexts: string[]; version: number; id: string }[];
      due: unknown[];
    }>(await ctx.request(`/api/patients/${pid}/measurement-schedule`, { cookie: cookie.front_desk }));
    expect(schedule.plans[0]!.ruleTexts[0]).toBe('PHQ-9 and GAD-7 in the 48 h before every infusion');
    const stale = await ctx.request(`/api/measurement-plans/${schedule.plans[0]!.id}`, {
      method: 'PATCH',
      cookie: cookie.nurse,
      json: { version: 99, status: 'ended' },
    });
    expect(stale.status).toBe(409);
    const ended = await ctx.request(`/api/measurement-plans/${schedule.plans[0]!.id}`, {
      method: 'PATCH',
      cookie: cookie.nurse,
      json: { version: 1, status: 'ended' },
    });
    expect(ended.status).toBe(200);
    const none = await json<{ items: { patientId: string }[] }>(
      await ctx.request('/api/measurement/due', { cookie: cookie.front_desk }),
    );
    expect(none.items.filter((i) => i.patientId === pid)).toEqual([]);
  });

  it('refuses a responsible clinician who is not a physician or nurse of the clinic', async () => {
    for (const id of [clinic.users.front_desk.id, other.users.physician.id]) {
      const response = await ctx.request(`/api/patients/${patientId}/measurement-plans`, {
        method: 'POST',
        cookie: cookie.physician,
        json: {
          ...(sampleBodies['post /api/patients/:id/measurement-plans'] as object),
          responsibleClinicianId: id,
        },
      });
      expect(response.status).toBe(400);
    }
  });
});

describe('hostile JSON on the measurement write routes', () => {
  const routes: [string, string, () => string][] = [
    ['post', '/api/patients/:id/assessments', () => patientId],
    ['post', '/api/patients/:id/measurement-plans', () => patientId],
    ['post', '/api/patients/:id/anchors', () => patientId],
    ['post', '/api/patients/:id/self-report-links', () => patientId],
  ];
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      '<script>alert(1)</script>',
      "'; DROP TABLE assessment_responses; --",
      '\u0000',
      '\r\nX-Injected: 1',
      '__proto__',
      1e308,
      -1,
      1.5,
    ),
  );
  for (const [method, path, id] of routes) {
    it(`${method} ${path}: never a 5xx or a stack trace; nothing written on rejection`, async () => {
      const valid = sampleBodies[`${method} ${path}`] as Record<string, unknown>;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc
              .record({ key: fc.constantFrom(...Object.keys(valid)), value: hostile })
              .map(({ key, value }) => ({ ...valid, [key]: value })),
            fc
              .record({ key: fc.string({ maxLength: 10 }), value: hostile })
              .map(({ key, value }) => ({ ...valid, [key]: value })),
            fc.dictionary(fc.string({ maxLength: 8 }), hostile).map((answers) => ({ ...valid, answers })),
            hostile,
          ),
          async (body) => {
            const count = async () =>
              (
                await ctx.deps.db.execute<{ n: number }>(
                  sql`SELECT (SELECT count(*) FROM assessment_responses) + (SELECT count(*) FROM measurement_plans) + (SELECT count(*) FROM self_report_links) + (SELECT count(*) FROM measurement_anchors) AS n`,
                )
              ).rows[0]!.n;
            const before = await count();
            const response = await ctx.request(path.replace(':id', id()), {
              method: method.toUpperCase(),
              cookie: cookie.physician,
              json: body,
            });
            const text = await response.text();
            expect(response.status).toBeLessThan(500);
            expect(text).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
            if (response.status >= 400) expect(await count()).toEqual(before);
          },
        ),
        { numRuns: 30 },
      );
    });
  }

  it('refuses prototype-pollution keys in answers', async () => {
    const response = await ctx.request(`/api/patients/${patientId}/assessments`, {
      method: 'POST',
      cookie: cookie.physician,
      headers: { 'content-type': 'application/json' },
      body: '{"instrumentId":"phq9","answers":{"__proto__":{"item9":0},"item1":0}}',
    });
    expect(response.status).toBe(400);
  });
});
