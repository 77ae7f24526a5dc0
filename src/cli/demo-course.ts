import { examplePlanRules } from '../domain/measurement/index.js';
import {
  courseOutcomeFor,
  courseOutcomeOf,
  hasSyntheticCourse,
  syntheticCourse,
  type CourseOutcome,
  type PatientFields,
} from '../domain/patients/index.js';
import type { AppDeps } from '../server/shared/app-deps.js';
import type { Actor } from '../server/shared/http/define-route.js';
import { changeDoseStatus, orderDose, previewDose } from '../server/capabilities/dosing/index.js';
import { addAnchor, createPlan, recordResponse } from '../server/capabilities/measurement/index.js';

/** What the demo courses added, for the start-up message and the tests. */
export interface DemoCourseCounts {
  patients: number;
  responses: number;
  infusions: number;
  plans: number;
  doses: number;
  openAlerts: number;
  outcomes: Record<CourseOutcome, number>;
}

/** Treated patients whose latest PHQ-9 answers item 9, so the demo has safety alerts to work through. */
const selfHarmPositions = new Set([3, 10]);
/** Every third treated patient has a measurement plan; the first four still in care have a verified dose. */
const hasPlan = (position: number) => position % 3 === 0;
const doseCount = 4;

/**
 * Gives the demo clinic's treated patients (in treatment, maintenance or discharged) a synthetic
 * course through the same use cases staff use, so audit rows, measurement versions and safety alerts
 * are those of real entries: infusion dates, PHQ-9 (GAD-7, PCL-5) responses recorded by the nurse,
 * measurement plans, and the next IV depression dose (library protocol) ordered by the physician with
 * today's weight and height and verified by the nurse. Deterministic from `random`.
 */
export async function seedDemoCourses(
  deps: AppDeps,
  staff: { nurse: Actor; physician: Actor },
  patients: Array<{ id: string; fields: PatientFields }>,
  random: () => number,
): Promise<DemoCourseCounts> {
  const now = deps.now();
  const counts: DemoCourseCounts = {
    patients: 0,
    responses: 0,
    infusions: 0,
    plans: 0,
    doses: 0,
    openAlerts: 0,
    outcomes: { remitter: 0, responder: 0, 'partial-responder': 0, 'non-responder': 0 },
  };
  // Everything random is drawn first, in patient order, so the counts are known before any write.
  const planned = patients
    .filter((p) => hasSyntheticCourse(p.fields))
    .map((patient, position) => ({
      patient,
      position,
      course: syntheticCourse(random, patient.fields, {
        now,
        outcome: courseOutcomeFor(position),
        selfHarmItem: selfHarmPositions.has(position),
      }),
      body: bodyOf(patient.fields, random),
    }));
  let dosesLeft = doseCount;
  const work = planned.map((p) => {
    const inCare = p.patient.fields.careStatus !== 'discharged';
    const dose = inCare && dosesLeft > 0;
    if (dose) dosesLeft -= 1;
    return { ...p, plan: inCare && hasPlan(p.position), dose };
  });
  for (const { course, plan, dose } of work) {
    const phq = course.responses.filter((r) => r.instrumentId === 'phq9');
    counts.outcomes[courseOutcomeOf(phq[0]!.total, phq[phq.length - 1]!.total)] += 1;
    counts.patients += 1;
    counts.responses += course.responses.length;
    counts.infusions += course.infusions.length;
    counts.plans += plan ? 1 : 0;
    counts.doses += dose ? 1 : 0;
  }
  const writeCourse = async ({ patient, course, plan, dose, body }: (typeof work)[number]) => {
    for (const infusion of course.infusions) {
      await addAnchor(deps, staff.nurse, patient.id, infusion);
    }
    for (const response of course.responses) {
      const stored = await recordResponse(deps, staff.nurse, patient.id, {
        instrumentId: response.instrumentId,
        answers: response.answers,
        administeredAt: response.administeredAt,
      });
      counts.openAlerts += stored.alertIds.length;
    }
    if (plan) {
      await createPlan(deps, staff.nurse, patient.id, {
        name: 'Induction and maintenance',
        rules: examplePlanRules(course.infusions[5]!.at),
        responsibleClinicianId: staff.physician.userId,
      });
    }
    if (dose) await orderAndVerify(deps, staff, patient.id, patient.fields, body);
  };
  // One patient after another: each use case is its own transaction, as when staff enter them (the
  // audit chain serialises them anyway, so running patients side by side gains nothing).
  for (const item of work) await writeCourse(item);
  return counts;
}

/** Today's weight and height for a dose, within the usual adult range for the sex at birth. */
function bodyOf(fields: PatientFields, random: () => number): { weightKg: number; heightCm: number } {
  const female = fields.sexAtBirth === 'female';
  return {
    weightKg: Math.round((female ? 55 : 68) + random() * 30),
    heightCm: Math.round((female ? 155 : 168) + random() * 20),
  };
}

/** The next infusion's dose: previewed, ordered with the total the physician saw, verified by the nurse. */
async function orderAndVerify(
  deps: AppDeps,
  staff: { nurse: Actor; physician: Actor },
  patientId: string,
  fields: PatientFields,
  body: { weightKg: number; heightCm: number },
): Promise<void> {
  const inputs = {
    protocol: { origin: 'library' as const, id: 'iv-depression', version: 1 },
    stepId: 'standard',
    patient: {
      weight: { value: body.weightKg, unit: 'kg' },
      height: { value: body.heightCm, unit: 'cm' },
      sex: fields.sexAtBirth ?? undefined,
    },
    preparation: { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } },
  };
  const preview = await previewDose(deps, staff.physician, patientId, inputs);
  const dose = await orderDose(deps, staff.physician, patientId, {
    ...inputs,
    confirmTotalMg: preview.dose.totalMg,
  });
  await changeDoseStatus(deps, staff.nurse, dose.id, 'verify', { note: 'Demo: second-clinician check' });
}
