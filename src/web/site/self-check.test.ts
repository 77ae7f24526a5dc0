import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../../domain/instruments/index';
import { crisisFlag, scoreSelfCheck, selfCheckInstruments } from '../../domain/site/index';
// The browser script is plain JavaScript; its scoring functions are exported for this test.
// @ts-expect-error -- no type declarations for the browser asset
import { crisisFlag as browserCrisis, scoreAnswers } from './assets/self-check.js';

const instruments = selfCheckInstruments();

describe('the self-check agrees with the instrument library', () => {
  for (const id of ['phq9', 'gad7'] as const) {
    it(`${id}: totals and bands match scoreResponse for any complete answer set`, () => {
      const instrument = instruments[id];
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 3 }), {
            minLength: instrument.items.length,
            maxLength: instrument.items.length,
          }),
          (answers) => {
            const library = scoreResponse(id, answers);
            if (!library.ok) throw new Error(JSON.stringify(library.errors));
            const domain = scoreSelfCheck(instrument, answers);
            const browser = scoreAnswers(instrument, answers) as { total: number; band: { id: string } };
            expect(domain?.total).toBe(library.result.total);
            expect(domain?.band.id).toBe(library.result.severity);
            expect(browser.total).toBe(library.result.total);
            expect(browser.band.id).toBe(library.result.severity);
          },
        ),
      );
    });
  }

  it('flags PHQ-9 item 9 exactly as the library does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }), (answers) => {
        const library = scoreResponse('phq9', answers);
        if (!library.ok) throw new Error('unexpected');
        const flagged = library.result.flags.includes('suicidal-ideation');
        expect(crisisFlag(answers)).toBe(flagged);
        expect(browserCrisis(answers)).toBe(flagged);
      }),
    );
  });

  it('gives no score while any answer is missing', () => {
    const answers = [0, 1, 2, 3, null, 0, 0, 0, 0];
    expect(scoreSelfCheck(instruments.phq9, answers)).toBeNull();
    expect(scoreAnswers(instruments.phq9, answers)).toBeNull();
  });

  it('shows the item wording from the library', () => {
    expect(instruments.phq9.items).toHaveLength(9);
    expect(instruments.gad7.items).toHaveLength(7);
    expect(instruments.phq9.items[8]?.text).toMatch(/better off dead/);
  });
});
