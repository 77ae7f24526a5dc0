import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type {
  DecisionView,
  EligibilityOverview,
  EvaluationView,
  Product,
  ReadinessView,
  decisionBody,
} from '../../../contracts/intake.js';
import type { ConsentTemplateCode } from '../../../domain/consent/index.js';
import {
  careStatusMovesAfter,
  changedRuleResults,
  checkDecision,
  decisionValidity,
  evaluateScreening,
  preInfusionReadiness,
  products,
  type EligibilityDecision,
  type IntakeAnswers,
  type MedicationEntry,
  type RuleResult,
  type ScreeningEvaluation,
} from '../../../domain/intake/index.js';
import type { CareStatus } from '../../../domain/patients/index.js';
import { auditActor, type Actor, type Recorder } from '../../shared/actor.js';
import { badRequest, conflict } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { consentStatusFor } from '../consent/index.js';
import { latestPhq9Item9 } from '../measurement/index.js';
import { remsStatusFor } from '../rems/index.js';
import { moveCareStatusInTransaction } from '../patients/index.js';
import {
  decisionsOf,
  findEvaluation,
  insertDecision,
  insertEvaluation,
  invalidateDecision,
  latestEvaluation,
  latestIntake,
  latestMedications,
  liveDecisions,
  type DecisionRow,
  type EvaluationRow,
} from './intake.queries.js';

/**
 * Contraindication screening, the physician's eligibility decision and pre-infusion readiness. An
 * evaluation runs the clinic's enabled rules on the patient's current intake, medications and latest
 * PHQ-9 item 9 and is stored with the rule versions and the inputs read, so a later reader sees what the
 * physician saw. A decision rests on one evaluation; when a later save changes any rule's result, the
 * decision is invalidated (set once, by database guard) with the rules that changed as its reason.
 */

const DAY = 86_400_000;
const consentCode: Record<Product, ConsentTemplateCode> = {
  iv_ketamine: 'iv-ketamine',
  esketamine: 'esketamine',
};

async function screen(db: Executor, clinicId: string, patientId: string, product: Product, now: Date) {
  const [intake, medications, phq9Item9, clinic, rems] = [
    await latestIntake(db, clinicId, patientId),
    await latestMedications(db, clinicId, patientId),
    await latestPhq9Item9(db, clinicId, patientId),
    await readStoredClinic(db, clinicId),
    product === 'esketamine' ? await remsStatusFor(db, clinicId, patientId) : null,
  ];
  const evaluation = evaluateScreening(
    {
      product,
      intake: (intake?.answers as IntakeAnswers | undefined) ?? null,
      medications: (medications?.entries as MedicationEntry[] | undefined) ?? null,
      // Vitals come from the infusion session's charting once it exists; until then the intake reading.
      vitals: null,
      phq9Item9,
      // The latest REMS enrolment record; null (asked for) when none was recorded.
      remsEnrolled: rems?.patientEnrolled ?? null,
      settings: clinic?.settings.intake.rules ?? null,
      benzoTable: clinic?.settings.intake.benzodiazepineTable ?? undefined,
    },
    now,
  );
  return {
    evaluation,
    intakeRevision: intake?.revision ?? null,
    medicationRevision: medications?.revision ?? null,
  };
}

const resultView = (r: RuleResult) => ({
  ruleId: r.id,
  version: r.version,
  title: r.title,
  severity: r.severity,
  status: r.status,
  read: r.read,
  explanation: r.explanation,
  source: r.source,
});

function evaluationView(row: EvaluationRow): EvaluationView {
  return {
    id: row.id,
    product: row.product as Product,
    evaluatedAt: row.evaluatedAt.toISOString(),
    intakeRevision: row.intakeRevision,
    medicationRevision: row.medicationRevision,
    results: (row.results as RuleResult[]).map(resultView),
  };
}

/** The stored results as the domain's evaluation (fired lists derived from the results). */
function storedEvaluation(row: EvaluationRow): ScreeningEvaluation {
  const results = row.results as RuleResult[];
  const fired = (severity: RuleResult['severity']) =>
    results.filter((r) => r.severity === severity && r.status === 'fired');
  return {
    product: row.product as Product,
    evaluatedAt: row.evaluatedAt.toISOString(),
    results,
    hardStops: fired('hard_stop'),
    relatives: fired('relative'),
    flags: fired('flag'),
    missing: results.filter((r) => r.status === 'missing'),
    ruleVersions: row.ruleVersions as Record<string, number>,
    inputSnapshot: row.inputSnapshot as Record<string, unknown>,
    settingsProblems: [],
  } as ScreeningEvaluation;
}

