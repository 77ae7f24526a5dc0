import { describe, expect, it } from 'vitest';
import {
  checkSlotContext,
  checkSlotRequest,
  checkWeeklyHours,
  MAX_SEARCH_DAYS,
} from './check-slot-request.js';
import { at, infusionContext } from './scheduling.test-helper.js';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);
const window = { from: at('2026-03-02T00:00'), to: at('2026-03-09T00:00'), limit: 10 };

describe('slot request checks', () => {
  it('accepts a sound request', () => {
    expect(checkSlotRequest({ ...infusionContext(), ...window })).toEqual([]);
  });

  it('names each bad field', () => {
    const ctx = infusionContext({
      timeZone: 'Nowhere/Special',
      stepMinutes: 0,
      chairsPerNurse: 0,
      requirements: { durationMinutes: 2.5, roomKind: 'infusion_chair', clinician: 'none', usesNurse: true },
      closures: [{ from: '2026-03-05', to: '2026-03-04', reason: '' }],
      filters: { weekdays: [0 as never], earliest: '12:00', latest: '09:00' },
    });
    expect(fields(checkSlotContext(ctx))).toEqual([
      'timeZone',
      'stepMinutes',
      'requirements.durationMinutes',
      'chairsPerNurse',
      'closures[0].to',
      'filters.weekdays',
      'filters.latest',
    ]);
  });

  it('checks opening hours of the clinic and of each staff member', () => {
    expect(
      checkWeeklyHours(
        [
          { weekday: 1, opens: '9:00', closes: '17:00' },
          { weekday: 2, opens: '17:00', closes: '09:00' },
          { weekday: 3, opens: '00:00', closes: '24:00' },
        ],
        'clinicHours',
      ),
    ).toEqual([
      { field: 'clinicHours[0].opens', message: 'must be a time as HH:MM' },
      {
        field: 'clinicHours[1].closes',
        message: 'must be after the opening time (overnight hours are not supported)',
      },
    ]);
    const ctx = infusionContext();
    ctx.staff[1]!.hours = [{ weekday: 9 as never, opens: '08:00', closes: '12:00' }];
    expect(fields(checkSlotContext(ctx))).toEqual(['staff[1].hours[0].weekday']);
  });

  it('refuses an empty, reversed or overlong window and a bad limit', () => {
    const ctx = infusionContext();
    expect(fields(checkSlotRequest({ ...ctx, ...window, to: window.from }))).toEqual(['to']);
    expect(
      fields(checkSlotRequest({ ...ctx, ...window, to: window.from + (MAX_SEARCH_DAYS + 1) * 86_400_000 })),
    ).toEqual(['to']);
    expect(fields(checkSlotRequest({ ...ctx, ...window, limit: -1 }))).toEqual(['limit']);
  });
});
