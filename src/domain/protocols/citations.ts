/**
 * Sources that protocol values and dosing settings point to. Every default in the protocol library and in
 * the dosing settings names at least one of these, so the UI can show where a number came from and how well
 * it is supported. The tag follows the evidence levels of the clinical source register
 * (docs/clinical-sources.md#evidence-levels): anything [secondary] or [unverified] must stay a setting.
 */

export const CONFIDENCE_TAGS = ['primary', 'secondary', 'unverified', 'engineering'] as const;
/**
 * `engineering` marks a default that no clinical source sets (e.g. a plausible-weight range that exists to
 * catch typing and unit errors). It is a judgement call and is shown as such.
 */
export type ConfidenceTag = (typeof CONFIDENCE_TAGS)[number];

export interface Citation {
  id: string;
  /** Bibliographic text as a clinician would look it up. */
  source: string;
  /** What the source supports, in one line. */
  supports: string;
  /** The clinical source register entry that discusses it, e.g. 'docs/clinical-sources.md#weight-basis'. */
  reference: string;
  tag: ConfidenceTag;
}

const list = [
  {
    id: 'murrough-2013',
    source: 'Murrough et al. 2013, Biol Psychiatry 74:250 (PMC3725185)',
    supports: '0.5 mg/kg IV over 40 min; up to 6 infusions, three per week over 12 days',
    reference: 'docs/clinical-sources.md#iv-depression-standard-protocol',
    tag: 'primary',
  },
  {
    id: 'shiroma-2014',
    source: 'Shiroma et al. 2014, J Affect Disord',
    supports: '6 infusions Mon–Wed–Fri over 12 days; many patients needed ≥ 3 infusions to respond',
    reference: 'docs/clinical-sources.md#iv-depression-standard-protocol',
    tag: 'primary',
  },
  {
    id: 'elekt-d-2023',
    source: 'Anand et al. 2023 (ELEKT-D), N Engl J Med',
    supports: '0.5 mg/kg twice weekly for 3 weeks',
    reference: 'docs/clinical-sources.md#iv-depression-standard-protocol',
    tag: 'primary',
  },
  {
    id: 'fava-2018-rapid',
    source: 'Fava et al. 2018 (RAPID), Mol Psychiatry',
    supports: '0.5 mg/kg over 40 min as standard dose; dose-ranging 0.1/0.2/0.5/1.0 mg/kg',
    reference: 'docs/clinical-sources.md#iv-depression-standard-protocol',
    tag: 'primary',
  },
  {
    id: 'cusin-2017',
    source: 'Cusin et al. 2017, Aust N Z J Psychiatry',
    supports: '3 infusions of 0.5 mg/kg, then 3 of 0.75 mg/kg when not responding',
    reference: 'docs/clinical-sources.md#iv-depression-escalation',
    tag: 'primary',
  },
  {
    id: 'askp-dose-range',
    source: 'ASKP (older page reprinted on paswfl.com)',
    supports: 'usual starting dose 0.5–1 mg/kg IV over 40–60 min: the only support for a 1.0 mg/kg ceiling',
    reference: 'docs/clinical-sources.md#askp-dose-range',
    tag: 'secondary',
  },
  {
    id: 'no-standard-ladder',
    source: 'Open gap in the clinical source register',
    supports:
      'no source found for a standard 0.5 → 0.75 → 1.0 mg/kg ladder; steps and ceiling must be settings',
    reference: 'docs/clinical-sources.md#iv-depression-escalation',
    tag: 'unverified',
  },
  {
    id: 'clinical-md-defaults',
    source: 'Candidate rule defaults of the clinical source register',
    // The register's table also lists the 1.0 mg/kg ceiling, tagged secondary there; that default is cited
    // through askp-dose-range, so this citation claims only the rows that are primary.
    supports:
      'IV depression 0.5 mg/kg over 40 min; escalation to 0.75 mg/kg after ≥ 3 infusions; induction 6',
    reference: 'docs/clinical-sources.md#candidate-rule-defaults',
    tag: 'primary',
  },
  {
    id: 'escalated-infusion-time-40-min-assumed',
    source: 'Gap in the clinical source register',
    supports:
      'Cusin 2017 gave 0.75 mg/kg over 45 min; the 40 min of the escalated step is carried over from the standard step, not taken from a source',
    reference: 'docs/clinical-sources.md#iv-depression-escalated-infusion-time',
    tag: 'unverified',
  },
  {
    id: 'can-bind-2020',
    source: 'CAN-BIND protocol, BMC Psychiatry 2020 (PMC7265624)',
    supports:
      'induction 3×/week for 3–4 weeks; weekly 1 month → every 2 weeks 2 months → monthly 3 months; every 2 weeks on relapse',
    reference: 'docs/clinical-sources.md#iv-depression-maintenance',
    tag: 'primary',
  },
  {
    id: 'feder-2021',
    source: 'Feder et al. 2021, Am J Psychiatry',
    supports:
      'PTSD: 6 infusions of 0.5 mg/kg over 2 consecutive weeks (3 per week); design from the abstract',
    reference: 'docs/clinical-sources.md#ptsd-protocols',
    tag: 'primary',
  },
  {
    id: 'feder-2014',
    source: 'Feder et al. 2014, JAMA Psychiatry',
    supports: 'PTSD: a single 0.5 mg/kg infusion vs midazolam',
    reference: 'docs/clinical-sources.md#ptsd-protocols',
    tag: 'secondary',
  },
  {
    id: 'infusion-time-40-min-assumed',
    source: 'Gap in the clinical source register',
    supports:
      'the infusion time for this regimen is not stated in the sources reviewed; 40 min is carried over from the IV depression standard',
    reference: 'docs/clinical-sources.md#ptsd-protocols',
    tag: 'unverified',
  },
  {
    id: 'cohen-2018',
    source: 'Cohen et al. 2018, Reg Anesth Pain Med 43(5):521–546 (ASRA/AAPM/ASA)',
    supports:
      'infusion 0.5–2 mg/kg/h; bolus up to 0.35 mg/kg; CRPS 22 mg/h for 4 days or 0.35 mg/kg/h over 4 h daily for 10 days; ≥ 80 mg over > 2 h',
    reference: 'docs/clinical-sources.md#chronic-pain-protocols',
    tag: 'secondary',
  },
  {
    id: 'pain-infusion-time-4-h-assumed',
    source: 'Gap in the clinical source register',
    supports:
      'Cohen 2018 gives no single infusion time for 0.5–2 mg/kg/h; 4 h is carried over from the CRPS 0.35 mg/kg/h × 4 h regimen',
    reference: 'docs/clinical-sources.md#chronic-pain-infusion-time',
    tag: 'unverified',
  },
  {
    id: 'medscape-crps',
    source: 'Medscape CRPS protocols',
    supports:
      'inpatient 20 mg/h raised in 5 mg steps to 40 mg/h for 5 days; outpatient 100–200 mg over 4 h with tapering frequency',
    reference: 'docs/clinical-sources.md#chronic-pain-protocols',
    tag: 'secondary',
  },
  {
    id: 'spravato-pi',
    source: 'SPRAVATO (esketamine) prescribing information and REMS',
    supports:
      '28 mg per device; 5 min between devices; TRD: 56 mg day 1, then 56 or 84 mg; twice weekly weeks 1–4, weekly weeks 5–8, every 2 weeks or weekly from week 9; MDD with suicidal ideation 84 mg twice weekly for 4 weeks (may reduce to 56)',
    reference: 'docs/clinical-sources.md#spravato-dosing',
    tag: 'primary',
  },
  {
    id: 'spravato-elderly-mims',
    source: 'SPRAVATO Hong Kong label via MIMS',
    supports: '65 years and over: start at 28 mg (check the US PI)',
    reference: 'docs/clinical-sources.md#spravato-dosing',
    tag: 'secondary',
  },
  {
    id: 'sanacora-2017-ibw',
    source:
      'Sanacora et al. 2017, JAMA Psychiatry 74(4):399 (as reported by Singh et al., J Clin Psychiatry 2019)',
    supports:
      'dose on ideal body weight, particularly at BMI ≥ 30; the landmark trials dosed on actual weight',
    reference: 'docs/clinical-sources.md#weight-basis',
    tag: 'secondary',
  },
  {
    id: 'no-adjusted-body-weight',
    source: 'Open gap in the clinical source register',
    supports: 'no source found for dosing ketamine on adjusted body weight',
    reference: 'docs/clinical-sources.md#weight-basis',
    tag: 'unverified',
  },
  {
    id: 'devine-1974',
    source: 'Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8:650–655',
    supports: 'ideal body weight: 50 kg (men) or 45.5 kg (women) + 2.3 kg per inch over 5 ft',
    reference: 'docs/clinical-sources.md#ideal-body-weight-formula',
    tag: 'secondary',
  },
  {
    id: 'ideal-weight-below-range',
    source: 'Arbor engineering default (Devine’s range)',
    supports:
      'below 60 in (152.4 cm) the clinician chooses the weight basis, and an ideal dosing weight never goes below Devine’s value at 60 in',
    reference: 'docs/clinical-sources.md#ideal-body-weight-range',
    tag: 'engineering',
  },
  {
    id: 'absolute-mg-cap',
    source: 'Arbor engineering default (no published cap found)',
    supports:
      'an absolute mg cap per dose: the protocol ceiling at a 100 kg reference weight unless the clinic sets one per protocol',
    reference: 'docs/clinical-sources.md#absolute-mg-cap',
    tag: 'engineering',
  },
  {
    id: 'body-measurement-freshness',
    source: 'Arbor engineering default',
    supports:
      'weight and height for a dose are at most 30 days old; a change of more than 5% since the last dose is flagged',
    reference: 'docs/clinical-sources.md#body-measurement-freshness',
    tag: 'engineering',
  },
  {
    id: 'arbor-engineering-default',
    source: 'Arbor engineering default',
    supports: 'a range or convention no clinical source sets; chosen to catch entry and unit errors',
    reference: 'docs/dosing.md',
    tag: 'engineering',
  },
] as const satisfies readonly Citation[];

