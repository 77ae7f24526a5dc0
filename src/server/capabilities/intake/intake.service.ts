import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type {
  IntakeResponse,
  MedicationsResponse,
  intakeSaveBody,
  medicationsBody,
} from '../../../contracts/intake.js';
import {
  INTAKE_ITEMS,
  classifyMedication,
  countAdequateTrials,
  diazepamEquivalentPerDay,
  intakeSectionLabels,
  validateIntakeAnswers,
  validateMedications,
  DEFAULT_BENZODIAZEPINE_TABLE,
  type AntidepressantTrial,
  type IntakeAnswers,
  type MedicationEntry,
} from '../../../domain/intake/index.js';
import { auditActor, type Actor, type Recorder } from '../../shared/actor.js';
import { badRequest, conflict } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import {
  insertIntakeRevision,
  insertMedicationList,
  intakeHistory,
  latestIntake,
  latestMedications,
} from './intake.queries.js';
import { invalidateOnChange } from './screening.service.js';

/**
 * Intake answers and the medication list: every save is a new revision (drafts included, so a form is
 * saved as it goes and resumable), never an overwrite. A save after submission is an amendment with a
 * reason. Each save re-screens the patient's live eligibility decisions and invalidates those whose
 * inputs changed (screening.service).
 */

type ProblemList = Array<{ field: string; message: string }>;

function answerText(value: unknown): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'None';
    return value
      .map((v) => {
        const row = v as Partial<AntidepressantTrial> & { substance?: string; reaction?: string | null };
        if (row.substance) return row.reaction ? `${row.substance} (${row.reaction})` : row.substance;
        const dose = row.doseMg != null ? ` ${row.doseMg} mg/day` : '';
        const weeks = row.weeks != null ? ` for ${row.weeks} weeks` : '';
        return `${row.drug ?? '?'}${dose}${weeks}`;
      })
      .join('; ');
  }
  if (value && typeof value === 'object') {
    const bp = value as { systolic?: number; diastolic?: number; measuredOn?: string };
    if (bp.systolic !== undefined) return `${bp.systolic}/${bp.diastolic} mmHg on ${bp.measuredOn}`;
  }
  return String(value);
}

/** One line per answered item, in the form's order, with the option's words for coded answers. */
export function intakeSummary(answers: Record<string, unknown>): IntakeResponse['summary'] {
  return INTAKE_ITEMS.filter((item) => answers[item.id] !== undefined && answers[item.id] !== null).map(
    (item) => {
      const value = answers[item.id];
      const option = item.options?.find((o) => o.value === value);
      return {
        section: intakeSectionLabels[item.section],
        label: item.label,
        answer: option ? option.label : answerText(value),
      };
    },
  );
}

function problemsOf(result: { ok: false; problems: ProblemList }, prefix = ''): never {
  throw badRequest(result.problems.map((p) => ({ field: `${prefix}${p.field}`, message: p.message })));
}

async function audit(tx: Executor, actor: Recorder, patientId: string, entity: string, detail: object) {
  await appendAudit(tx, [
    {
      ...auditActor(actor),
      patientId,
      action: 'create',
      entity,
      detail: detail as Record<string, unknown>,
      outcome: 'success',
    },
  ]);
}

type IntakeSave = z.infer<typeof intakeSaveBody> & { formLinkId?: string };

/** Checks the answers against the form: every problem names its item (prefix: where the answers sit). */
export function checkIntakeAnswers(
  deps: AppDeps,
  save: Pick<IntakeSave, 'answers' | 'kind'>,
  prefix: string,
) {
  const checked = validateIntakeAnswers(save.answers, {
    complete: save.kind !== 'draft',
    today: deps.now().toISOString().slice(0, 10),
  });
  if (!checked.ok) problemsOf(checked, prefix);
  return checked.value;
}

/**
 * Stores one intake revision in the caller's transaction (the patient row locked by the caller): a
 * draft until submitted, then only amendments with a reason. Re-screens live eligibility decisions.
 */
export async function recordIntakeRevision(
  tx: Executor,
  deps: AppDeps,
  recorder: Recorder,
  patientId: string,
  save: IntakeSave,
  answers: IntakeAnswers,
): Promise<{ revision: number }> {
  const previous = await latestIntake(tx, recorder.clinicId, patientId);
  const submitted = previous && previous.kind !== 'draft';
  if (submitted && save.kind !== 'amendment')
    throw conflict('This intake was submitted; a change is an amendment with a reason');
  if (save.kind === 'amendment' && !submitted)
    throw badRequest([{ field: 'body.kind', message: 'only a submitted intake can be amended' }]);
  if (save.kind === 'amendment' && !save.reason)
    throw badRequest([{ field: 'body.reason', message: 'is required for an amendment' }]);
  const row = await insertIntakeRevision(tx, {
    clinicId: recorder.clinicId,
    patientId,
    revision: (previous?.revision ?? 0) + 1,
    kind: save.kind,
    answers: answers as Record<string, unknown>,
    reason: save.reason ?? null,
    enteredBy: recorder.userId,
    enteredVia: save.enteredVia,
    formLinkId: save.formLinkId ?? null,
    createdAt: deps.now(),
  });
  await audit(tx, recorder, patientId, 'intake', {
    revision: row.revision,
    kind: row.kind,
    via: save.enteredVia,
    ...(save.formLinkId ? { link: save.formLinkId } : {}),
  });
  if (save.kind !== 'draft')
    await invalidateOnChange(tx, deps, recorder, patientId, `intake revision ${row.revision}`);
  return { revision: row.revision };
}

