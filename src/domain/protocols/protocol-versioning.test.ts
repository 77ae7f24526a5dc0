import { describe, expect, it } from 'vitest';
import { IV_DEPRESSION } from './protocol-library';
import { copyProtocol, reviseProtocol } from './protocol-versioning';

describe('copyProtocol', () => {
  it('starts a new lineage at version 1 and records its origin', () => {
    const r = copyProtocol(IV_DEPRESSION, { id: 'clinic-depression', name: 'Our depression protocol' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.protocol).toMatchObject({
      id: 'clinic-depression',
      version: 1,
      name: 'Our depression protocol',
      lineage: { copiedFrom: { id: 'iv-depression', version: 1 } },
    });
    expect(r.protocol.steps).toEqual(IV_DEPRESSION.steps);
    expect(r.protocol.steps).not.toBe(IV_DEPRESSION.steps);
    expect(Object.isFrozen(r.protocol)).toBe(true);
  });

  it('refuses to reuse the source id', () => {
    const r = copyProtocol(IV_DEPRESSION, { id: 'iv-depression' });
    expect(r).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'id' })] });
  });

  it('validates the new id', () => {
    const r = copyProtocol(IV_DEPRESSION, { id: 'Bad Id' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.field).toBe('id');
  });
});

describe('reviseProtocol', () => {
  it('produces the next version and leaves the original untouched', () => {
    const before = structuredClone(IV_DEPRESSION);
    const r = reviseProtocol(
      IV_DEPRESSION,
      { ceiling: { mgPerKg: 0.75, citationIds: ['cusin-2017'] } },
      'cap at 0.75',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.protocol.version).toBe(2);
    expect(r.protocol.id).toBe('iv-depression');
    expect(r.protocol.ceiling.mgPerKg).toBe(0.75);
    expect(r.protocol.lineage).toEqual({
      supersedes: { id: 'iv-depression', version: 1 },
      note: 'cap at 0.75',
    });
    expect(IV_DEPRESSION).toEqual(before);
    expect(Object.isFrozen(r.protocol.ceiling)).toBe(true);
  });

  it('chains versions and keeps the copy origin', () => {
    const copy = copyProtocol(IV_DEPRESSION, { id: 'clinic-dep' });
    if (!copy.ok) throw new Error('copy failed');
    const v2 = reviseProtocol(copy.protocol, { name: 'v2' });
    if (!v2.ok) throw new Error('v2 failed');
    const v3 = reviseProtocol(v2.protocol, { name: 'v3' });
    expect(v3.ok && v3.protocol).toMatchObject({
      version: 3,
      lineage: {
        copiedFrom: { id: 'iv-depression', version: 1 },
        supersedes: { id: 'clinic-dep', version: 2 },
      },
    });
  });

  it('rejects an incoherent revision with the field named', () => {
    const r = reviseProtocol(IV_DEPRESSION, { ceiling: { mgPerKg: 0.6, citationIds: ['cusin-2017'] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain('ceiling.mgPerKg');
  });

  it('rejects attempts to change identity through changes', () => {
    const r = reviseProtocol(IV_DEPRESSION, { version: 9 } as never);
    expect(r).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'version' })] });
  });
});
