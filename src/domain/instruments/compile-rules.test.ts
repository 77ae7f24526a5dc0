import { describe, expect, it } from 'vitest';
import { MISSING } from './compiled-instrument';
import { compileClassification, compileCondition, compileExpression } from './compile-rules';
import type { Condition } from './types';

const ids = ['a', 'b', 'c'];
const idx = (id: string) => ids.indexOf(id);
const noScores = new Float64Array(0);

describe('compileExpression', () => {
  it('sums items, takes the maximum of a group and is NaN when an item is missing', () => {
    const sum = compileExpression({ kind: 'sum', terms: [{ item: 'a' }, { max: ['b', 'c'] }] }, idx);
    expect(sum([1, 2, 3])).toBe(4);
    expect(sum([1, MISSING, MISSING])).toBeNaN();
    const plain = compileExpression({ kind: 'sum', terms: [{ item: 'a' }, { item: 'c' }] }, idx);
    expect(plain([1, 9, MISSING])).toBeNaN();
  });

  it('averages answered items once enough are answered', () => {
    const mean = compileExpression({ kind: 'mean', items: ids, minAnswered: 2 }, idx);
    expect(mean([2, MISSING, 4])).toBe(3);
    expect(mean([2, MISSING, MISSING])).toBeNaN();
  });
});

describe('compileCondition', () => {
  const compile = (c: Condition) => compileCondition(c, idx, new Map([['total', 0]]), {}, 'test');

  it('combines item, score and symptom-count rules', () => {
    const rule = compile({
      kind: 'all',
      of: [
        { kind: 'score-at-least', score: 'total', value: 5 },
        {
          kind: 'criteria',
          groups: [
            { id: 'g', label: 'g', items: ids, itemAtLeast: 2, itemOverrides: { c: 1 }, minPresent: 2 },
          ],
        },
      ],
    });
    expect(rule([2, 0, 1], Float64Array.of(5))).toBe(true);
    expect(rule([2, 0, 0], Float64Array.of(5))).toBe(false);
    expect(rule([2, 0, 1], Float64Array.of(4))).toBe(false);
    expect(compile({ kind: 'item-at-least', item: 'b', value: 1 })([0, MISSING, 0], noScores)).toBe(false);
  });

  it('names what a condition refers to when it does not exist', () => {
    expect(() => compile({ kind: 'score-at-least', score: 'sub', value: 1 })).toThrow(
      'test: condition refers to unknown score "sub"',
    );
    expect(() => compile({ kind: 'any-item-in-setting', setting: 's', atLeast: 1 })).toThrow(
      'test: setting "s" is not an item list',
    );
  });
});

describe('compileClassification', () => {
  it('picks the highest band reached and -1 for a missing score', () => {
    const bands = compileClassification(
      {
        kind: 'bands',
        on: 'total',
        bands: [
          { id: 'low', label: 'Low', min: 0 },
          { id: 'high', label: 'High', min: 10 },
        ],
        citation: { section: 's', source: 's', provenance: 'primary' },
      },
      new Map([['total', 0]]),
      {},
      () => () => false,
      'test',
    );
    expect(bands.ids).toEqual(['low', 'high']);
    expect(bands.fn([], Float64Array.of(12))).toBe(1);
    expect(bands.fn([], Float64Array.of(NaN))).toBe(-1);
  });

  it('has no classes when the instrument has no classification', () => {
    const none = compileClassification(undefined, new Map(), {}, () => () => false, 'test');
    expect(none.ids).toEqual([]);
    expect(none.fn([], noScores)).toBe(-1);
  });
});
