import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_SETTINGS } from '../clinic/session-settings.js';
import {
  checklistFor,
  evaluateBpGate,
  evaluateChecklist,
  type ChecklistAnswers,
  type ChecklistSettings,
} from './checklist.js';
import type { VitalsReading } from './vitals.js';

const settings: ChecklistSettings = {
  bpGate: DEFAULT_SESSION_SETTINGS.bpGate,
  pregnancyTestRequired: false,
  fastingHours: null,
  plausibleWeightKg: { min: 30, max: 300 },
  phq9SafetyAlertFrom: 1,
};
const baseline: VitalsReading = {
  systolic: 128,
  diastolic: 82,
  heartRate: 72,
  spo2: 98,
  respiratoryRate: 14,
};
const complete: ChecklistAnswers = {
  identifiers: ['name', 'date_of_birth'],
  readiness: { eligible: true, consentValid: true, flags: [] },
  fasting: { followedInstructions: true, hoursSinceFood: 3, minutesSinceLiquid: 60 },
  escortConfirmed: true,
  transportConfirmed: true,
  noDrivingAcknowledged: true,
  medicationsReviewed: true,
  weightKg: 82,
  baselineVitals: baseline,
  suicideRisk: { phq9Item9: 0, cssrsRisk: 'low', reviewed: true },
};
const physician = { role: 'physician' as const };

function statusOf(
  id: string,
  answers: ChecklistAnswers,
  s: ChecklistSettings = settings,
  kind: 'iv_ketamine' | 'esketamine' = 'iv_ketamine',
) {
  const item = evaluateChecklist(kind, answers, s).items.find((i) => i.id === id);
  return item?.status;
}

describe('evaluateChecklist', () => {
  it('is complete when every item is answered well', () => {
    const r = evaluateChecklist('iv_ketamine', complete, settings);
    expect(r.items.filter((i) => i.status !== 'done' && i.status !== 'not_applicable')).toEqual([]);
    expect(r).toMatchObject({ complete: true, bpGate: 'clear' });
  });

  it('lists every item missing, with a reason, when nothing is answered', () => {
    const r = evaluateChecklist('iv_ketamine', {}, settings);
    expect(r.complete).toBe(false);
    for (const item of r.items.filter((i) => i.id !== 'pregnancy-test')) {
      expect(item.status, item.id).toBe('missing');
      expect(item.reason, item.id).not.toBe('');
    }
  });

  it('asks for weight for IV but not for esketamine (a fixed device dose)', () => {
    expect(checklistFor('iv_ketamine')).toContain('weight');
    expect(checklistFor('esketamine')).not.toContain('weight');
  });

  it.each([
    [['name'], 'missing'],
    [['name', 'name'], 'missing'],
    [['name', 'mrn'], 'done'],
  ])('identifiers %j → %s', (identifiers, status) => {
    expect(statusOf('identity', { ...complete, identifiers })).toBe(status);
  });

  it.each([
    [{ eligible: false, consentValid: true, flags: [] }, 'blocked'],
    [{ eligible: true, consentValid: false, flags: [] }, 'blocked'],
    [{ eligible: true, consentValid: true, flags: ['naltrexone'] }, 'done'],
  ])('readiness %j → %s', (readiness, status) => {
    expect(statusOf('consent-eligibility', { ...complete, readiness })).toBe(status);
  });

  it.each([
    [null, { followedInstructions: false }, 'missing'],
    [null, { followedInstructions: true }, 'done'],
    [6, { hoursSinceFood: 5.9 }, 'blocked'],
    [6, { hoursSinceFood: 6 }, 'done'],
    [6, {}, 'missing'],
  ])('IV fasting with the clinic setting %s and %j → %s', (fastingHours, fasting, status) => {
    expect(statusOf('fasting', { ...complete, fasting }, { ...settings, fastingHours })).toBe(status);
  });

  it.each([
    [{ hoursSinceFood: 2, minutesSinceLiquid: 30 }, 'done'],
    [{ hoursSinceFood: 1.5, minutesSinceLiquid: 60 }, 'blocked'],
    [{ hoursSinceFood: 3, minutesSinceLiquid: 29 }, 'blocked'],
    [{ hoursSinceFood: 3 }, 'missing'],
  ])('esketamine fasting (2 h food, 30 min liquids) %j → %s', (fasting, status) => {
    expect(statusOf('fasting', { ...complete, fasting }, settings, 'esketamine')).toBe(status);
  });

  it.each([
    [false, undefined, undefined, 'not_applicable'],
    [true, false, undefined, 'not_applicable'],
    [true, true, undefined, 'missing'],
    [true, undefined, 'positive', 'blocked'],
    [true, true, 'negative', 'done'],
  ] as const)(
    'pregnancy test required %s, can be pregnant %s, result %s → %s',
    (required, canBePregnant, pregnancyTest, status) => {
      const answers = { ...complete, canBePregnant, pregnancyTest };
      expect(statusOf('pregnancy-test', answers, { ...settings, pregnancyTestRequired: required })).toBe(
        status,
      );
    },
  );

  it.each([
    [29.9, 'missing'],
    [30, 'done'],
    [300, 'done'],
    [300.1, 'missing'],
    [null, 'missing'],
  ])('weight %s kg → %s', (weightKg, status) => {
    expect(statusOf('weight', { ...complete, weightKg })).toBe(status);
  });

  it('needs the respiratory rate in the baseline', () => {
    expect(
      statusOf('baseline-vitals', { ...complete, baselineVitals: { ...baseline, respiratoryRate: null } }),
    ).toBe('missing');
  });

  it.each([
    [{ phq9Item9: 0, cssrsRisk: 'moderate', reviewed: true }, 'done'],
    [{ phq9Item9: null, cssrsRisk: null, reviewed: true }, 'done'],
    [{ phq9Item9: 0, cssrsRisk: 'low', reviewed: false }, 'missing'],
    [{ phq9Item9: 1, cssrsRisk: 'low', reviewed: true }, 'blocked'],
    [{ phq9Item9: 0, cssrsRisk: 'high', reviewed: true }, 'blocked'],
    [
      {
        phq9Item9: 2,
        cssrsRisk: 'high',
        reviewed: true,
        acknowledgement: { by: { role: 'front_desk' }, note: 'seen' },
      },
      'blocked',
    ],
    [
      {
        phq9Item9: 2,
        cssrsRisk: 'high',
        reviewed: true,
        acknowledgement: { by: physician, note: 'safety plan reviewed' },
      },
      'done',
    ],
  ] as const)('suicide risk %j → %s', (suicideRisk, status) => {
    expect(statusOf('suicide-risk', { ...complete, suicideRisk })).toBe(status);
  });
});

