import {
  isPatientFieldName,
  patientFieldGroupOf,
  patientFieldGroups,
  patientFieldsIn,
  type PatientFieldGroup,
  type PatientFieldName,
} from '../patients/index.js';

/**
 * Arbor's single permission table: which staff role may perform which action. Every API route
 * names one action and the server refuses the call unless the caller's role holds it; the record
 * itself is then checked against the caller's clinic by the service that loads it. Inside the
 * patient record, `patientFieldGroupAccess` below says which action each group of fields needs.
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
  /** Diagnoses (conditions) and clinical alerts in the record and its history. */
  'patient.read-clinical',
  'patient.create',
  /** Identity and contact fields: the gate of PATCH /api/patients/:id. */
  'patient.update',
  /** Care status, diagnoses and clinical alerts: checked per field by the patients service. */
  'patient.update-clinical',
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
  /** The outbox page: queued, sent and failed email and SMS (recipients masked), and retrying one. */
  'outbox.read',
  'outbox.retry',
  // Measurement-based care (docs/measurement-based-care.md#permissions).
  'assessment.read',
  'assessment.record',
  'assessment.amend',
  'selfreport.send',
  'safety.read',
  'safety.resolve',
  'schedule.read',
  'schedule.manage',
  // Scheduling (docs/scheduling.md).
  /** The calendar: day and week views, free slots, a patient's appointments. */
  'appointment.read',
  /** Book, reschedule and cancel appointments and series; reminder opt-out. */
  'appointment.book',
  /** Check-in, in chair, recovery, completed, no-show. */
  'appointment.status',
  /** Rooms and chairs, staff hours and time off, closures, appointment types. */
  'scheduling.configure',
  /** One's own private calendar feed. */
  'calendar.feed',
  // Intake, eligibility and consent (docs/intake-and-consent.md).
  /** Intake answers, medications, screening results, decisions, readiness: clinical, so clinicians. */
  'intake.read',
  'intake.record',
  /**
   * Send the patient a single-use link to the intake or a consent form (or open it on a tablet in kiosk
   * mode); list and cancel links. Sending shows nothing of the answers, so the front desk may.
   */
  'intake.send',
  /** The physician's eligibility decision. */
  'eligibility.decide',
  /** Consent forms and a patient's consent status (the front desk handles the paperwork). */
  'consent.read',
  /** The patient signs at a clinic tablet; a withdrawal is recorded. */
  'consent.collect',
  'consent.countersign',
  // The treatment session (docs/infusion-session.md).
  /** Check a patient in for a session (front desk too). */
  'session.checkin',
  /** The chair board: today's sessions with names, state, vitals due and alerts (no chart). */
  'session.board',
  /** A session's chart: checklist, dose, vitals, scales, events, note. Clinicians only. */
  'session.read',
  /** Chart entries; physician-only steps (BP decision, ending otherwise, co-signing) are the rules'. */
  'session.chart',
  // The SPRAVATO REMS (docs/spravato-rems.md).
  /** A patient's REMS enrolment and the setting's certification status (front desk too: paperwork). */
  'rems.read',
  /** Record a patient's enrolment (or that they are not enrolled). */
  'rems.enrol',
  /** Record the setting's certification and load a new version of the monitoring form. */
  'rems.certify',
  /** Patient Monitoring Forms: complete, print, mark submitted; the list of forms due. */
  'rems.forms',
  // Protocols and dosing (docs/dosing.md).
  'protocol.read',
  'protocol.manage',
  'dose.read',
  'dose.calculate',
  'dose.order',
  'dose.verify',
  // The controlled-substance ledger (docs/controlled-substance-ledger.md).
  /** Registrations, locations, products, containers and balances, discrepancies (no patient data). */
  'ledger.read',
  /** Receive and confirm stock, open, administer, waste, transfer, return, expire, adjust, correct, count. */
  'ledger.record',
  /** Be the second licensed person who witnesses a waste or an adjustment (checked on the witness). */
  'ledger.witness',
  /** DEA registrations, storage locations and the product catalogue. */
  'ledger.manage',
  /** The administration log (patient names and addresses) and the perpetual log. */
  'ledger.reports',
  /** Investigate a discrepancy, resolve it, or judge a loss significant (starts the DEA clocks). */
  'ledger.discrepancy',
] as const;
export type Action = (typeof actions)[number];

const patientCare: Action[] = [
  'patient.search',
  'patient.read',
  'patient.create',
  'patient.update',
  'patient.history',
];
/** Reading and changing the clinical part of the record (see patientFieldGroupAccess). */
const patientClinical: Action[] = ['patient.read-clinical', 'patient.update-clinical'];

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

/**
 * Scheduling: the front desk books; clinicians read the calendar and move patients through the day
 * (check-in to completed); administrators keep the resources and types. Everyone may have a feed.
 */
const schedulingFrontDesk: Action[] = [
  'appointment.read',
  'appointment.book',
  'appointment.status',
  'calendar.feed',
];
const schedulingClinician: Action[] = ['appointment.read', 'appointment.status', 'calendar.feed'];
/**
 * Intake and consent: nurses and physicians record intake and run screening, only physicians decide
 * eligibility; the front desk collects consent signatures but never reads the clinical intake.
 */
