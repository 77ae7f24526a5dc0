import { describe, expect, it } from 'vitest';
import { med, runRule, screeningInputs, type InputOverrides } from './intake.test-helper.js';
import {
  checkRuleSettings,
  resolveRules,
  ruleSettingsSchema,
  SCREENING_RULES,
  screeningRule,
} from './screening-rules.js';
import type { RuleStatus } from './screening-types.js';

type Case = [string, InputOverrides, RuleStatus];

const cases: Record<string, Case[]> = {
  'esketamine-aneurysm-or-avm': [
    ['no', {}, 'clear'],
    ['yes', { intake: { aneurysm_or_avm: 'yes' } }, 'fired'],
    ['unsure', { intake: { aneurysm_or_avm: 'unsure' } }, 'missing'],
    ['not answered', { intake: { aneurysm_or_avm: undefined } }, 'missing'],
    ['no intake at all', { intake: null }, 'missing'],
  ],
  'esketamine-intracerebral-haemorrhage': [
    ['no', {}, 'clear'],
    ['yes', { intake: { intracerebral_haemorrhage: 'yes' } }, 'fired'],
    ['unsure', { intake: { intracerebral_haemorrhage: 'unsure' } }, 'missing'],
    ['not answered', { intake: { intracerebral_haemorrhage: undefined } }, 'missing'],
  ],
  'esketamine-hypersensitivity': [
    ['no', {}, 'clear'],
    ['yes', { intake: { ketamine_hypersensitivity: 'yes' } }, 'fired'],
    ['unsure', { intake: { ketamine_hypersensitivity: 'unsure' } }, 'missing'],
    ['not answered', { intake: { ketamine_hypersensitivity: undefined } }, 'missing'],
    [
      'answered no, but the allergy list names esketamine',
      { intake: { allergies: [{ substance: 'Esketamine (Spravato)', reaction: 'hives' }] } },
      'fired',
    ],
    [
      'unsure, and the allergy list names Ketalar',
      {
        intake: {
          ketamine_hypersensitivity: 'unsure',
          allergies: [{ substance: 'ketalar', reaction: null }],
        },
      },
      'fired',
    ],
    [
      'an allergy that only contains the letters',
      { intake: { allergies: [{ substance: 'ketamines-x', reaction: null }] } },
      'clear',
    ],
  ],
  'esketamine-rems-not-enrolled': [
    ['enrolled', { remsEnrolled: true }, 'clear'],
    ['not enrolled', { remsEnrolled: false }, 'fired'],
    ['not recorded', { remsEnrolled: null }, 'missing'],
  ],
  'iv-ketamine-hypersensitivity': [
    ['no', {}, 'clear'],
    ['yes', { intake: { ketamine_hypersensitivity: 'yes' } }, 'fired'],
    [
      'allergy list names ketamine',
      { intake: { allergies: [{ substance: 'ketamine', reaction: 'rash' }] } },
      'fired',
    ],
    ['unsure', { intake: { ketamine_hypersensitivity: 'unsure' } }, 'missing'],
  ],
  'blood-pressure-esketamine': [
    [
      '140/90 is at the limit',
      { vitals: { systolic: 140, diastolic: 90, measuredAt: '2026-03-02T09:00:00Z' } },
      'clear',
    ],
    [
      '141/90 is above',
      { vitals: { systolic: 141, diastolic: 90, measuredAt: '2026-03-02T09:00:00Z' } },
      'fired',
    ],
    [
      '140/91 is above',
      { vitals: { systolic: 140, diastolic: 91, measuredAt: '2026-03-02T09:00:00Z' } },
      'fired',
    ],
    [
      'no clinic reading: the intake reading is used (141/90)',
      { vitals: null, intake: { bp_reading: { systolic: 141, diastolic: 90, measuredOn: '2026-02-01' } } },
      'fired',
    ],
    [
      'no clinic reading: the intake reading is used (140/90)',
      { vitals: null, intake: { bp_reading: { systolic: 140, diastolic: 90, measuredOn: '2026-02-01' } } },
      'clear',
    ],
    [
      'the clinic reading wins over the intake reading',
      {
        vitals: { systolic: 130, diastolic: 80, measuredAt: '2026-03-02T09:00:00Z' },
        intake: { bp_reading: { systolic: 170, diastolic: 100, measuredOn: '2026-02-01' } },
      },
      'clear',
    ],
    ['no reading at all', { vitals: null, intake: { bp_reading: undefined } }, 'missing'],
    [
      'a clinic reading that is not a number falls back to the intake',
      { vitals: { systolic: Number.NaN, diastolic: 80, measuredAt: 'x' } },
      'clear',
    ],
  ],
  'blood-pressure-iv-ketamine': [
    ['140/90', { vitals: { systolic: 140, diastolic: 90, measuredAt: '2026-03-02T09:00:00Z' } }, 'clear'],
    ['141/90', { vitals: { systolic: 141, diastolic: 90, measuredAt: '2026-03-02T09:00:00Z' } }, 'fired'],
    ['140/91', { vitals: { systolic: 140, diastolic: 91, measuredAt: '2026-03-02T09:00:00Z' } }, 'fired'],
    ['none', { vitals: null, intake: { bp_reading: undefined } }, 'missing'],
  ],
  'pregnancy-or-breastfeeding': [
    ['no', {}, 'clear'],
    ['yes', { intake: { pregnancy: 'yes' } }, 'fired'],
    ['possibly', { intake: { pregnancy: 'possibly' } }, 'fired'],
    ['breastfeeding', { intake: { pregnancy: 'breastfeeding' } }, 'fired'],
    ['not answered', { intake: { pregnancy: undefined } }, 'missing'],
  ],
  psychosis: [
    ['no', {}, 'clear'],
    ['history', { intake: { psychosis_history: 'yes' } }, 'fired'],
    ['current', { intake: { psychosis_current: 'yes' } }, 'fired'],
    ['unsure about history', { intake: { psychosis_history: 'unsure' } }, 'missing'],
    ['current unanswered', { intake: { psychosis_current: undefined } }, 'missing'],
    ['yes wins over unsure', { intake: { psychosis_history: 'yes', psychosis_current: 'unsure' } }, 'fired'],
  ],
  'current-substance-misuse': [
    ['no', {}, 'clear'],
    ['yes', { intake: { substance_use_current: 'yes' } }, 'fired'],
    ['unsure', { intake: { substance_use_current: 'unsure' } }, 'missing'],
  ],
  'severe-hepatic-disease': [
    ['none', {}, 'clear'],
    ['mild', { intake: { hepatic_disease: 'mild' } }, 'clear'],
    ['moderate is a flag elsewhere, not this', { intake: { hepatic_disease: 'moderate' } }, 'clear'],
    ['severe', { intake: { hepatic_disease: 'severe' } }, 'fired'],
    ['not answered', { intake: { hepatic_disease: undefined } }, 'missing'],
  ],
  'raised-intracranial-or-intraocular-pressure': [
    ['no', {}, 'clear'],
    ['intracranial', { intake: { raised_intracranial_pressure: 'yes' } }, 'fired'],
    ['intraocular', { intake: { raised_intraocular_pressure: 'yes' } }, 'fired'],
    ['unsure', { intake: { raised_intraocular_pressure: 'unsure' } }, 'missing'],
  ],
  'cardiovascular-or-cerebrovascular-disease': [
    ['no', {}, 'clear'],
    ['cardiovascular', { intake: { cardiovascular_disease: 'yes' } }, 'fired'],
    ['cerebrovascular', { intake: { cerebrovascular_disease: 'yes' } }, 'fired'],
    ['unsure', { intake: { cardiovascular_disease: 'unsure' } }, 'missing'],
  ],
  'benzodiazepine-load': [
    ['none', {}, 'clear'],
    ['lorazepam 0.8 mg/day = 8.0 mg', { medications: [med('lorazepam', 0.8, 1)] }, 'clear'],
    ['lorazepam 0.81 mg/day = 8.1 mg', { medications: [med('lorazepam', 0.81, 1)] }, 'fired'],
    ['diazepam 4 mg twice a day = 8.0 mg', { medications: [med('diazepam', 4, 2)] }, 'clear'],
    ['diazepam 8.1 mg once = 8.1 mg', { medications: [med('diazepam', 8.1, 1)] }, 'fired'],
    ['alprazolam 0.5 mg twice a day = 20 mg', { medications: [med('Xanax', 0.5, 2)] }, 'fired'],
    ['a benzodiazepine with unknown dose', { medications: [med('Ativan')] }, 'missing'],
    [
      'known part already above: fired even with an unknown dose',
      { medications: [med('Ativan'), med('Xanax', 1, 1)] },
      'fired',
    ],
    ['no equivalence for midazolam', { medications: [med('midazolam', 2, 1)] }, 'missing'],
    ['no medication list', { medications: null }, 'missing'],
  ],
  naltrexone: [
    ['none', {}, 'clear'],
    ['Vivitrol', { medications: [med('Vivitrol', 380, null)] }, 'fired'],
    ['Contrave', { medications: [med('Contrave', 8, 2)] }, 'fired'],
    ['no list', { medications: null }, 'missing'],
  ],
  lamotrigine: [
    ['none', { medications: [med('sertraline', 100, 1)] }, 'clear'],
    ['Lamictal', { medications: [med('Lamictal', 200, 1)] }, 'fired'],
    ['no list', { medications: null }, 'missing'],
  ],
  'maoi-blood-pressure': [
    ['none', {}, 'clear'],
    ['phenelzine', { medications: [med('phenelzine', 15, 3)] }, 'fired'],
    ['Emsam', { medications: [med('Emsam', 6, 1)] }, 'fired'],
    ['no list', { medications: null }, 'missing'],
  ],
  'psychostimulant-blood-pressure': [
    ['none', {}, 'clear'],
    ['Adderall', { medications: [med('Adderall XR', 20, 1)] }, 'fired'],
    ['modafinil', { medications: [med('Provigil', 200, 1)] }, 'fired'],
    ['no list', { medications: null }, 'missing'],
  ],
  'cns-depressant-sedation': [
    ['none', { medications: [med('Lexapro', 10, 1)] }, 'clear'],
    ['opioid', { medications: [med('tramadol', 50, 2)] }, 'fired'],
    ['sedative-hypnotic', { medications: [med('Ambien', 10, 1)] }, 'fired'],
    ['benzodiazepine (any dose)', { medications: [med('lorazepam', 0.5, 1)] }, 'fired'],
    ['no list', { medications: null }, 'missing'],
  ],
  'moderate-hepatic-disease': [
    ['none', {}, 'clear'],
    ['mild', { intake: { hepatic_disease: 'mild' } }, 'clear'],
    ['moderate', { intake: { hepatic_disease: 'moderate' } }, 'fired'],
    ['severe is the relative rule, not this', { intake: { hepatic_disease: 'severe' } }, 'clear'],
    ['not answered', { intake: { hepatic_disease: undefined } }, 'missing'],
  ],
  'interstitial-cystitis': [
    ['no', {}, 'clear'],
    ['yes', { intake: { interstitial_cystitis: 'yes' } }, 'fired'],
    ['unsure', { intake: { interstitial_cystitis: 'unsure' } }, 'missing'],
  ],
  'hypertensive-encephalopathy-history': [
    ['no', {}, 'clear'],
    ['yes', { intake: { hypertensive_encephalopathy: 'yes' } }, 'fired'],
    ['unsure', { intake: { hypertensive_encephalopathy: 'unsure' } }, 'missing'],
  ],
  'substance-use-history': [
    ['no', {}, 'clear'],
    ['yes', { intake: { substance_use_history: 'yes' } }, 'fired'],
    ['not answered', { intake: { substance_use_history: undefined } }, 'missing'],
  ],
  'phq9-item9-suicide-risk': [
    ['0', { phq9Item9: 0 }, 'clear'],
    ['1', { phq9Item9: 1 }, 'fired'],
    ['3', { phq9Item9: 3 }, 'fired'],
    ['no PHQ-9 on record is clear, not missing', { phq9Item9: null }, 'clear'],
    ['an impossible answer', { phq9Item9: 4 }, 'missing'],
  ],
};

