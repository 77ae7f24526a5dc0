import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../format';
import {
  formatChange,
  fromBaselineSuffix,
  infusionsText,
  outcomeVerdict,
  percentSuffix,
  scoredWithSuffix,
  yesNo,
} from './trajectory-format';
import type { TrajectoryView } from '../../../contracts/measurement';

describe('trajectory wording', () => {
  it('reads booleans as yes/no and unknown as a dash', () => {
    expect([yesNo(true), yesNo(false), yesNo(null)]).toEqual(['yes', 'no', '—']);
  });

  it('signs a rise and leaves falls and no change as they are', () => {
    expect(formatChange(3)).toBe('+3');
    expect(formatChange(-4)).toBe('-4');
    expect(formatChange(0)).toBe('0');
    expect(formatChange(null)).toBe('—');
  });

  it('rounds percentages and omits them without a baseline', () => {
    expect(percentSuffix(-41.6)).toBe(' (-42%)');
    expect(percentSuffix(null)).toBe('');
    expect(fromBaselineSuffix(-50)).toBe(' (-50% from baseline)');
    expect(fromBaselineSuffix(null)).toBe('');
  });

  it('names the verdict, or says it cannot be judged yet', () => {
    expect(outcomeVerdict(true, 'Response', 'No response')).toBe('Response');
    expect(outcomeVerdict(false, 'Response', 'No response')).toBe('No response');
    expect(outcomeVerdict(null, 'Response', 'No response')).toBe('not yet assessable');
  });

  it('lists the infusions in a sentence', () => {
    const date = '2030-01-15T10:00:00.000Z';
    expect(infusionsText([{ date, label: 'Infusion 1' }])).toBe(
      `Infusions: Infusion 1 ${formatDateTime(date)}`,
    );
  });
});

describe('a score computed with settings the clinic has since changed', () => {
  it('says which, so a band that differs from the shading is explained', () => {
    const point = {
      responseId: 'r',
      date: '2030-01-01',
      value: 32,
      severity: 'severe',
      flags: [],
      change: null,
      percentChange: null,
      response: null,
      remission: null,
      settingsUsed: { severeFrom: 31, mildFrom: 7 },
    };
    const t = { settings: { severeFrom: 35, mildFrom: 7 }, points: [point] } as unknown as TrajectoryView;
    expect(scoredWithSuffix(point, t)).toBe(' (scored with severeFrom 31)');
    expect(scoredWithSuffix({ ...point, settingsUsed: { severeFrom: 35 } }, t)).toBe('');
  });
});
