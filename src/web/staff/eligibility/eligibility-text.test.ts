import { describe, expect, it } from 'vitest';
import { internalNameLeaks } from '../ui/internal-name-leaks';
import { diazepamPartText, groupResults, readKeyWords, readValueWords, sourceLine } from './eligibility-text';

describe('eligibility words', () => {
  it('names the source register entry in words, not as a link', () => {
    const line = sourceLine({ tag: 'secondary', anchor: 'benzodiazepine-equivalents' });
    expect(line).toBe('Source: benzodiazepine equivalents (secondary)');
    expect(internalNameLeaks(line)).toEqual([]);
  });

  it('reads rule inputs without snake_case', () => {
    const text = `${readKeyWords('intake.psychosis_history')}: ${readValueWords({ systolic: 150, diastolic: 95, measured_on: '2026-01-01' })}; ${readValueWords(null)}`;
    expect(text).toBe('psychosis history: systolic 150, diastolic 95, measured on 2026-01-01; not on record');
    expect(internalNameLeaks(text)).toEqual([]);
  });

  it('groups results: fired by severity, then missing, then clear', () => {
    const base = {
      version: 1,
      title: 't',
      read: {},
      explanation: '',
      source: { tag: 'primary', anchor: 'a', citation: '' },
    };
    const g = groupResults([
      { ...base, ruleId: 'a', severity: 'flag', status: 'fired' },
      { ...base, ruleId: 'b', severity: 'hard_stop', status: 'clear' },
      { ...base, ruleId: 'c', severity: 'relative', status: 'missing' },
    ]);
    expect(g.flag.map((r) => r.ruleId)).toEqual(['a']);
    expect(g.clear.map((r) => r.ruleId)).toEqual(['b']);
    expect(g.missing.map((r) => r.ruleId)).toEqual(['c']);
  });

  it('writes a diazepam part with its numbers', () => {
    expect(
      diazepamPartText({
        drug: 'Ativan',
        generic: 'lorazepam',
        dailyMg: 2,
        equivalentTo10mgDiazepam: 1,
        diazepamMg: 20,
      }),
    ).toBe('Ativan (lorazepam): 2 mg a day × 10 ÷ 1 = 20 mg diazepam');
  });
});
