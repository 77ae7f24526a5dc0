import { z } from 'zod';
import { describeDiazepamParts, diazepamEquivalentPerDay } from './benzodiazepine-equivalents.js';
import type { Problem, Product, SourceRef } from './intake-types.js';
import {
  intakePath,
  intakeValue,
  listWords,
  medicationClasses,
  medicationPath,
  medicationsInClass,
  yesNoItems,
} from './rule-inputs.js';
import type {
  BloodPressureLimit,
  RuleEvaluation,
  RuleThreshold,
  ScreeningInputs,
  ScreeningRule,
  ThresholdValue,
} from './screening-types.js';

/**
 * Contraindication and interaction rules as data (docs/clinical-sources.md#pre-treatment-contraindications,
 * docs/clinical-sources.md#drug-interactions). A hard stop forbids treatment with that product; a relative
 * contraindication needs a documented clinical decision; a flag is something staff must see and act on
 * (monitor, assess) but that does not by itself stand in the way.
 *
 * Rule ids are stable: stored evaluations name them. A change to what a rule decides raises its version.
 */

const BOTH: readonly Product[] = ['iv_ketamine', 'esketamine'];
const ESKETAMINE: readonly Product[] = ['esketamine'];
const IV: readonly Product[] = ['iv_ketamine'];

const SPRAVATO_LABEL: SourceRef = {
  tag: 'primary',
  anchor: 'spravato-label-safety',
  citation: 'SPRAVATO (esketamine) nasal spray, US prescribing information (Janssen), Contraindications',
};

const COHEN_2018 =
  'Cohen SP, et al. Consensus guidelines on intravenous ketamine infusions for chronic pain (ASRA/AAPM/ASA). ' +
  'Reg Anesth Pain Med 2018;43(5):521–546 (checked in published summaries)';

const fmt = (x: number): string => String(Math.round(x * 100) / 100);

// ---------------------------------------------------------------------------------------------
// Blood pressure
// ---------------------------------------------------------------------------------------------

export const isBloodPressureLimit = (v: unknown): v is BloodPressureLimit =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as BloodPressureLimit).systolic === 'number' &&
  typeof (v as BloodPressureLimit).diastolic === 'number';

const DEFAULT_BP_LIMIT: BloodPressureLimit = { systolic: 140, diastolic: 90 };

const validReading = (s: unknown, d: unknown): boolean =>
  typeof s === 'number' &&
  typeof d === 'number' &&
  Number.isFinite(s) &&
  Number.isFinite(d) &&
  s > 0 &&
  d > 0;

/**
 * Above the limit when EITHER number is above it (140/90: 141/90 and 140/91 are above, 140/90 is not).
 * The latest clinic reading is used; without one, the patient's own reading from the intake, and the
 * explanation says which.
 */
