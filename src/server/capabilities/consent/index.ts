/** Informed consent: versioned templates, signing, countersigning with the PDF, withdrawal. */
export { consentRoutes } from './consent.routes.js';
export { addDefaultConsentTemplates, consentStatusFor } from './consent.service.js';
/** For the patient's own form link: the form they read and the same signature rules as at the clinic. */
export {
  currentTemplateOf,
  recordPatientSignature,
  renderedTextFor,
  type PatientSignature,
} from './consent.service.js';
