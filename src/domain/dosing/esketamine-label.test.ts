import { describe, expect, it } from 'vitest';
import { ESKETAMINE_MDD_SUICIDAL, ESKETAMINE_TRD, ESKETAMINE_TRD_65_PLUS, type Protocol } from '../protocols';
import { computeDose } from './compute-dose';
import { nasalDose, settingsWith, stopsOf, warningCodes } from './dose-test-fixtures';
import type { DoseRequest } from './dose-types';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';

const S = DEFAULT_DOSING_SETTINGS;

function esk(
  protocol: Protocol,
  stepId: string,
  chart: NonNullable<DoseRequest['chart']>,
  patch: Partial<DoseRequest> = {},
): DoseRequest {
  return { protocol, stepId, chart, ...patch };
}
const override = (reason = 'tolerated 56 mg elsewhere; transferring care') => ({
  acknowledgements: { firstSession: { acknowledged: true, reason } },
});
const FIRST = ['first-session-dose-above-label', 'acknowledgements.firstSession'];

describe('SPRAVATO for TRD counts sessions given, as the label does', () => {
  it('stops 84 mg at the first session for an adult under 65', () => {
    const r = computeDose(esk(ESKETAMINE_TRD, 'dose-84', { sessionsGiven: 0, ageYears: 40 }), S);
    expect(stopsOf(r)).toEqual([FIRST]);
  });

  it('accepts a physician’s override with a reason, and records it', () => {
    const r = computeDose(
      esk(
        ESKETAMINE_TRD,
        'dose-84',
        { sessionsGiven: 0, ageYears: 40, prescriberIsPhysician: true },
        override(),
      ),
      S,
    );
    expect(nasalDose(r).totalMg).toBe(84);
    expect(warningCodes(r)).toEqual(['first-session-override']);
    expect(r.warnings[0]!.message).toContain('transferring care');
  });

  it('refuses the override from anyone but a physician', () => {
    const r = computeDose(
      esk(
        ESKETAMINE_TRD,
        'dose-84',
        { sessionsGiven: 0, ageYears: 40, prescriberIsPhysician: false },
        override(),
      ),
      S,
    );
    expect(stopsOf(r)).toEqual([['physician-override-required', 'acknowledgements.firstSession']]);
  });

  it('treats an unknown session count as the first session', () => {
    expect(stopsOf(computeDose({ protocol: ESKETAMINE_TRD, stepId: 'dose-84' }, S))).toEqual([FIRST]);
  });

  it('allows 84 mg from the second session given, whatever the response so far', () => {
    const r = computeDose(
      esk(
        ESKETAMINE_TRD,
        'dose-84',
        { sessionsGiven: 1, ageYears: 40 },
        { history: { sessionsWithoutResponse: 0 } },
      ),
      S,
    );
    expect(nasalDose(r).totalMg).toBe(84);
    expect(r.warnings).toEqual([]);
  });

  it('allows 56 mg on day 1, and 84 mg on day 1 of the suicidal-ideation regimen', () => {
    expect(
      computeDose(esk(ESKETAMINE_TRD, 'dose-56', { sessionsGiven: 0, ageYears: 40 }), S).warnings,
    ).toEqual([]);
    expect(
      computeDose(esk(ESKETAMINE_MDD_SUICIDAL, 'dose-84', { sessionsGiven: 0, ageYears: 40 }), S).ok,
    ).toBe(true);
  });
});

describe('age from the chart', () => {
  it('flags the under-65 protocol for a 70-year-old and holds the first session to the 65-and-over start', () => {
    const r = computeDose(esk(ESKETAMINE_TRD, 'dose-56', { sessionsGiven: 0, ageYears: 70 }), S);
    expect(stopsOf(r)).toEqual([FIRST]);
    expect(warningCodes(r)).toContain('protocol-for-other-age');
    expect(r.warnings.find((w) => w.code === 'protocol-for-other-age')?.message).toContain(
      ESKETAMINE_TRD_65_PLUS.id,
    );
  });

  it('accepts the 65-and-over protocol’s 28 mg start for a 70-year-old without a flag', () => {
    const r = computeDose(esk(ESKETAMINE_TRD_65_PLUS, 'dose-28', { sessionsGiven: 0, ageYears: 70 }), S);
    expect(nasalDose(r).totalMg).toBe(28);
    expect(r.warnings).toEqual([]);
  });

  it('takes the 65-and-over start and age from the clinic settings (the 28 mg start is a secondary source)', () => {
    const s = settingsWith({ esketamine: { olderAdultAgeYears: 65, olderAdultStartMg: 56 } });
    const r = computeDose(esk(ESKETAMINE_TRD, 'dose-56', { sessionsGiven: 0, ageYears: 70 }), s);
    expect(r.ok).toBe(true);
    expect(warningCodes(r)).toEqual(['protocol-for-other-age']);
    const older = settingsWith({ esketamine: { olderAdultAgeYears: 75, olderAdultStartMg: 28 } });
    expect(
      computeDose(esk(ESKETAMINE_TRD, 'dose-56', { sessionsGiven: 0, ageYears: 70 }), older).warnings,
    ).toEqual([]);
  });

  it('flags the 65-and-over protocol for a younger patient', () => {
    const r = computeDose(esk(ESKETAMINE_TRD_65_PLUS, 'dose-28', { sessionsGiven: 0, ageYears: 50 }), S);
    expect(warningCodes(r)).toEqual(['protocol-for-other-age']);
  });
});
