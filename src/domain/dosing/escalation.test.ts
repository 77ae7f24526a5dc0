import { describe, expect, it } from 'vitest';
import {
  IV_CHRONIC_PAIN,
  IV_CRPS_CONTINUOUS_22MG_H,
  IV_CRPS_INPATIENT_TITRATED,
  IV_CRPS_OUTPATIENT,
} from '../protocols';
import { computeDose } from './compute-dose';
import { ivDose, ivRequest, stopsOf, warningCodes } from './dose-test-fixtures';
import type { DoseRequest } from './dose-types';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';

const S = DEFAULT_DOSING_SETTINGS;
const ack = (reason = 'non-responder after 3 infusions, tolerating well') => ({
  escalation: { acknowledged: true, reason },
});
const at = (sessionsGiven: number, sessionsWithoutResponse?: number): Partial<DoseRequest> => ({
  chart: { sessionsGiven },
  ...(sessionsWithoutResponse === undefined ? {} : { history: { sessionsWithoutResponse } }),
});
const STOP = ['escalation-not-acknowledged', 'acknowledgements.escalation'];

describe('any dose above the current step is checked against the escalation rule', () => {
  it('stops 1.0 mg/kg on the standard step at the first session without an acknowledgement', () => {
    const r = computeDose(ivRequest({ ...at(0, 0), doseOverride: { value: 1.0, unit: 'mg/kg' } }), S);
    expect(stopsOf(r)).toEqual([STOP]);
    if (r.ok) return;
    // The message names the rule, the session history and why no step covers the dose.
    expect(r.hardStops[0]!.message).toMatch(/≥ 3/);
    expect(r.hardStops[0]!.message).toMatch(/0 session/);
    expect(r.hardStops[0]!.message).toMatch(/above every step/);
  });

  it('orders it once acknowledged with a reason, and records the acknowledgement', () => {
    const r = computeDose(
      ivRequest({ ...at(0, 0), doseOverride: { value: 1.0, unit: 'mg/kg' }, acknowledgements: ack() }),
      S,
    );
    expect(ivDose(r).totalMg).toBe(70);
    expect(warningCodes(r)).toContain('escalation-acknowledged');
    expect(r.warnings.find((w) => w.code === 'escalation-acknowledged')?.message).toContain(
      'non-responder after 3 infusions',
    );
  });

  it('needs a reason with the acknowledgement', () => {
    const r = computeDose(
      ivRequest({
        ...at(0, 0),
        doseOverride: { value: 1.0, unit: 'mg/kg' },
        acknowledgements: { escalation: { acknowledged: true, reason: '  ' } },
      }),
      S,
    );
    expect(stopsOf(r)).toEqual([['reason-required', 'acknowledgements.escalation.reason']]);
  });

  it('stops the escalated step before 3 sessions without response, and with no history at all', () => {
    expect(stopsOf(computeDose(ivRequest({ stepId: 'escalated', ...at(3, 2) }), S))).toEqual([STOP]);
    expect(stopsOf(computeDose(ivRequest({ stepId: 'escalated', ...at(3) }), S))).toEqual([STOP]);
  });

  it('cross-checks the clinician’s count with the sessions actually given', () => {
    // 3 without response entered, but only one session of this protocol family reached the patient.
    const r = computeDose(ivRequest({ stepId: 'escalated', ...at(1, 3) }), S);
    expect(stopsOf(r)).toEqual([STOP]);
    if (!r.ok) expect(r.hardStops[0]!.message).toMatch(/1 session\(s\) .*given/);
    expect(warningCodes(r)).toContain('history-exceeds-sessions-given');
  });

  it('allows the escalated step, or an override it covers, once the rule is met', () => {
    const escalated = computeDose(ivRequest({ stepId: 'escalated', ...at(3, 3) }), S);
    expect(escalated.warnings).toEqual([]);
    const covered = computeDose(ivRequest({ ...at(4, 3), doseOverride: { value: 0.6, unit: 'mg/kg' } }), S);
    expect(ivDose(covered).totalMg).toBe(42);
    expect(warningCodes(covered)).toEqual(['dose-differs-from-step']);
  });

  it('stops a dose above the escalated step even when the rule is met', () => {
    const r = computeDose(
      ivRequest({ stepId: 'escalated', ...at(3, 3), doseOverride: { value: 0.9, unit: 'mg/kg' } }),
      S,
    );
    expect(stopsOf(r)).toEqual([STOP]);
  });

  it('needs nothing for a lower dose or a dose within the step’s own range', () => {
    expect(computeDose(ivRequest({ ...at(0), doseOverride: { value: 0.4, unit: 'mg/kg' } }), S).ok).toBe(
      true,
    );
    const pain = computeDose(
      ivRequest({
        ...at(0),
        protocol: IV_CHRONIC_PAIN,
        stepId: 'infusion',
        doseOverride: { value: 1.5, unit: 'mg/kg/h' },
        preparation: {
          vialConcentration: { value: 50, unit: 'mg/mL' },
          bagVolume: { value: 250, unit: 'mL' },
        },
      }),
      S,
    );
    expect(pain.ok).toBe(true);
    const crps = computeDose(
      ivRequest({
        ...at(0),
        protocol: IV_CRPS_OUTPATIENT,
        stepId: 'session',
        doseOverride: { value: 150, unit: 'mg' },
      }),
      S,
    );
    expect(crps.warnings).toEqual([]);
  });

  it('stops a fixed rate above a protocol that has no higher step', () => {
    const r = computeDose(
      ivRequest({
        ...at(0),
        protocol: IV_CRPS_CONTINUOUS_22MG_H,
        stepId: 'day-bag',
        doseOverride: { value: 25, unit: 'mg/h' },
        preparation: {
          vialConcentration: { value: 50, unit: 'mg/mL' },
          bagVolume: { value: 500, unit: 'mL' },
        },
      }),
      S,
    );
    // 25 mg/h for 24 h is also over the regimen's 528 mg cap: both acknowledgements are asked at once.
    expect(stopsOf(r)).toEqual([STOP, ['above-absolute-cap', 'acknowledgements.highDose']]);
  });

  it('lets a titration protocol raise the rate to any of its steps (its rules ask for no sessions)', () => {
    const r = computeDose(
      ivRequest({
        ...at(0),
        protocol: IV_CRPS_INPATIENT_TITRATED,
        stepId: 'rate-20',
        doseOverride: { value: 30, unit: 'mg/h' },
        preparation: {
          vialConcentration: { value: 50, unit: 'mg/mL' },
          bagVolume: { value: 500, unit: 'mL' },
        },
      }),
      S,
    );
    expect(r.ok).toBe(true);
  });
});
