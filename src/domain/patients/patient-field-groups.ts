import type { PatientFields } from './patient-fields.js';

/**
 * The fields of a patient record in groups that need different rights (minimum necessary, 45 CFR
 * 164.502(b) and 164.514(d)): who may read or change each group is one table in
 * src/domain/auth/permissions.ts (`patientFieldGroupAccess`).
 *
 * - identity: who the person is; everyone who finds or books a patient needs it.
 * - contact: how to reach them and who referred them; the front desk keeps it current.
 * - care-status: the stage of the clinical path (referred, screening, in treatment…); the front desk
 *   sees it to book the right visit, but moving a patient along the path is a clinical decision.
 * - clinical: diagnoses (conditions) and clinical alerts.
 */
export const patientFieldGroups = ['identity', 'contact', 'care-status', 'clinical'] as const;
export type PatientFieldGroup = (typeof patientFieldGroups)[number];
export type PatientFieldName = keyof PatientFields;

export const patientFieldGroupOf: Record<PatientFieldName, PatientFieldGroup> = {
  legalGivenName: 'identity',
  legalFamilyName: 'identity',
  preferredName: 'identity',
  birthDate: 'identity',
  sexAtBirth: 'identity',
  genderIdentity: 'identity',
  pronouns: 'identity',
  phone: 'contact',
  email: 'contact',
  address: 'contact',
  emergencyContact: 'contact',
  referringClinician: 'contact',
  careStatus: 'care-status',
  conditions: 'clinical',
  alerts: 'clinical',
};

/** The fields of one group, in the order of the table above. */
export function patientFieldsIn(group: PatientFieldGroup): PatientFieldName[] {
  return (Object.keys(patientFieldGroupOf) as PatientFieldName[]).filter(
    (field) => patientFieldGroupOf[field] === group,
  );
}

export function isPatientFieldName(name: string): name is PatientFieldName {
  return Object.prototype.hasOwnProperty.call(patientFieldGroupOf, name);
}
