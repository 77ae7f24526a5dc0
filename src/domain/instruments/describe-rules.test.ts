import { describe, expect, it } from 'vitest';
import { describeBands, describeCondition, describeExpression, describeThreshold } from './describe-rules';
import { getInstrument } from './registry';
import { resolveSettings } from './resolve-settings';

const settingsOf = (id: string) => {
  const r = resolveSettings(getInstrument(id)!);
  if (!r.ok) throw new Error('expected settings');
  return r.settings;
};

describe('rule texts', () => {
  it('writes sums, max groups and means as formulas', () => {
    expect(describeExpression({ kind: 'sum', terms: [{ item: 'a' }, { max: ['b', 'c'] }] })).toBe(
      'a + max(b, c)',
    );
    expect(describeExpression({ kind: 'mean', items: ['a', 'b'], minAnswered: 2 })).toBe(
      'mean(a, b) over answered items; valid with ≥ 2 answered',
    );
  });

  it('shows a setting-based threshold with the setting it comes from', () => {
    const settings = settingsOf('madrs');
    expect(describeThreshold(3, settings)).toBe('3');
    expect(describeThreshold({ setting: 'mildFrom' }, settings)).toBe('7 (setting mildFrom)');
  });

  it('brackets nested rules', () => {
    const text = describeCondition(
      {
        kind: 'any',
        of: [
          { kind: 'item-at-least', item: 'a', value: 1 },
          { kind: 'all', of: [{ kind: 'score-at-least', score: 'total', value: 5 }] },
        ],
      },
      {},
    );
    expect(text).toBe('a ≥ 1 or (total ≥ 5)');
    expect(describeCondition({ kind: 'setting-enabled', setting: 'x' }, {})).toBe('setting x is off');
  });

  it('lists band ranges as closed ranges for sums and half-open ones for means', () => {
    const phq9 = getInstrument('phq9')!;
    if (phq9.classification?.kind !== 'bands') throw new Error('expected bands');
    const bands = { ...phq9.classification, bands: phq9.classification.bands.slice(0, 2) };
    expect(describeBands(bands, {}, 27, false)).toBe('none-minimal 0–4; mild 5–27');
    expect(describeBands(bands, {}, 27, true)).toBe('none-minimal 0 to < 5; mild ≥ 5');
  });
});
