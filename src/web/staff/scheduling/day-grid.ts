import type { AppointmentView, RoomView } from '../../../contracts/scheduling';
import { clockOf, datePart, daysBetween, minutesOfDay } from './wall-time';

/**
 * The day view's layout, without React: which columns (rooms) it has, which hours it spans, where each
 * appointment block sits (as fractions of the day's height) and side by side in lanes when blocks overlap.
 */

/** Minutes after the day's midnight, clinic time. */
export interface GridRange {
  start: number;
  end: number;
}

/** The rows are 15 minutes; the default hours when nothing is booked outside them. */
export const ROW_MINUTES = 15;
export const DEFAULT_RANGE: GridRange = { start: 7 * 60, end: 20 * 60 };

type Timed = Pick<AppointmentView, 'localStart' | 'localEnd'>;

/** A wall time's minutes from the start of `date` (a time on the next day is past 1440), kept within the day. */
export function minutesOn(date: string, local: string): number {
  const minutes = daysBetween(date, datePart(local)) * 1440 + minutesOfDay(local);
  return Math.min(1440, Math.max(0, minutes));
}

/** 07:00–20:00, widened to whole hours to show every appointment of the day. */
export function gridRange(
  items: readonly Timed[],
  date: string,
  fallback: GridRange = DEFAULT_RANGE,
): GridRange {
  let { start, end } = fallback;
  for (const item of items) {
    start = Math.min(start, Math.floor(minutesOn(date, item.localStart) / 60) * 60);
    end = Math.max(end, Math.ceil(minutesOn(date, item.localEnd) / 60) * 60);
  }
  return { start, end: Math.max(end, start + 60) };
}

export const rowCount = (range: GridRange): number => Math.ceil((range.end - range.start) / ROW_MINUTES);

/** A block's top and height as fractions (0–1) of the grid's height; at least one row tall. */
export function blockBox(item: Timed, date: string, range: GridRange): { top: number; height: number } {
  const span = range.end - range.start;
  const start = Math.max(range.start, minutesOn(date, item.localStart));
  const end = Math.min(range.end, Math.max(minutesOn(date, item.localEnd), start + ROW_MINUTES));
  return { top: (start - range.start) / span, height: (end - start) / span };
}

/** Where "now" sits as a fraction of the grid's height, or undefined outside the hours shown. */
export function nowOffset(clock: string, range: GridRange): number | undefined {
  const minutes = minutesOfDay(clock);
  if (minutes < range.start || minutes > range.end) return undefined;
  return (minutes - range.start) / (range.end - range.start);
}

/** The hour lines: "07:00" at 0, "08:00" at 1/13… */
export function hourMarks(range: GridRange): { clock: string; offset: number }[] {
  const marks = [];
  for (let m = Math.ceil(range.start / 60) * 60; m < range.end; m += 60) {
    marks.push({ clock: clockOf(m), offset: (m - range.start) / (range.end - range.start) });
  }
  return marks;
}

export interface Lane {
  lane: number;
  lanes: number;
}

/**
 * Side-by-side lanes for blocks that overlap in time (in one room that is a no-show beside its
 * replacement, or a clinician's video visits): each group of overlapping blocks shares the width, and
 * each block takes the first lane free at its start.
 */
export function assignLanes<T extends Timed & { id: string }>(items: readonly T[]): Map<string, Lane> {
  const sorted = [...items].sort(
    (a, b) => a.localStart.localeCompare(b.localStart) || a.localEnd.localeCompare(b.localEnd),
  );
  const result = new Map<string, Lane>();
  let group: { id: string; lane: number }[] = [];
  let laneEnds: string[] = [];
  let groupEnd = '';
  const close = () => {
    for (const g of group) result.set(g.id, { lane: g.lane, lanes: laneEnds.length });
    group = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (group.length > 0 && item.localStart >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.localStart);
    if (lane === -1) lane = laneEnds.push(item.localEnd) - 1;
    else laneEnds[lane] = item.localEnd;
    group.push({ id: item.id, lane });
    groupEnd = group.length === 1 || item.localEnd > groupEnd ? item.localEnd : groupEnd;
  }
  close();
  return result;
}

export interface DayColumn {
  /** A room's id, or '' for appointments without a room (video visits). */
  key: string;
  label: string;
  items: AppointmentView[];
}

/**
 * One column per room in use (in the clinic's order), plus a room out of use that still has appointments
 * that day, plus "No room" for video visits. Each column's appointments are in time order.
 */
export function dayColumns(rooms: readonly RoomView[], items: readonly AppointmentView[]): DayColumn[] {
  const used = new Set(items.map((a) => a.room?.id ?? ''));
  const ordered = [...rooms]
    .filter((r) => r.active || used.has(r.id))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
  const columns: DayColumn[] = ordered.map((r) => ({
    key: r.id,
    label: r.active ? r.name : `${r.name} (out of use)`,
    items: [],
  }));
  const byKey = new Map(columns.map((c) => [c.key, c]));
  for (const item of [...items].sort((a, b) => a.localStart.localeCompare(b.localStart))) {
    const key = item.room?.id ?? '';
    let column = byKey.get(key);
    if (!column) {
      column = { key, label: item.room?.label ?? 'No room (video)', items: [] };
      byKey.set(key, column);
      columns.push(column);
    }
    column.items.push(item);
  }
  return columns;
}
