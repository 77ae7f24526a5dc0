import { describe, expect, it } from 'vitest';
import { computeDose } from './compute-dose';
import { ivDose, ivRequest, lineOf, settingsWith, stopsOf, warningCodes } from './dose-test-fixtures';
import type { DoseRequest } from './dose-types';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';

const S = DEFAULT_DOSING_SETTINGS;
const stored = (ageDays: number): NonNullable<DoseRequest['chart']>['measurement'] => ({
  source: 'stored',
  id: '5f3c7a2e-0000-4000-8000-000000000001',
  measuredAt: '2026-01-10T09:00:00.000Z',
  ageDays,
});

describe('sex from the chart', () => {
  it('uses the chart’s sex for ideal weight and flags a request that differs', () => {
    // 120 kg, 170 cm: BMI 41.5, so ideal weight (which depends on sex) is used.
    const r = computeDose(ivRequest({ chart: { sexAtBirth: 'female' } }, 120, 170, 'male'), S);
    const d = ivDose(r);
    expect(d.patient.sex).toBe('female');
    expect(d.weightBasis.idealBodyWeightKg).toBeCloseTo(61.437, 3);
    expect(warningCodes(r)).toContain('sex-differs-from-chart');
  });

  it('uses the clinician’s choice, flagged, when the chart holds neither value the formula knows', () => {
    const r = computeDose(ivRequest({ chart: { sexAtBirth: 'unknown' } }, 120, 170, 'male'), S);
    expect(ivDose(r).patient.sex).toBe('male');
    expect(warningCodes(r)).toContain('sex-not-in-chart');
  });

  it('does not flag a request that agrees with the chart', () => {
    expect(computeDose(ivRequest({ chart: { sexAtBirth: 'male' } }), S).warnings).toEqual([]);
  });
});

describe('a dated body measurement', () => {
  it('shows the measurement’s age in the explanation', () => {
    const d = ivDose(computeDose(ivRequest({ chart: { measurement: stored(3.4) } }), S));
    expect(lineOf(d, 'bodyMeasurementAgeDays')).toMatchObject({ value: 3, unit: 'days' });
    expect(d.bodyMeasurement).toMatchObject({ source: 'stored', ageDays: 3.4 });
  });

  it('stops on a measurement older than the clinic allows, and takes the limit from the settings', () => {
    expect(stopsOf(computeDose(ivRequest({ chart: { measurement: stored(31) } }), S))).toEqual([
      ['measurement-too-old', 'patient.weight'],
    ]);
    const s = settingsWith({ bodyMeasurement: { maxAgeDays: 60, weightChangeWarnPercent: 5 } });
    expect(computeDose(ivRequest({ chart: { measurement: stored(31) } }), s).ok).toBe(true);
  });

  it('warns on a large change since the weight of the last dose', () => {
    const changed = computeDose(ivRequest({ chart: { lastDoseWeightKg: 75 } }, 70), S); // 6.7 % less
    expect(warningCodes(changed)).toEqual(['weight-changed-since-last-dose']);
    expect(changed.warnings[0]!.message).toContain('75 kg');
    expect(computeDose(ivRequest({ chart: { lastDoseWeightKg: 72 } }, 70), S).warnings).toEqual([]);
  });
});