describe('every rule has a table of cases', () => {
  it('covers each rule in SCREENING_RULES and nothing else', () => {
    expect(Object.keys(cases).sort()).toEqual(SCREENING_RULES.map((r) => r.id).sort());
  });
});

describe.each(Object.entries(cases))('rule %s', (id, table) => {
  it.each(table)('%s → %s', (_, over, status) => {
    const r = runRule(id, over);
    expect(r.status).toBe(status);
    expect(r.explanation.length).toBeGreaterThan(5);
    // A rule reads exactly the paths it declares.
    expect(Object.keys(r.read).sort()).toEqual([...screeningRule(id)!.reads].sort());
  });
});

describe('rule data', () => {
  it('has stable kebab-case ids, a version, products, a source and reads', () => {
    const ids = SCREENING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of SCREENING_RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(r.version).toBeGreaterThanOrEqual(1);
      expect(r.products.length).toBeGreaterThan(0);
      expect(r.reads.length).toBeGreaterThan(0);
      expect(r.source.anchor).toMatch(/^[a-z0-9-]+$/);
      expect(r.source.citation.length).toBeGreaterThan(10);
    }
  });

  it('has the hard stops the label and REMS require, per product', () => {
    const hard = (p: string) =>
      SCREENING_RULES.filter((r) => r.severity === 'hard_stop' && r.products.includes(p as never)).map(
        (r) => r.id,
      );
    expect(hard('esketamine').sort()).toEqual([
      'esketamine-aneurysm-or-avm',
      'esketamine-hypersensitivity',
      'esketamine-intracerebral-haemorrhage',
      'esketamine-rems-not-enrolled',
    ]);
    expect(hard('iv_ketamine')).toEqual(['iv-ketamine-hypersensitivity']);
  });

  it('makes the esketamine blood-pressure limit and the benzodiazepine threshold primary and editable', () => {
    const bp = screeningRule('blood-pressure-esketamine')!;
    expect(bp.source.tag).toBe('primary');
    expect(bp.threshold).toMatchObject({
      value: { systolic: 140, diastolic: 90 },
      tag: 'primary',
      editable: true,
    });
    const bz = screeningRule('benzodiazepine-load')!;
    expect(bz.threshold).toMatchObject({ value: 8, tag: 'primary', editable: true });
    expect(bz.source.citation).toMatch(/Andrashko/);
  });
});

