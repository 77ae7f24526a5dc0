import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema } from '../../../domain/clinic';
import { formToSettingsBody, settingsToForm } from './settings-form-model';

const clinic = {
  id: 'c1',
  name: 'Clinic',
  slug: 'clinic',
  isDemo: false,
  settings: clinicSettingsSchema.parse({}),
};

describe('formToSettingsBody', () => {
  it('sends whole numbers as numbers and anything else as typed', () => {
    const form = settingsToForm(clinic);
    const body = formToSettingsBody({
      ...form,
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

  it('sends the measurement thresholds as typed values, lists and the CADSS wording', () => {
    const form = settingsToForm(clinic);
    expect(form.measurement.madrsSevereFrom).toBe('35');
    const body = formToSettingsBody({
      ...form,
      measurement: {
        ...form.measurement,
        madrsSevereFrom: '31',
        bpiSevereFrom: '6.5',
        qidsSafetyAlertFrom: 'two',
        cssrsAlertAtModerateRisk: true,
        cssrsModerateItems: ['item1', 'item3'],
        cadss6ItemWording: { ...form.measurement.cadss6ItemWording, item2: '  Our wording  ' },
      },
    });
    expect(body.settings.measurement).toMatchObject({
      madrsSevereFrom: 31,
      bpiSevereFrom: 6.5,
      qidsSafetyAlertFrom: 'two',
      cssrsAlertAtModerateRisk: true,
      cssrsModerateItems: ['item1', 'item3'],
    });
    expect(body.settings.measurement.cadss6ItemWording).toMatchObject({ item2: 'Our wording', item1: '' });
    // The whole body passes the server's schema when the values are valid.
    const valid = formToSettingsBody({
      ...form,
      measurement: { ...form.measurement, madrsSevereFrom: '31' },
    });
    expect(clinicSettingsSchema.safeParse({ ...clinic.settings, ...valid.settings }).success).toBe(true);
  });
});

describe('the public site section', () => {
  it('starts empty for a new clinic and sends contact details, hours, logo and colours trimmed', () => {
    const form = settingsToForm(clinic);
    expect(form.site).toMatchObject({ phone: '', email: '', address: '', hours: '', logoText: '' });
    const body = formToSettingsBody({
      ...form,
      site: {
        ...form.site,
        phone: ' (312) 555-0142 ',
        email: 'care@riverside.example',
        address: '7 Mill Lane',
        hours: 'Tue–Sat 9–6',
        logoText: 'Riverside',
        logoUrl: '/site/assets/logo.svg',
        primaryColour: '#123456',
        accentColour: '#654321',
      },
    });
    expect(body.settings.site).toMatchObject({
      phone: '(312) 555-0142',
      email: 'care@riverside.example',
      address: '7 Mill Lane',
      hours: 'Tue–Sat 9–6',
      logoText: 'Riverside',
      logoUrl: '/site/assets/logo.svg',
      primaryColour: '#123456',
      accentColour: '#654321',
    });
    expect(clinicSettingsSchema.safeParse({ ...clinic.settings, ...body.settings }).success).toBe(true);
  });
});
