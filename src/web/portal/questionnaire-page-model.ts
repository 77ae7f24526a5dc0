import type { InstrumentDefinition } from '../../domain/instruments/index';

export type PortalAnswers = Record<string, number | null>;

/** The page has no script, so items that depend on another answer (skip logic) are not shown. */
export function unconditionalItems(def: InstrumentDefinition): InstrumentDefinition['items'] {
  return def.items.filter((item) => !item.enableWhen);
}

/** Errors that belong to an item; `_form` is about the whole submission. */
export function itemErrorIds(errors: Record<string, string>): string[] {
  return Object.keys(errors).filter((key) => key !== '_form');
}

/** A missing answer gets a plain "please choose" rather than the validator's wording. */
export function isUnanswered(answers: PortalAnswers, itemId: string): boolean {
  return answers[itemId] === undefined || answers[itemId] === null;
}

/** The item's number as the patient sees it (1-based); 0 for an id the definition does not have. */
export function questionNumber(def: InstrumentDefinition, itemId: string): number {
  const item = def.items.find((i) => i.id === itemId);
  return item ? def.items.indexOf(item) + 1 : 0;
}

/** The link's expiry to the minute, in UTC, since the patient's time zone is not known. */
export function expiryText(expiresAt: Date): string {
  return `${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
