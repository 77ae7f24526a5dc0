import { describe, expect, it } from 'vitest';
import { formatDateTime } from './measurement-api';
import {
  formatChange,
  fromBaselineSuffix,
  infusionsText,
  outcomeVerdict,
  percentSuffix,
  yesNo,
} from './trajectory-format';

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
