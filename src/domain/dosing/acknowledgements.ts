import type { Acknowledgement, HardStop } from './dose-types';

/**
 * An acknowledgement lifts the one hard stop it answers: the clinician ticked it and wrote why. The reason
 * is stored with the dose (in its inputs) and repeated in the warning the dose carries.
 */

/** As short as the reasons the dose service asks for elsewhere (cancel, amend). */
export const MIN_REASON_LENGTH = 3;

export type AcknowledgementState = { given: true; reason: string } | { given: false; stop: HardStop };

/**
 * Whether `ack` answers the stop `unanswered`. A box ticked without a reason is a stop of its own that names
 * the reason field, so the form shows the message where the reason is typed.
 */
export function acknowledgementOf(
  ack: Acknowledgement | undefined,
  unanswered: HardStop,
): AcknowledgementState {
  if (!ack || ack.acknowledged !== true) return { given: false, stop: unanswered };
  const reason = typeof ack.reason === 'string' ? ack.reason.trim() : '';
  if (reason.length < MIN_REASON_LENGTH)
    return {
      given: false,
      stop: {
        code: 'reason-required',
        field: `${unanswered.field}.reason`,
        message: `give the reason for going ahead (at least ${MIN_REASON_LENGTH} characters)`,
      },
    };
  return { given: true, reason };
}
