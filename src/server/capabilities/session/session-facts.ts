import type { Executor } from '../../../db/client.js';
import { readStoredClinic } from '../../shared/clinic-settings.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import { clinicDateOf } from '../../../domain/clinic/index.js';
import { formDueStatus } from '../../../domain/rems/index.js';
import { readinessFor } from '../intake/index.js';
import { remsStatusFor } from '../rems/index.js';
import { latestPhq9Item9 } from '../measurement/index.js';
import { foldEntries } from './session-chart.js';
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
  const [patient, clinic, entries] = await Promise.all([
    loadClinicPatient(db, session.clinicId, session.patientId),
    readStoredClinic(db, session.clinicId),
    entriesOf(db, session.id),
  ]);
  const chart = foldEntries(entries);
  const [readiness, phq9Item9, cssrsRisk, dose] = await Promise.all([
    readinessFor(
      db,
      session.clinicId,
      session.patientId,
      session.kind === 'esketamine' ? 'esketamine' : 'iv_ketamine',
      now,
    ),
    latestPhq9Item9(db, session.clinicId, session.patientId),
    latestCssrsRisk(db, session.clinicId, session.patientId),
    session.doseId
      ? findDose(db, session.clinicId, session.doseId)
      : readyDoseOf(db, session.clinicId, session.patientId),
  ]);
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
