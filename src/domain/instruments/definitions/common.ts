import type { AnswerOption, Citation, ItemDefinition, Provenance, Term } from '../types';

/** Building blocks shared by the definitions, so that answer scales and item lists are written once. */

/**
 * A citation whose `section` is a link to the entry of the clinical source register that states the fact,
 * e.g. 'docs/clinical-sources.md#phq9-scoring'. The link is written out in full at each call so that
 * src/test/citations-in-repo.test.ts can check that the entry exists.
 */
export function cite(entry: string, source: string, provenance: Provenance): Citation {
  return { section: entry, source, provenance };
}

/** Ordinal options from a list of labels; values start at `from` (0 unless stated). */
export function ordinalOptions(labels: readonly string[], from = 0): AnswerOption[] {
  return labels.map((label, i) => ({ value: from + i, label }));
}

/** 0..max numeric options whose labels are the numbers, with optional anchor text at given values. */
export function numericOptions(max: number, anchors: Readonly<Record<number, string>> = {}): AnswerOption[] {
  const options: AnswerOption[] = [];
  for (let v = 0; v <= max; v++) {
    const anchor = anchors[v];
    options.push({ value: v, label: anchor === undefined ? String(v) : `${v} – ${anchor}` });
  }
  return options;
}

export const YES_NO_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'No', aliases: ['no', 'n', 'false'] },
  { value: 1, label: 'Yes', aliases: ['yes', 'y', 'true'] },
];

/** Items 'item1'..'itemN' from labels (and wording where the licence allows storing it). */
export function numberedItems(
  entries: readonly { label: string; text?: string }[],
  options: readonly AnswerOption[],
): ItemDefinition[] {
  return entries.map((e, i) => ({ id: `item${i + 1}`, options, ...e }));
}

export function itemRange(from: number, to: number): string[] {
  const ids: string[] = [];
  for (let i = from; i <= to; i++) ids.push(`item${i}`);
  return ids;
}

export function sumOf(ids: readonly string[]): Term[] {
  return ids.map((item) => ({ item }));
}
