import { describe, expect, it } from 'vitest';
import { auditQuery, emptyAuditFilters, localToIso, nextSort } from './audit-query';

describe('auditQuery', () => {
  it('sends only the filters that are set, with sort and page', () => {
    expect(
      auditQuery({ ...emptyAuditFilters, action: 'read' }, 'user', 'asc', { limit: 50, offset: 100 }),
    ).toBe('?action=read&sort=user&dir=asc&limit=50&offset=100');
  });
  it('asks for bulk access only when the box is ticked', () => {
    expect(auditQuery({ ...emptyAuditFilters, bulkAccess: true }, 'time', 'desc')).toBe(
      '?bulkAccess=true&sort=time&dir=desc',
    );
    expect(auditQuery({ ...emptyAuditFilters, bulkAccess: false }, 'time', 'desc')).toBe(
      '?sort=time&dir=desc',
    );
  });
  it('leaves out the page for the CSV export', () => {
    expect(auditQuery(emptyAuditFilters, 'time', 'desc')).toBe('?sort=time&dir=desc');
  });
  it('turns local date-times into instants', () => {
    expect(localToIso('2025-01-02T03:04')).toBe(new Date(2025, 0, 2, 3, 4).toISOString());
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('nonsense')).toBeUndefined();
  });
});

describe('nextSort', () => {
  it('flips the direction of the current column', () => {
    expect(nextSort({ sort: 'user', dir: 'asc' }, 'user')).toEqual({ sort: 'user', dir: 'desc' });
  });
  it('starts time newest first and other columns A to Z', () => {
    expect(nextSort({ sort: 'user', dir: 'asc' }, 'time')).toEqual({ sort: 'time', dir: 'desc' });
    expect(nextSort({ sort: 'time', dir: 'desc' }, 'action')).toEqual({ sort: 'action', dir: 'asc' });
  });
});