export type CitationId = (typeof list)[number]['id'];

export const CITATIONS: Readonly<Record<CitationId, Citation>> = Object.freeze(
  Object.fromEntries(list.map((c) => [c.id, Object.freeze({ ...c })])) as Record<CitationId, Citation>,
);

export function citation(id: CitationId): Citation {
  return CITATIONS[id];
}

/** Full citation objects for a set of ids, in first-seen order and without duplicates. */
export function citationsFor(ids: readonly CitationId[]): Citation[] {
  return [...new Set(ids)].map((id) => CITATIONS[id]);
}

/** Section titles of the clinical source register (docs/clinical-sources.md), by anchor. */
const registerTitles: Readonly<Record<string, string>> = {
  'absolute-mg-cap': 'Absolute mg cap per dose',
  'aldrete-score': 'Modified Aldrete recovery score',
  'askp-dose-range': 'ASKP / ASKP3 statements on dose range and practice',
  'body-measurement-freshness': 'Weight and height for a dose: age and change',
  cadss: 'Dissociation: CADSS and its 6-item short form',
  'cadss6-wording': "CADSS-6: item wording from the clinic's licensed copy",
  'candidate-rule-defaults': 'Candidate defaults for IV depression and session rules',
  'chronic-pain-infusion-time': 'Chronic pain: the infusion time of the 0.5–2 mg/kg/h step',
  'chronic-pain-protocols': 'IV ketamine for chronic pain and CRPS',
  'cssrs-screener': 'C-SSRS screener: questions and risk levels',
  'evidence-levels': 'Evidence levels',
  'gad7-codes': 'GAD-7: LOINC codes',
  'gad7-scoring': 'GAD-7: scoring and bands',
  'ideal-body-weight-formula': 'Ideal body weight formula (Devine 1974)',
  'ideal-body-weight-range': "Ideal body weight below the Devine formula's range",
  'instrument-licences': 'Instrument licences',
  'iv-depression-escalated-infusion-time': "IV depression: the escalated step's infusion time",
  'iv-depression-escalation': 'IV ketamine for depression: escalation and ceiling',
  'iv-depression-maintenance': 'IV ketamine for depression: maintenance taper (CAN-BIND)',
  'iv-depression-standard-protocol': 'IV ketamine for depression: standard dose and induction series',
  'madrs-scoring': 'MADRS: items and severity bands',
  'pain-nrs-bands': 'Pain NRS: no severity bands',
  'pain-scales': 'Pain: numeric rating scale and Brief Pain Inventory (short form)',
  'pcl5-cut-off': 'PCL-5: cut-off and change',
  'pcl5-scoring': 'PCL-5: scoring and the provisional PTSD rule',
  'phq9-codes': 'PHQ-9: LOINC codes',
  'phq9-item9': 'PHQ-9 item 9 and the suicide-risk workflow',
  'phq9-scoring': 'PHQ-9: scoring, bands and the diagnostic algorithm',
  'pk-algorithm': 'How the models are evaluated, and the alternatives',
  'pk-clements-nimmo': 'Clements and Nimmo 1981 (racemic ketamine, 2 compartments)',
  'pk-covariates': 'Covariates, sampling site and enantiomers',
  'pk-domino': 'Domino (racemic ketamine, 3 compartments): the default model',
  'pk-fanta-otto': 'Fanta 2015 / Otto 2021 (S-ketamine, venous, 3 compartments)',
  'pk-herd-2007': 'Herd 2007 (racemic ketamine, children, 2 compartments)',
  'pk-hijazi': 'Hijazi 2003 (racemic ketamine, intensive care, 2 compartments)',
  'pk-hornik-2018': 'Hornik 2018 (racemic ketamine, children, IV and IM, 2 compartments)',
  'pk-kamp-2020': 'Kamp 2020 (racemic ketamine, 3 compartments) and its weight scaling',
  'pk-ke0': 'ke0: the effect-site rate constant and its provenance',
  'pk-models': 'Pharmacokinetic models',
  'pk-occupancy': 'Illustrative NMDA-receptor occupancy',
  'pk-published-comparisons': 'Published concentrations the models are compared with',
  'pk-simons-2022': 'Simons 2022 (S-ketamine, arterial, 3 compartments)',
  'pk-test-anchors': 'Derived values used to check transcription',
  'ptsd-protocols': 'IV ketamine for PTSD',
  'qids-sr16-scoring': 'QIDS-SR16: scoring and bands',
  'record-retention': 'Keeping clinical records',
  'relapse-definition': 'Relapse',
  'remission-definition': 'Remission',
  'response-definition': 'Response',
  'spravato-dosing': 'SPRAVATO dosing',
  'suicide-item-alerts': 'Suicide items beyond the PHQ-9 and the safety alert',
  'weight-basis': 'Which body weight a dose is calculated on',
};

/** Titles of the other repository documents a citation may point to. */
const documentTitles: Readonly<Record<string, string>> = {
  'docs/clinical-sources.md': 'Clinical source register',
  'docs/dosing.md': 'Arbor dosing design notes',
};

/**
 * What a clinician reads for a citation's `reference`: the register section's title
 * ("Clinical source register: SPRAVATO dosing"), never the file path and anchor. An unknown
 * reference reads as a generic title rather than a path.
 */
export function referenceTitle(reference: string): string {
  const [path = '', anchor] = reference.split('#', 2);
  const document = documentTitles[path] ?? 'Arbor documentation';
  if (!anchor) return document;
  const section = registerTitles[anchor];
  return section ? `${document}: ${section}` : document;
}

/**
 * A source text as a clinician reads it: every repository reference inside it
 * ("docs/clinical-sources.md#pk-domino") becomes its readable title, the rest is kept as written.
 */
export function readableSources(text: string): string {
  return text.replace(/docs\/[\w-]+\.md(?:#[\w-]+)?/g, (reference) => referenceTitle(reference));
}
