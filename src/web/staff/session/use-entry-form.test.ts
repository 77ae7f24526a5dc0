import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import { confirmed, entryFeedback, SAVED_NOTICE, WAITING_NOTICE } from './use-entry-form';
import type { EntryDraft } from './session-api';

const vitals: EntryDraft = { type: 'vitals', line: '232/100 76 98' };
const action: EntryDraft = {
  type: 'action',
  action: 'discharge',
  escortPresent: true,
  instructionsGiven: true,
};

describe('what a chart form shows after an entry', () => {
  it('says saved, or saved on the device while it waits', () => {
    expect(entryFeedback({ kind: 'saved', view: {} as never }, vitals, ['body'])).toMatchObject({
      done: true,
      notice: SAVED_NOTICE,
    });
    expect(entryFeedback({ kind: 'waiting' }, vitals, ['body'])).toMatchObject({
      done: true,
      notice: WAITING_NOTICE,
    });
  });

  it('asks to confirm an implausible vital and resends it confirmed', () => {
    const error = new ApiError(409, 'confirmation_required', 'Confirm the values', [
      { field: 'body.reading.systolic', message: '232 is above 220: confirm the systolic BP' },
    ]);
    const feedback = entryFeedback({ kind: 'refused', error }, vitals, ['body']);
    expect(feedback.done).toBe(false);
    expect(feedback.confirmation?.fields).toHaveLength(1);
    expect(confirmed(feedback.confirmation!.draft)).toEqual({ ...vitals, confirm: true });
  });

  it('shows a refused action in the server’s words, and field problems by field', () => {
    const gate = new ApiError(409, 'conflict', 'The discharge criteria are not met: modified Aldrete 8 < 9');
    expect(entryFeedback({ kind: 'refused', error: gate }, action, ['body'])).toMatchObject({
      done: false,
      confirmation: undefined,
      error: 'The discharge criteria are not met: modified Aldrete 8 < 9',
    });
    const invalid = new ApiError(400, 'validation', 'Invalid', [
      { field: 'body.reading.spo2', message: '120 is not a possible SpO2' },
    ]);
    expect(
      entryFeedback({ kind: 'refused', error: invalid }, vitals, ['body.reading', 'body']).errors,
    ).toEqual({
      spo2: '120 is not a possible SpO2',
    });
  });

  it('does not offer a confirmation for entries that cannot carry one', () => {
    const error = new ApiError(409, 'confirmation_required', 'Confirm');
    expect(entryFeedback({ kind: 'refused', error }, action, ['body']).confirmation).toBeUndefined();
    expect(confirmed(action)).toBe(action);
  });
});