describe('explanations carry the numbers', () => {
  it('blood pressure names the reading, its origin and the limit', () => {
    const r = runRule('blood-pressure-esketamine', {
      vitals: { systolic: 141, diastolic: 92, measuredAt: '2026-03-02T09:00:00Z' },
    });
    expect(r.explanation).toContain('141/92 mmHg (clinic reading, 2026-03-02T09:00:00Z)');
    expect(r.explanation).toContain('above 140/90');
    expect(r.explanation).toContain('systolic 141 > 140 and diastolic 92 > 90');
    const fromIntake = runRule('blood-pressure-esketamine', { vitals: null });
    expect(fromIntake.explanation).toContain('reported by the patient at intake, measured 2026-02-20');
  });

  it('benzodiazepine load shows the formula for each medicine', () => {
    const r = runRule('benzodiazepine-load', { medications: [med('Xanax', 0.5, 2), med('Ativan')] });
    expect(r.status).toBe('fired');
    expect(r.explanation).toContain('Xanax: 1 mg/day × 10 / 0.5 = 20 mg diazepam');
    expect(r.explanation).toContain('above 8 mg/day');
    expect(r.explanation).toContain('dose or frequency not given for Ativan');
  });

  it('benzodiazepine load says what could not be counted', () => {
    const r = runRule('benzodiazepine-load', {
      medications: [med('Ativan', 1, null), med('diazepam', 2, 1)],
    });
    expect(r.status).toBe('missing');
    expect(r.explanation).toContain('Cannot total');
    expect(r.explanation).toContain('Counted so far: 2 mg/day');
  });

  it('the PHQ-9 rule says when there is no PHQ-9', () => {
    expect(runRule('phq9-item9-suicide-risk', { phq9Item9: null }).explanation).toBe('no PHQ-9 on record');
  });

  it('a missing answer says whether it was unanswered or unsure', () => {
    expect(runRule('psychosis', { intake: { psychosis_history: 'unsure' } }).explanation).toMatch(
      /not sure about/,
    );
    expect(runRule('psychosis', { intake: { psychosis_history: undefined } }).explanation).toMatch(
      /Not answered/,
    );
    expect(runRule('psychosis', { intake: null }).explanation).toMatch(/No intake on record/);
  });
});

