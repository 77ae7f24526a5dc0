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

/** An instant as the API sends it: an ISO 8601 date-time in UTC. */
export const isoInstant = z.iso.datetime({ offset: true });
