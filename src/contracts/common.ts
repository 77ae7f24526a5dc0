import { z } from 'zod';

/**
 * Pieces shared by several contracts. Keep this file small and stable: every contract may import it.
 */

/** A page of a longer list: how many match in all, and this page's items. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int().min(0), items: z.array(item) });
}

/** A whole (short) list: every item at once, no paging. */
export function itemList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface ItemList<T> {
  items: T[];
}

/**
 * The years a date or instant in Arbor may fall in. Nothing a clinic records (a visit, a receipt, a
 * registration's expiry, a closure) lies outside them, and keeping to them means every date the server
 * derives from one (a deadline, a warning window) stays a date PostgreSQL and the contracts accept — the
 * ISO pattern alone admits the year 0000, which neither the calendar nor PostgreSQL has.
 */
export const earliestYear = 1900;
export const latestYear = 2199;

function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= earliestYear && year <= latestYear;
}

/** An instant as the API sends it: an ISO 8601 date-time with its offset. */
export const isoInstant = z.iso
  .datetime({ offset: true })
  .refine(yearInRange, `must be an instant between the years ${earliestYear} and ${latestYear}`);

/** A calendar date as YYYY-MM-DD. */
export const calendarDate = z.iso
  .date()
  .refine(yearInRange, `must be a date between ${earliestYear}-01-01 and ${latestYear}-12-31`);
