import type { DoseRecord } from '../../../contracts/dosing';
import type { ComputedDose, ComputedIvDose } from '../../../domain/dosing';
import type { Action } from '../../../domain/auth';
import { formatDateTime } from '../format';

/** 'Ready to administer' is not 'given': only the infusion session records that a dose was administered. */
export const DOSE_STATUS_LABEL: Record<DoseRecord['status'], string> = {
  ordered: 'Ordered — awaiting verification',
  verified: 'Verified',
  ready_to_administer: 'Ready to administer',
  administered: 'Administered',
  cancelled: 'Cancelled',
};

/** A dose event's time in the browser's locale; empty when the event has no time. */
export const doseTime = (iso: string | null | undefined) => formatDateTime(iso);

/** A pump rate, or 'IV push' for a bolus step, which has no rate. */
export function pumpRateText(dose: ComputedIvDose): string {
  return dose.pumpRateMlPerHour === null
    ? 'IV push'
    : `${dose.pumpRateMlPerHour} mL/h for ${dose.infusionTimeMin.toFixed(1)} min`;
}

export function devicesText(dose: ComputedDose): string {
  return dose.route === 'intranasal' ? `${dose.devices} × ${dose.mgPerDevice} mg` : '';
}

/**
 * Which status actions a dose card offers the signed-in person. The second-clinician rule means the
 * orderer never verifies their own dose; the server enforces all of this anyway.
 */
export function doseCardActions(dose: DoseRecord, meId: string, can: (action: Action) => boolean) {
  const ownOrder = dose.ordered.id === meId;
  return {
    canVerify: can('dose.verify') && dose.status === 'ordered' && !ownOrder,
    awaitsOtherVerifier: dose.status === 'ordered' && ownOrder && can('dose.verify'),
    canMarkReady:
      can('dose.verify') &&
      (dose.status === 'verified' || (dose.status === 'ordered' && !dose.verificationRequired)),
    canCancel: can('dose.order') && (dose.status === 'ordered' || dose.status === 'verified'),
  };
}

export type DoseCardActions = ReturnType<typeof doseCardActions>;
