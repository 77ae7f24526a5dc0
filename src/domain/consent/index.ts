/**
 * Public API of informed consent: the default consent templates (IV ketamine, SPRAVATO), the exact text
 * a patient reads and signs (its UTF-8 bytes are what the server hashes), template checks and versions,
 * the status of a signed consent, and the checks on an electronic signature with the ESIGN disclosure.
 */
export * from './consent-types.js';
export { DEFAULT_CONSENT_TEMPLATES } from './default-templates.js';
export {
  CONSENT_PLACEHOLDERS,
  normaliseConsentLine,
  renderConsentText,
  type ConsentNames,
} from './render.js';
export {
  CONSENT_TEMPLATE_LIMITS,
  checkConsentTemplate,
  reviseConsentTemplate,
  type ConsentTemplateEdit,
} from './check-template.js';
export {
  ESIGN_DISCLOSURE,
  ESIGN_DISCLOSURE_VERSION,
  SIGNATURE_LIMITS,
  checkSignature,
  consentStatus,
  namesMatch,
} from './consent-status.js';
