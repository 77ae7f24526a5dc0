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

describe('the schedule pages', () => {
  it('have their own addresses, with the view, date and patient in the query', () => {
    expect(parseRoute(paths.schedule())).toEqual({ name: 'schedule' });
    expect(paths.schedule({ view: 'week', date: '2030-03-05' })).toBe(
      '/app/schedule?view=week&date=2030-03-05',
    );
    expect(parseRoute('/app/schedule/book')).toEqual({ name: 'schedule-book' });
    expect(paths.scheduleBook('abc')).toBe('/app/schedule/book?patientId=abc');
    expect(parseRoute(paths.scheduleSetup())).toEqual({ name: 'schedule-setup' });
  });
});

describe('the session pages', () => {
  it('have the chair board and one address per session', () => {
    expect(parseRoute(paths.board())).toEqual({ name: 'board' });
    expect(paths.session('a b')).toBe('/app/sessions/a%20b');
    expect(parseRoute(paths.session('a b'))).toEqual({ name: 'session', id: 'a b' });
    expect(parseRoute('/app/sessions')).toEqual({ name: 'not-found' });
  });
});

describe('the REMS pages', () => {
  it('have the forms due, the certification and one address per form', () => {
    expect(parseRoute(paths.remsFormsDue())).toEqual({ name: 'rems-forms-due' });
    expect(parseRoute(paths.remsCertification())).toEqual({ name: 'rems-certification' });
    expect(paths.remsForm('a b')).toBe('/app/rems-forms/a%20b');
    expect(paths.remsForm('f', 's')).toBe('/app/rems-forms/f?session=s');
    expect(parseRoute(paths.remsForm('a b'))).toEqual({ name: 'rems-form', id: 'a b' });
    expect(parseRoute('/app/rems')).toEqual({ name: 'not-found' });
    expect(parseRoute(paths.ledger())).toEqual({ name: 'ledger', tab: undefined });
    expect(parseRoute(paths.ledger('counts'))).toEqual({ name: 'ledger', tab: 'counts' });
    expect(parseRoute(paths.ledgerReceipt('r 1'))).toEqual({ name: 'ledger-receipt', id: 'r 1' });
    expect(paths.ledgerDiscrepancy('d/1')).toBe('/app/ledger/discrepancies/d%2F1');
    expect(parseRoute(paths.ledgerDiscrepancy('d/1'))).toEqual({ name: 'ledger-discrepancy', id: 'd/1' });
    expect(parseRoute('/app/ledger/receipts')).toEqual({ name: 'ledger', tab: 'receipts' });
  });
});
