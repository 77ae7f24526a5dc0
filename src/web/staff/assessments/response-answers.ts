import type { InstrumentDefinition } from '../../../domain/instruments/index';
import type { Answers } from './questionnaire-form';

/**
 * One stored answer in words, e.g. "Sleep: 2 (More than half the days)". An item or option the
 * definition no longer knows is shown by its id, so an old response still reads.
 */
export function answerLabel(def: InstrumentDefinition | undefined, answers: Answers, itemId: string): string {
  const item = def?.items.find((i) => i.id === itemId);
  const option = item?.options.find((o) => o.value === answers[itemId]);
  return `${item?.label ?? itemId}: ${option ? `${option.value} (${option.label})` : 'not answered'}`;
}
