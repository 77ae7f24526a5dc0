import { scoreResponse } from '../../../domain/instruments/index.js';
import type { Database } from '../../../db/client.js';
import {
  assessmentObservations,
  assessmentResponses,
  measurementAnchors,
  measurementPlans,
  safetyAlerts,
  selfReportLinks,
} from '../../../db/schema-measurement.js';
import { newLinkToken } from './self-report-links.js';

/** A scored PHQ-9 response and its observation, written directly. */
async function seedScoredResponse(
  db: Database,
  clinicId: string,
  patientId: string,
  userId: string,
  now: Date,
) {
  const answers = {
    item1: 1,
    item2: 1,
    item3: 1,
    item4: 1,
    item5: 1,
    item6: 1,
    item7: 1,
    item8: 1,
    item9: 1,
  };
  const scored = scoreResponse('phq9', answers);
  if (!scored.ok) throw new Error('fixture answers do not score');
  const [response] = await db
    .insert(assessmentResponses)
    .values({
      clinicId,
      patientId,
      instrumentId: 'phq9',
      instrumentVersion: '1',
      answers,
      source: 'staff',
      administeredAt: now,
      recordedAt: now,
      recordedBy: userId,
    })
    .returning();
  await db.insert(assessmentObservations).values({
    clinicId,
    patientId,
    responseId: response!.id,
    instrumentId: 'phq9',
    codeSystem: 'http://loinc.org',
    code: '44261-6',
    value: scored.result.total,
    severity: scored.result.severity,
    flags: scored.result.flags,
    effectiveAt: now,
    result: scored.result,
    fhir: {},
  });
  return response!.id;
}

/**
 * One record of every measurement-based-care kind for a patient, written directly (tests only): the
 * authorisation walk uses another clinic's ids to prove each route refuses them.
 */
export async function seedMeasurementRecords(
  db: Database,
  clinicId: string,
  patientId: string,
  userId: string,
) {
  const now = new Date();
  const responseId = await seedScoredResponse(db, clinicId, patientId, userId, now);
  const [alert] = await db
    .insert(safetyAlerts)
    .values({
      clinicId,
      patientId,
      responseId,
      instrumentId: 'phq9',
      reasons: ['suicidal-ideation'],
      raisedAt: now,
    })
    .returning();
  const [plan] = await db
    .insert(measurementPlans)
    .values({
      clinicId,
      patientId,
      name: 'Foreign plan',
      rules: [{ kind: 'before-anchor', instruments: ['phq9'], windowHours: 48 }],
      createdBy: userId,
    })
    .returning();
  const [anchor] = await db
    .insert(measurementAnchors)
    .values({ clinicId, patientId, at: now, createdBy: userId })
    .returning();
  const { token, tokenHash } = newLinkToken();
  const [link] = await db
    .insert(selfReportLinks)
    .values({
      clinicId,
      patientId,
      instrumentId: 'phq9',
      tokenHash,
      channel: 'copy',
      createdBy: userId,
      expiresAt: new Date(now.getTime() + 3_600_000),
    })
    .returning();
  return {
    responseId,
    alertId: alert!.id,
    planId: plan!.id,
    anchorId: anchor!.id,
    linkId: link!.id,
    token,
  };
}

export type SeededMeasurementRecords = Awaited<ReturnType<typeof seedMeasurementRecords>>;
