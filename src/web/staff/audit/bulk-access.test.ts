import { describe, expect, it } from 'vitest';
import { emptyAuditFilters } from './audit-query';
import { filtersForFlaggedHour, isoToLocalInput, patientCell } from './bulk-access';

describe('isoToLocalInput', () => {
  it('turns an instant into the datetime-local value of the browser’s zone', () => {
    const date = new Date(2025, 2, 4, 14, 0);
    expect(isoToLocalInput(date.toISOString())).toBe('2025-03-04T14:00');
  });
});

describe('filtersForFlaggedHour', () => {
  it('shows the flagged user’s chart reads in that hour', () => {
    const hour = new Date(2025, 2, 4, 14, 0).toISOString();
    expect(
      filtersForFlaggedHour({ userId: 'u-1', userLabel: 'Nurse', hour, patients: 61 }, emptyAuditFilters),
    ).toEqual({
      ...emptyAuditFilters,
      userId: 'u-1',
      from: '2025-03-04T14:00',
      to: '2025-03-04T15:00',
      bulkAccess: true,
    });
  });
});

describe('patientCell', () => {
  it('shows the name and MRN, and the short id only when the patient is not the clinic’s', () => {
    expect(
      patientCell({ patientId: 'a1b2c3d4-0000', patientName: 'Iris Vantongeren', patientMrn: 'A0000018' }),
    ).toEqual({ name: 'Iris Vantongeren', mrn: 'A0000018' });
    expect(patientCell({ patientId: 'a1b2c3d4-0000', patientName: null, patientMrn: null })).toEqual({
      name: 'a1b2c3d4',
      mrn: null,
    });
    expect(patientCell({ patientId: null, patientName: null, patientMrn: null })).toBeUndefined();
  });
});
