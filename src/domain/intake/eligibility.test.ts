import { describe, expect, it } from 'vitest';
import {
  careStatusAfter,
  careStatusMovesAfter,
  changedRuleResults,
  checkDecision,
  decisionValidity,
  materialChanges,
  MIN_REASON_LENGTH,
  type EligibilityDecision,
} from './eligibility.js';
import { evaluateScreening, type ScreeningEvaluation, type ScreeningRequest } from './evaluate-screening.js';
import { CLEAN_INTAKE, med } from './intake.test-helper.js';

const NOW = new Date('2026-03-02T10:00:00.000Z');

function evaluate(over: Partial<ScreeningRequest> = {}): ScreeningEvaluation {
  return evaluateScreening(
    {
      product: 'esketamine',
      intake: { ...CLEAN_INTAKE },
      medications: [],
      vitals: { systolic: 120, diastolic: 80, measuredAt: '2026-03-02T09:00:00.000Z' },
      phq9Item9: 0,
      remsEnrolled: true,
      settings: null,
      ...over,
    },
    NOW,
  );
}

const clean = evaluate();
const hardStop = evaluate({ intake: { ...CLEAN_INTAKE, aneurysm_or_avm: 'yes' } });
const relative = evaluate({
  vitals: { systolic: 150, diastolic: 95, measuredAt: '2026-03-02T09:00:00.000Z' },
});
const missing = evaluate({ remsEnrolled: null });
const flagged = evaluate({ medications: [med('Adderall', 20, 1)] });

const LONG = 'BP controlled on amlodipine, recheck before each dose';
const SHORT = 'BP fine';

type Row = [string, ScreeningEvaluation, EligibilityDecision, string | null, string[]];

describe('checkDecision', () => {
  it.each<Row>([
    ['clean: eligible without a reason', clean, 'eligible', null, []],
    ['clean: eligible with precautions without a reason', clean, 'eligible_with_precautions', null, []],
    ['clean: not eligible needs a reason', clean, 'not_eligible', null, ['reason']],
    ['clean: not eligible with a reason', clean, 'not_eligible', 'Patient prefers psychotherapy first', []],
    ['clean: needs more information needs a reason', clean, 'needs_more_information', SHORT, ['reason']],
    [
      'clean: needs more information with a reason',
      clean,
      'needs_more_information',
      'Awaiting cardiology letter',
      [],
    ],
    ['hard stop: eligible is forbidden', hardStop, 'eligible', LONG, ['decision']],
    [
      'hard stop: with precautions is forbidden too',
      hardStop,
      'eligible_with_precautions',
      LONG,
      ['decision'],
    ],
    ['hard stop: not eligible with a reason', hardStop, 'not_eligible', 'Known cerebral aneurysm', []],
    [
      'hard stop: needs more information with a reason',
      hardStop,
      'needs_more_information',
      'Confirm aneurysm with imaging',
      [],
    ],
    ['relative: plain eligible is refused', relative, 'eligible', LONG, ['decision']],
    ['relative: plain eligible without a reason', relative, 'eligible', null, ['decision']],
    ['relative: with precautions and a reason', relative, 'eligible_with_precautions', LONG, []],
    ['relative: with precautions needs a reason', relative, 'eligible_with_precautions', null, ['reason']],
    [
      'relative: with precautions, reason too short',
      relative,
      'eligible_with_precautions',
      SHORT,
      ['reason'],
    ],
    ['relative: not eligible with a reason', relative, 'not_eligible', 'Uncontrolled hypertension', []],
    ['missing: eligible needs a reason', missing, 'eligible', null, ['reason']],
    ['missing: eligible with a reason', missing, 'eligible', 'REMS enrolment form signed today', []],
    ['missing: with precautions needs a reason', missing, 'eligible_with_precautions', '', ['reason']],
    [
      'missing: needs more information with a reason',
      missing,
      'needs_more_information',
      'REMS enrolment pending',
      [],
    ],
    ['flag only: eligible without a reason', flagged, 'eligible', null, []],
  ])('%s', (_, evaluation, decision, reason, fields) => {
    expect(checkDecision({ evaluation, decision, reason }).map((p) => p.field)).toEqual(fields);
  });

  it('counts the reason after trimming, at exactly the minimum', () => {
    const atMin = 'x'.repeat(MIN_REASON_LENGTH);
    expect(
      checkDecision({ evaluation: relative, decision: 'eligible_with_precautions', reason: atMin }),
    ).toEqual([]);
    expect(
      checkDecision({
        evaluation: relative,
        decision: 'eligible_with_precautions',
        reason: ` ${atMin.slice(1)}  `,
      }),
    ).toHaveLength(1);
  });

  it('refuses a decision that is not one of the four', () => {
    expect(checkDecision({ evaluation: clean, decision: 'maybe', reason: LONG })).toEqual([
      {
        field: 'decision',
        message: 'must be one of: eligible, eligible_with_precautions, not_eligible, needs_more_information',
      },
    ]);
  });

  it('names the rules in its messages', () => {
    const [p] = checkDecision({ evaluation: hardStop, decision: 'eligible', reason: LONG });
    expect(p!.message).toContain('aneurysmal vascular disease or arteriovenous malformation');
    expect(p!.message).toContain('cannot be overridden');
    const [r] = checkDecision({ evaluation: relative, decision: 'eligible_with_precautions', reason: null });
    expect(r!.message).toContain('blood pressure above the pre-dose limit');
  });
});

