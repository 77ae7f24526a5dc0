/**
 * Public API of scheduling: open hours, free slots, nurse capacity, induction courses, the appointment
 * status machine, default appointment types and reminders. Instants are epoch milliseconds; local times
 * go through src/domain/clinic's clinic-time helpers, so daylight-saving changes keep wall-clock times.
 */
export * from './scheduling-types.js';
export { openIntervals } from './open-intervals.js';
export { mergeIntervals, subtractIntervals } from './intervals.js';
export { nurseCapacityCheck, type NurseCapacityInput, type NurseCapacityResult } from './nurse-capacity.js';
export {
  checkSlotContext,
  checkSlotRequest,
  checkWeeklyHours,
  MAX_SEARCH_DAYS,
} from './check-slot-request.js';
export { createSlotSearch, findSlots, type FoundSlot, type SlotSearch } from './find-slots.js';
export { checkSeriesRules, checkSeriesRuleValues } from './series-rules.js';
export { FIRST_SESSION_DAYS, proposeSeries } from './propose-series.js';
export { shiftSeries, type SeriesAppointment } from './shift-series.js';
export * from './appointment-status.js';
export * from './default-appointment-types.js';
export * from './reminders.js';
export { placeAppointment, type Placement, type PlacementRequest } from './place-appointment.js';
