import { describe, expect, it } from 'vitest';
import { compileItem, createCheck, meanRequirements } from './answer-check';
import { MISSING } from './compiled-instrument';
import type { ItemDefinition, ScaleDefinition, ScoreError } from './types';

const options = [0, 1, 2].map((value) => ({ value, label: String(value) }));
const defs: ItemDefinition[] = [
  { id: 'q1', label: 'Gate', options },
  { id: 'q2', label: 'Follow-up', options, enableWhen: { item: 'q1', equals: 1 } },
  {
    id: 'q3',
    label: 'Optional',
    options: [0, 2].map((value) => ({ value, label: String(value) })),
    required: false,
  },
];
const ids = defs.map((d) => d.id);
const idx = (id: string) => ids.indexOf(id);
const mean: ScaleDefinition = {
  id: 'avg',
  label: 'Average',
  expression: { kind: 'mean', items: ['q1', 'q3'], minAnswered: 2 },
  range: [0, 2],
};

describe('compileItem', () => {
  it('describes the allowed values as a range or a list', () => {
    expect(compileItem(defs[0]!, idx)).toMatchObject({ required: true, enableIndex: -1, valueRange: '0–2' });
    expect(compileItem(defs[1]!, idx)).toMatchObject({ enableIndex: 0, enableEquals: 1 });
    expect(compileItem(defs[2]!, idx)).toMatchObject({ required: false, valueRange: '0, 2' });
  });
});

describe('createCheck', () => {
  const check = createCheck(
    defs.map((d) => compileItem(d, idx)),
    meanRequirements([undefined, mean], idx),
    ids,
  );

  it('accepts a complete response and a skipped follow-up', () => {
    expect(check([1, 2, 0])).toBe(true);
    expect(check([0, MISSING, 2])).toBe(true);
  });

  it('collects every problem when asked, naming the item', () => {
    const errors: ScoreError[] = [];
    expect(check([0, 2, 1], errors)).toBe(false);
    expect(errors).toEqual([
      { item: 'q2', message: 'q2 (Follow-up) is only asked when q1 = 1; leave it blank' },
      { item: 'q3', message: 'q3 (Optional): answer 1 is out of range (allowed 0, 2)' },
    ]);
  });

  it('reports a required item and a mean scale with too few answers', () => {
    const errors: ScoreError[] = [];
    expect(check([MISSING, MISSING, MISSING], errors)).toBe(false);
    expect(errors).toEqual([
      { item: 'q1', message: 'q1 (Gate) is missing; it is required' },
      { item: 'q1', message: 'avg needs at least 2 answered items, got 0; missing: q1, q3' },
    ]);
    expect(check([0, 0])).toBe(false);
  });
});