describe('the blood-pressure gate (default above 140/90)', () => {
  const gate = (systolic: number, diastolic: number, decision: Parameters<typeof evaluateBpGate>[2] = null) =>
    evaluateBpGate({ ...baseline, systolic, diastolic }, settings.bpGate, decision).status;

  it.each([
    [140, 90, 'clear'],
    [141, 90, 'pending'],
    [140, 91, 'pending'],
    [120, 95, 'pending'],
  ])('%i/%i → %s', (s, d, status) => {
    expect(gate(s, d)).toBe(status);
  });

  it('needs a physician and a reason, and records proceed or defer', () => {
    expect(
      gate(150, 95, { decision: 'proceed', reason: 'usual for him', decidedBy: { role: 'nurse' } }),
    ).toBe('pending');
    expect(gate(150, 95, { decision: 'proceed', reason: ' ', decidedBy: physician })).toBe('pending');
    expect(gate(150, 95, { decision: 'proceed', reason: 'usual for him', decidedBy: physician })).toBe(
      'proceed',
    );
    expect(gate(150, 95, { decision: 'defer', reason: 'recheck next week', decidedBy: physician })).toBe(
      'deferred',
    );
  });

  it('blocks the checklist until decided, and cites the register', () => {
    const high = { ...complete, baselineVitals: { ...baseline, systolic: 152 } };
    const pending = evaluateChecklist('iv_ketamine', high, settings);
    expect(pending).toMatchObject({ complete: false, bpGate: 'pending' });
    expect(pending.items.find((i) => i.id === 'baseline-vitals')?.status).toBe('blocked');
    const decided = evaluateChecklist(
      'iv_ketamine',
      { ...high, bpDecision: { decision: 'proceed', reason: 'white coat', decidedBy: physician } },
      settings,
    );
    expect(decided).toMatchObject({ complete: true, bpGate: 'proceed' });
    expect(evaluateBpGate(baseline, settings.bpGate, null).source.section).toBe(
      'docs/clinical-sources.md#blood-pressure',
    );
  });

  it('uses the clinic’s threshold', () => {
    expect(
      evaluateBpGate({ ...baseline, systolic: 145 }, { systolicAbove: 150, diastolicAbove: 95 }, null).status,
    ).toBe('clear');
  });
});
