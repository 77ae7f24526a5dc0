/**
 * Arbor's single permission table: which staff role may perform which action. Every API route
 * names one action and the server refuses the call unless the caller's role holds it; the record
 * itself is then checked against the caller's clinic by the service that loads it.
 */
export const staffRoles = ['admin', 'physician', 'nurse', 'front_desk'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const roleLabels: Record<StaffRole, string> = {
  admin: 'Administrator',
  physician: 'Physician (prescriber)',
  nurse: 'Nurse',
  front_desk: 'Front desk',
};

export const actions = [
  'account.password',
  'patient.search',
  'patient.read',
  'patient.create',
  'patient.update',
  'patient.deactivate',
  'patient.history',
  'user.read',
  'user.manage',
  'session.revoke',
  'audit.read',
  'clinic.settings.read',
  'clinic.settings.update',
  'enquiry.read',
  'enquiry.update',
  // Measurement-based care (docs/measurement-based-care.md#permissions).
  'assessment.read',
  'assessment.record',
  'assessment.amend',
  'selfreport.send',
  'safety.read',
  'safety.resolve',
  'schedule.read',
  'schedule.manage',
  // Protocols and dosing (docs/dosing.md).
  'protocol.read',
  'protocol.manage',
  'dose.read',
  'dose.calculate',
  'dose.order',
  'dose.verify',
] as const;
export type Action = (typeof actions)[number];

const patientCare: Action[] = [
  'patient.search',
  'patient.read',
  'patient.create',
  'patient.update',
  'patient.history',
];

/**
 * Clinicians read scores, record and correct responses and act on safety alerts. The front desk
 * sends self-report links, starts kiosk mode, keeps infusion dates and sees the due list, and sees
 * that a safety alert is open (to route a call) but not the scores behind it.
 */
const measurementClinician: Action[] = [
  'assessment.read',
  'assessment.record',
  'assessment.amend',
  'selfreport.send',
  'safety.read',
  'safety.resolve',
  'schedule.read',
  'schedule.manage',
];
/**
 * Dosing: prescribers order; a second clinician (physician or nurse, never the orderer — enforced by
 * the dose service) verifies. Administrators keep the clinic's protocols but see no patient's dose.
 */
const dosingPhysician: Action[] = [
  'protocol.read',
  'protocol.manage',
  'dose.read',
  'dose.calculate',
  'dose.order',
  'dose.verify',
];
const dosingNurse: Action[] = ['protocol.read', 'dose.read', 'dose.calculate', 'dose.verify'];
const measurementFrontDesk: Action[] = ['selfreport.send', 'safety.read', 'schedule.read', 'schedule.manage'];

/** Every signed-in person may change their own password (after re-authenticating). */
const ownAccount: Action[] = ['account.password'];

export const permissionTable: Record<StaffRole, readonly Action[]> = {
  // Clinic owners administer accounts, settings and the audit trail, and see the registry.
  admin: [
    ...ownAccount,
    ...patientCare,
    'patient.deactivate',
    'user.read',
    'user.manage',
    'session.revoke',
    'audit.read',
    'clinic.settings.read',
    'clinic.settings.update',
    'enquiry.read',
    'enquiry.update',
    'schedule.read',
    'protocol.read',
    'protocol.manage',
  ],
  physician: [
    ...ownAccount,
    ...patientCare,
    'patient.deactivate',
    'user.read',
    'clinic.settings.read',
    'enquiry.read',
    ...measurementClinician,
    ...dosingPhysician,
  ],
  nurse: [
    ...ownAccount,
    ...patientCare,
    'user.read',
    'clinic.settings.read',
    'enquiry.read',
    ...measurementClinician,
    ...dosingNurse,
  ],
  // Front desk registers and finds patients, keeps demographics current and answers site enquiries.
  front_desk: [
    ...ownAccount,
    ...patientCare,
    'clinic.settings.read',
    'enquiry.read',
    'enquiry.update',
    ...measurementFrontDesk,
  ],
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (staffRoles as readonly string[]).includes(value);
}

export function can(role: StaffRole, action: Action): boolean {
  return permissionTable[role].includes(action);
}
