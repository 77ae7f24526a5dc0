import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears } from './age.js';
import { canMoveCareStatus, careStatuses, careStatusMoves } from './care-status.js';
import { findCondition, isWellFormedIcd10 } from './conditions.js';
import { formatMrn, isValidMrn, luhnCheckDigit } from './medical-record-number.js';
import { birthDateProblem, patientChangesSchema, patientFieldsSchema } from './patient-fields.js';

describe('medical record numbers', () => {
  it.each([
    // Published Luhn examples: 7992739871 → check digit 3; 4539 1488 0343 646 → 7.
    ['7992739871', 3],
    ['453914880343646', 7],
    ['000001', 8],
  ])('Luhn check digit of %s is %i', (digits, check) => {
    expect(luhnCheckDigit(digits)).toBe(check);
  });

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (sequence, position, delta) => {
          const mrn = formatMrn(sequence);
          expect(isValidMrn(mrn)).toBe(true);
          const index = 1 + (position % (mrn.length - 1));
          const digit = (Number(mrn[index]) + delta) % 10;
          const typo = mrn.slice(0, index) + digit + mrn.slice(index + 1);
          expect(isValidMrn(typo)).toBe(false);
        },
      ),
    );
  });
});

describe('age', () => {
  it.each([
    ['1980-06-15', '2026-06-14', 45],
    ['1980-06-15', '2026-06-15', 46],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s, on %s → %i', (birth, today, age) => {
    expect(ageInYears(birth, today)).toBe(age);
  });
});

describe('care status path', () => {
  it('allows staying put and the listed moves only', () => {
    for (const from of careStatuses) {
      for (const to of careStatuses) {
        expect(canMoveCareStatus(from, to)).toBe(from === to || careStatusMoves[from].includes(to));
      }
    }
    expect(canMoveCareStatus('referred', 'in_treatment')).toBe(false);
    expect(canMoveCareStatus('maintenance', 'in_treatment')).toBe(true);
  });

  it('lets every status reach discharge, and discharge lead back to referral', () => {
    for (const status of careStatuses)
      if (status !== 'discharged') expect(careStatusMoves[status]).toContain('discharged');
    expect(careStatusMoves.discharged).toEqual(['referred']);
  });
});

describe('patient fields', () => {
  it('accepts ICD-10-CM shapes and rejects others', () => {
    for (const code of ['F33.2', 'F41.1', 'G90.511', 'F32.A', 'G89.4'])
      expect(isWellFormedIcd10(code)).toBe(true);
    for (const code of ['F3', 'U07', '33.2', 'F33.', 'F33.23456', 'f33.2'])
      expect(isWellFormedIcd10(code)).toBe(false);
    expect(findCondition('F43.10')?.group).toBe('ptsd');
  });

  it('rejects impossible dates and future or implausible birth dates', () => {
    expect(
      patientFieldsSchema.safeParse({
        legalGivenName: 'A',
        legalFamilyName: 'B',
        birthDate: '2021-02-29',
        sexAtBirth: 'male',
      }).success,
    ).toBe(false);
    expect(birthDateProblem('2030-01-01', '2026-11-24')).toBe('must not be in the future');
    expect(birthDateProblem('1890-01-01', '2026-11-24')).toBe('is more than 130 years ago');
    expect(birthDateProblem('1990-01-01', '2026-11-24')).toBeUndefined();
  });

  it('gives an edit no defaults, so omitted lists are not reset', () => {
    expect(patientChangesSchema.parse({ phone: '555' })).toEqual({ phone: '555' });
    expect(
      patientFieldsSchema.parse({
        legalGivenName: 'A',
        legalFamilyName: 'B',
        birthDate: '1990-01-01',
        sexAtBirth: 'male',
      }),
    ).toMatchObject({ conditions: [], alerts: [], careStatus: 'referred' });
  });
});
