import type { SlotView } from '../../../contracts/scheduling';
import { datePart } from './wall-time';

/** Free slots by clinic day, each day's in time order, days in order. */
export function groupSlotsByDay<T extends Pick<SlotView, 'localStart'>>(
  slots: readonly T[],
): { date: string; slots: T[] }[] {
  const days = new Map<string, T[]>();
  for (const slot of [...slots].sort((a, b) => a.localStart.localeCompare(b.localStart))) {
    const date = datePart(slot.localStart);
    days.set(date, [...(days.get(date) ?? []), slot]);
  }
  return [...days.entries()].map(([date, list]) => ({ date, slots: list }));
}

export const weekdayNames = [
  { value: 1, short: 'Mon', long: 'Monday' },
  { value: 2, short: 'Tue', long: 'Tuesday' },
  { value: 3, short: 'Wed', long: 'Wednesday' },
  { value: 4, short: 'Thu', long: 'Thursday' },
  { value: 5, short: 'Fri', long: 'Friday' },
  { value: 6, short: 'Sat', long: 'Saturday' },
  { value: 7, short: 'Sun', long: 'Sunday' },
] as const;

/** A weekday number toggled in or out of a sorted list. */
export function toggleWeekday(list: readonly number[], day: number, on: boolean): number[] {
  const set = new Set(list);
  if (on) set.add(day);
  else set.delete(day);
  return [...set].sort((a, b) => a - b);
}

export type PartOfDay = 'Morning' | 'Afternoon' | 'Evening';

/** Morning before 12:00, afternoon until 17:00, evening after: a day's many free times in three rows. */
export function byPartOfDay<T extends Pick<SlotView, 'localStart'>>(
  slots: readonly T[],
): { part: PartOfDay; slots: T[] }[] {
  const parts: { part: PartOfDay; slots: T[] }[] = [
    { part: 'Morning', slots: [] },
    { part: 'Afternoon', slots: [] },
    { part: 'Evening', slots: [] },
  ];
  for (const slot of slots) {
    const hour = Number(slot.localStart.slice(11, 13));
    parts[hour < 12 ? 0 : hour < 17 ? 1 : 2]!.slots.push(slot);
  }
  return parts.filter((p) => p.slots.length > 0);
}
