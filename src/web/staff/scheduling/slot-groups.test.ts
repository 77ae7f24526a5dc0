import { describe, expect, it } from 'vitest';
import { byPartOfDay, groupSlotsByDay, toggleWeekday } from './slot-groups';

describe('groupSlotsByDay', () => {
  it('groups by clinic date in time order', () => {
    const slots = ['2030-03-05T09:00', '2030-03-04T13:00', '2030-03-04T09:15'].map((localStart) => ({
      localStart,
    }));
    expect(groupSlotsByDay(slots)).toEqual([
      { date: '2030-03-04', slots: [{ localStart: '2030-03-04T09:15' }, { localStart: '2030-03-04T13:00' }] },
      { date: '2030-03-05', slots: [{ localStart: '2030-03-05T09:00' }] },
    ]);
    expect(groupSlotsByDay([])).toEqual([]);
  });
});

describe('toggleWeekday', () => {
  it('keeps the list sorted and without repeats', () => {
    expect(toggleWeekday([5, 1], 3, true)).toEqual([1, 3, 5]);
    expect(toggleWeekday([1, 3], 3, true)).toEqual([1, 3]);
    expect(toggleWeekday([1, 3], 1, false)).toEqual([3]);
  });
});

describe('byPartOfDay', () => {
  it('splits a day at noon and 17:00, leaving out empty parts', () => {
    const at = (clock: string) => ({ localStart: `2030-03-04T${clock}` });
    expect(byPartOfDay([at('07:00'), at('11:45'), at('12:00'), at('16:45'), at('17:00')])).toEqual([
      { part: 'Morning', slots: [at('07:00'), at('11:45')] },
      { part: 'Afternoon', slots: [at('12:00'), at('16:45')] },
      { part: 'Evening', slots: [at('17:00')] },
    ]);
    expect(byPartOfDay([at('18:00')]).map((p) => p.part)).toEqual(['Evening']);
  });
});
