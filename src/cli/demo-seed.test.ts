import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseOutcomeOf } from '../domain/patients/index.js';
import { doses } from '../db/schema-dosing.js';
import {
  assessmentObservations,
  assessmentResponses,
  measurementAnchors,
  measurementPlans,
  safetyAlerts,
} from '../db/schema-measurement.js';
import { auditLog, clinics, patients } from '../db/schema.js';
import { appointments } from '../db/schema-scheduling.js';
import { createTestContext, type TestContext } from '../test/test-app.js';
import { seedDemoClinic, type DemoCredentials } from './demo-seed.js';

let ctx: TestContext;
let credentials: DemoCredentials;
let clinicId: string;
let seedMs: number;

beforeAll(async () => {
  ctx = await createTestContext();
  const started = performance.now();
  credentials = (await seedDemoClinic(ctx.deps))!;
  seedMs = performance.now() - started;
  const [clinic] = await ctx.deps.db.select({ id: clinics.id }).from(clinics).where(eq(clinics.isDemo, true));
  clinicId = clinic!.id;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const count = async (
  table: typeof assessmentResponses | typeof measurementAnchors | typeof measurementPlans,
) =>
  (
    await ctx.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.clinicId, clinicId))
  )[0]!.n;

describe('the demo clinic', () => {
  it('has a calendar: induction series and consultations booked through the front desk’s use cases', async () => {
    const { schedule } = credentials;
    expect(schedule.series).toBeGreaterThanOrEqual(2);
    const booked = await ctx.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(eq(appointments.clinicId, clinicId));
    expect(booked[0]!.n).toBe(schedule.appointments);
    expect(schedule.appointments).toBeGreaterThanOrEqual(schedule.series * 6);
    // Each booked infusion anchors the patient's measurement plan.
    const [followed] = await ctx.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(measurementAnchors)
      .where(and(eq(measurementAnchors.clinicId, clinicId), isNotNull(measurementAnchors.appointmentId)));
    expect(followed!.n).toBe(schedule.series * 6);
  });

  it('gives many of its synthetic patients a course: infusion dates, scores and plans', async () => {
    const { courses } = credentials;
    expect(courses.patients).toBeGreaterThanOrEqual(15);
    const [handEntered] = await ctx.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(measurementAnchors)
      .where(and(eq(measurementAnchors.clinicId, clinicId), isNull(measurementAnchors.appointmentId)));
    expect(handEntered!.n).toBe(courses.infusions);
    expect(courses.infusions).toBeGreaterThanOrEqual(courses.patients * 6);
    expect(await count(assessmentResponses)).toBe(courses.responses);
    expect(courses.responses).toBeGreaterThanOrEqual(courses.patients * 8);
    expect(await count(measurementPlans)).toBe(courses.plans);
    expect(courses.plans).toBeGreaterThanOrEqual(3);
    const instruments = await ctx.deps.db
      .selectDistinct({ id: assessmentResponses.instrumentId })
      .from(assessmentResponses)
      .where(eq(assessmentResponses.clinicId, clinicId));
    expect(instruments.map((i) => i.id).sort()).toEqual(['gad7', 'pcl5', 'phq9']);
    // Every course patient is a demo patient of the demo clinic.
    const withScores = await ctx.deps.db
      .selectDistinct({ demo: patients.isDemo })
      .from(assessmentResponses)
      .innerJoin(patients, eq(patients.id, assessmentResponses.patientId))
      .where(eq(assessmentResponses.clinicId, clinicId));
    expect(withScores).toEqual([{ demo: true }]);
  });

  it('has PHQ-9 trajectories of remitters, responders, partial responders and non-responders', async () => {
    const rows = await ctx.deps.db
      .select({
        patientId: assessmentObservations.patientId,
        value: assessmentObservations.value,
        at: assessmentObservations.effectiveAt,
      })
      .from(assessmentObservations)
      .where(
        and(eq(assessmentObservations.clinicId, clinicId), eq(assessmentObservations.instrumentId, 'phq9')),
      )
      .orderBy(assessmentObservations.effectiveAt);
    const byPatient = new Map<string, number[]>();
    for (const row of rows)
      byPatient.set(row.patientId, [...(byPatient.get(row.patientId) ?? []), row.value!]);
    const outcomes = [...byPatient.values()].map((totals) => courseOutcomeOf(totals[0]!, totals.at(-1)!));
    for (const outcome of ['remitter', 'responder', 'partial-responder', 'non-responder'] as const) {
      expect(outcomes.filter((o) => o === outcome).length, outcome).toBeGreaterThanOrEqual(1);
    }
    expect(outcomes.filter((o) => o === 'responder').length).toBe(credentials.courses.outcomes.responder);
    // Over the last 8–10 weeks, never in the future.
    const now = ctx.deps.now().getTime();
    const oldest = (now - rows[0]!.at.getTime()) / 86_400_000;
    expect(oldest).toBeGreaterThanOrEqual(56);
    expect(oldest).toBeLessThanOrEqual(71);
    expect(rows.at(-1)!.at.getTime()).toBeLessThan(now);
  });

  it('has an open safety alert from PHQ-9 item 9, raised through the real use case', async () => {
    const open = await ctx.deps.db
      .select({ id: safetyAlerts.id, instrumentId: safetyAlerts.instrumentId })
      .from(safetyAlerts)
      .where(and(eq(safetyAlerts.clinicId, clinicId), eq(safetyAlerts.status, 'open')));
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBe(credentials.courses.openAlerts);
    expect(open.every((a) => a.instrumentId === 'phq9')).toBe(true);
  });

  it('has IV depression doses ordered by the physician and verified by the nurse', async () => {
    const rows = await ctx.deps.db
      .select({
        status: doses.status,
        protocolId: doses.protocolId,
        bodyMeasurementId: doses.bodyMeasurementId,
      })
      .from(doses)
      .where(eq(doses.clinicId, clinicId));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.length).toBe(credentials.courses.doses);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'verified', protocolId: 'iv-depression' });
      expect(row.bodyMeasurementId).not.toBeNull();
    }
  });

  it('leaves the audit rows of the use cases', async () => {
    const audited = await ctx.deps.db
      .select({ entity: auditLog.entity, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.clinicId, clinicId))
      .groupBy(auditLog.entity);
    const byEntity = Object.fromEntries(audited.map((a) => [a.entity, a.n]));
    expect(byEntity['assessment.response']).toBe(credentials.courses.responses);
    // Hand-entered history, and the anchors booked infusions made.
    expect(byEntity['measurement.anchor']).toBe(
      credentials.courses.infusions + credentials.schedule.series * 6,
    );
    expect(byEntity['appointment']).toBeGreaterThanOrEqual(credentials.schedule.appointments);
    expect(byEntity['safety.alert']).toBe(credentials.courses.openAlerts);
    expect(byEntity['measurement.plan']).toBe(credentials.courses.plans);
    expect(byEntity['body-measurement']).toBe(credentials.courses.doses);
    expect(byEntity['dose']).toBe(credentials.courses.doses * 2); // ordered, then verified
  });

  it('is the same course on every run and is seeded quickly', async () => {
    const again = await createTestContext();
    try {
      const second = (await seedDemoClinic(again.deps))!;
      expect(second.courses).toEqual(credentials.courses);
      expect(second.schedule).toEqual(credentials.schedule);
    } finally {
      await again.close();
    }
    // The seeding stays within a few seconds (measured alongside the patients it adds to).
    expect(seedMs).toBeLessThan(20_000);
  }, 120_000);
});