describe('materialChanges', () => {
  it('is empty for the same inputs', () => {
    expect(materialChanges(clean.inputSnapshot, evaluate().inputSnapshot)).toEqual([]);
  });

  it('names the paths whose values changed', () => {
    expect(materialChanges(clean.inputSnapshot, hardStop.inputSnapshot)).toEqual(['intake.aneurysm_or_avm']);
    expect(materialChanges(clean.inputSnapshot, relative.inputSnapshot)).toEqual(['vitals.bp']);
    expect(materialChanges(clean.inputSnapshot, flagged.inputSnapshot)).toEqual([
      'medications.psychostimulant',
    ]);
    expect(materialChanges(clean.inputSnapshot, missing.inputSnapshot)).toEqual(['rems.enrolled']);
  });

  it('ignores medicines no rule reads', () => {
    const withSsri = evaluate({ medications: [med('sertraline', 100, 1)] });
    expect(materialChanges(clean.inputSnapshot, withSsri.inputSnapshot)).toEqual([]);
  });

  it('counts a dose change of a medicine a rule reads', () => {
    const a = evaluate({ medications: [med('Xanax', 0.25, 2)] });
    const b = evaluate({ medications: [med('Xanax', 0.5, 2)] });
    expect(materialChanges(a.inputSnapshot, b.inputSnapshot)).toEqual(['medications.benzodiazepine']);
  });

  it('counts a path present on one side only, and ignores key order', () => {
    expect(materialChanges({ a: 1, b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 }, c: null })).toEqual(['a', 'c']);
    expect(materialChanges({ a: null }, { a: null })).toEqual([]);
  });

  it('sees a change between evaluations of different products by their shared paths', () => {
    const iv = evaluate({ product: 'iv_ketamine' });
    expect(materialChanges(clean.inputSnapshot, iv.inputSnapshot)).toContain('rems.enrolled');
  });
});

describe('changedRuleResults', () => {
  it('lists rules whose status changed', () => {
    expect(changedRuleResults(clean, relative)).toEqual(['blood-pressure-esketamine']);
    const lower = evaluate({
      vitals: { systolic: 118, diastolic: 76, measuredAt: '2026-03-09T09:00:00.000Z' },
    });
    expect(materialChanges(clean.inputSnapshot, lower.inputSnapshot)).toEqual(['vitals.bp']);
    expect(changedRuleResults(clean, lower)).toEqual([]);
  });
});

describe('decisionValidity', () => {
  const decidedAt = '2026-01-01T12:00:00.000Z';
  it.each<[string, { expiryDays: number | null; invalidatedAt: string | null }, string, string]>([
    ['valid within the expiry', { expiryDays: 90, invalidatedAt: null }, '2026-03-31T11:59:59.999Z', 'valid'],
    [
      'expired at exactly the expiry',
      { expiryDays: 90, invalidatedAt: null },
      '2026-04-01T12:00:00.000Z',
      'expired',
    ],
    ['no expiry', { expiryDays: null, invalidatedAt: null }, '2030-01-01T00:00:00.000Z', 'valid'],
    [
      'invalidated',
      { expiryDays: 90, invalidatedAt: '2026-02-01T00:00:00.000Z' },
      '2026-02-02T00:00:00.000Z',
      'invalidated',
    ],
    [
      'invalidation wins over expiry',
      { expiryDays: 1, invalidatedAt: '2026-01-01T13:00:00.000Z' },
      '2026-06-01T00:00:00.000Z',
      'invalidated',
    ],
    [
      'an invalidation time in the future has not happened yet',
      { expiryDays: 90, invalidatedAt: '2026-02-10T00:00:00.000Z' },
      '2026-02-01T00:00:00.000Z',
      'valid',
    ],
  ])('%s', (_, times, now, expected) => {
    expect(decisionValidity({ decidedAt, ...times }, new Date(now))).toBe(expected);
  });

  it('treats an unreadable decision time as expired, not valid for ever', () => {
    expect(decisionValidity({ decidedAt: 'yesterday', expiryDays: 30, invalidatedAt: null }, NOW)).toBe(
      'expired',
    );
    expect(decisionValidity({ decidedAt: 'yesterday', expiryDays: null, invalidatedAt: null }, NOW)).toBe(
      'expired',
    );
  });
});

describe('care status', () => {
  it.each<[EligibilityDecision, string | null]>([
    ['eligible', 'eligible'],
    ['eligible_with_precautions', 'eligible'],
    ['not_eligible', 'not_eligible'],
    ['needs_more_information', null],
  ])('%s → %s', (decision, status) => expect(careStatusAfter(decision)).toBe(status));

  it('moves only along the patients status table', () => {
    expect(careStatusMovesAfter('screening', 'eligible')).toEqual({ ok: true, value: ['eligible'] });
    expect(careStatusMovesAfter('referred', 'eligible')).toEqual({
      ok: true,
      value: ['screening', 'eligible'],
    });
    expect(careStatusMovesAfter('eligible', 'not_eligible')).toEqual({
      ok: true,
      value: ['screening', 'not_eligible'],
    });
    expect(careStatusMovesAfter('eligible', 'eligible_with_precautions')).toEqual({ ok: true, value: [] });
    expect(careStatusMovesAfter('screening', 'needs_more_information')).toEqual({ ok: true, value: [] });
    expect(careStatusMovesAfter('in_treatment', 'not_eligible').ok).toBe(false);
    expect(careStatusMovesAfter('discharged', 'eligible').ok).toBe(false);
  });
});
