import type { InstrumentId } from '../instruments/index.js';
import { sessionKindProfile } from './session-kinds.js';
import { MINUTE_MS, type SessionKind } from './session-types.js';

/**
 * When vital signs and scales fall due, and whether each was taken on time. IV ketamine: every 10 minutes
 * while the infusion runs (a pause is still part of it) and every 15 minutes after it stops
 * (docs/clinical-sources.md#in-session-monitoring; clinic setting `vitalsCadence`). Esketamine: at about
 * 40 minutes after the first device, and once more before the patient leaves.
 *
 * Due times sit on a fixed grid from the start (or the stop), not from the last reading, so one late
 * reading does not push every later one back. A reading counts for the slot whose window holds it: from
 * `grace` before its due time up to `grace` before the next one. Taken within `grace` after the due time
 * it is on time; later, it is late (amber). A slot with no reading is late once `grace` has passed and
 * missed (red) once the interval has passed, which is also when the next slot falls due.
 */

export interface CadenceSettings {
  ivDuringMinutes: number;
  ivAfterMinutes: number;
  graceMinutes: number;
}

/** The times that set the schedule. */
export interface SessionTimes {
  /** The infusion started (IV) or the first device was taken (esketamine). */
  startedAt: number;
  /** The infusion stopped; null while it runs. Pauses do not change the cadence. */
  stoppedAt: number | null;
  /** Discharge or another end; null while the patient is in the clinic. */
  endedAt: number | null;
}

export type SlotStatus = 'upcoming' | 'due' | 'on_time' | 'late' | 'missed';

export interface Slot {
  due: number;
  /** A reading taken later than due + lateAfter is late; none by then shows amber. */
  lateAfter: number;
  /** With no reading by due + missedAfter the slot is missed (red). */
  missedAfter: number;
  phase: 'during' | 'after' | 'fixed';
}

export interface SlotResult extends Slot {
  status: SlotStatus;
  takenAt: number | null;
}

export interface Schedule {
  slots: SlotResult[];
  /** The due time of the first slot still open (due, late or upcoming); null when none is left. */
  nextDue: number | null;
  /** Esketamine: a reading is also due before the patient leaves. */
  beforeDischarge: boolean;
}

/**
 * Due times every `everyMs` after `from`: up to `lastAllowed` inclusive, or, while the session goes on
 * (`lastAllowed` null), up to and including the first one after `now`, so that the next due time is known.
 */
function dueTimes(from: number, everyMs: number, lastAllowed: number | null, now: number): number[] {
  if (!(everyMs > 0)) throw new RangeError('the interval must be positive');
  const out: number[] = [];
  for (let t = from + everyMs; ; t += everyMs) {
    const last = out[out.length - 1];
    if (lastAllowed !== null ? t > lastAllowed : last !== undefined && last > now) break;
    out.push(t);
  }
  return out;
}

/** The slots of an IV session: during the infusion (a reading at the stop included), then after it. */
function infusionSlots(times: SessionTimes, s: CadenceSettings, now: number): Slot[] {
  const grace = s.graceMinutes * MINUTE_MS;
  const during = s.ivDuringMinutes * MINUTE_MS;
  const after = s.ivAfterMinutes * MINUTE_MS;
  const { startedAt, stoppedAt, endedAt } = times;
  const duringSlots = dueTimes(startedAt, during, stoppedAt ?? endedAt, now).map((due): Slot => ({
    due,
    lateAfter: grace,
    missedAfter: during,
    phase: 'during',
  }));
  if (stoppedAt === null) return duringSlots;
  const afterSlots = dueTimes(stoppedAt, after, endedAt, now).map((due): Slot => ({
    due,
    lateAfter: grace,
    missedAfter: after,
    phase: 'after',
  }));
  return duringSlots.concat(afterSlots);
}

function fixedSlots(
  times: SessionTimes,
  atMinutes: readonly number[],
  lateAfterMinutes: number,
  grace: number,
): Slot[] {
  return atMinutes.map((m, i) => ({
    due: times.startedAt + m * MINUTE_MS,
    lateAfter: grace,
    missedAfter: (atMinutes[i + 1] !== undefined ? atMinutes[i + 1]! - m : lateAfterMinutes) * MINUTE_MS,
    phase: 'fixed' as const,
  }));
}

/** Give each slot its reading (the first in its window) and its status at `now`. */
export function classifySlots(slots: readonly Slot[], takenAt: readonly number[], now: number): SlotResult[] {
  const sorted = [...takenAt].sort((a, b) => a - b);
  return slots.map((slot, i) => {
    const opens = slot.due - slot.lateAfter;
    const next = slots[i + 1];
    const closes = next ? next.due - next.lateAfter : slot.due + slot.missedAfter;
    const taken = sorted.find((t) => t >= opens && t < closes && t <= now) ?? null;
    return { ...slot, takenAt: taken, status: statusOf(slot, taken, now) };
  });
}

function statusOf(slot: Slot, taken: number | null, now: number): SlotStatus {
  if (taken !== null) return taken - slot.due > slot.lateAfter ? 'late' : 'on_time';
  const overdue = now - slot.due;
  if (overdue < 0) return 'upcoming';
  if (overdue <= slot.lateAfter) return 'due';
  return overdue <= slot.missedAfter ? 'late' : 'missed';
}

