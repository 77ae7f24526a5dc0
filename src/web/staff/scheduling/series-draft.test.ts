import { describe, expect, it } from 'vitest';
import type { SeriesProposalView } from '../../../contracts/scheduling';
import { draftFromProposal, gapsInDays, replaceSession, seriesBookBody } from './series-draft';

const chair = { id: '11111111-1111-4111-8111-111111111111', label: 'Chair 1' };
const proposal: SeriesProposalView = {
  timeZone: 'America/New_York',
  rules: { count: 3, minPerWeek: 2, maxPerWeek: 3, minDaysBetween: 1, maxSpanDays: 21 },
  sessions: ['04', '06', '08'].map((d) => ({
    start: `2030-03-${d}T14:00:00.000Z`,
    end: `2030-03-${d}T15:10:00.000Z`,
    localStart: `2030-03-${d}T09:00`,
    room: chair,
    clinician: null,
    onPreferredWeekday: d !== '08',
  })),
};

describe('the series draft', () => {
  it('starts as proposed', () => {
    const draft = draftFromProposal(proposal);
    expect(draft.map((s) => [s.localStart, s.changed, s.onPreferredWeekday])).toEqual([
      ['2030-03-04T09:00', false, true],
      ['2030-03-06T09:00', false, true],
      ['2030-03-08T09:00', false, false],
    ]);
    expect(gapsInDays(draft)).toEqual([undefined, 2, 2]);
  });

  it('swaps one session for another slot and keeps time order', () => {
    const moved = replaceSession(draftFromProposal(proposal), 0, {
      start: '2030-03-07T19:00:00.000Z',
      localStart: '2030-03-07T14:00',
      room: null,
    });
    expect(moved.map((s) => s.localStart)).toEqual([
      '2030-03-06T09:00',
      '2030-03-07T14:00',
      '2030-03-08T09:00',
    ]);
    expect(moved[1]!.changed).toBe(true);
    expect(gapsInDays(moved)).toEqual([undefined, 1, 1]);
  });

  it('books every session at its instant, in the chair proposed', () => {
    const body = seriesBookBody(
      'p',
      't',
      replaceSession(draftFromProposal(proposal), 2, {
        start: '2030-03-09T14:00:00.000Z',
        localStart: '2030-03-09T09:00',
        room: null,
      }),
    );
    expect(body).toEqual({
      patientId: 'p',
      typeId: 't',
      kind: 'induction',
      sessions: [
        { start: '2030-03-04T14:00:00.000Z', roomId: chair.id },
        { start: '2030-03-06T14:00:00.000Z', roomId: chair.id },
        { start: '2030-03-09T14:00:00.000Z' },
      ],
    });
  });
});
