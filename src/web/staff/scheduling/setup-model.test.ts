import { describe, expect, it } from 'vitest';
import type { AppointmentTypeView } from '../../../contracts/scheduling';
import {
  durationText,
  everyDay,
  hoursSummary,
  rowErrors,
  scheduleRoleOptions,
  sourceEntry,
  typeForm,
  typeUpdateBody,
} from './setup-model';

describe('working hours', () => {
  it('reads runs of days with the same hours together', () => {
    expect(hoursSummary(everyDay('07:00', '21:00'))).toBe('Mon–Sun 07:00–21:00');
    expect(
      hoursSummary([
        { weekday: 6, opens: '09:00', closes: '13:00' },
        ...[1, 2, 3, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '18:00' })),
      ]),
    ).toBe('Mon–Wed 08:00–18:00, Fri 08:00–18:00, Sat 09:00–13:00');
    expect(hoursSummary([])).toBe('No working hours');
  });

  it('finds the problems of each row', () => {
    expect(rowErrors({ 'hours.2.closes': 'must be after', role: 'x' }, 'hours')).toEqual({
      '2.closes': 'must be after',
    });
  });

  it('offers a physician both roles and a nurse the nurse role', () => {
    expect(scheduleRoleOptions('physician').map((o) => o.value)).toEqual(['clinician', 'nurse']);
    expect(scheduleRoleOptions('nurse').map((o) => o.value)).toEqual(['nurse']);
    expect(scheduleRoleOptions('front_desk')).toEqual([]);
  });
});

const infusion: AppointmentTypeView = {
  id: '11111111-1111-4111-8111-111111111111',
  code: 'iv_infusion',
  name: 'IV infusion (depression)',
  category: 'infusion',
  durationMinutes: 70,
  parts: { infusionMinutes: 40, recoveryMinutes: 30 },
  roomKind: 'infusion_chair',
  clinician: 'none',
  usesNurse: true,
  instructions: 'Bring an adult.',
  source: { tag: 'secondary', anchor: 'scheduling-durations' },
  defaultDurationMinutes: null,
  active: true,
  version: 3,
};
const followUp: AppointmentTypeView = {
  ...infusion,
  code: 'follow_up',
  name: 'Follow-up',
  category: 'follow_up',
  durationMinutes: 20,
  parts: null,
};

describe('appointment types', () => {
  it('says a duration with its parts and names the source entry in words', () => {
    expect(durationText(infusion)).toBe('70 min (40 infusion + 30 recovery)');
    expect(durationText(followUp)).toBe('20 min');
    expect(sourceEntry('scheduling-durations')).toBe('scheduling durations');
  });

  it('sends only what changed, timing an infusion by its parts', () => {
    expect(typeUpdateBody(infusion, typeForm(infusion))).toEqual({ version: 3 });
    expect(typeUpdateBody(infusion, { ...typeForm(infusion), recoveryMinutes: '45', active: false })).toEqual(
      {
        version: 3,
        parts: { infusionMinutes: 40, recoveryMinutes: 45 },
        active: false,
      },
    );
    expect(
      typeUpdateBody(followUp, { ...typeForm(followUp), durationMinutes: '25', instructions: ' New. ' }),
    ).toEqual({
      version: 3,
      durationMinutes: 25,
      instructions: 'New.',
    });
  });
});
