import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_ACTIONS,
  APPOINTMENT_STATUSES,
  type AppointmentAction,
  type AppointmentStatus,
  isLive,
  nextStatus,
  todayColumn,
} from './appointment-status.js';

/** Every (status, action) pair and where it leads; null = refused. */
const TABLE: Record<AppointmentStatus, Record<AppointmentAction, AppointmentStatus | null>> = {
  booked: {
    check_in: 'checked_in',
    seat: null,
    start_recovery: null,
    complete: null,
    cancel: 'cancelled',
    no_show: 'no_show',
    undo_check_in: null,
  },
  checked_in: {
    check_in: null,
    seat: 'in_chair',
    start_recovery: null,
    complete: null,
    cancel: 'cancelled',
    no_show: null,
    undo_check_in: 'booked',
  },
  in_chair: {
    check_in: null,
    seat: null,
    start_recovery: 'recovering',
    complete: 'completed',
    cancel: null,
    no_show: null,
    undo_check_in: null,
  },
  recovering: {
    check_in: null,
    seat: null,
    start_recovery: null,
    complete: 'completed',
    cancel: null,
    no_show: null,
    undo_check_in: null,
  },
  completed: {
    check_in: null,
    seat: null,
    start_recovery: null,
    complete: null,
    cancel: null,
    no_show: null,
    undo_check_in: null,
  },
  cancelled: {
    check_in: null,
    seat: null,
    start_recovery: null,
    complete: null,
    cancel: null,
    no_show: null,
    undo_check_in: null,
  },
  no_show: {
    check_in: null,
    seat: null,
    start_recovery: null,
    complete: null,
    cancel: null,
    no_show: null,
    undo_check_in: null,
  },
};

const pairs = APPOINTMENT_STATUSES.flatMap((s) =>
  APPOINTMENT_ACTIONS.map((a) => [s, a, TABLE[s][a]] as const),
);

describe('the appointment status machine', () => {
  it('covers all 49 pairs', () => {
    expect(pairs).toHaveLength(49);
  });

  it.each(pairs)('%s + %s → %s', (status, action, expected) => {
    const result = nextStatus(status, action);
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.field).toBe('action');
    } else {
      expect(result).toEqual({ ok: true, value: expected });
    }
  });

  it('says what was refused in words', () => {
    expect(nextStatus('completed', 'cancel')).toEqual({
      ok: false,
      problems: [{ field: 'action', message: 'cannot cancel an appointment that is completed' }],
    });
    expect(nextStatus('checked_in', 'no_show')).toEqual({
      ok: false,
      problems: [{ field: 'action', message: 'cannot mark as no-show an appointment that is checked in' }],
    });
  });

  it('refuses unknown statuses and actions instead of throwing', () => {
    expect(nextStatus('lost' as AppointmentStatus, 'cancel')).toMatchObject({
      ok: false,
      problems: [{ field: 'status' }],
    });
    expect(nextStatus('booked', 'toString' as AppointmentAction)).toMatchObject({
      ok: false,
      problems: [{ field: 'action' }],
    });
  });

  it.each([
    ['booked', true, 'arriving'],
    ['checked_in', true, 'arriving'],
    ['in_chair', true, 'in_chair'],
    ['recovering', true, 'recovering'],
    ['completed', true, 'done'],
    ['cancelled', false, 'done'],
    ['no_show', false, 'done'],
  ] as const)('%s: live %s, shown under %s', (status, live, column) => {
    expect(isLive(status)).toBe(live);
    expect(todayColumn(status)).toBe(column);
  });
});