function nextDueOf(slots: readonly SlotResult[]): number | null {
  const open = slots.find((s) => s.takenAt === null && s.status !== 'missed');
  return open ? open.due : null;
}

/** The vital-signs schedule of a session at `now`, with the times readings were taken. */
export function vitalsSchedule(
  kind: SessionKind,
  times: SessionTimes,
  takenAt: readonly number[],
  settings: CadenceSettings,
  now: number,
): Schedule {
  const plan = sessionKindProfile(kind).vitals;
  const grace = settings.graceMinutes * MINUTE_MS;
  const slots =
    plan.kind === 'infusion'
      ? infusionSlots(times, settings, now)
      : fixedSlots(times, plan.atMinutes, plan.lateAfterMinutes, grace);
  const classified = classifySlots(slots, takenAt, now);
  return {
    slots: classified,
    nextDue: nextDueOf(classified),
    beforeDischarge: plan.kind === 'after-first-dose' && plan.beforeDischarge,
  };
}

/** When a scale falls due: minutes after the start, at the end of the infusion, with each vitals slot during it, or once recovery begins. */
export type ScaleTiming =
  | { at: 'minutes-after-start'; minutes: number }
  | { at: 'infusion-end' }
  | { at: 'with-vitals-during-infusion' }
  | { at: 'recovery' };

export interface ScaleRule {
  instrument: InstrumentId | 'moaas';
  timing: ScaleTiming;
}

/**
 * The scales an IV session schedules: CADSS-6 at 40 minutes (the blood-pressure peak of the standard
 * 40-minute infusion, docs/clinical-sources.md#blood-pressure) and at the end of the infusion
 * (docs/clinical-sources.md#cadss); MOAA/S with each set of vital signs during the infusion
 * (docs/clinical-sources.md#moaas); the modified Aldrete once recovery begins
 * (docs/clinical-sources.md#aldrete-score). Esketamine scales are left to its own plan.
 */
export const SCALE_SCHEDULES: Readonly<Record<SessionKind, readonly ScaleRule[]>> = {
  iv_ketamine: [
    { instrument: 'cadss6', timing: { at: 'minutes-after-start', minutes: 40 } },
    { instrument: 'cadss6', timing: { at: 'infusion-end' } },
    { instrument: 'moaas', timing: { at: 'with-vitals-during-infusion' } },
    { instrument: 'aldrete', timing: { at: 'recovery' } },
  ],
  esketamine: [],
};

function scaleDueTimes(rule: ScaleRule, times: SessionTimes, vitals: readonly Slot[]): number[] {
  const t = rule.timing;
  switch (t.at) {
    case 'minutes-after-start': {
      const due = times.startedAt + t.minutes * MINUTE_MS;
      // Not due if the infusion ended before it.
      return times.stoppedAt !== null && due > times.stoppedAt ? [] : [due];
    }
    case 'infusion-end':
    case 'recovery':
      return times.stoppedAt === null ? [] : [times.stoppedAt];
    case 'with-vitals-during-infusion':
      return vitals.filter((s) => s.phase === 'during').map((s) => s.due);
  }
}

export interface ScaleScheduleEntry {
  instrument: ScaleRule['instrument'];
  slots: SlotResult[];
  nextDue: number | null;
}

/**
 * The scales of a session at `now`, per instrument, from the times each was scored. A scale's slot stays
 * open until the next slot of the same instrument (or one interval) and uses the vitals grace.
 */
export function scaleSchedule(
  kind: SessionKind,
  times: SessionTimes,
  scoredAt: Readonly<Partial<Record<ScaleRule['instrument'], readonly number[]>>>,
  settings: CadenceSettings,
  now: number,
): ScaleScheduleEntry[] {
  const vitals = vitalsSchedule(kind, times, [], settings, now).slots;
  const grace = settings.graceMinutes * MINUTE_MS;
  const byInstrument = new Map<ScaleRule['instrument'], Slot[]>();
  for (const rule of SCALE_SCHEDULES[kind]) {
    // A recovery scale has the recovery interval to be done in; the others the infusion interval.
    const every = rule.timing.at === 'recovery' ? settings.ivAfterMinutes : settings.ivDuringMinutes;
    const slots = scaleDueTimes(rule, times, vitals).map((due): Slot => ({
      due,
      lateAfter: grace,
      missedAfter: every * MINUTE_MS,
      phase: 'fixed',
    }));
    byInstrument.set(rule.instrument, (byInstrument.get(rule.instrument) ?? []).concat(slots));
  }
  return [...byInstrument].map(([instrument, all]) => {
    // Two rules may fall due at once (the 40-minute CADSS-6 of a 40-minute infusion): keep one slot.
    const slots = all
      .filter((s, i) => all.findIndex((o) => o.due === s.due) === i)
      .sort((a, b) => a.due - b.due);
    const classified = classifySlots(slots, scoredAt[instrument] ?? [], now);
    return { instrument, slots: classified, nextDue: nextDueOf(classified) };
  });
}
