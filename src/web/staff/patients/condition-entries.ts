import { conditionCatalog, isWellFormedIcd10, type ConditionCode } from '../../../domain/patients';
import type { ConditionEntry } from './patient-form-model';

const groupLabels: Record<ConditionCode['group'], string> = {
  depression: 'Depression',
  anxiety: 'Anxiety',
  ptsd: 'PTSD',
  pain: 'Pain',
  other: 'Other',
};
const groups = Object.keys(groupLabels) as ConditionCode['group'][];

export interface CatalogGroup {
  group: ConditionCode['group'];
  label: string;
  entries: readonly ConditionCode[];
}

/** The catalog in the order the picker shows it: one labelled group after another. */
export const catalogGroups: readonly CatalogGroup[] = groups.map((group) => ({
  group,
  label: groupLabels[group],
  entries: conditionCatalog.filter((c) => c.group === group),
}));

/** Codes compare without regard to case, as staff type them either way. */
export function hasCondition(conditions: readonly ConditionEntry[], code: string): boolean {
  return conditions.some((c) => c.code.toUpperCase() === code.toUpperCase());
}

/** A new, still-active condition with no onset date yet. */
export function newCondition(code: string, display: string): ConditionEntry {
  return { code, display, onsetDate: '', status: 'active' };
}

/** The catalog entry for a picked code, unless it is unknown or already listed. */
export function pickedCondition(
  conditions: readonly ConditionEntry[],
  picked: string,
): ConditionEntry | undefined {
  const entry = conditionCatalog.find((c) => c.code === picked);
  if (!entry || hasCondition(conditions, entry.code)) return undefined;
  return newCondition(entry.code, entry.display);
}

/** A typed code and description as a condition, or the reason it cannot be added. */
export function freeCondition(
  conditions: readonly ConditionEntry[],
  code: string,
  display: string,
): { entry: ConditionEntry } | { error: string } {
  const normalised = code.trim().toUpperCase();
  if (!isWellFormedIcd10(normalised)) return { error: 'Enter an ICD-10-CM code such as F33.1' };
  if (!display.trim()) return { error: 'Enter a description for the code' };
  if (hasCondition(conditions, normalised)) return { error: 'This code is already listed' };
  return { entry: newCondition(normalised, display.trim()) };
}
