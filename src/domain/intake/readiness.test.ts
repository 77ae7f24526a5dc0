import { describe, expect, it } from 'vitest';
import { evaluateScreening, type ScreeningRequest } from './evaluate-screening.js';
import { CLEAN_INTAKE, med } from './intake.test-helper.js';
import {
  consentStatuses,
  preInfusionReadiness,
  type ReadinessDecision,
  type ReadinessRequest,
} from './readiness.js';

const SESSION = new Date('2026-03-10T14:00:00.000Z');

function evaluate(over: Partial<ScreeningRequest> = {}) {
  return evaluateScreening(
    {
      product: 'iv_ketamine',
      intake: { ...CLEAN_INTAKE },
      medications: [],
      vitals: { systolic: 120, diastolic: 80, measuredAt: '2026-03-02T09:00:00.000Z' },
      phq9Item9: 0,
      remsEnrolled: null,
      settings: null,
      ...over,
    },
    new Date('2026-03-02T10:00:00.000Z'),
  );
}

const decision = (over: Partial<ReadinessDecision> = {}): ReadinessDecision => ({
  product: 'iv_ketamine',
  decision: 'eligible',
  reason: null,
  decidedAt: '2026-03-02T10:30:00.000Z',
  expiryDays: 90,
  invalidatedAt: null,
  ...over,
});

function request(over: Partial<ReadinessRequest> = {}): ReadinessRequest {
  return {
    product: 'iv_ketamine',
    date: SESSION,
    decision: decision(),
    consent: { status: 'valid' },
    evaluation: evaluate(),
    ...over,
  };
}

const codes = (r: ReturnType<typeof preInfusionReadiness>) => r.blockers.map((b) => b.code);

describe('preInfusionReadiness', () => {
  it('is ready with a valid allowing decision, a valid consent and no hard stop', () => {
    expect(preInfusionReadiness(request())).toEqual({ ready: true, blockers: [], flags: [], missing: [] });
  });

  it.each<[string, Partial<ReadinessRequest>, string[]]>([
    ['no decision', { decision: null }, ['no_decision']],
    [
      'a decision for the other product',
      { decision: decision({ product: 'esketamine' }) },
      ['decision_wrong_product'],
    ],
    [
      'not eligible',
      { decision: decision({ decision: 'not_eligible', reason: 'Uncontrolled hypertension' }) },
      ['decision_does_not_allow'],
    ],
    [
      'needs more information',
      { decision: decision({ decision: 'needs_more_information', reason: 'Awaiting ECG report' }) },
      ['decision_does_not_allow'],
    ],
    ['an expired decision', { decision: decision({ expiryDays: 7 }) }, ['decision_expired']],
    [
      'an invalidated decision',
      { decision: decision({ invalidatedAt: '2026-03-05T00:00:00.000Z' }) },
      ['decision_invalidated'],
    ],
    ['no screening', { evaluation: null }, ['no_evaluation']],
    [
      'a screening for the other product',
      { evaluation: evaluate({ product: 'esketamine', remsEnrolled: true }) },
      ['evaluation_wrong_product'],
    ],
    [
      'a hard stop in the screening',
      { evaluation: evaluate({ intake: { ...CLEAN_INTAKE, ketamine_hypersensitivity: 'yes' } }) },
      ['hard_stop'],
    ],
    [
      'a relative contraindication the plain "eligible" did not weigh',
      { evaluation: evaluate({ intake: { ...CLEAN_INTAKE, pregnancy: 'possibly' } }) },
      ['relative_contraindication_without_precautions'],
    ],
    ['no consent', { consent: null }, ['no_consent']],
    ['several at once', { decision: null, consent: null }, ['no_decision', 'no_consent']],
  ])('blocks on %s', (_, over, expected) => {
    const r = preInfusionReadiness(request(over));
    expect(r.ready).toBe(false);
    expect(codes(r)).toEqual(expected);
    for (const b of r.blockers) expect(b.message.length).toBeGreaterThan(10);
  });

  it.each(consentStatuses.filter((s) => s !== 'valid'))('blocks on a consent that is %s', (status) => {
    const r = preInfusionReadiness(request({ consent: { status } }));
    expect(r.ready).toBe(false);
    expect(codes(r)).toEqual(['consent_not_valid']);
  });

  it('does not block on a relative contraindication weighed by "eligible with precautions", but shows it', () => {
    const evaluation = evaluate({
      intake: { ...CLEAN_INTAKE, pregnancy: 'breastfeeding' },
      medications: [med('tramadol', 50, 2)],
    });
    const r = preInfusionReadiness(
      request({
        evaluation,
        decision: decision({
          decision: 'eligible_with_precautions',
          reason: 'Will pump and discard for 24 h',
        }),
      }),
    );
    expect(r.ready).toBe(true);
    expect(r.flags.map((f) => f.id)).toEqual(['pregnancy-or-breastfeeding', 'cns-depressant-sedation']);
  });

  it('shows missing inputs without blocking', () => {
    const r = preInfusionReadiness(request({ evaluation: evaluate({ medications: null }) }));
    expect(r.ready).toBe(true);
    expect(r.missing.length).toBeGreaterThan(0);
  });
});
