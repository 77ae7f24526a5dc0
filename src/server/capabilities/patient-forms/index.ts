/** The patient's own intake and consent forms through single-use links (phone or clinic tablet). */
export { patientFormRoutes } from './patient-forms.routes.js';
