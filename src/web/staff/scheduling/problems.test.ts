import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import { fieldLabel, problemText, sessionProblems } from './problems';

describe('fieldLabel', () => {
  it.each([
    ['body.sessions.2.start', 'Session 3, start'],
    ['body.hours.0.closes', 'Hours row 1, closes'],
    ['body.startDate', 'First day'],
    ['body.parts.infusionMinutes', 'Infusion minutes'],
    ['body', 'Request'],
  ])('%s → %s', (field, label) => expect(fieldLabel(field)).toBe(label));
});

describe('problemText', () => {
  it('shows a conflict as the server says it', () => {
    const error = new ApiError(409, 'conflict', 'Chair 1 is booked from 09:00 to 10:10 on 2030-03-05');
    expect(problemText(error)).toEqual({
      message: 'Chair 1 is booked from 09:00 to 10:10 on 2030-03-05',
      fields: [],
    });
  });

  it('lists each field problem in words, once', () => {
    const error = new ApiError(400, 'invalid_request', 'Some fields are invalid', [
      { field: 'body.reason', message: 'Too small: expected string to have >=1 characters' },
      { field: 'body.start', message: 'the clinic is closed then' },
    ]);
    expect(problemText(error).fields).toEqual(['Reason: Required', 'Start: the clinic is closed then']);
    const quoted = new ApiError(
      400,
      'invalid_request',
      'The clinic is closed then: the clinic is closed then',
      [{ field: 'body.start', message: 'the clinic is closed then' }],
    );
    expect(problemText(quoted).fields).toEqual([]);
  });

  it('says something plain for an error that is not the API’s', () => {
    expect(problemText(new TypeError('x')).message).toBe('Something went wrong. Try again.');
  });
});

describe('sessionProblems', () => {
  it('groups a series’ problems by session', () => {
    const error = new ApiError(409, 'conflict', 'Session 3: Chair 1 is taken', [
      { field: 'sessions.2.roomId', message: 'Chair 1 is booked then' },
      { field: 'body.sessions.4.start', message: 'the clinic is closed then' },
      { field: 'sessions', message: 'more than 3 in one week' },
    ]);
    expect([...sessionProblems(error).entries()]).toEqual([
      [2, ['Chair 1 is booked then']],
      [4, ['the clinic is closed then']],
    ]);
  });
});
