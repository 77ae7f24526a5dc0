import { describe, expect, it } from 'vitest';
import {
  ESKETAMINE_TRD,
  IV_CHRONIC_PAIN,
  IV_CRPS_CONTINUOUS_22MG_H,
  IV_CRPS_OUTPATIENT,
  IV_DEPRESSION,
  IV_PTSD_FEDER_2021,
} from '../protocols';
import { absoluteMgCapFor } from './absolute-cap';
import { computeDose } from './compute-dose';
import { ivDose, ivRequest, lineOf, settingsWith, stopsOf, warningCodes } from './dose-test-fixtures';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';

const ACTUAL = settingsWith({ weightBasis: { rule: 'actual' } });
const CAP = ['above-absolute-cap', 'acknowledgements.highDose'];
const escalationAck = { escalation: { acknowledged: true, reason: 'six infusions without response' } };
const bigBag = {
  vialConcentration: { value: 100, unit: 'mg/mL' },
  bagVolume: { value: 1000, unit: 'mL' },
};

describe('absolute mg cap per protocol', () => {
  it('derives each library protocol’s default cap from its ceiling at the reference weight', () => {
    const s = DEFAULT_DOSING_SETTINGS;
    expect(absoluteMgCapFor(IV_DEPRESSION, s)).toMatchObject({ mg: 100, origin: 'derived' });
    expect(absoluteMgCapFor(IV_PTSD_FEDER_2021, s)).toMatchObject({ mg: 50, origin: 'derived' });
    expect(absoluteMgCapFor(IV_CHRONIC_PAIN, s)).toMatchObject({ mg: 800, origin: 'derived' });
    expect(absoluteMgCapFor(IV_CRPS_OUTPATIENT, s)).toMatchObject({ mg: 200, origin: 'derived' });
    expect(absoluteMgCapFor(IV_CRPS_CONTINUOUS_22MG_H, s)).toMatchObject({ mg: 528, origin: 'setting' });
    expect(absoluteMgCapFor(ESKETAMINE_TRD, s)).toMatchObject({ mg: 84, origin: 'derived' });
  });

  it('stops 300 kg × 1.0 mg/kg (300 mg) on actual weight without a high-dose confirmation', () => {
    const r = computeDose(
      ivRequest(
        {
          chart: { sessionsGiven: 6 },
          history: { sessionsWithoutResponse: 6 },
          doseOverride: { value: 1.0, unit: 'mg/kg' },
          acknowledgements: escalationAck,
          preparation: bigBag,
        },
        300,
        180,
      ),
      ACTUAL,
    );
    expect(stopsOf(r)).toEqual([CAP]);
    if (!r.ok) expect(r.hardStops[0]!.message).toContain('100 mg');
  });

  it('gives it with a high-dose confirmation and reason, and records it', () => {
    const r = computeDose(
      ivRequest(
        {
          chart: { sessionsGiven: 6 },
          history: { sessionsWithoutResponse: 6 },
          doseOverride: { value: 1.0, unit: 'mg/kg' },
          acknowledgements: {
            ...escalationAck,
            highDose: { acknowledged: true, reason: 'reviewed with anaesthesia; monitored bed' },
          },
          preparation: bigBag,
        },
        300,
        180,
      ),
      ACTUAL,
    );
    expect(ivDose(r).totalMg).toBe(300);
    expect(warningCodes(r)).toContain('high-dose-confirmed');
    expect(r.warnings.find((w) => w.code === 'high-dose-confirmed')?.message).toContain('monitored bed');
  });

  it('stops 2 mg/kg/h × 4 h for 300 kg (2,400 mg), which no per-kg ceiling catches', () => {
    const r = computeDose(
      ivRequest(
        {
          protocol: IV_CHRONIC_PAIN,
          stepId: 'infusion',
          doseOverride: { value: 2, unit: 'mg/kg/h' },
          preparation: bigBag,
        },
        300,
        180,
      ),
      ACTUAL,
    );
    expect(stopsOf(r)).toEqual([CAP]);
  });

  it('takes a per-protocol cap from the clinic setting and explains the cap it checked', () => {
    const s = settingsWith({
      absoluteMgCap: { referenceWeightKg: 100, byProtocol: { 'iv-depression': 30 } },
    });
    expect(stopsOf(computeDose(ivRequest(), s))).toEqual([CAP]);
    const d = ivDose(computeDose(ivRequest(), DEFAULT_DOSING_SETTINGS));
    expect(lineOf(d, 'absoluteMgCap')).toMatchObject({ value: 100, unit: 'mg' });
    expect(lineOf(d, 'absoluteMgCap')?.sources?.map((x) => x.tag)).toEqual(['engineering']);
  });

  it('a copy of a library protocol keeps the library protocol’s cap setting', () => {
    const copy = {
      ...structuredClone(IV_CRPS_CONTINUOUS_22MG_H),
      id: 'maple-crps',
      lineage: { copiedFrom: { id: 'iv-crps-continuous-22mg-h', version: 1 } },
    };
    expect(absoluteMgCapFor(copy, DEFAULT_DOSING_SETTINGS).mg).toBe(528);
  });

  it('never rounds up across the cap', () => {
    // 70.9 kg × 0.5 = 35.45 mg = 0.709 mL: the nearest 0.01 mL is 0.71 mL = 35.5 mg, over a 35.45 mg cap.
    const s = settingsWith({
      absoluteMgCap: { referenceWeightKg: 100, byProtocol: { 'iv-depression': 35.45 } },
    });
    const r = computeDose(ivRequest({}, 70.9, 175), s);
    expect(ivDose(r)).toMatchObject({ drugVolumeMl: 0.7, totalMg: 35 });
    expect(warningCodes(r)).toContain('rounded-down-to-stay-under-ceiling');
  });
});
