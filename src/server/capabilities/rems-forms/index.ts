/** SPRAVATO REMS Patient Monitoring Forms: filled from the session, completed, printed, submitted, reminded. */
export { remsFormRoutes } from './rems-forms.routes.js';
export { sendRemsFormReminders } from './rems-form-reminders.js';
