import type { z } from 'zod';
import type {
  FormsDueItem,
  RemsFormView,
  formValuesBody,
  submissionBody,
  templateBody,
} from '../../../contracts/rems.js';
import type { Executor } from '../../../db/client.js';
import { clinicDateOf } from '../../../domain/clinic/index.js';
import {
  DEFAULT_PMF_TEMPLATE,
  checkStaffValues,
  daysLeft,
  fillPmf,
  formDueOn,
  formDueStatus,
  missingItems,
  pmfTemplateSchema,
  type PmfTemplate,
} from '../../../domain/rems/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { ApiError, badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { currentMedications } from '../intake/index.js';
import { remsStatusFor } from '../rems/index.js';
import { findSession, loadSessionFacts } from '../session/index.js';
import { pmfChart } from './pmf-chart.js';
import {
  allTemplates,
  findForm,
  formOfSession,
  insertForm,
  insertTemplate,
  latestTemplate,
  openForms,
  templateByVersion,
  updateForm,
  userOf,
  type FormRow,
} from './rems-forms.queries.js';

/**
 * Patient Monitoring Forms (docs/spravato-rems.md): one per esketamine session, made when the session
 * is first asked for it once the first device was taken, filled from the chart at every read, completed
 * by staff for the items the chart cannot fill, printed, and marked submitted with the date, channel and
 * confirmation. A submitted form is frozen with the values it was submitted with.
 */

/** The template a new form uses: the latest loaded version; the shipped one when none was loaded. */
async function currentTemplate(tx: Executor): Promise<{ version: string; template: PmfTemplate }> {
  let row = await latestTemplate(tx);
  if (!row) {
    await insertTemplate(tx, {
      version: DEFAULT_PMF_TEMPLATE.version,
      title: DEFAULT_PMF_TEMPLATE.title,
      definition: DEFAULT_PMF_TEMPLATE,
      loadedAt: new Date(0),
    });
    row = await latestTemplate(tx);
  }
  return { version: row!.version, template: pmfTemplateSchema.parse(row!.definition) };
}

async function templateOf(db: Executor, version: string): Promise<PmfTemplate> {
  const row = await templateByVersion(db, version);
  return row ? pmfTemplateSchema.parse(row.definition) : DEFAULT_PMF_TEMPLATE;
}

/** The session's form, made on first use once the first device was taken. */
async function ensureForm(tx: Executor, deps: AppDeps, actor: Actor, sessionId: string): Promise<FormRow> {
  const existing = await formOfSession(tx, actor.clinicId, sessionId);
  if (existing) return existing;
  const session = await findSession(tx, actor.clinicId, sessionId);
  if (!session) throw notFound('Session');
  if (session.kind !== 'esketamine') throw conflict('Only esketamine sessions have a REMS monitoring form');
  const facts = await loadSessionFacts(tx, session, deps.now());
  if (facts.chart.startedAt === null) throw conflict('The form is made once the first device was taken');
  const clinic = await readStoredClinic(tx, actor.clinicId);
  const treatmentDate = clinicDateOf(
    new Date(facts.chart.startedAt).toISOString(),
    clinic!.settings.timeZone,
  );
  const { version, template } = await currentTemplate(tx);
  const now = deps.now();
  await insertForm(tx, {
    clinicId: actor.clinicId,
    sessionId,
    patientId: session.patientId,
    templateVersion: version,
    treatmentDate,
    dueOn: formDueOn(treatmentDate, template.submission.withinDays),
    createdAt: now,
    updatedAt: now,
  });
  return (await formOfSession(tx, actor.clinicId, sessionId))!;
}

/** Who monitored: the physician or nurse who signed the note, else who discharged, else who checked in. */
function monitoringUserId(facts: Awaited<ReturnType<typeof loadSessionFacts>>): string {
  const ended = [...facts.entries]
    .reverse()
    .find((e) => e.type === 'action' && e.payload.action === 'discharge');
  return facts.chart.signed?.by.id ?? ended?.recordedBy ?? facts.session.checkedInBy;
}

