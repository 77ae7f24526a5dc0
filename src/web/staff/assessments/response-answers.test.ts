import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../../domain/instruments/index';
import { answerLabel } from './response-answers';

const phq9 = getInstrument('phq9')!;
const first = phq9.items[0]!;
const option = first.options[1]!;

describe('answerLabel', () => {
  it('names the item and the chosen option', () => {
    expect(answerLabel(phq9, { [first.id]: option.value }, first.id)).toBe(
      `${first.label}: ${option.value} (${option.label})`,
    );
  });

  it('says when an item was not answered', () => {
    expect(answerLabel(phq9, { [first.id]: null }, first.id)).toBe(`${first.label}: not answered`);
  });

  it('falls back to the item id without a definition', () => {
    expect(answerLabel(undefined, { legacy: 1 }, 'legacy')).toBe('legacy: not answered');
  });
});
