import { isBenzodiazepine } from './benzodiazepine-equivalents.js';
import type { IntakeAnswerValues, IntakeItemId } from './intake-form.js';
import { classifyMedication, type DrugClass, type MedicationEntry } from './medications.js';
import type { RuleEvaluation, ScreeningInputs } from './screening-types.js';

/**
 * How rules read their inputs, in one place, so that every rule names what it read the same way and the
 * stored snapshot of a screening is the union of those reads (see evaluate-screening.ts).
 */

export const intakePath = (id: IntakeItemId): string => `intake.${id}`;
export const medicationPath = (cls: DrugClass): string => `medications.${cls}`;

export function intakeValue<K extends IntakeItemId>(
  inputs: ScreeningInputs,
  id: K,
): IntakeAnswerValues[K] | null {
  return inputs.intake?.[id] ?? null;
}

/** A medication entry with fields in a fixed order, so equal lists serialise equally. */
function normaliseEntry(m: MedicationEntry): MedicationEntry {
  return { drug: m.drug, doseMg: m.doseMg, timesPerDay: m.timesPerDay, asNeeded: m.asNeeded };
}

/**
 * The patient's medications in a class, sorted so that reordering the list is not a change. null when
 * there is no medication list at all. A benzodiazepine is also anything the equivalence table in force
 * lists, so every rule that reads `medications.benzodiazepine` reads the same list.
 */
export function medicationsInClass(inputs: ScreeningInputs, cls: DrugClass): MedicationEntry[] | null {
  if (inputs.medications === null) return null;
  const inClass =
    cls === 'benzodiazepine'
      ? (m: MedicationEntry) => isBenzodiazepine(m, inputs.benzoTable)
      : (m: MedicationEntry) => classifyMedication(m.drug).classes.includes(cls);
  return inputs.medications.filter(inClass).map(normaliseEntry).sort(compareEntries);
}

export function compareEntries(a: MedicationEntry, b: MedicationEntry): number {
  return (
    a.drug.toLowerCase().localeCompare(b.drug.toLowerCase()) ||
    (a.doseMg ?? -1) - (b.doseMg ?? -1) ||
    (a.timesPerDay ?? -1) - (b.timesPerDay ?? -1) ||
    Number(a.asNeeded) - Number(b.asNeeded)
  );
}

/** "Xanax 0.5 mg 3 times a day", "Adderall (dose not given)", "lorazepam 1 mg as needed, up to 2 a day". */
export function describeMedication(m: MedicationEntry): string {
  if (m.doseMg === null) return `${m.drug} (dose not given)`;
  if (m.asNeeded) {
    return m.timesPerDay === null
      ? `${m.drug} ${m.doseMg} mg as needed`
      : `${m.drug} ${m.doseMg} mg as needed, up to ${m.timesPerDay} a day`;
  }
  return m.timesPerDay === null
    ? `${m.drug} ${m.doseMg} mg (how often not given)`
    : `${m.drug} ${m.doseMg} mg ${m.timesPerDay === 1 ? 'once' : `${m.timesPerDay} times`} a day`;
}

/** Joins ["a", "b", "c"] as "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A rule over yes/no/unsure intake items: fires when any is 'yes'; missing when none is 'yes' and
 * some are unanswered or 'unsure' (a clinician has to find out); clear when all are 'no'.
 */
export function yesNoItems(
  inputs: ScreeningInputs,
  items: readonly { id: IntakeItemId; name: string }[],
  firedWords: (names: string) => string,
  clearWords: string,
): RuleEvaluation {
  const read: Record<string, unknown> = {};
  const yes: string[] = [];
  const unsure: string[] = [];
  const unanswered: string[] = [];
  for (const { id, name } of items) {
    const v = intakeValue(inputs, id);
    read[intakePath(id)] = v;
    if (v === 'yes') yes.push(name);
    else if (v === 'unsure') unsure.push(name);
    else if (v !== 'no') unanswered.push(name);
  }
  if (yes.length > 0) return { status: 'fired', read, explanation: firedWords(listWords(yes)) };
  if (unsure.length + unanswered.length > 0) {
    const parts: string[] = [];
    if (inputs.intake === null) parts.push('No intake on record');
    else {
      if (unsure.length > 0) parts.push(`The patient is not sure about ${listWords(unsure)}`);
      if (unanswered.length > 0) parts.push(`Not answered: ${listWords(unanswered)}`);
    }
    return {
      status: 'missing',
      read,
      explanation: `${parts.join('. ')}. A clinician needs to establish this.`,
    };
  }
  return { status: 'clear', read, explanation: clearWords };
}

/**
 * A rule over medication classes: fires when the patient takes any medicine in them; missing when
 * there is no medication list.
 */
export function medicationClasses(
  inputs: ScreeningInputs,
  classes: readonly DrugClass[],
  firedWords: (meds: string) => string,
  clearWords: string,
): RuleEvaluation {
  const read: Record<string, unknown> = {};
  const found: MedicationEntry[] = [];
  for (const cls of classes) {
    const list = medicationsInClass(inputs, cls);
    read[medicationPath(cls)] = list;
    for (const m of list ?? []) if (!found.some((f) => compareEntries(f, m) === 0)) found.push(m);
  }
  if (inputs.medications === null) {
    return {
      status: 'missing',
      read,
      explanation: 'No medication list on record. Record the current medicines (or that there are none).',
    };
  }
  if (found.length > 0) {
    return { status: 'fired', read, explanation: firedWords(listWords(found.map(describeMedication))) };
  }
  return { status: 'clear', read, explanation: clearWords };
}
