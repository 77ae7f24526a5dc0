import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_SETTINGS } from '../clinic/session-settings.js';
import { scoreResponse, type ScoreResult } from '../instruments/index.js';
import { evaluateDischargeGate, type DischargeInput } from './discharge-gate.js';

const t0 = Date.UTC(2026, 0, 5, 9, 0);
const m = (minutes: number) => t0 + minutes * 60_000;
const settings = DEFAULT_SESSION_SETTINGS.minimumObservation;

/** Score an Aldrete the way the server does, with the clinic's measurement settings. */
function score(id: 'aldrete' | 'moaas', answers: number[], settings = {}): ScoreResult {
  const r = scoreResponse(id, answers, settings);
  if (!r.ok) throw new Error('bad answers');
  return r.result;
}
const aldrete = (
  answers: number[],
  measurement = { dischargeThreshold: 9, allowEightWithRespirationAndSpo2: false },
) => score('aldrete', answers, measurement);
const ten = aldrete([2, 2, 2, 2, 2]);
const eight = aldrete([2, 2, 2, 1, 1]);

const iv: DischargeInput = {
  kind: 'iv_ketamine',
  now: m(70),
  observationFrom: m(40),
  aldrete: { result: ten, takenAt: m(65) },
  escortPresent: true,
  instructionsGiven: true,
};

const unmet = (input: DischargeInput) => evaluateDischargeGate(input, settings).unmet.map((u) => u.criterion);

describe('the IV discharge gate', () => {
  it('is met when every criterion holds, and carries the Aldrete version and threshold', () => {
    const r = evaluateDischargeGate(iv, settings);
    expect(r).toMatchObject({ met: true, unmet: [], observation: { minutes: 30, requiredMinutes: 30 } });
    expect(r.aldrete).toMatchObject({
      total: 10,
      instrumentVersion: '1',
      threshold: 9,
      allowEightVariant: false,
      dischargeReady: true,
    });
  });

  it.each([
    [[2, 2, 2, 2, 1], true],
    [[2, 2, 2, 1, 1], false],
  ])('Aldrete %j meets the default threshold of 9: %s', (answers, met) => {
    expect(unmet({ ...iv, aldrete: { result: aldrete(answers), takenAt: m(65) } }).includes('aldrete')).toBe(
      !met,
    );
  });

  it('refuses Aldrete 8, naming its threshold, and accepts 10', () => {
    const r = evaluateDischargeGate({ ...iv, aldrete: { result: eight, takenAt: m(65) } }, settings);
    expect(r.met).toBe(false);
    expect(r.unmet[0]).toMatchObject({
      criterion: 'aldrete',
      reason: 'Aldrete 8 is below the clinic’s threshold of 9',
    });
    expect(r.unmet[0]!.source.section).toBe('docs/clinical-sources.md#aldrete-score');
  });

  it('follows the clinic’s measurement settings through the score (threshold 8)', () => {
    const r = evaluateDischargeGate(
      {
        ...iv,
        aldrete: {
          result: aldrete([2, 2, 2, 1, 1], {
            dischargeThreshold: 8,
            allowEightWithRespirationAndSpo2: false,
          }),
          takenAt: m(65),
        },
      },
      settings,
    );
    expect(r.met).toBe(true);
    expect(r.aldrete?.threshold).toBe(8);
  });

  it.each([
    [{ aldrete: null }, ['aldrete']],
    [{ aldrete: { result: ten, takenAt: m(39) } }, ['aldrete']],
    [{ aldrete: { result: score('moaas', [5]), takenAt: m(65) } }, ['aldrete']],
    [{ escortPresent: false }, ['escort']],
    [{ instructionsGiven: false }, ['instructions']],
    [{ now: m(69) }, ['minimum-observation']],
    [{ observationFrom: null }, ['minimum-observation']],
    [
      { escortPresent: false, instructionsGiven: false, aldrete: null },
      ['aldrete', 'escort', 'instructions'],
    ],
  ] as [Partial<DischargeInput>, string[]][])('%j leaves %j unmet', (change, criteria) => {
    expect(unmet({ ...iv, ...change })).toEqual(criteria);
  });
});

describe('the esketamine discharge gate', () => {
  const esk: DischargeInput = {
    kind: 'esketamine',
    now: m(120),
    observationFrom: m(0),
    escortPresent: true,
    instructionsGiven: true,
    clinicianJudgedStable: true,
  };

  it('needs 120 minutes from the first device, not an Aldrete', () => {
    expect(unmet(esk)).toEqual([]);
    expect(unmet({ ...esk, now: m(119) })).toEqual(['minimum-observation']);
    const r = evaluateDischargeGate({ ...esk, now: m(119) }, settings);
    expect(r.unmet[0]).toMatchObject({
      reason: 'observed 119 of 120 minutes',
      source: { section: 'docs/clinical-sources.md#discharge-criteria', evidence: 'primary' },
    });
  });

  it('needs the clinician’s judgment of stability', () => {
    expect(unmet({ ...esk, clinicianJudgedStable: false })).toEqual(['clinician-judgment']);
  });
});
