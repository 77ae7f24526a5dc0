import { describe, expect, it } from 'vitest';
import {
  initialMeasurementForm,
  measurementAgeText,
  measurementBodyOf,
  measurementIsStale,
  measurementSummary,
} from './body-measurement-model';

const now = new Date('2026-03-10T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('body measurement model', () => {
  it('says how old a measurement is', () => {
    expect(measurementAgeText(daysAgo(0.2), now)).toBe('measured today');
    expect(measurementAgeText(daysAgo(1.2), now)).toBe('measured 1 day ago');
    expect(measurementAgeText(daysAgo(3.5), now)).toBe('measured 3 days ago');
  });

  it('is stale beyond the clinic’s limit', () => {
    expect(measurementIsStale(daysAgo(29), 30, now)).toBe(false);
    expect(measurementIsStale(daysAgo(31), 30, now)).toBe(true);
  });

  it('summarises a measurement with its age', () => {
    expect(
      measurementSummary(
        { weightKg: 80, heightCm: 168, measuredAt: daysAgo(3), source: 'clinic-scale' },
        now,
      ),
    ).toBe('80 kg, 168 cm, measured 3 days ago (clinic scale)');
  });

  it('builds the request with units, or names each blank field', () => {
    const form = { ...initialMeasurementForm(), weight: ' 80 ', height: '168' };
    expect(measurementBodyOf(form)).toEqual({
      errors: {},
      body: { weight: { value: 80, unit: 'kg' }, height: { value: 168, unit: 'cm' }, source: 'clinic-scale' },
    });
    expect(Object.keys(measurementBodyOf(initialMeasurementForm()).errors).sort()).toEqual([
      'height',
      'weight',
    ]);
    const correction = measurementBodyOf({ ...form, amends: 'abc', reason: '' });
    expect(correction.errors).toEqual({ reason: 'Say why the earlier measurement is corrected' });
    expect(
      measurementBodyOf({ ...form, amends: '5f3c7a2e-0000-4000-8000-000000000001', reason: 'typo' }).body
        ?.amends,
    ).toEqual({ id: '5f3c7a2e-0000-4000-8000-000000000001', reason: 'typo' });
  });
});
