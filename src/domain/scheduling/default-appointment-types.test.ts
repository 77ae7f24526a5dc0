import { describe, expect, it } from 'vitest';
import {
  DEFAULT_APPOINTMENT_TYPES,
  DEFAULT_CHAIRS_PER_NURSE,
  DEFAULT_CHAIRS_PER_NURSE_SOURCE,
  DEFAULT_REMINDER_OFFSETS_HOURS,
  DEFAULT_SERIES_RULES,
  requirementsOf,
} from './default-appointment-types.js';
import { checkSeriesRuleValues } from './series-rules.js';

const byCode = (code: string) => {
  const type = DEFAULT_APPOINTMENT_TYPES.find((t) => t.code === code);
  if (!type) throw new Error(`no type ${code}`);
  return type;
};

describe('default appointment types', () => {
  it('has unique codes', () => {
    const codes = DEFAULT_APPOINTMENT_TYPES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([
      'consultation',
      'iv_infusion',
      'iv_infusion_pain',
      'spravato',
      'follow_up',
      'follow_up_video',
      'booster',
    ]);
  });

  it.each([
    ['consultation', 30, 'consult_room', 'assigned', false],
    ['iv_infusion', 70, 'infusion_chair', 'none', true],
    ['iv_infusion_pain', 300, 'infusion_chair', 'none', true],
    ['spravato', 120, 'spravato_room', 'on_site', true],
    ['follow_up', 20, 'consult_room', 'assigned', false],
    ['follow_up_video', 20, null, 'assigned', false],
    ['booster', 70, 'infusion_chair', 'none', true],
  ] as const)(
    '%s: %i min, room %s, clinician %s, nurse %s',
    (code, minutes, roomKind, clinician, usesNurse) => {
      expect(requirementsOf(byCode(code))).toEqual({
        durationMinutes: minutes,
        roomKind,
        clinician,
        usesNurse,
      });
    },
  );

  it('lasts as long as its parts', () => {
    for (const t of DEFAULT_APPOINTMENT_TYPES) {
      if (t.parts) expect(t.parts.infusionMinutes + t.parts.recoveryMinutes).toBe(t.durationMinutes);
    }
    expect(byCode('iv_infusion').parts).toEqual({ infusionMinutes: 40, recoveryMinutes: 30 });
    expect(byCode('iv_infusion_pain').parts).toEqual({ infusionMinutes: 240, recoveryMinutes: 60 });
  });

  it('names its sources', () => {
    expect(byCode('spravato').source).toEqual({ tag: 'primary', anchor: 'spravato-monitoring' });
    expect(byCode('spravato').instructionsSource).toEqual({ tag: 'secondary', anchor: 'spravato-pre-dose' });
    expect(byCode('iv_infusion').source).toEqual({ tag: 'secondary', anchor: 'scheduling-durations' });
    expect(byCode('follow_up').source.tag).toBe('engineering default');
    expect(DEFAULT_CHAIRS_PER_NURSE_SOURCE.tag).toBe('unverified');
  });

  it('gives pre-visit instructions without clinical detail', () => {
    expect(byCode('iv_infusion').instructions).toContain('{fastingHours}');
    expect(byCode('spravato').instructions).toContain('2 hours');
    for (const t of DEFAULT_APPOINTMENT_TYPES) {
      expect(`${t.instructions} ${t.reminderName}`).not.toMatch(
        /ketamine|spravato|depress|pain|\bmg\b|dose/i,
      );
    }
    for (const code of ['iv_infusion', 'iv_infusion_pain', 'spravato', 'booster']) {
      expect(byCode(code).instructions).toMatch(/drive/);
    }
  });

  it('has sound default course rules and settings', () => {
    expect(checkSeriesRuleValues(DEFAULT_SERIES_RULES)).toEqual([]);
    expect(DEFAULT_SERIES_RULES).toMatchObject({
      count: 6,
      minPerWeek: 2,
      maxPerWeek: 3,
      minDaysBetween: 1,
      maxSpanDays: 21,
    });
    expect(DEFAULT_REMINDER_OFFSETS_HOURS).toEqual([48, 2]);
    expect(DEFAULT_CHAIRS_PER_NURSE).toBe(2);
  });
});