export async function runScreening(deps: AppDeps, actor: Actor, patientId: string, product: Product) {
  const row = await deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId);
    const { evaluation, intakeRevision, medicationRevision } = await screen(
      tx,
      actor.clinicId,
      patientId,
      product,
      deps.now(),
    );
    const stored = await insertEvaluation(tx, {
      clinicId: actor.clinicId,
      patientId,
      product,
      intakeRevision,
      medicationRevision,
      ruleVersions: evaluation.ruleVersions,
      inputSnapshot: evaluation.inputSnapshot,
      results: evaluation.results,
      evaluatedBy: actor.userId,
      evaluatedAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'screening',
        entityId: stored.id,
        detail: {
          product,
          hardStops: evaluation.hardStops.map((r) => r.id),
          relatives: evaluation.relatives.map((r) => r.id),
          flags: evaluation.flags.map((r) => r.id),
        },
        outcome: 'success',
      },
    ]);
    return stored;
  });
  return evaluationView(row);
}

function decisionView(row: DecisionRow, label: string, expiryDays: number | null, now: Date): DecisionView {
  return {
    id: row.id,
    product: row.product as Product,
    evaluationId: row.evaluationId,
    decision: row.decision as EligibilityDecision,
    reason: row.reason,
    decidedBy: { id: row.decidedBy, label },
    decidedAt: row.decidedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    invalidatedAt: row.invalidatedAt?.toISOString() ?? null,
    invalidatedReason: row.invalidatedReason,
    validity: decisionValidity(
      {
        decidedAt: row.decidedAt.toISOString(),
        expiryDays: row.expiresAt
          ? Math.round((row.expiresAt.getTime() - row.decidedAt.getTime()) / DAY)
          : expiryDays,
        invalidatedAt: row.invalidatedAt?.toISOString() ?? null,
      },
      now,
    ),
  };
}

/**
 * The physician's decision on the latest screening of a product: a hard stop cannot be overridden, a
 * relative contraindication needs "eligible with precautions" and a written reason (checkDecision). The
 * care status moves with it (screening → eligible / not eligible) in the same transaction.
 */
export async function decideEligibility(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  body: z.infer<typeof decisionBody>,
): Promise<DecisionView> {
  return deps.db.transaction(async (tx) => {
    const patient = await loadClinicPatient(tx, actor.clinicId, patientId, { forUpdate: true });
    const row = await findEvaluation(tx, actor.clinicId, body.evaluationId);
    if (!row || row.patientId !== patientId || row.product !== body.product)
      throw badRequest([
        { field: 'body.evaluationId', message: 'is not a screening of this patient for this product' },
      ]);
    const latest = await latestEvaluation(tx, actor.clinicId, patientId, body.product);
    if (latest?.id !== row.id) throw conflict('A newer screening exists; decide on the latest one');
    const problems = checkDecision({
      evaluation: storedEvaluation(row),
      decision: body.decision,
      reason: body.reason,
    });
    if (problems.length > 0)
      throw badRequest(problems.map((p) => ({ field: `body.${p.field}`, message: p.message })));
    const clinic = await readStoredClinic(tx, actor.clinicId);
    const expiryDays = clinic?.settings.intake.decisionExpiryDays ?? null;
    const now = deps.now();
    const decision = await insertDecision(tx, {
      clinicId: actor.clinicId,
      patientId,
      product: body.product,
      evaluationId: row.id,
      decision: body.decision,
      reason: body.reason ?? null,
      decidedBy: actor.userId,
      decidedAt: now,
      expiresAt: expiryDays === null ? null : new Date(now.getTime() + expiryDays * DAY),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'create',
        entity: 'eligibility-decision',
        entityId: decision.id,
        detail: { product: body.product, decision: body.decision, evaluationId: row.id },
        outcome: 'success',
      },
    ]);
    const moves = careStatusMovesAfter(patient.careStatus as CareStatus, body.decision);
    if (moves.ok && moves.value.length > 0)
      await moveCareStatusInTransaction(
        tx,
        actor,
        patientId,
        moves.value,
        `Eligibility decision: ${body.decision}`,
        now,
      );
    return decisionView(decision, actor.label, expiryDays, now);
  });
}

