import { describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_SETTINGS } from './ledger-settings.js';
import { DEVICE, VIAL } from './ledger.test-helper.js';
import {
  deadlineState,
  form106Data,
  judgeLoss,
  lossReportDeadlines,
  lostProductsFromCount,
  nextBusinessDay,
  SIGNIFICANCE_FACTORS,
  smallLossPatterns,
  type FactorAnswer,
  type LossJudgementInput,
} from './significant-loss.js';
import { DEFAULT_PRODUCTS } from './products.js';

// US federal holidays (observed) around the tests' dates.
const HOLIDAYS = ['2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25', '2027-01-01'];

describe('lossReportDeadlines', () => {
  it.each([
    ['2026-03-02', '2026-03-03', '2026-04-16'], // Monday → Tuesday
    ['2026-03-06', '2026-03-09', '2026-04-20'], // Friday → Monday
    ['2026-03-07', '2026-03-09', '2026-04-21'], // Saturday → Monday
    ['2026-07-02', '2026-07-06', '2026-08-16'], // Thursday before the observed 4 July → Monday
    ['2026-11-25', '2026-11-27', '2027-01-09'], // before Thanksgiving
    ['2026-12-24', '2026-12-28', '2027-02-07'], // Christmas Friday, then the weekend
    ['2026-12-31', '2027-01-04', '2027-02-14'], // New Year's Day Friday
  ])('discovered %s: written notice by %s, Form 106 by %s', (discovered, notice, form) => {
    expect(lossReportDeadlines(discovered, HOLIDAYS)).toMatchObject({
      writtenNoticeBy: notice,
      form106By: form,
    });
  });

  it('skips only the holidays it is given', () => {
    expect(nextBusinessDay('2026-07-02', [])).toBe('2026-07-03');
  });

  it('tracks a deadline', () => {
    expect(deadlineState('2026-03-03', '2026-03-02', null)).toBe('open');
    expect(deadlineState('2026-03-03', '2026-03-03', null)).toBe('due_today');
    expect(deadlineState('2026-03-03', '2026-03-04', null)).toBe('overdue');
    expect(deadlineState('2026-03-03', '2026-03-04', '2026-03-03')).toBe('done');
  });
});

const answers = (point: FactorAnswer['pointsToSignificance'] = 'no'): FactorAnswer[] =>
  SIGNIFICANCE_FACTORS.map((f) => ({ factor: f.id, pointsToSignificance: point, note: '' }));

const judgement = (over: Partial<LossJudgementInput> = {}): LossJudgementInput => ({
  kind: 'loss',
  discoveredOn: '2026-03-06',
  answers: answers(),
  judgement: 'not_significant',
  rationale: 'estimate of an opened vial; within measuring error',
  judgedBy: 'owner-1',
  judgedAt: Date.UTC(2026, 2, 6, 18),
  patternDetected: false,
  ...over,
});

describe('judgeLoss', () => {
  it('records a judgement that a loss is not significant, without deadlines', () => {
    const r = judgeLoss(judgement(), HOLIDAYS);
    expect(r).toMatchObject({ ok: true, value: { reportable: false, deadlines: null, warnings: [] } });
  });

  it('starts both clocks when the registrant judges the loss significant', () => {
    const r = judgeLoss(judgement({ judgement: 'significant', answers: answers('yes') }), HOLIDAYS);
    expect(r).toMatchObject({
      ok: true,
      value: { reportable: true, deadlines: { writtenNoticeBy: '2026-03-09', form106By: '2026-04-20' } },
    });
  });

  it('does not decide by the answers: all "yes" and a reasoned "not significant" stands, with a warning', () => {
    const r = judgeLoss(judgement({ answers: answers('yes'), patternDetected: true }), HOLIDAYS);
    expect(r.ok && r.value.reportable).toBe(false);
    expect(r.ok && r.value.warnings).toHaveLength(2);
  });

  it('reports a theft whatever the judgement', () => {
    const r = judgeLoss(judgement({ kind: 'theft', answers: [] }), HOLIDAYS);
    expect(r.ok && r.value.reportable).toBe(true);
  });

  it('needs every factor answered for a loss, once, and the reasons', () => {
    const r = judgeLoss(
      judgement({ answers: [...answers().slice(1), answers()[1]!], rationale: ' ', judgedBy: '' }),
      HOLIDAYS,
    );
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual([
      'judgedBy',
      'rationale',
      'answers[5].factor',
      'answers',
    ]);
  });
});

