import { describe, expect, it } from 'vitest';
import { MISSING } from './compiled-instrument';
import { normaliseAnswers, parseAnswerText } from './normalise-answers';
import { getInstrument } from './registry';

const phq9 = getInstrument('phq9')!;
const item1 = phq9.items[0]!;

describe('parseAnswerText', () => {
  it('reads numbers, option labels and blanks', () => {
    expect(parseAnswerText(item1, ' 2 ')).toBe(2);
    expect(parseAnswerText(item1, 'several days')).toBe(1);
    expect(parseAnswerText(item1, '')).toBe(MISSING);
  });

  it('explains what it could not read', () => {
    expect(parseAnswerText(item1, 'often')).toEqual({
      error: 'item1 (Anhedonia): "often" is not a valid answer (expected a number)',
    });
    expect(parseAnswerText(item1, '99999999999')).toEqual({ error: 'item1: "99999999999" is too large' });
  });
});

describe('normaliseAnswers', () => {
  it('places answers given by id and leaves the rest missing', () => {
    const { values, errors } = normaliseAnswers(phq9, { item2: 3, item9: '1' });
    expect(errors).toEqual([]);
    expect(values[1]).toBe(3);
    expect(values[8]).toBe(1);
    expect(values[0]).toBe(MISSING);
  });

  it('reports unknown ids, too many answers and non-integer values', () => {
    expect(normaliseAnswers(phq9, { item99: 1 }).errors).toEqual([
      { item: 'item99', message: 'phq9 has no item "item99"' },
    ]);
    expect(normaliseAnswers(phq9, new Array(11).fill(0)).errors[0]!.message).toMatch(/^phq9 has 10 items/);
    expect(normaliseAnswers(phq9, [1.5]).errors).toEqual([
      { item: 'item1', message: 'item1 (Anhedonia): 1.5 is not a whole-number answer' },
    ]);
    expect(normaliseAnswers(phq9, [true]).errors[0]!.message).toMatch(/only valid for yes\/no items/);
  });
});