/**
 * After intake or medications change: re-screen each live decision's product and invalidate the
 * decision when any rule's result differs from the evaluation it rested on. Runs in the saving
 * transaction.
 */
export async function invalidateOnChange(
  tx: Executor,
  deps: AppDeps,
  actor: Recorder,
  patientId: string,
  cause: string,
): Promise<void> {
  for (const decision of await liveDecisions(tx, actor.clinicId, patientId)) {
    const basis = await findEvaluation(tx, actor.clinicId, decision.evaluationId);
    const now = deps.now();
    const { evaluation } = await screen(tx, actor.clinicId, patientId, decision.product as Product, now);
    const changed = changedRuleResults({ results: basis!.results as RuleResult[] }, evaluation);
    if (changed.length === 0) continue;
    const reason = `${cause} changed the screening: ${changed.join(', ')}`;
    await invalidateDecision(tx, decision.id, now, reason);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId,
        action: 'status-change',
        entity: 'eligibility-decision',
        entityId: decision.id,
        detail: { invalidated: true, rules: changed },
        outcome: 'success',
      },
    ]);
  }
}

/**
 * Pre-infusion readiness, for the infusion session: a valid decision that allows the product, a valid
 * consent, and no hard stop in a screening run now on the current inputs; the flags the nurse should see.
 */
export async function readinessFor(
  db: Executor,
  clinicId: string,
  patientId: string,
  product: Product,
  at: Date,
): Promise<ReadinessView> {
  const clinic = await readStoredClinic(db, clinicId);
  const decisions = await decisionsOf(db, clinicId, patientId);
  const latest = decisions.find((d) => d.decision.product === product)?.decision;
  const consent = await consentStatusFor(db, clinicId, patientId, consentCode[product], at);
  const { evaluation } = await screen(db, clinicId, patientId, product, at);
  const expiryDays = clinic?.settings.intake.decisionExpiryDays ?? null;
  const readiness = preInfusionReadiness({
    product,
    date: at,
    decision: latest
      ? {
          product,
          decision: latest.decision as EligibilityDecision,
          reason: latest.reason,
          decidedAt: latest.decidedAt.toISOString(),
          expiryDays: latest.expiresAt
            ? Math.round((latest.expiresAt.getTime() - latest.decidedAt.getTime()) / DAY)
            : expiryDays,
          invalidatedAt: latest.invalidatedAt?.toISOString() ?? null,
        }
      : null,
    consent: consent ? { status: consent } : null,
    evaluation,
  });
  return {
    product,
    ready: readiness.ready,
    blockers: readiness.blockers.map((b) => ({ code: b.code, message: b.message })),
    flags: readiness.flags.map(resultView),
  };
}

export async function readReadiness(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  product: Product,
  date?: string,
) {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const at = date ? new Date(`${date}T12:00:00Z`) : deps.now();
  const view = await readinessFor(deps.db, actor.clinicId, patientId, product, at);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'readiness',
    detail: { product, ready: view.ready },
    outcome: 'success',
  });
  return view;
}

export async function eligibilityOverview(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<EligibilityOverview> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const now = deps.now();
  const clinic = await readStoredClinic(deps.db, actor.clinicId);
  const expiryDays = clinic?.settings.intake.decisionExpiryDays ?? null;
  const evaluations: EvaluationView[] = [];
  const readiness: ReadinessView[] = [];
  for (const product of products) {
    const latest = await latestEvaluation(deps.db, actor.clinicId, patientId, product);
    if (latest) evaluations.push(evaluationView(latest));
    readiness.push(await readinessFor(deps.db, actor.clinicId, patientId, product, now));
  }
  const decisions = (await decisionsOf(deps.db, actor.clinicId, patientId)).map((d) =>
    decisionView(d.decision, d.decidedByLabel, expiryDays, now),
  );
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'eligibility',
    detail: { evaluations: evaluations.length, decisions: decisions.length },
    outcome: 'success',
  });
  return { evaluations, decisions, readiness };
}
