import type { SeriesProposalView, SlotView } from '../../../contracts/scheduling';
import { datePart, daysBetween } from './wall-time';

/**
 * An induction course as the front desk adjusts it before booking: the proposed sessions, any of which
 * can be swapped for another free slot, kept in time order, and the body of POST /api/appointments/series.
 */

export interface DraftSession {
  start: string;
  localStart: string;
  room: SlotView['room'];
  /** False when the proposal had to leave the patient's preferred weekdays. */
  onPreferredWeekday: boolean;
  /** Chosen by staff instead of the proposed time. */
  changed: boolean;
}

export function draftFromProposal(proposal: SeriesProposalView): DraftSession[] {
  return proposal.sessions.map((s) => ({
    start: s.start,
    localStart: s.localStart,
    room: s.room,
    onPreferredWeekday: s.onPreferredWeekday,
    changed: false,
  }));
}

/** Session `index` moved to another slot; the list is put back in time order. */
export function replaceSession(
  draft: readonly DraftSession[],
  index: number,
  slot: Pick<SlotView, 'start' | 'localStart' | 'room'>,
): DraftSession[] {
  const next = draft.map((s, i) =>
    i === index
      ? { ...s, start: slot.start, localStart: slot.localStart, room: slot.room, changed: true }
      : s,
  );
  return next.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Days since the session before ("+2 days"), for seeing the spacing at a glance. */
export function gapsInDays(draft: readonly DraftSession[]): (number | undefined)[] {
  return draft.map((s, i) =>
    i === 0 ? undefined : daysBetween(datePart(draft[i - 1]!.localStart), datePart(s.localStart)),
  );
}

export function seriesBookBody(patientId: string, typeId: string, draft: readonly DraftSession[]) {
  return {
    patientId,
    typeId,
    kind: 'induction' as const,
    sessions: draft.map((s) => (s.room ? { start: s.start, roomId: s.room.id } : { start: s.start })),
  };
}
