import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../contracts/patients';
import { reasonProblem, statusChangeDialog, statusChangeNotice } from './status-change';

describe('reasonProblem', () => {
  it('lets a care-status move go without a reason', () => {
    expect(reasonProblem({ kind: 'move', to: 'screening' }, '')).toBeUndefined();
  });

  it('asks for at least 3 characters to deactivate or reactivate', () => {
    expect(reasonProblem({ kind: 'deactivate' }, ' ab ')).toBe('Give a reason of at least 3 characters');
    expect(reasonProblem({ kind: 'reactivate' }, 'moved away')).toBeUndefined();
  });
});

describe('statusChangeDialog', () => {
  it('names the move and marks the reason optional', () => {
    expect(statusChangeDialog({ kind: 'move', to: 'in_treatment' })).toEqual({
      title: 'Move to In treatment?',
      confirmLabel: 'Move',
      reasonLabel: 'Reason (optional)',
    });
  });

  it('requires a reason to deactivate or reactivate', () => {
    expect(statusChangeDialog({ kind: 'deactivate' })).toEqual({
      title: 'Deactivate this record?',
      confirmLabel: 'Deactivate',
      reasonLabel: 'Reason (required)',
    });
    expect(statusChangeDialog({ kind: 'reactivate' }).confirmLabel).toBe('Reactivate');
  });
});

describe('statusChangeNotice', () => {
  const saved = { careStatus: 'maintenance' } as Patient;
  it('says what the record is now', () => {
    expect(statusChangeNotice({ kind: 'move', to: 'maintenance' }, saved)).toBe(
      'Care status is now Maintenance.',
    );
    expect(statusChangeNotice({ kind: 'deactivate' }, saved)).toBe(
      'The record is deactivated. It is kept and can be reactivated.',
    );
    expect(statusChangeNotice({ kind: 'reactivate' }, saved)).toBe('The record is active again.');
  });
});
