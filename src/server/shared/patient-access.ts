import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { patients } from '../../db/schema.js';
import { notFound } from './api-error.js';

export type PatientRow = typeof patients.$inferSelect;

/**
 * The patient of the caller's clinic, or a 404. Every capability that touches a patient's record
 * starts here, so tenant isolation is written once: another clinic's id is indistinguishable from
 * an id that does not exist. `forUpdate` locks the row for the rest of the transaction.
 */
export async function loadClinicPatient(
  db: Executor,
  clinicId: string,
  patientId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PatientRow> {
  const query = db
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, clinicId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Patient');
  return row;
}
