import { describe, expect, it } from 'vitest';
import { formToSettingsBody } from './settings-form-model';

describe('formToSettingsBody', () => {
  it('sends whole numbers as numbers and anything else as typed', () => {
    const body = formToSettingsBody({
      name: ' Clinic ',
      timeZone: 'America/Chicago',
      security: {
        sessionIdleMinutes: '15',
        sessionAbsoluteHours: '12',
        passwordFailuresPerAccount: '5',
        passwordFailuresPerIp: '30',
        mfaFailuresPerUser: '5',
        lockMinutes: 'ten',
      },
    });
    expect(body.name).toBe('Clinic');
    expect(body.settings.security).toMatchObject({ sessionIdleMinutes: 15, lockMinutes: 'ten' });
  });
});
