import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clinicSettingsSchema,
  measurementSettingsSchema,
  type MeasurementSettings,
} from '../clinic/clinic-settings';
import { INSTRUMENT_DEFINITIONS } from '../instruments/definitions/index';
import { scoreResponse } from '../instruments/score';
import type { InstrumentId } from '../instruments/types';
import { MEASUREMENT_SETTING_SOURCES } from './measurement-setting-sources';
import { instrumentSettingsFor, outcomeSettingsFor } from './measurement-settings';
import { buildTrajectory, scoredWithOtherSettings, trajectoryCsv } from './trajectory';

const defaults = measurementSettingsSchema.parse({});

describe('every secondary or unverified threshold is a clinic setting', () => {
  it('maps each instrument setting to a clinic setting whose default is the definition’s default', () => {
    for (const def of INSTRUMENT_DEFINITIONS) {
      const mapped = instrumentSettingsFor(def.id, defaults);
      for (const s of def.settings) {
        expect(mapped[s.key], `${def.id}.${s.key} has no clinic setting`).toEqual(s.default);
      }
    }
  });

  it('passes the clinic’s MADRS cut points, C-SSRS moderate rule, Aldrete variant and BPI bands', () => {
    const s: MeasurementSettings = {
      ...defaults,
      madrsMildFrom: 8,
      madrsModerateFrom: 19,
      madrsSevereFrom: 31,
      cssrsModerateItems: ['item1', 'item3'],
      aldreteAllowEightWithRespirationAndSpo2: true,
      bpiModerateFrom: 4,
      bpiSevereFrom: 6.5,
    };
    expect(instrumentSettingsFor('madrs', s)).toMatchObject({
      mildFrom: 8,
      moderateFrom: 19,
      severeFrom: 31,
    });
    expect(instrumentSettingsFor('cssrs-screener', s)).toMatchObject({ moderateItems: ['item1', 'item3'] });
    expect(instrumentSettingsFor('aldrete', s)).toEqual({
      dischargeThreshold: 9,
      allowEightWithRespirationAndSpo2: true,
    });
    expect(instrumentSettingsFor('bpi-sf', s)).toEqual({ moderateFrom: 4, severeFrom: 6.5 });
    const madrs32 = scoreResponse('madrs', [6, 6, 6, 6, 6, 2, 0, 0, 0, 0], instrumentSettingsFor('madrs', s));
    expect(madrs32.ok && madrs32.result.severity).toBe('severe');
    const cssrs = scoreResponse(
      'cssrs-screener',
      { item1: 1, item2: 0, item6: 0 },
      instrumentSettingsFor('cssrs-screener', s),
    );
    expect(cssrs.ok && cssrs.result.severity).toBe('moderate');
    const aldrete = scoreResponse(
      'aldrete',
      { activity: 1, respiration: 2, circulation: 2, consciousness: 1, spo2: 2 },
      instrumentSettingsFor('aldrete', s),
    );
    expect(aldrete.ok && aldrete.result.flags).toEqual(['discharge-ready']);
  });

  it('applies the [secondary] PCL-5 and pain response rules from the clinic’s settings', () => {
    const s = { ...defaults, pcl5ResponsePoints: 15, painResponsePercent: 50 };
    expect(outcomeSettingsFor('pcl5', s)).toEqual({ response: { kind: 'point-reduction', atLeast: 15 } });
    expect(outcomeSettingsFor('pain-nrs', s)).toEqual({
      response: { kind: 'percent-reduction', atLeast: 50 },
    });
    expect(outcomeSettingsFor('bpi-sf', s)).toEqual({ response: { kind: 'percent-reduction', atLeast: 50 } });
    expect(outcomeSettingsFor('pcl5', defaults)).toEqual({});
  });

  it('refuses MADRS cut points out of order, naming the field, and BPI bands likewise', () => {
    const madrs = clinicSettingsSchema.safeParse({
      measurement: { madrsModerateFrom: 36 },
    });
    expect(madrs.success).toBe(false);
    expect(madrs.error?.issues.map((i) => i.path.join('.'))).toContain('measurement.madrsSevereFrom');
    const mild = clinicSettingsSchema.safeParse({ measurement: { madrsMildFrom: 20 } });
    expect(mild.error?.issues.map((i) => i.path.join('.'))).toContain('measurement.madrsModerateFrom');
    const bpi = clinicSettingsSchema.safeParse({ measurement: { bpiModerateFrom: 7, bpiSevereFrom: 7 } });
    expect(bpi.error?.issues.map((i) => i.path.join('.'))).toContain('measurement.bpiSevereFrom');
    const items = clinicSettingsSchema.safeParse({ measurement: { cssrsModerateItems: ['item4'] } });
    expect(items.error?.issues[0]?.path.slice(0, 2)).toEqual(['measurement', 'cssrsModerateItems']);
  });

  it('never accepts a clinic value that the instrument would refuse when scoring', () => {
    const int = (min: number, max: number) => fc.integer({ min: min - 2, max: max + 2 });
    const values = fc.record({
      phq9SafetyAlertFrom: int(1, 3),
      qidsSafetyAlertFrom: int(1, 3),
      madrsSafetyAlertFrom: int(1, 6),
      madrsMildFrom: int(1, 60),
      madrsModerateFrom: int(1, 60),
      madrsSevereFrom: int(1, 60),
      bpiModerateFrom: fc.double({ min: 0, max: 11, noNaN: true }),
      bpiSevereFrom: fc.double({ min: 0, max: 11, noNaN: true }),
      pcl5CutOff: int(0, 80),
      aldreteDischargeThreshold: int(0, 10),
      cssrsModerateItems: fc.subarray(['item1', 'item2', 'item3', 'item6']),
    });
    fc.assert(
      fc.property(values, (measurement) => {
        const parsed = measurementSettingsSchema.safeParse(measurement);
        if (!parsed.success) return;
        for (const def of INSTRUMENT_DEFINITIONS) {
          const scored = scoreResponse(def.id, {}, instrumentSettingsFor(def.id, parsed.data));
          // Unanswered items are the only problems: no setting is refused.
          if (!scored.ok) expect(scored.errors.filter((e) => e.setting)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('describes every clinical setting with its default, source and evidence tag for the settings page', () => {
    const keys = new Set(MEASUREMENT_SETTING_SOURCES.map((s) => s.key));
    for (const key of Object.keys(defaults)) expect(keys, key).toContain(key);
    for (const s of MEASUREMENT_SETTING_SOURCES) {
      expect(s.default, s.key).toEqual(defaults[s.key]);
      expect(s.source.length, s.key).toBeGreaterThan(3);
      expect(['primary', 'secondary', 'unverified', 'primary/secondary', 'engineering']).toContain(
        s.evidence,
      );
      if (s.evidence !== 'engineering') expect(s.section).toMatch(/^docs\/clinical-sources\.md#[a-z0-9-]+$/);
    }
    const severe = MEASUREMENT_SETTING_SOURCES.find((s) => s.key === 'madrsSevereFrom')!;
    expect(severe).toMatchObject({ evidence: 'primary', section: 'docs/clinical-sources.md#madrs-scoring' });
    expect(MEASUREMENT_SETTING_SOURCES.find((s) => s.key === 'cssrsModerateItems')?.evidence).toBe(
      'unverified',
    );
  });
});

describe('the trajectory reads the clinic’s values and keeps each score’s own', () => {
  const point = (date: string, value: number, severity: string, settingsUsed: Record<string, number>) => ({
    responseId: date,
    date,
    value,
    severity,
    flags: [],
    settingsUsed,
  });
  const madrsSettings = (severeFrom: number) =>
    instrumentSettingsFor('madrs', { ...defaults, madrsSevereFrom: severeFrom });
  const series = [
    point('2030-01-01', 32, 'severe', { mildFrom: 7, moderateFrom: 20, severeFrom: 31, safetyAlertFrom: 2 }),
    point('2030-02-01', 32, 'moderate', {
      mildFrom: 7,
      moderateFrom: 20,
      severeFrom: 35,
      safetyAlertFrom: 2,
    }),
  ];

  it('shades the bands with the clinic’s cut points, not the defaults', () => {
    const t = buildTrajectory('madrs', series, [], {}, madrsSettings(31));
    expect(t.bands.at(-2)).toMatchObject({ id: 'moderate', from: 20, to: 30 });
    expect(t.bands.at(-1)).toMatchObject({ id: 'severe', from: 31, to: 60 });
    expect(t.settings).toMatchObject({ severeFrom: 31 });
  });

  it('keeps the band each score was given, and says which scores used other settings', () => {
    const t = buildTrajectory('madrs', series, [], {}, madrsSettings(35));
    expect(t.points.map((p) => p.severity)).toEqual(['severe', 'moderate']);
    expect(scoredWithOtherSettings(t.points[0]!, t)).toEqual({ severeFrom: 31 });
    expect(scoredWithOtherSettings(t.points[1]!, t)).toEqual({});
  });

  it('exports the settings each score was computed with in the CSV', () => {
    const csv = trajectoryCsv(buildTrajectory('madrs', series, [], {}, madrsSettings(35)));
    const [header, first] = csv.trim().split('\r\n');
    expect(header?.split(',').at(-1)).toBe('settings_used');
    expect(first).toContain('mildFrom=7;moderateFrom=20;severeFrom=31;safetyAlertFrom=2');
  });

  it('uses defaults for an instrument whose clinic values are not given', () => {
    const t = buildTrajectory('madrs' as InstrumentId, series, []);
    expect(t.bands.at(-1)).toMatchObject({ from: 35 });
  });
});
