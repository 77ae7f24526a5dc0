import { describe, expect, it } from 'vitest';
import { at, local, MINUTE, NY, utc } from './scheduling.test-helper.js';
import { shiftSeries } from './shift-series.js';

describe('shiftSeries', () => {
  it('moves each appointment by calendar days at the same local time across the spring change', () => {
    const later = [
      { id: 'a', start: at('2026-03-06T09:00'), end: at('2026-03-06T10:10') },
      { id: 'b', start: at('2026-03-09T14:30'), end: at('2026-03-09T15:40') },
    ];
    const result = shiftSeries(later, 2, NY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((a) => [a.id, local(a.start), utc(a.start), (a.end - a.start) / MINUTE])).toEqual(
      [
        ['a', '2026-03-08T09:00', '2026-03-08T13:00', 70],
        ['b', '2026-03-11T14:30', '2026-03-11T18:30', 70],
      ],
    );
  });

  it('moves back across the autumn change too', () => {
    const result = shiftSeries(
      [{ id: 'a', start: at('2026-11-03T09:00'), end: at('2026-11-03T11:00') }],
      -3,
      NY,
    );
    expect(result.ok && result.value.map((a) => [local(a.start), local(a.end)])).toEqual([
      ['2026-10-31T09:00', '2026-10-31T11:00'],
    ]);
  });

  it('refuses a fractional shift, an unknown zone and an appointment ending before it starts', () => {
    const one = [{ id: 'a', start: at('2026-03-06T09:00'), end: at('2026-03-06T10:00') }];
    expect(shiftSeries(one, 1.5, NY)).toMatchObject({ ok: false, problems: [{ field: 'days' }] });
    expect(shiftSeries(one, 1, 'Nowhere/Zone')).toMatchObject({
      ok: false,
      problems: [{ field: 'timeZone' }],
    });
    expect(shiftSeries([{ ...one[0]!, end: 0 }], 1, NY)).toMatchObject({
      ok: false,
      problems: [{ field: 'later' }],
    });
    expect(shiftSeries([], 1, NY)).toEqual({ ok: true, value: [] });
  });
});
