import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../domain/instruments/index';
import {
  expiryText,
  isUnanswered,
  itemErrorIds,
  questionNumber,
  unconditionalItems,
} from './questionnaire-page-model';

const cssrs = getInstrument('cssrs-screener')!;

describe('questionnaire page model', () => {
  it('leaves out items that depend on another answer', () => {
    const shown = unconditionalItems(cssrs);
    expect(shown.length).toBeLessThan(cssrs.items.length);
    expect(shown.every((item) => !item.enableWhen)).toBe(true);
  });

  it('separates item errors from the form-wide one', () => {
    expect(itemErrorIds({ _form: 'x', item1: 'y', item2: 'z' })).toEqual(['item1', 'item2']);
  });

  it('treats missing and null answers as unanswered, zero as answered', () => {
    expect(isUnanswered({}, 'item1')).toBe(true);
    expect(isUnanswered({ item1: null }, 'item1')).toBe(true);
    expect(isUnanswered({ item1: 0 }, 'item1')).toBe(false);
  });

  it('numbers questions from 1 in definition order', () => {
    const second = cssrs.items[1]!.id;
    expect(questionNumber(cssrs, second)).toBe(2);
    expect(questionNumber(cssrs, 'no-such-item')).toBe(0);
  });

  it('gives the expiry to the minute in UTC', () => {
    expect(expiryText(new Date(Date.UTC(2030, 1, 2, 3, 4, 59)))).toBe('2030-02-02 03:04 UTC');
  });
});