async function formView(db: Executor, deps: AppDeps, actor: Actor, form: FormRow): Promise<RemsFormView> {
  const session = (await findSession(db, actor.clinicId, form.sessionId))!;
  const facts = await loadSessionFacts(db, session, deps.now());
  const template = await templateOf(db, form.templateVersion);
  const patient = await loadClinicPatient(db, actor.clinicId, form.patientId);
  const clinic = await readStoredClinic(db, actor.clinicId);
  const monitoredBy = await userOf(db, monitoringUserId(facts));
  const chart = pmfChart({
    facts,
    patient: {
      given: patient.legalGivenName,
      family: patient.legalFamilyName,
      sexAtBirth: patient.sexAtBirth,
    },
    medications: await currentMedications(db, actor.clinicId, form.patientId),
    monitoredBy: monitoredBy ? { displayName: monitoredBy.displayName, email: monitoredBy.email } : null,
    setting: (await remsStatusFor(db, actor.clinicId, null)).setting,
    treatmentDate: form.treatmentDate,
  });
  const submitted = form.submittedValues as Array<{
    id: string;
    value: string | null;
    origin: string;
  }> | null;
  const filled = fillPmf(template, chart, form.staffValues as Record<string, string>).map((item) => {
    const frozen = submitted?.find((s) => s.id === item.id);
    return frozen ? { ...item, value: frozen.value, origin: frozen.origin as typeof item.origin } : item;
  });
  const options = new Map(
    template.sections.flatMap((s) => s.items.map((i) => [i.id, i.options ?? []] as const)),
  );
  const today = clinicDateOf(deps.now().toISOString(), clinic!.settings.timeZone);
  const submitter = form.submittedBy ? await userOf(db, form.submittedBy) : undefined;
  return {
    id: form.id,
    sessionId: form.sessionId,
    patient: { id: patient.id, name: `${patient.legalGivenName} ${patient.legalFamilyName}` },
    templateVersion: form.templateVersion,
    title: template.title,
    treatmentDate: form.treatmentDate,
    dueOn: form.dueOn,
    status: formDueStatus(form.dueOn, today, form.submittedAt !== null),
    daysLeft: daysLeft(form.dueOn, today),
    items: filled.map((i) => ({ ...i, options: [...(options.get(i.id) ?? [])] })),
    missing: missingItems(filled),
    submission: template.submission,
    submitted:
      form.submittedAt && form.submittedOn && form.channel
        ? {
            on: form.submittedOn,
            channel: form.channel as 'online' | 'fax',
            confirmation: form.confirmation,
            by: { id: form.submittedBy!, label: submitter?.displayName ?? 'Unknown user' },
            at: form.submittedAt.toISOString(),
          }
        : null,
    seriousAdverseEvents: facts.chart.adverseEvents
      .filter((a) => a.event.serious)
      .map(
        (a) =>
          `${a.event.term} (${a.event.severity}), onset ${new Date(a.event.onsetAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      ),
    version: form.version,
  };
}

async function audit(
  tx: Executor,
  actor: Actor,
  form: FormRow,
  action: 'read' | 'update' | 'export',
  detail: object,
) {
  await appendAudit(tx, [
    {
      ...auditActor(actor),
      patientId: form.patientId,
      action,
      entity: 'rems.form',
      entityId: form.id,
      detail: detail as Record<string, unknown>,
      outcome: 'success',
    },
  ]);
}

export async function readSessionForm(deps: AppDeps, actor: Actor, sessionId: string): Promise<RemsFormView> {
  return deps.db.transaction(async (tx) => {
    const form = await ensureForm(tx, deps, actor, sessionId);
    await audit(tx, actor, form, 'read', { session: sessionId });
    return formView(tx, deps, actor, form);
  });
}

async function lockOpenForm(tx: Executor, actor: Actor, id: string, version: number) {
  const form = await findForm(tx, actor.clinicId, id, true);
  if (!form) throw notFound('Form');
  if (form.submittedAt) throw conflict('This form was submitted and can no longer change');
  if (form.version !== version)
    throw conflict('This form was changed by someone else; reload it and try again', {
      currentVersion: form.version,
    });
  return form;
}

export async function saveFormValues(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof formValuesBody>,
): Promise<RemsFormView> {
  return deps.db.transaction(async (tx) => {
    const form = await lockOpenForm(tx, actor, id, body.version);
    const problems = checkStaffValues(await templateOf(tx, form.templateVersion), body.values);
    if (problems.length > 0)
      throw badRequest(problems.map((p) => ({ field: `body.values.${p.field}`, message: p.message })));
    const values = { ...(form.staffValues as Record<string, string>), ...body.values };
    const updated = await updateForm(tx, form.id, {
      staffValues: values,
      version: form.version + 1,
      updatedAt: deps.now(),
    });
    await audit(tx, actor, form, 'update', { items: Object.keys(body.values) });
    return formView(tx, deps, actor, updated);
  });
}

export async function submitForm(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof submissionBody>,
): Promise<RemsFormView> {
  return deps.db.transaction(async (tx) => {
    const form = await lockOpenForm(tx, actor, id, body.version);
    const view = await formView(tx, deps, actor, form);
    if (view.missing.length > 0)
      throw new ApiError(
        409,
        'form_incomplete',
        `Complete the form before it is submitted: ${view.missing.length} required items are empty`,
        view.missing.map((m) => ({ field: `values.${m.field}`, message: m.message })),
      );
    if (body.submittedOn < form.treatmentDate || body.submittedOn > deps.now().toISOString().slice(0, 10))
      throw badRequest([
        { field: 'body.submittedOn', message: 'must be between the treatment date and today' },
      ]);
    const updated = await updateForm(tx, form.id, {
      submittedValues: view.items.map((i) => ({ id: i.id, value: i.value, origin: i.origin })),
      submittedAt: deps.now(),
      submittedOn: body.submittedOn,
      channel: body.channel,
      confirmation: body.confirmation ?? null,
      submittedBy: actor.userId,
      version: form.version + 1,
      updatedAt: deps.now(),
    });
    await audit(tx, actor, form, 'update', { submitted: true, channel: body.channel, on: body.submittedOn });
    return formView(tx, deps, actor, updated);
  });
}

export async function readForm(deps: AppDeps, actor: Actor, id: string): Promise<RemsFormView> {
  const form = await findForm(deps.db, actor.clinicId, id);
  if (!form) throw notFound('Form');
  await audit(deps.db, actor, form, 'read', {});
  return formView(deps.db, deps, actor, form);
}

export async function formsDue(deps: AppDeps, actor: Actor): Promise<{ items: FormsDueItem[] }> {
  const clinic = await readStoredClinic(deps.db, actor.clinicId);
  const today = clinicDateOf(deps.now().toISOString(), clinic!.settings.timeZone);
  const rows = await openForms(deps.db, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'rems.form',
    detail: { returned: rows.length },
    outcome: 'success',
  });
  const items = rows.map((r) => ({
    formId: r.form.id,
    sessionId: r.form.sessionId,
    patientName: `${r.family}, ${r.given}`,
    treatmentDate: r.form.treatmentDate,
    dueOn: r.form.dueOn,
    status: formDueStatus(r.form.dueOn, today, false) as FormsDueItem['status'],
    daysLeft: daysLeft(r.form.dueOn, today),
  }));
  return { items: items.sort((a, b) => a.daysLeft - b.daysLeft) };
}

export async function listTemplates(deps: AppDeps) {
  await deps.db.transaction((tx) => currentTemplate(tx));
  const rows = await allTemplates(deps.db);
  return {
    items: rows.map((r, i) => ({
      version: r.version,
      title: r.title,
      loadedAt: r.loadedAt.toISOString(),
      current: i === 0,
    })),
  };
}

/** Loads a new version of the form from its definition; it is used by forms made from now on. */
export async function loadTemplate(deps: AppDeps, actor: Actor, body: z.infer<typeof templateBody>) {
  const parsed = pmfTemplateSchema.safeParse(body.definition);
  if (!parsed.success)
    throw badRequest(
      parsed.error.issues.map((i) => ({
        field: ['body', 'definition', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    );
  await deps.db.transaction(async (tx) => {
    await currentTemplate(tx);
    const row = await insertTemplate(tx, {
      version: parsed.data.version,
      title: parsed.data.title,
      definition: parsed.data,
      loadedBy: actor.userId,
      loadedAt: deps.now(),
    });
    if (!row) throw conflict(`Version ${parsed.data.version} of the form is already loaded`);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'rems.form-template',
        detail: { version: parsed.data.version },
        outcome: 'success',
      },
    ]);
  });
  return listTemplates(deps);
}
