/**
 * Public API of the SPRAVATO REMS: the Patient Monitoring Form as a versioned template, filled from the
 * chart, with the items staff complete checked; the 7-day deadline; the device rules of an esketamine
 * session (28 mg each, 5 minutes apart, matching the order).
 */
export * from './pmf-template.js';
export {
  checkStaffValues,
  fillPmf,
  missingItems,
  type FilledItem,
  type PmfChart,
  type PmfValue,
} from './fill-pmf.js';
export { daysLeft, formDueOn, formDueStatus, type FormDueStatus } from './rems-deadline.js';
export { MG_PER_DEVICE, deviceProblems, devicesComplete, type DeviceTaken } from './devices.js';
