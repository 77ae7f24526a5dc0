import { patientFieldGroupAccess, type Action } from '../../../domain/auth';
import {
  isPatientFieldName,
  patientFieldGroupOf,
  patientFieldGroups,
  type PatientFieldGroup,
} from '../../../domain/patients';
import type { PatientPayload } from './patient-form-model';

/**
 * Which groups of the patient form a person may edit, from the same table the server enforces
 * (`patientFieldGroupAccess`): the front desk edits identity and contact fields; care status,
 * diagnoses and alerts are for clinicians.
 */
export function editablePatientGroups(permissions: readonly Action[]): PatientFieldGroup[] {
  return patientFieldGroups.filter((group) => permissions.includes(patientFieldGroupAccess[group].change));
}

/** The changes of the groups the person may edit: a field they cannot edit is never sent. */
export function onlyEditable<T extends Record<string, unknown>>(
  changes: T,
  editable: readonly PatientFieldGroup[],
): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(
      ([key]) => !isPatientFieldName(key) || editable.includes(patientFieldGroupOf[key]),
    ),
  ) as Partial<T>;
}

/** A registration without the groups the person may not set: the server gives them their defaults. */
export function registrationPayload(
  payload: PatientPayload,
  editable: readonly PatientFieldGroup[],
): Partial<PatientPayload> {
  return onlyEditable(payload, editable);
}
