import { describe, expect, it } from 'vitest';
import { measurementSettingsSchema } from '../clinic/clinic-settings';
import { getInstrument } from '../instruments/registry';
import { scoreResponse } from '../instruments/score';
import { instrumentSettingsFor, outcomeSettingsFor } from './measurement-settings';
import { actionResolves, safetyReasons } from './safety';
import { bandsOf, buildTrajectory, trajectoryCsv } from './trajectory';

const defaults = measurementSettingsSchema.parse({});
const point = (date: string, value: number, id = date) => ({
  responseId: id,
  date,
  value,
  severity: null,
  flags: [],
});

describe('buildTrajectory', () => {
  it('states baseline, response (≥ 50%) and remission (PHQ-9 < 5) with the cited rule', () => {
    const t = buildTrajectory(
      'phq9',
      [point('2030-01-15', 12), point('2030-01-01', 20), point('2030-02-01', 4)],
      [{ date: '2030-01-02' }],
    );
    expect(t.points.map((p) => p.value)).toEqual([20, 12, 4]);
    expect(t.outcomes?.baseline).toMatchObject({ value: 20, date: '2030-01-01' });
    expect(t.outcomes?.response).toMatchObject({ met: true, firstMetDate: '2030-02-01' });
    expect(t.outcomes?.response?.rule).toContain('≥ 50%');
    expect(t.outcomes?.response?.citation?.source).toContain('McInnes');
    expect(t.outcomes?.remission).toMatchObject({ met: true, rule: 'remission = value < 5' });
    expect(t.points[1]).toMatchObject({ change: -8, response: false, remission: false });
    expect(t.anchors).toEqual([{ date: '2030-01-02', label: 'Infusion' }]);
  });

  it('shades the published bands up to the scale maximum', () => {
    expect(bandsOf(getInstrument('phq9')!)).toEqual([
      { id: 'none-minimal', label: 'None/minimal', from: 0, to: 4 },
      { id: 'mild', label: 'Mild', from: 5, to: 9 },
      { id: 'moderate', label: 'Moderate', from: 10, to: 14 },
      { id: 'moderately-severe', label: 'Moderately severe', from: 15, to: 19 },
      { id: 'severe', label: 'Severe', from: 20, to: 27 },
    ]);
    // MADRS cut points are settings (Snaith 1986 [secondary]); the defaults are used for shading.
    expect(bandsOf(getInstrument('madrs')!).at(-1)).toMatchObject({ to: 60 });
  });

  it('has no outcomes without scores and says why with a single score', () => {
    expect(buildTrajectory('gad7', [], []).outcomes).toBeNull();
    const one = buildTrajectory('phq9', [point('2030-01-01', 10)], []);
    expect(one.outcomes?.response).toMatchObject({
      met: null,
      reason: 'only the baseline score is available',
    });
  });

  it('exports CSV with a header, one row per score, and no spreadsheet formulas', () => {
    const csv = trajectoryCsv(
      buildTrajectory('phq9', [point('2030-01-01', 20, '=HYPERLINK("x")'), point('2030-02-01', 8)], []),
    );
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,instrument,total,severity,flags,change_from_baseline,percent_change,response,remission,response_id,settings_used',
    );
    expect(lines[2]).toBe('2030-02-01,phq9,8,,,-12,-60,true,false,2030-02-01,');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('clinic measurement settings', () => {
  it('keeps the cited defaults (and their citations) when the clinic has not changed them', () => {
    expect(outcomeSettingsFor('phq9', defaults)).toEqual({});
    expect(outcomeSettingsFor('madrs', defaults)).toEqual({});
    expect(outcomeSettingsFor('qids-sr16', defaults)).toEqual({});
  });

  it('applies a clinic’s MADRS ≤ 12 remission (TRANSFORM-3) and a PCL-5 cut-off of 31', () => {
    const s = { ...defaults, madrsRemissionAtMost: 12, pcl5CutOff: 31 };
    expect(outcomeSettingsFor('madrs', s)).toEqual({ remission: { kind: 'at-most', value: 12 } });
    expect(instrumentSettingsFor('pcl5', s)).toEqual({ cutoff: 31 });
    expect(instrumentSettingsFor('aldrete', s)).toEqual({
      dischargeThreshold: 9,
      allowEightWithRespirationAndSpo2: false,
    });
  });
});

describe('safety rules', () => {
  it('raises an alert for PHQ-9 item 9 ≥ 1 and, for the C-SSRS, for high risk by default', () => {
    const phq = (item9: number) => scoreResponse('phq9', [0, 0, 0, 0, 0, 0, 0, 0, item9]);
    const r0 = phq(0);
    const r1 = phq(1);
    expect(r0.ok && safetyReasons(r0.result)).toEqual([]);
    expect(r1.ok && safetyReasons(r1.result)).toEqual(['suicidal-ideation']);
    const high = scoreResponse('cssrs-screener', {
      item1: 1,
      item2: 1,
      item3: 1,
      item4: 1,
      item5: 0,
      item6: 0,
    });
    expect(high.ok && safetyReasons(high.result)).toEqual(['suicidal-ideation', 'cssrs-high']);
    const low = scoreResponse('cssrs-screener', { item1: 0, item2: 0, item6: 0 });
    expect(low.ok && safetyReasons(low.result)).toEqual([]);
  });

  it('does not let "contacted the patient" close an alert', () => {
    expect(actionResolves('contacted-patient')).toBe(false);
    expect(actionResolves('safety-assessment')).toBe(true);
  });
});
