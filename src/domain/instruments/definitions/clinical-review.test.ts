import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../score';
import { cadss6 } from './cadss6';
import { madrs } from './madrs';
import { painNrs } from './pain-nrs';
import { qidsSr16 } from './qids-sr16';

describe('pain NRS', () => {
  it('shows the number without the BPI-SF bands, which are given for the BPI-SF only', () => {
    expect(painNrs.classification).toBeUndefined();
    const outcome = scoreResponse('pain-nrs', { pain: 8 });
    expect(outcome.ok && outcome.result).toMatchObject({ total: 8, severity: null });
    expect(painNrs.notes?.join(' ')).toContain('BPI-SF');
  });
});

describe('suicide items of the QIDS-SR16 and MADRS', () => {
  it('say in the definition shown to staff that they raise the safety workflow', () => {
    for (const def of [qidsSr16, madrs]) {
      const flag = def.flags.find((f) => f.id === 'suicidal-ideation');
      expect(flag?.action, def.id).toContain('safety alert');
      expect(def.notes?.join(' '), def.id).toContain('safety alert');
    }
  });
});

describe('CADSS-6 items', () => {
  it('name their position in the 23-item CADSS and store no wording of their own', () => {
    expect(cadss6.items.map((i) => i.label)).toEqual([
      'CADSS item 1',
      'CADSS item 2',
      'CADSS item 6',
      'CADSS item 7',
      'CADSS item 15',
      'CADSS item 22',
    ]);
    for (const item of cadss6.items) expect(item.text).toBeUndefined();
    expect(cadss6.notes?.join(' ')).toContain('licensed copy');
  });
});