describe('smallLossPatterns', () => {
  const rec = (id: string, productKey: string, discoveredOn: string, differenceUg = 500) => ({
    id,
    productKey,
    discoveredOn,
    differenceUg,
  });

  it('flags 3 non-zero discrepancies of one product within 30 days', () => {
    const records = [
      rec('x1', 'ketamine-50-10', '2026-02-01'),
      rec('x2', 'ketamine-50-10', '2026-02-10', -200),
      rec('x3', 'ketamine-50-10', '2026-03-02'),
      rec('x4', 'ketamine-50-10', '2026-03-03', 0),
      rec('y1', 'esketamine-28-device', '2026-03-01'),
    ];
    // The 30 days ending 2026-03-02 start on 2026-02-01: x1, x2 (a surplus) and x3.
    expect(smallLossPatterns(records, DEFAULT_LEDGER_SETTINGS, '2026-03-02')).toEqual([
      {
        productKey: 'ketamine-50-10',
        discrepancyIds: ['x1', 'x2', 'x3'],
        from: '2026-02-01',
        to: '2026-03-02',
        source: { section: 'docs/clinical-sources.md#dea-theft-loss', evidence: 'unverified' },
      },
    ]);
    // A day later x1 has left the window and x4 is no difference at all.
    expect(smallLossPatterns(records, DEFAULT_LEDGER_SETTINGS, '2026-03-03')).toEqual([]);
    // Nothing after asOf counts.
    expect(smallLossPatterns(records, DEFAULT_LEDGER_SETTINGS, '2026-03-01')).toEqual([]);
  });

  it('uses the settings', () => {
    const records = [rec('x1', 'k', '2026-03-01'), rec('x2', 'k', '2026-03-02')];
    expect(
      smallLossPatterns(records, { smallLossPatternCount: 2, smallLossPatternDays: 7 }, '2026-03-02'),
    ).toHaveLength(1);
  });
});

describe('form106Data', () => {
  const registrant = {
    name: 'Arbor Ketamine Clinic',
    address: '10 Oak Ave, Springfield, IL',
    phone: '555-0100',
    deaNumber: 'FA1234563',
    county: 'Sangamon',
    businessType: 'practitioner' as const,
  };

  it('fills what the ledger and the registration know and lists the rest to complete', () => {
    const d = form106Data({
      registrant,
      discoveredOn: '2026-03-06',
      lossType: null,
      policeNotified: true,
      policeDepartment: null,
      policePhone: null,
      lossesPast24Months: 0,
      items: [
        { product: VIAL, wholeContainers: 1, partialUg: 12_500 },
        { product: DEVICE, wholeContainers: 2, partialUg: 0 },
      ],
    });
    expect(d.drugs).toEqual([
      {
        ndc: null,
        name: 'Ketamine HCl injection 50 mg/mL, 10 mL vial',
        strength: '50 mg/mL, 10 mL',
        dosageForm: 'injection, solution',
        wholeContainers: 1,
        partial: '12.5 mg (0.25 mL)',
        totalMg: '512.5',
      },
      {
        ndc: '50458-0028-00',
        name: 'Esketamine nasal spray 28 mg device (SPRAVATO)',
        strength: '28 mg/unit (0.2 mL)',
        dosageForm: 'nasal spray',
        wholeContainers: 2,
        partial: null,
        totalMg: '56',
      },
    ]);
    expect(d.toComplete).toEqual([
      'lossType',
      'injuries',
      'purchaseValue',
      'policeDepartment',
      'policePhone',
      'drugs[0].ndc',
    ]);
    expect(d.fields.find((f) => f.key === 'dateOfDiscovery')).toMatchObject({
      value: '2026-03-06',
      from: 'ledger',
    });
  });

  it('turns count lines into whole containers and partial quantities', () => {
    expect(
      lostProductsFromCount(
        [
          { productKey: 'ketamine-50-10', expectedUg: 500_000, countedUg: 0 },
          { productKey: 'ketamine-50-10', expectedUg: 300_000, countedUg: 290_000 },
          { productKey: 'ketamine-50-10', expectedUg: 300_000, countedUg: 310_000 },
          { productKey: 'esketamine-28-device', expectedUg: 28_000, countedUg: 28_000 },
        ],
        DEFAULT_PRODUCTS,
      ),
    ).toEqual([{ product: VIAL, wholeContainers: 1, partialUg: 10_000 }]);
  });
});
