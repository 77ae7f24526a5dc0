import type { SessionStateName } from '../../../contracts/session';
import { formatDateTime } from '../format';
import type { BoardItem, SessionView } from './session-api';

/** Words for the session's states, kinds, actions and vitals timing, shared by the page and the board. */

export const stateLabels: Record<SessionStateName, string> = {
  checked_in: 'Checked in',
  checklist_done: 'Checklist done',
  infusing: 'Infusing',
  paused: 'Paused',
  recovery: 'Recovery',
  discharged: 'Discharged',
  ended_early: 'Ended early',
  transferred_out: 'Transferred out',
  note_signed: 'Note signed',
};

export const kindLabels: Record<SessionView['kind'], string> = {
  iv_ketamine: 'IV ketamine',
  esketamine: 'Esketamine',
};

/** The timing of the next vitals, as the board and the header say it (never by colour alone). */
export type VitalsTiming = BoardItem['vitalsStatus'] | 'upcoming';

export const timingLabels: Record<VitalsTiming, string> = {
  none: 'No vitals due',
  upcoming: 'Due',
  on_time: 'On time',
  due: 'Due now',
  late: 'Late',
  missed: 'Missed',
};

/** When the infusion started (the first device for esketamine); null before it. */
export function infusionStartedAt(view: Pick<SessionView, 'startedAt'>): string | null {
  return view.startedAt;
}

/** Whole minutes from an instant to now (never negative: a device clock may run a little behind). */
export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}

/** How the next vitals stand: the status of the slot due next, or none when nothing is due. */
export function nextVitalsTiming(schedule: SessionView['schedule']): VitalsTiming {
  if (!schedule.nextDue) return 'none';
  const slot = schedule.slots.find((s) => s.due === schedule.nextDue);
  const status = slot?.status ?? 'upcoming';
  return status in timingLabels ? (status as VitalsTiming) : 'upcoming';
}

/** "Due 10:40 (late)" — the time and the word, for a header or a board card. */
export function nextVitalsText(nextDue: string | null, timing: VitalsTiming): string {
  if (!nextDue) return timingLabels.none;
  return `${formatDateTime(nextDue)} (${timingLabels[timing].toLowerCase()})`;
}

/** A session action's button label. */
export const actionLabels: Record<string, string> = {
  complete_checklist: 'Complete checklist',
  start: 'Start infusion',
  pause: 'Pause infusion',
  resume: 'Resume infusion',
  change_rate: 'Change rate',
  stop: 'Stop infusion',
  discharge: 'Discharge',
  end_early: 'End session early',
  transfer_out: 'Transfer out',
};

/** Where esketamine differs: the start is the first device, and administration ends rather than an infusion. */
const esketamineActionLabels: Record<string, string> = {
  start: 'Record first device',
  stop: 'End administration',
};

/** A session action's button label for the session's kind. */
export function actionLabel(kind: SessionView['kind'], action: string): string {
  const label = (kind === 'esketamine' ? esketamineActionLabels[action] : undefined) ?? actionLabels[action];
  return label ?? action.replace(/_/g, ' ');
}

/** The discharge criteria by name; an unknown one is shown as the server sends it. */
const criterionLabels: Record<string, string> = {
  aldrete: 'Modified Aldrete score',
  escort: 'Escort present',
  instructions: 'Written instructions given',
  'minimum-observation': 'Minimum observation time',
  'clinician-judgment': 'Clinician’s judgement',
};

export const criterionLabel = (id: string) => criterionLabels[id] ?? id.replace(/[-_]/g, ' ');
