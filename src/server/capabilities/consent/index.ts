/** Informed consent: versioned templates, signing, countersigning with the PDF, withdrawal. */
export { consentRoutes } from './consent.routes.js';
export { addDefaultConsentTemplates, consentStatusFor } from './consent.service.js';
