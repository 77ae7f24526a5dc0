import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './routes';

describe('parseRoute', () => {
  it('sends the app root and /patients to the patient list', () => {
    expect(parseRoute('/app/')).toEqual({ name: 'patients' });
    expect(parseRoute('/app')).toEqual({ name: 'patients' });
    expect(parseRoute('/app/patients')).toEqual({ name: 'patients' });
  });
  it('reads a chart id and tab', () => {
    expect(parseRoute('/app/patients/abc')).toEqual({ name: 'patient', id: 'abc', tab: undefined });
    expect(parseRoute('/app/patients/abc/history')).toEqual({ name: 'patient', id: 'abc', tab: 'history' });
    expect(parseRoute(paths.patient('x y', 'edit'))).toEqual({ name: 'patient', id: 'x y', tab: 'edit' });
  });
  it('knows the admin pages and nothing else', () => {
    expect(parseRoute('/app/users')).toEqual({ name: 'users' });
    expect(parseRoute('/app/audit')).toEqual({ name: 'audit' });
    expect(parseRoute('/app/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('/app/users/extra')).toEqual({ name: 'not-found' });
    expect(parseRoute('/elsewhere')).toEqual({ name: 'not-found' });
    expect(parseRoute('/app/patients/new')).toEqual({ name: 'patient-new' });
  });
});