describe('thresholds as settings', () => {
  it('a clinic threshold changes where the rule fires', () => {
    const at135 = { vitals: { systolic: 135, diastolic: 85, measuredAt: '2026-03-02T09:00:00Z' } };
    expect(runRule('blood-pressure-esketamine', at135).status).toBe('clear');
    expect(runRule('blood-pressure-esketamine', at135, { systolic: 130, diastolic: 80 }).status).toBe(
      'fired',
    );
    expect(runRule('benzodiazepine-load', { medications: [med('diazepam', 5, 1)] }, 4).status).toBe('fired');
    expect(runRule('benzodiazepine-load', { medications: [med('diazepam', 5, 1)] }, 0).status).toBe('fired');
  });

  it('accepts allowed settings', () => {
    const settings = {
      naltrexone: { enabled: false },
      'blood-pressure-esketamine': { enabled: true, threshold: { systolic: 150, diastolic: 95 } },
      'benzodiazepine-load': { enabled: true, threshold: 10 },
      'esketamine-aneurysm-or-avm': { enabled: true },
    };
    expect(ruleSettingsSchema.safeParse(settings).success).toBe(true);
    expect(checkRuleSettings(settings)).toEqual([]);
  });

  it.each([
    ['an unknown rule', { 'no-such-rule': { enabled: true } }, 'no-such-rule'],
    [
      'a hard stop switched off',
      { 'esketamine-rems-not-enrolled': { enabled: false } },
      'esketamine-rems-not-enrolled.enabled',
    ],
    [
      'a threshold on a rule without one',
      { naltrexone: { enabled: true, threshold: 3 } },
      'naltrexone.threshold',
    ],
    [
      'a benzodiazepine threshold above its range',
      { 'benzodiazepine-load': { enabled: true, threshold: 21 } },
      'benzodiazepine-load.threshold',
    ],
    [
      'a benzodiazepine threshold below its range',
      { 'benzodiazepine-load': { enabled: true, threshold: -1 } },
      'benzodiazepine-load.threshold',
    ],
    [
      'a number where a blood pressure is needed',
      { 'blood-pressure-esketamine': { enabled: true, threshold: 140 } },
      'blood-pressure-esketamine.threshold',
    ],
    [
      'a blood pressure where a number is needed',
      { 'benzodiazepine-load': { enabled: true, threshold: { systolic: 8, diastolic: 8 } } },
      'benzodiazepine-load.threshold',
    ],
    [
      'a blood-pressure limit above its range',
      { 'blood-pressure-esketamine': { enabled: true, threshold: { systolic: 200, diastolic: 90 } } },
      'blood-pressure-esketamine.threshold',
    ],
    [
      'a blood-pressure limit below its range',
      { 'blood-pressure-esketamine': { enabled: true, threshold: { systolic: 140, diastolic: 60 } } },
      'blood-pressure-esketamine.threshold',
    ],
  ])('refuses %s', (_, settings, field) => {
    expect(checkRuleSettings(settings).map((p) => p.field)).toEqual([field]);
    const parsed = ruleSettingsSchema.safeParse(settings);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  it('refuses malformed entries', () => {
    expect(ruleSettingsSchema.safeParse({ naltrexone: { enabled: 'no' } }).success).toBe(false);
    expect(ruleSettingsSchema.safeParse({ naltrexone: { enabled: true, colour: 'red' } }).success).toBe(
      false,
    );
  });

  it('resolveRules ignores what is not allowed and says so', () => {
    const { rules, problems } = resolveRules({
      'esketamine-aneurysm-or-avm': { enabled: false },
      'benzodiazepine-load': { enabled: true, threshold: 99 },
      'blood-pressure-iv-ketamine': { enabled: true, threshold: { systolic: 150, diastolic: 100 } },
      lamotrigine: { enabled: false },
    });
    const byId = new Map(rules.map((r) => [r.rule.id, r]));
    expect(byId.get('esketamine-aneurysm-or-avm')!.enabled).toBe(true);
    expect(byId.get('benzodiazepine-load')!.threshold!.value).toBe(8);
    expect(byId.get('blood-pressure-iv-ketamine')!.threshold!.value).toEqual({
      systolic: 150,
      diastolic: 100,
    });
    expect(byId.get('lamotrigine')!.enabled).toBe(false);
    expect(problems.map((p) => p.field)).toEqual([
      'esketamine-aneurysm-or-avm.enabled',
      'benzodiazepine-load.threshold',
    ]);
    expect(resolveRules(null).rules.every((r) => r.enabled)).toBe(true);
  });
});

describe('inputs', () => {
  it('the helper builds inputs on which every rule is clear', () => {
    const inputs = screeningInputs();
    for (const rule of SCREENING_RULES)
      expect(rule.evaluate(inputs, rule.threshold).status, rule.id).toBe('clear');
  });
});