const intakeNurse: Action[] = [
  'intake.read',
  'intake.record',
  'intake.send',
  'consent.read',
  'consent.collect',
  'consent.countersign',
];
const intakePhysician: Action[] = [...intakeNurse, 'eligibility.decide'];
const consentFrontDesk: Action[] = ['consent.read', 'consent.collect', 'intake.send'];
/** The session: clinicians chart; the front desk checks patients in and sees the board, not the chart. */
const sessionClinician: Action[] = ['session.checkin', 'session.board', 'session.read', 'session.chart'];
const sessionFrontDesk: Action[] = ['session.checkin', 'session.board', 'rems.read'];
/** REMS: clinicians enrol patients and file the monitoring forms; a physician or the owner certifies. */
const remsNurse: Action[] = ['rems.read', 'rems.enrol', 'rems.forms'];
const remsPhysician: Action[] = [...remsNurse, 'rems.certify'];

/**
 * The ledger: licensed clinicians handle stock and witness; an administrator without a licence keeps the
 * registrations, locations and catalogue, sees balances and discrepancies and closes them, but neither
 * handles stock, witnesses, nor reads the administration log with patients' names. The front desk has no
 * part in it. Physicians (the registrant) do all of it.
 */
const ledgerNurse: Action[] = ['ledger.read', 'ledger.record', 'ledger.witness', 'ledger.reports'];
const ledgerPhysician: Action[] = [...ledgerNurse, 'ledger.manage', 'ledger.discrepancy'];
const ledgerAdmin: Action[] = ['ledger.read', 'ledger.manage', 'ledger.discrepancy'];

/** Every signed-in person may change their own password (after re-authenticating). */
const ownAccount: Action[] = ['account.password'];

export const permissionTable: Record<StaffRole, readonly Action[]> = {
  // Clinic owners administer accounts, settings and the audit trail, and see the registry.
  admin: [
    ...ownAccount,
    ...patientCare,
    ...patientClinical,
    'patient.deactivate',
    'user.read',
    'user.manage',
    'session.revoke',
    'audit.read',
    'clinic.settings.read',
    'clinic.settings.update',
    'enquiry.read',
    'enquiry.update',
    'outbox.read',
    'outbox.retry',
    'schedule.read',
    'protocol.read',
    'protocol.manage',
    'appointment.read',
    'scheduling.configure',
    'calendar.feed',
    'rems.read',
    'rems.certify',
    ...ledgerAdmin,
  ],
  physician: [
    ...ownAccount,
    ...patientCare,
    ...patientClinical,
    'patient.deactivate',
    'user.read',
    'clinic.settings.read',
    'enquiry.read',
    ...measurementClinician,
    ...dosingPhysician,
    ...schedulingClinician,
    ...intakePhysician,
    ...sessionClinician,
    ...remsPhysician,
    ...ledgerPhysician,
  ],
  nurse: [
    ...ownAccount,
    ...patientCare,
    ...patientClinical,
    'user.read',
    'clinic.settings.read',
    'enquiry.read',
    ...measurementClinician,
    ...dosingNurse,
    ...schedulingClinician,
    ...intakeNurse,
    ...sessionClinician,
    ...remsNurse,
    ...ledgerNurse,
  ],
  // Front desk registers and finds patients, keeps demographics and contacts current and answers
  // site enquiries; it neither sees nor changes diagnoses and alerts, nor moves the care status.
  front_desk: [
    ...ownAccount,
    ...patientCare,
    'clinic.settings.read',
    'enquiry.read',
    'enquiry.update',
    ...measurementFrontDesk,
    ...schedulingFrontDesk,
    ...consentFrontDesk,
    ...sessionFrontDesk,
  ],
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (staffRoles as readonly string[]).includes(value);
}

export function can(role: StaffRole, action: Action): boolean {
  return permissionTable[role].includes(action);
}

/**
 * Minimum necessary inside the patient record (45 CFR 164.502(b), 164.514(d); ASVS 8.2.3 field-level
 * access): the action a role needs to read, and to change, each group of fields
 * (src/domain/patients/patient-field-groups.ts says which field is in which group).
 *
 * The front desk books visits, so it sees the care status (which visit to book) but not the
 * diagnoses or alerts behind it.
 */
export const patientFieldGroupAccess: Record<PatientFieldGroup, { read: Action; change: Action }> = {
  // Names, birth date, sex at birth, gender identity, pronouns.
  identity: { read: 'patient.read', change: 'patient.update' },
  // Phone, email, address, emergency contact, referring clinician.
  contact: { read: 'patient.read', change: 'patient.update' },
  'care-status': { read: 'patient.read', change: 'patient.update-clinical' },
  // Conditions (diagnoses) and clinical alerts.
  clinical: { read: 'patient.read-clinical', change: 'patient.update-clinical' },
};

/** Of the named fields, those the role may not change (in the order given); other names are ignored. */
export function patientFieldsRoleMayNotChange(
  role: StaffRole,
  fields: readonly string[],
): PatientFieldName[] {
  return fields
    .filter(isPatientFieldName)
    .filter((field) => !can(role, patientFieldGroupAccess[patientFieldGroupOf[field]].change));
}

/** The record's fields the role may not read: they are left out of what it is sent. */
export function patientFieldsHiddenFrom(role: StaffRole): PatientFieldName[] {
  return patientFieldGroups
    .filter((group) => !can(role, patientFieldGroupAccess[group].read))
    .flatMap((group) => patientFieldsIn(group));
}