function evaluateBloodPressure(
  inputs: ScreeningInputs,
  threshold: RuleThreshold | undefined,
  advice: string,
): RuleEvaluation {
  const limit = isBloodPressureLimit(threshold?.value) ? threshold.value : DEFAULT_BP_LIMIT;
  const v = inputs.vitals;
  const vitals = v ? { systolic: v.systolic, diastolic: v.diastolic, measuredAt: v.measuredAt } : null;
  const reported = intakeValue(inputs, 'bp_reading');
  const read = { 'vitals.bp': vitals, [intakePath('bp_reading')]: reported };
  let reading: { systolic: number; diastolic: number; where: string } | null = null;
  if (vitals && validReading(vitals.systolic, vitals.diastolic)) {
    reading = { ...vitals, where: `clinic reading, ${vitals.measuredAt}` };
  } else if (reported && validReading(reported.systolic, reported.diastolic)) {
    reading = { ...reported, where: `reported by the patient at intake, measured ${reported.measuredOn}` };
  }
  if (reading === null) {
    return { status: 'missing', read, explanation: 'No blood pressure on record. Take a reading.' };
  }
  const over: string[] = [];
  if (reading.systolic > limit.systolic) over.push(`systolic ${reading.systolic} > ${limit.systolic}`);
  if (reading.diastolic > limit.diastolic) over.push(`diastolic ${reading.diastolic} > ${limit.diastolic}`);
  const bp = `${reading.systolic}/${reading.diastolic} mmHg (${reading.where})`;
  if (over.length > 0) {
    return {
      status: 'fired',
      read,
      explanation: `Blood pressure ${bp} is above ${limit.systolic}/${limit.diastolic} mmHg: ${listWords(over)}. ${advice}`,
    };
  }
  return {
    status: 'clear',
    read,
    explanation: `Blood pressure ${bp} is at or below ${limit.systolic}/${limit.diastolic} mmHg.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Benzodiazepine load
// ---------------------------------------------------------------------------------------------

const DEFAULT_MAX_DIAZEPAM_MG = 8;

/**
 * Fired when the known diazepam-equivalent total is above the threshold (unknown doses can only add to
 * it); missing when it is not, but some benzodiazepine could not be counted; clear otherwise.
 */
function evaluateBenzodiazepineLoad(
  inputs: ScreeningInputs,
  threshold: RuleThreshold | undefined,
): RuleEvaluation {
  const limit = typeof threshold?.value === 'number' ? threshold.value : DEFAULT_MAX_DIAZEPAM_MG;
  const path = medicationPath('benzodiazepine');
  if (inputs.medications === null) {
    return {
      status: 'missing',
      read: { [path]: null },
      explanation: 'No medication list on record. Record the current medicines (or that there are none).',
    };
  }
  const benzos = medicationsInClass(inputs, 'benzodiazepine') ?? [];
  const read = { [path]: benzos };
  if (benzos.length === 0) return { status: 'clear', read, explanation: 'No benzodiazepines.' };
  const result = diazepamEquivalentPerDay(benzos, inputs.benzoTable);
  const lines = describeDiazepamParts(result);
  const uncounted: string[] = [];
  if (result.unknownDose.length > 0) {
    uncounted.push(`dose or frequency not given for ${listWords(result.unknownDose)}`);
  }
  if (result.noEquivalent.length > 0) {
    uncounted.push(`no diazepam equivalence in the table for ${listWords(result.noEquivalent)}`);
  }
  const working = lines.length > 0 ? ` (${lines.join('; ')})` : '';
  const total = `${fmt(result.totalMg)} mg/day diazepam-equivalent${working}`;
  if (result.totalMg > limit) {
    return {
      status: 'fired',
      read,
      explanation:
        `Benzodiazepines total ${total}, above ${fmt(limit)} mg/day. A daily load above 8 mg was linked with ` +
        `non-response to ketamine (Andrashko 2020). Review with the prescriber.` +
        (uncounted.length > 0 ? ` Not counted: ${uncounted.join('; ')}.` : ''),
    };
  }
  if (uncounted.length > 0) {
    return {
      status: 'missing',
      read,
      explanation:
        `Cannot total the benzodiazepine dose: ${uncounted.join('; ')}. ` +
        `Counted so far: ${total}, threshold ${fmt(limit)} mg/day.`,
    };
  }
  return {
    status: 'clear',
    read,
    explanation: `Benzodiazepines total ${total}, at or below ${fmt(limit)} mg/day.`,
  };
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

const KETAMINE_ALLERGY = /\b(?:es)?ketamine\b|\bspravato\b|\bketalar\b/i;

function evaluateHypersensitivity(inputs: ScreeningInputs, drug: string): RuleEvaluation {
  const base = yesNoItems(
    inputs,
    [{ id: 'ketamine_hypersensitivity', name: 'a past allergic reaction to ketamine or esketamine' }],
    () =>
      `The patient reports a past allergic reaction to ketamine or esketamine: ${drug} must not be given.`,
    'No reported allergic reaction to ketamine or esketamine.',
  );
  const allergies = intakeValue(inputs, 'allergies');
  const read = { ...base.read, [intakePath('allergies')]: allergies };
  const listed = (allergies ?? []).filter((a) => KETAMINE_ALLERGY.test(a.substance));
  if (listed.length > 0 && base.status !== 'fired') {
    return {
      status: 'fired',
      read,
      explanation: `The allergy list names ${listWords(listed.map((a) => a.substance))}: ${drug} must not be given.`,
    };
  }
  return { ...base, read };
}

const PREGNANCY_WORDS = {
  yes: 'is pregnant',
  possibly: 'may be pregnant',
  breastfeeding: 'is breastfeeding',
};

export const SCREENING_RULES: readonly ScreeningRule[] = [
  // Hard stops: esketamine (the SPRAVATO label's contraindications and the REMS).
  {
    id: 'esketamine-aneurysm-or-avm',
    version: 1,
    title: 'Aneurysmal vascular disease or arteriovenous malformation',
    products: ESKETAMINE,
    severity: 'hard_stop',
    source: SPRAVATO_LABEL,
    reads: [intakePath('aneurysm_or_avm')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [{ id: 'aneurysm_or_avm', name: 'aneurysm or arteriovenous malformation' }],
        () =>
          'History of aneurysmal vascular disease or arteriovenous malformation: esketamine is contraindicated.',
        'No aneurysm or arteriovenous malformation reported.',
      ),
  },
  {
    id: 'esketamine-intracerebral-haemorrhage',
    version: 1,
    title: 'History of intracerebral haemorrhage',
    products: ESKETAMINE,
    severity: 'hard_stop',
    source: SPRAVATO_LABEL,
    reads: [intakePath('intracerebral_haemorrhage')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [{ id: 'intracerebral_haemorrhage', name: 'bleeding inside the brain' }],
        () => 'History of intracerebral haemorrhage: esketamine is contraindicated.',
        'No intracerebral haemorrhage reported.',
      ),
  },
  {
    id: 'esketamine-hypersensitivity',
    version: 1,
    title: 'Hypersensitivity to esketamine or ketamine',
    products: ESKETAMINE,
    severity: 'hard_stop',
    source: SPRAVATO_LABEL,
    reads: [intakePath('ketamine_hypersensitivity'), intakePath('allergies')],
    evaluate: (inputs) => evaluateHypersensitivity(inputs, 'esketamine'),
  },
  {
    id: 'esketamine-rems-not-enrolled',
    version: 1,
    title: 'Patient not enrolled in the SPRAVATO REMS',
    products: ESKETAMINE,
    severity: 'hard_stop',
    source: {
      tag: 'primary',
      anchor: 'spravato-rems',
      citation: 'SPRAVATO REMS (FDA REMS@FDA; spravatorems.com): patients are enrolled before the first dose',
    },
    reads: ['rems.enrolled'],
    evaluate: (inputs) => {
      const read = { 'rems.enrolled': inputs.remsEnrolled };
      if (inputs.remsEnrolled === null) {
        return {
          status: 'missing',
          read,
          explanation: 'REMS enrolment not recorded. Enrol the patient or record it.',
        };
      }
      return inputs.remsEnrolled
        ? { status: 'clear', read, explanation: 'Enrolled in the SPRAVATO REMS.' }
        : {
            status: 'fired',
            read,
            explanation: 'Not enrolled in the SPRAVATO REMS: enrol the patient before the first dose.',
          };
    },
  },
  // Hard stop: IV ketamine.
  {
    id: 'iv-ketamine-hypersensitivity',
    version: 1,
    title: 'Hypersensitivity to ketamine',
    products: IV,
    severity: 'hard_stop',
    source: {
      tag: 'secondary',
      anchor: 'ketalar-label',
      citation:
        'Ketalar (ketamine hydrochloride) injection, US prescribing information, Contraindications (as quoted)',
    },
    reads: [intakePath('ketamine_hypersensitivity'), intakePath('allergies')],
    evaluate: (inputs) => evaluateHypersensitivity(inputs, 'ketamine'),
  },

  // Relative contraindications.
  {
    id: 'blood-pressure-esketamine',
    version: 1,
    title: 'Blood pressure above the pre-dose limit',
    products: ESKETAMINE,
    severity: 'relative',
    source: {
      tag: 'primary',
      anchor: 'blood-pressure',
      citation:
        'SPRAVATO US prescribing information: consider delaying treatment when blood pressure is above 140/90 mmHg',
    },
    reads: ['vitals.bp', intakePath('bp_reading')],
    threshold: {
      key: 'maxBloodPressure',
      value: DEFAULT_BP_LIMIT,
      unit: 'mmHg',
      tag: 'primary',
      editable: true,
      // Stricter than the label, or looser up to just below hypertensive-urgency levels; never off.
      range: { min: { systolic: 120, diastolic: 70 }, max: { systolic: 180, diastolic: 110 } },
    },
    evaluate: (inputs, threshold) =>
      evaluateBloodPressure(
        inputs,
        threshold,
        'The label’s guide: consider delaying esketamine; recheck and weigh the benefit against the risk.',
      ),
  },
  {
    id: 'blood-pressure-iv-ketamine',
    version: 1,
    title: 'Blood pressure above the pre-infusion limit',
    products: IV,
    severity: 'relative',
    source: {
      tag: 'secondary',
      anchor: 'blood-pressure',
      citation:
        'Ketalar US prescribing information (contraindicated where a significant rise in blood pressure would be ' +
        'a serious hazard); clinics commonly decline treatment at a resting reading above 140/90 mmHg',
    },
    reads: ['vitals.bp', intakePath('bp_reading')],
    threshold: {
      key: 'maxBloodPressure',
      value: DEFAULT_BP_LIMIT,
      unit: 'mmHg',
      tag: 'secondary',
      editable: true,
      range: { min: { systolic: 110, diastolic: 60 }, max: { systolic: 180, diastolic: 110 } },
    },
    evaluate: (inputs, threshold) =>
      evaluateBloodPressure(
        inputs,
        threshold,
        'Ketamine raises blood pressure (peak about 40 minutes): decide whether it is controlled enough to treat.',
      ),
  },
  {
    id: 'pregnancy-or-breastfeeding',
    version: 1,
    title: 'Pregnancy, possible pregnancy or breastfeeding',
    products: BOTH,
    severity: 'relative',
    source: {
      tag: 'secondary',
      anchor: 'pre-treatment-contraindications',
      citation: `${COHEN_2018} (pregnancy); SPRAVATO US prescribing information, embryo-fetal toxicity and lactation (checked in summaries)`,
    },
    reads: [intakePath('pregnancy')],
    evaluate: (inputs) => {
      const v = intakeValue(inputs, 'pregnancy');
      const read = { [intakePath('pregnancy')]: v };
      if (v === null) {
        return { status: 'missing', read, explanation: 'Pregnancy and breastfeeding not answered.' };
      }
      if (v === 'no') return { status: 'clear', read, explanation: 'Not pregnant and not breastfeeding.' };
      return {
        status: 'fired',
        read,
        explanation: `The patient ${PREGNANCY_WORDS[v]}. Ketamine and esketamine are not recommended in pregnancy or while breastfeeding.`,
      };
    },
  },
  {
    id: 'psychosis',
    version: 1,
    title: 'Active psychosis or a history of psychosis',
    products: BOTH,
    severity: 'relative',
    source: {
      tag: 'secondary',
      anchor: 'pre-treatment-contraindications',
      citation: `${COHEN_2018} (active psychosis); SPRAVATO US prescribing information: assess a history of psychosis`,
    },
    reads: [intakePath('psychosis_current'), intakePath('psychosis_history')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [
          { id: 'psychosis_current', name: 'psychotic experiences in the past month' },
          { id: 'psychosis_history', name: 'a history of psychosis' },
        ],
        (names) => `Reported: ${names}. Ketamine can worsen psychosis; a clinician must weigh this.`,
        'No psychosis reported, now or in the past.',
      ),
  },
  {
    id: 'current-substance-misuse',
    version: 1,
    title: 'Current substance misuse',
    products: BOTH,
    severity: 'relative',
    source: { tag: 'secondary', anchor: 'cohen-2018', citation: `${COHEN_2018} (active substance abuse)` },
    reads: [intakePath('substance_use_current')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [
          {
            id: 'substance_use_current',
            name: 'drug use or misuse of prescription medicines in the past 3 months',
          },
        ],
        (names) => `Reported: ${names}. Ketamine has abuse potential; assess before treating.`,
        'No current substance misuse reported.',
      ),
  },
  {
    id: 'severe-hepatic-disease',
    version: 1,
    title: 'Severe liver disease',
    products: BOTH,
    severity: 'relative',
    source: {
      tag: 'secondary',
      anchor: 'cohen-2018',
      citation: `${COHEN_2018} (severe hepatic disease: avoid); SPRAVATO: not recommended in severe hepatic impairment (checked in summaries)`,
    },
    reads: [intakePath('hepatic_disease')],
    evaluate: (inputs) => {
      const v = intakeValue(inputs, 'hepatic_disease');
      const read = { [intakePath('hepatic_disease')]: v };
      if (v === null) return { status: 'missing', read, explanation: 'Liver disease not answered.' };
      return v === 'severe'
        ? {
            status: 'fired',
            read,
            explanation:
              'Severe liver disease reported: ketamine is best avoided and esketamine is not recommended.',
          }
        : { status: 'clear', read, explanation: `Liver disease: ${v}.` };
    },
  },
  {
    id: 'raised-intracranial-or-intraocular-pressure',
    version: 1,
    title: 'Raised intracranial or intraocular pressure',
    products: BOTH,
    severity: 'relative',
    source: {
      tag: 'secondary',
      anchor: 'cohen-2018',
      citation: `${COHEN_2018} (raised intracranial or intraocular pressure)`,
    },
    reads: [intakePath('raised_intracranial_pressure'), intakePath('raised_intraocular_pressure')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [
          { id: 'raised_intracranial_pressure', name: 'raised intracranial pressure' },
          { id: 'raised_intraocular_pressure', name: 'glaucoma or raised intraocular pressure' },
        ],
        (names) => `Reported: ${names}. Ketamine can raise these pressures.`,
        'No raised intracranial or intraocular pressure reported.',
      ),
  },
  {
    id: 'cardiovascular-or-cerebrovascular-disease',
    version: 1,
    title: 'Cardiovascular or cerebrovascular disease',
    products: BOTH,
    severity: 'relative',
    source: {
      tag: 'secondary',
      anchor: 'pre-treatment-contraindications',
      citation: `${COHEN_2018} (poorly controlled cardiovascular disease); SPRAVATO US prescribing information: assess cardiovascular and cerebrovascular conditions`,
    },
    reads: [intakePath('cardiovascular_disease'), intakePath('cerebrovascular_disease')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [
          { id: 'cardiovascular_disease', name: 'heart disease' },
          { id: 'cerebrovascular_disease', name: 'stroke, TIA or cerebrovascular disease' },
        ],
        (names) =>
          `Reported: ${names}. The blood-pressure rise with treatment is a risk here; judge whether the condition is controlled.`,
        'No cardiovascular or cerebrovascular disease reported.',
      ),
  },

  // Flags.
  {
    id: 'benzodiazepine-load',
    version: 1,
    title: 'Benzodiazepines above the diazepam-equivalent threshold',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'primary',
      anchor: 'drug-interactions',
      citation:
        'Andrashko V, et al. Front Psychiatry 2020: more than 8 mg/day diazepam-equivalent identified ketamine ' +
        'non-responders (sensitivity 80%, specificity 85%)',
    },
    reads: [medicationPath('benzodiazepine')],
    threshold: {
      key: 'maxDiazepamEquivalentMgPerDay',
      value: DEFAULT_MAX_DIAZEPAM_MG,
      unit: 'mg/day diazepam-equivalent',
      tag: 'primary',
      editable: true,
      // 0 flags any benzodiazepine; above 20 the flag would no longer reflect the published finding.
      range: { min: 0, max: 20 },
    },
    evaluate: evaluateBenzodiazepineLoad,
  },
  {
    id: 'naltrexone',
    version: 1,
    title: 'Naltrexone',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'primary',
      anchor: 'drug-interactions',
      citation:
        'Williams NR, et al. Am J Psychiatry 2018 (naltrexone pre-treatment markedly attenuated the rapid response); ' +
        'a 2025 randomised trial in depression with alcohol use disorder found no difference (Int J Neuropsychopharmacol)',
    },
    reads: [medicationPath('naltrexone')],
    evaluate: (inputs) =>
      medicationClasses(
        inputs,
        ['naltrexone'],
        (meds) => `Taking ${meds}. Naltrexone may blunt the response to ketamine; the evidence is mixed.`,
        'No naltrexone.',
      ),
  },
  {
    id: 'lamotrigine',
    version: 1,
    title: 'Lamotrigine',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'secondary',
      anchor: 'drug-interactions',
      citation:
        'Anand A, et al. Arch Gen Psychiatry 2000;57:270 (lamotrigine attenuated ketamine’s neuropsychiatric effects; ' +
        'title only reviewed)',
    },
    reads: [medicationPath('lamotrigine')],
    evaluate: (inputs) =>
      medicationClasses(
        inputs,
        ['lamotrigine'],
        (meds) =>
          `Taking ${meds}. Lamotrigine was reported to reduce ketamine’s acute effects; its effect on the antidepressant response is unknown.`,
        'No lamotrigine.',
      ),
  },
  {
    id: 'maoi-blood-pressure',
    version: 1,
    title: 'MAO inhibitor: monitor blood pressure closely',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'primary',
      anchor: 'drug-interactions',
      citation: 'SPRAVATO US prescribing information, Drug interactions: MAOIs may increase blood pressure',
    },
    reads: [medicationPath('maoi')],
    evaluate: (inputs) =>
      medicationClasses(
        inputs,
        ['maoi'],
        (meds) =>
          `Taking ${meds}. MAO inhibitors can add to the blood-pressure rise: monitor blood pressure closely.`,
        'No MAO inhibitor.',
      ),
  },
  {
    id: 'psychostimulant-blood-pressure',
    version: 1,
    title: 'Psychostimulant: monitor blood pressure closely',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'primary',
      anchor: 'drug-interactions',
      citation:
        'SPRAVATO US prescribing information, Drug interactions: psychostimulants (amphetamines, methylphenidate, ' +
        'modafinil, armodafinil) may increase blood pressure',
    },
    reads: [medicationPath('psychostimulant')],
    evaluate: (inputs) =>
      medicationClasses(
        inputs,
        ['psychostimulant'],
        (meds) =>
          `Taking ${meds}. Psychostimulants can add to the blood-pressure rise: monitor blood pressure closely.`,
        'No psychostimulant.',
      ),
  },
  {
    id: 'cns-depressant-sedation',
    version: 1,
    title: 'CNS depressant: monitor sedation closely',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'primary',
      anchor: 'drug-interactions',
      citation:
        'SPRAVATO US prescribing information, Drug interactions: CNS depressants (e.g. benzodiazepines, opioids, ' +
        'alcohol) may increase sedation',
    },
    reads: [medicationPath('opioid'), medicationPath('sedative_hypnotic'), medicationPath('benzodiazepine')],
    evaluate: (inputs) =>
      medicationClasses(
        inputs,
        ['opioid', 'sedative_hypnotic', 'benzodiazepine'],
        (meds) => `Taking ${meds}. These add to sedation: monitor sedation and breathing closely.`,
        'No opioid, sedative-hypnotic or benzodiazepine.',
      ),
  },
  {
    id: 'moderate-hepatic-disease',
    version: 1,
    title: 'Moderate liver disease',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'secondary',
      anchor: 'cohen-2018',
      citation: `${COHEN_2018} (moderate hepatic disease: caution); SPRAVATO: longer monitoring in moderate hepatic impairment (checked in summaries)`,
    },
    reads: [intakePath('hepatic_disease')],
    evaluate: (inputs) => {
      const v = intakeValue(inputs, 'hepatic_disease');
      const read = { [intakePath('hepatic_disease')]: v };
      if (v === null) return { status: 'missing', read, explanation: 'Liver disease not answered.' };
      return v === 'moderate'
        ? {
            status: 'fired',
            read,
            explanation:
              'Moderate liver disease reported: use with caution (for esketamine, patients may need monitoring for longer).',
          }
        : { status: 'clear', read, explanation: `Liver disease: ${v}.` };
    },
  },
  {
    id: 'interstitial-cystitis',
    version: 1,
    title: 'Interstitial cystitis',
    products: ESKETAMINE,
    severity: 'flag',
    source: {
      tag: 'secondary',
      anchor: 'spravato-label-safety',
      citation:
        'SPRAVATO US prescribing information, warnings on ulcerative or interstitial cystitis (checked in summaries)',
    },
    reads: [intakePath('interstitial_cystitis')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [{ id: 'interstitial_cystitis', name: 'interstitial cystitis' }],
        () => 'Interstitial cystitis reported: ask about urinary symptoms during treatment.',
        'No interstitial cystitis reported.',
      ),
  },
  {
    id: 'hypertensive-encephalopathy-history',
    version: 1,
    title: 'History of hypertensive encephalopathy: monitor blood pressure closely',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'primary',
      anchor: 'spravato-label-safety',
      citation:
        'SPRAVATO US prescribing information: monitor blood pressure more closely in patients with a history of hypertensive encephalopathy',
    },
    reads: [intakePath('hypertensive_encephalopathy')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [{ id: 'hypertensive_encephalopathy', name: 'hypertensive encephalopathy' }],
        () => 'History of hypertensive encephalopathy: monitor blood pressure more closely.',
        'No hypertensive encephalopathy reported.',
      ),
  },
  {
    id: 'substance-use-history',
    version: 1,
    title: 'History of a substance use problem',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'secondary',
      anchor: 'pre-treatment-contraindications',
      citation:
        'SPRAVATO US prescribing information: assess a history of substance use disorder (checked in summaries)',
    },
    reads: [intakePath('substance_use_history')],
    evaluate: (inputs) =>
      yesNoItems(
        inputs,
        [{ id: 'substance_use_history', name: 'a past alcohol or drug problem' }],
        () => 'History of an alcohol or drug problem: ketamine has abuse potential; watch for misuse.',
        'No past alcohol or drug problem reported.',
      ),
  },
  {
    id: 'phq9-item9-suicide-risk',
    version: 1,
    title: 'PHQ-9 item 9: suicide-risk assessment before treatment',
    products: BOTH,
    severity: 'flag',
    source: {
      tag: 'secondary',
      anchor: 'phq9-item9',
      citation:
        'Item 9 ≥ 1 starts a suicide-risk assessment (common practice); item 9 sensitivity 0.69, specificity 0.84 ' +
        '(Uebelacker 2011, PMC3121214)',
    },
    reads: ['phq9.item9'],
    evaluate: (inputs) => {
      const v = inputs.phq9Item9;
      const read = { 'phq9.item9': v };
      // No PHQ-9 is not missing information for this rule: the measurement schedule asks for one, and a
      // patient without one has not screened positive. The explanation says so.
      if (v === null) return { status: 'clear', read, explanation: 'no PHQ-9 on record' };
      if (!Number.isInteger(v) || v < 0 || v > 3) {
        return {
          status: 'missing',
          read,
          explanation: `PHQ-9 item 9 answer ${v} is not a valid answer (0–3).`,
        };
      }
      return v >= 1
        ? {
            status: 'fired',
            read,
            explanation: `PHQ-9 item 9 answered ${v} (1 or more): complete a suicide-risk assessment (C-SSRS) before treatment.`,
          }
        : { status: 'clear', read, explanation: 'PHQ-9 item 9 answered 0.' };
    },
  },
];

const RULES_BY_ID: ReadonlyMap<string, ScreeningRule> = new Map(SCREENING_RULES.map((r) => [r.id, r]));

export function screeningRule(id: string): ScreeningRule | undefined {
  return RULES_BY_ID.get(id);
}

// ---------------------------------------------------------------------------------------------
// Clinic settings
// ---------------------------------------------------------------------------------------------

const thresholdValueSchema = z.union([
  z.number(),
  z.object({ systolic: z.number().int(), diastolic: z.number().int() }).strict(),
]);

export const ruleSettingSchema = z
  .object({ enabled: z.boolean(), threshold: thresholdValueSchema.optional() })
  .strict();
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type RuleSettings = Record<string, RuleSetting>;

const describeValue = (v: ThresholdValue): string =>
  typeof v === 'number' ? String(v) : `${v.systolic}/${v.diastolic}`;

function thresholdProblem(rule: ScreeningRule, value: ThresholdValue): string | null {
  const t = rule.threshold;
  if (!t || !t.editable) return 'this rule has no threshold a clinic can change';
  const range = t.range;
  if (typeof t.value === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number (${t.unit})`;
    if (range && typeof range.min === 'number' && typeof range.max === 'number') {
      if (value < range.min || value > range.max) {
        return `must be from ${range.min} to ${range.max} ${t.unit} (the cited value is ${t.value})`;
      }
    }
    return null;
  }
  if (!isBloodPressureLimit(value)) return `must be a blood pressure, systolic and diastolic (${t.unit})`;
  if (range && isBloodPressureLimit(range.min) && isBloodPressureLimit(range.max)) {
    const { min, max } = range;
    const inside =
      value.systolic >= min.systolic &&
      value.systolic <= max.systolic &&
      value.diastolic >= min.diastolic &&
      value.diastolic <= max.diastolic;
    if (!inside) {
      return (
        `must be from ${describeValue(min)} to ${describeValue(max)} ${t.unit}, each number within its range ` +
        `(the cited value is ${describeValue(t.value)})`
      );
    }
  }
  return null;
}

