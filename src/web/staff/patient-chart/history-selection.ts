import type { PatientHistoryEntry } from '../../../contracts/patients';

/** The server names who saved each version, whatever the reader's role may see of the staff list. */
export function savedBy(entry: PatientHistoryEntry): string {
  if (entry.changedByLabel) return entry.changedByLabel;
  return entry.changedBy ? `Staff ${entry.changedBy.slice(0, 8)}` : 'System';
}

/**
 * The version to show (the chosen one, else the newest, as the list is newest first) and the one
 * before it to compare with, if it is in the list.
 */
export function selectVersion(
  items: readonly PatientHistoryEntry[],
  selected: number | undefined,
): { chosen: PatientHistoryEntry | undefined; previous: PatientHistoryEntry | undefined } {
  const chosen = items.find((e) => e.version === selected) ?? items[0];
  const previous = chosen ? items.find((e) => e.version === chosen.version - 1) : undefined;
  return { chosen, previous };
}
