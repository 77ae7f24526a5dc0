import type { Patient } from '../../../contracts/patients';
import { ApiError, apiPatch } from '../api-client';
import type { PatientPayload } from '../patients/patient-form-model';

/**
 * Saves the changed fields against the version the edit started from. An unchosen sex at birth is
 * sent as is, so the server names the field.
 */
export function savePatientEdit(
  patientId: string,
  version: number,
  changes: Partial<PatientPayload>,
  reason: string,
): Promise<Patient> {
  return apiPatch<Patient>(`/api/patients/${patientId}`, { version, changes, reason: reason.trim() || null });
}

/** Someone else saved first: the server names the version that is now current. */
export function isStaleVersion(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.currentVersion !== undefined;
}