/**
 * What is wrong with a clinic's rule settings, named `<rule id>` / `<rule id>.enabled` /
 * `<rule id>.threshold`: an unknown rule, a hard stop switched off, or a threshold the rule does not let
 * a clinic change or that is outside its range.
 */
export function checkRuleSettings(settings: RuleSettings): Problem[] {
  const problems: Problem[] = [];
  for (const [id, setting] of Object.entries(settings)) {
    const rule = RULES_BY_ID.get(id);
    if (!rule) {
      problems.push({ field: id, message: 'is not a screening rule' });
      continue;
    }
    if (rule.severity === 'hard_stop' && setting.enabled === false) {
      problems.push({ field: `${id}.enabled`, message: 'a hard stop cannot be switched off' });
    }
    if (setting.threshold !== undefined) {
      const problem = thresholdProblem(rule, setting.threshold);
      if (problem) problems.push({ field: `${id}.threshold`, message: problem });
    }
  }
  return problems;
}

/** A clinic's per-rule settings: `{ [ruleId]: { enabled, threshold? } }`; rules not listed use defaults. */
export const ruleSettingsSchema = z.record(z.string(), ruleSettingSchema).superRefine((settings, ctx) => {
  for (const p of checkRuleSettings(settings)) {
    ctx.addIssue({ code: 'custom', message: p.message, path: p.field.split('.') });
  }
});

export interface ResolvedRule {
  rule: ScreeningRule;
  enabled: boolean;
  /** The threshold in force: the rule's default, or the clinic's value where it may change it. */
  threshold: RuleThreshold | undefined;
}

/**
 * Every rule with the clinic's settings applied. A setting that is not allowed (a hard stop switched
 * off, a threshold out of range) is ignored in favour of the default and reported in `problems`: the
 * screening still runs, and the settings screen shows what was ignored.
 */
export function resolveRules(settings: RuleSettings | null | undefined): {
  rules: ResolvedRule[];
  problems: Problem[];
} {
  const given = settings ?? {};
  const problems = checkRuleSettings(given);
  const bad = new Set(problems.map((p) => p.field));
  const rules = SCREENING_RULES.map((rule): ResolvedRule => {
    const setting = given[rule.id];
    const enabled =
      rule.severity === 'hard_stop' || bad.has(`${rule.id}.enabled`) ? true : (setting?.enabled ?? true);
    let threshold = rule.threshold;
    if (threshold && setting?.threshold !== undefined && !bad.has(`${rule.id}.threshold`)) {
      threshold = { ...threshold, value: setting.threshold };
    }
    return { rule, enabled, threshold };
  });
  return { rules, problems };
}
