import type { Executor } from '../../../db/client.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { clinicDateOf } from '../../../domain/clinic/index.js';
import { formDueStatus } from '../../../domain/rems/index.js';
import { readinessFor } from '../intake/index.js';
import { remsStatusFor } from '../rems/index.js';
import { latestPhq9Item9 } from '../measurement/index.js';
import { foldEntries, type StoredEntry } from './session-chart.js';
import {
  entriesOf,
  findDose,
  latestCssrsRisk,
  readyDoseOf,
  remsFormOfSession,
  type SessionRow,
} from './session.queries.js';
import type { SessionFacts } from './session-view.js';

/**
 * Everything the session rules read for one session at `now`, in the caller's transaction or
 * connection: the entries folded into the chart, the clinic's settings, the intake and consent
 * readiness for the session's product, the latest suicide-risk scores and the dose (the one started,
 * or the patient's dose ready to give before the start).
 */
export async function loadSessionFacts(db: Executor, session: SessionRow, now: Date): Promise<SessionFacts> {
  // One query at a time: inside a transaction they share one connection and would wait their turn anyway.
  const patient = await loadClinicPatient(db, session.clinicId, session.patientId);
  const clinic = await readStoredClinic(db, session.clinicId);
  const entries = await entriesOf(db, session.id);
  const chart = foldEntries(entries);
  const product = session.kind === 'esketamine' ? 'esketamine' : 'iv_ketamine';
  const readiness = await readinessFor(db, session.clinicId, session.patientId, product, now);
  const phq9Item9 = await latestPhq9Item9(db, session.clinicId, session.patientId);
  const cssrsRisk = await latestCssrsRisk(db, session.clinicId, session.patientId);
  const dose = session.doseId
    ? await findDose(db, session.clinicId, session.doseId)
    : await readyDoseOf(db, session.clinicId, session.patientId);
  const rems =
    session.kind === 'esketamine' ? await remsFacts(db, session, clinic!.settings.timeZone, now) : null;
  return {
    session,
    patient: {
      id: patient.id,
      name: `${patient.legalGivenName} ${patient.legalFamilyName}`,
      mrn: patient.mrn,
      birthDate: patient.birthDate,
    },
    entries,
    chart,
    settings: clinic!.settings,
    readiness,
    phq9Item9,
    cssrsRisk,
    dose: dose ?? null,
    rems,
    now,
  };
}

/** Esketamine: the REMS status of the setting and the patient, and the session's form with its due status. */
async function remsFacts(
  db: Executor,
  session: SessionRow,
  timeZone: string,
  now: Date,
): Promise<SessionFacts['rems']> {
  const status = await remsStatusFor(db, session.clinicId, session.patientId);
  const form = await remsFormOfSession(db, session.id);
  const today = clinicDateOf(now.toISOString(), timeZone);
  return {
    settingCertified: status.settingCertified,
    patientEnrolled: status.patientEnrolled === true,
    form: form
      ? {
          id: form.id,
          dueOn: form.dueOn,
          status: formDueStatus(form.dueOn, today, form.submittedAt !== null),
        }
      : null,
  };
}

/**
 * The facts after one more entry, without reading them again: the entry joins the list, the chart is
 * folded anew and the session row is the one the entry moved on. What the entry cannot change
 * (readiness, scores, the REMS status, the dose) stays as loaded in the same transaction.
 */
export function withEntry(facts: SessionFacts, session: SessionRow, entry: StoredEntry): SessionFacts {
  const entries = [...facts.entries, entry];
  return { ...facts, session, entries, chart: foldEntries(entries) };
}
