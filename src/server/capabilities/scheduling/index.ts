/**
 * Scheduling: rooms and chairs, staff hours, appointment types, booking without double booking,
 * induction series, reminders and calendar feeds (docs/scheduling.md).
 */
export { schedulingRoutes } from './scheduling.routes.js';
export { sendDueReminders } from './reminders.service.js';
export { addDefaultTypes } from './resources.service.js';
export {
  bookAppointment,
  bookSeries,
  changeAppointmentStatus,
  followTreatmentSession,
} from './booking.service.js';
export { proposeCourse } from './calendar-read.service.js';