/** The latest intake revision's kind and answers (null before the first save), for the patient's form. */
export async function currentIntakeAnswers(tx: Executor, clinicId: string, patientId: string) {
  const row = await latestIntake(tx, clinicId, patientId);
  return row ? { kind: row.kind, answers: row.answers as IntakeAnswers } : null;
}

export async function saveIntake(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  body: z.infer<typeof intakeSaveBody>,
): Promise<IntakeResponse> {
  const answers = checkIntakeAnswers(deps, body, 'body.');
  await deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId, { forUpdate: true });
    await recordIntakeRevision(tx, deps, actor, patientId, body, answers);
  });
  return readIntake(deps, actor, patientId, false);
}

export async function readIntake(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  auditRead = true,
): Promise<IntakeResponse> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const history = await intakeHistory(deps.db, actor.clinicId, patientId);
  const current = history[0];
  if (auditRead)
    await deps.audit.record({
      ...auditActor(actor),
      patientId,
      action: 'read',
      entity: 'intake',
      detail: { revision: current?.revision.revision ?? null },
      outcome: 'success',
    });
  const view = (h: (typeof history)[number]) => ({
    revision: h.revision.revision,
    kind: h.revision.kind as 'draft' | 'submitted' | 'amendment',
    answers: h.revision.answers as Record<string, unknown>,
    reason: h.revision.reason,
    enteredBy: h.revision.enteredBy
      ? { id: h.revision.enteredBy, label: h.enteredByLabel ?? 'Unknown user' }
      : null,
    enteredVia: h.revision.enteredVia as 'staff' | 'patient',
    createdAt: h.revision.createdAt.toISOString(),
  });
  const answers = (current?.revision.answers ?? {}) as IntakeAnswers;
  return {
    current: current ? view(current) : null,
    summary: intakeSummary(answers as Record<string, unknown>),
    adequateTrials: answers.antidepressant_trials ? countAdequateTrials(answers.antidepressant_trials) : null,
    history: history.map((h) => {
      const { answers: _answers, ...rest } = view(h);
      return rest;
    }),
  };
}

async function benzoTable(db: Executor, clinicId: string) {
  const clinic = await readStoredClinic(db, clinicId);
  return clinic?.settings.intake.benzodiazepineTable ?? DEFAULT_BENZODIAZEPINE_TABLE;
}

function medicationsView(
  revision: number | null,
  entries: MedicationEntry[],
  table: typeof DEFAULT_BENZODIAZEPINE_TABLE,
): MedicationsResponse {
  const dze = diazepamEquivalentPerDay(entries, table);
  return {
    revision,
    entries: entries.map((e) => {
      const c = classifyMedication(e.drug);
      return { ...e, classes: [...c.classes], matched: c.generic };
    }),
    diazepamEquivalent: {
      totalMg: dze.totalMg,
      parts: dze.parts as unknown as Array<Record<string, unknown>>,
      unknownDose: [...dze.unknownDose],
    },
  };
}

/** Checks a medication list: every problem names its row and field. */
export function checkMedications(entries: unknown, prefix: string): MedicationEntry[] {
  const checked = validateMedications(entries);
  if (!checked.ok) problemsOf(checked, prefix);
  return checked.value;
}

/** Stores a medication list revision in the caller's transaction and re-screens live decisions. */
export async function recordMedicationList(
  tx: Executor,
  deps: AppDeps,
  recorder: Recorder,
  patientId: string,
  entries: MedicationEntry[],
  reason: string | null,
): Promise<{ revision: number }> {
  const previous = await latestMedications(tx, recorder.clinicId, patientId);
  const row = await insertMedicationList(tx, {
    clinicId: recorder.clinicId,
    patientId,
    revision: (previous?.revision ?? 0) + 1,
    entries,
    reason,
    enteredBy: recorder.userId,
    createdAt: deps.now(),
  });
  await audit(tx, recorder, patientId, 'medication-list', { revision: row.revision, count: entries.length });
  await invalidateOnChange(tx, deps, recorder, patientId, `medication list revision ${row.revision}`);
  return { revision: row.revision };
}

/** The current medication list (empty before the first save). */
export async function currentMedications(tx: Executor, clinicId: string, patientId: string) {
  const row = await latestMedications(tx, clinicId, patientId);
  return (row?.entries ?? []) as MedicationEntry[];
}

export async function saveMedications(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
  body: z.infer<typeof medicationsBody>,
): Promise<MedicationsResponse> {
  const entries = checkMedications(body.entries, 'body.');
  return deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, patientId, { forUpdate: true });
    const { revision } = await recordMedicationList(tx, deps, actor, patientId, entries, body.reason ?? null);
    return medicationsView(revision, entries, await benzoTable(tx, actor.clinicId));
  });
}

export async function readMedications(
  deps: AppDeps,
  actor: Actor,
  patientId: string,
): Promise<MedicationsResponse> {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const row = await latestMedications(deps.db, actor.clinicId, patientId);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'read',
    entity: 'medication-list',
    detail: { revision: row?.revision ?? null },
    outcome: 'success',
  });
  return medicationsView(
    row?.revision ?? null,
    (row?.entries ?? []) as MedicationEntry[],
    await benzoTable(deps.db, actor.clinicId),
  );
}
