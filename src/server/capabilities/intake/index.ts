/** Intake, medications, contraindication screening, eligibility decisions and pre-infusion readiness. */
export { intakeRoutes } from './intake.routes.js';
export { readinessFor } from './screening.service.js';
/** For the patient's own form link: the same checks and revisions as a staff save. */
export {
  checkIntakeAnswers,
  checkMedications,
  currentIntakeAnswers,
  currentMedications,
  recordIntakeRevision,
  recordMedicationList,
} from './intake.service.js';
