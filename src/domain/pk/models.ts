/**
 * Published ketamine pharmacokinetic models as data. Every number carries the paper or program it was taken
 * from and its entry in the register (docs/clinical-sources.md#pk-models, one anchor per model; ke0 values
 * under #pk-ke0). Unresolved points are recorded as structured caveats so the UI and the docs show the same
 * warnings.
 */
import type {
  Ke0Rule,
  ModelCaveat,
  ModelParameter,
  ParameterName,
  ParameterUnit,
  PkModelData,
} from './model-types';

function perKg(name: ParameterName, value: number, unit: ParameterUnit, source: string): ModelParameter {
  return { name, value, unit, referenceWeightKg: 1, weightExponent: 1, source };
}

function fixed(name: ParameterName, value: number, unit: ParameterUnit, source: string): ModelParameter {
  return { name, value, unit, referenceWeightKg: 70, weightExponent: 0, source };
}

function per70(
  name: ParameterName,
  value: number,
  unit: ParameterUnit,
  weightExponent: number,
  source: string,
): ModelParameter {
  return { name, value, unit, referenceWeightKg: 70, weightExponent, source };
}

const KE0_NOT_VALIDATED: ModelCaveat = {
  topic: 'ke0-provenance',
  severity: 'warning',
  text:
    'No ke0 has been validated for psychiatric endpoints; the effect-site curve (Ce) is a model estimate ' +
    'whose timing depends on an assumed ke0.',
  source: 'docs/clinical-sources.md#pk-ke0',
};

const DOMINO_SRC =
  'Domino et al. (Clin Pharmacol Ther 1984;36:645; also cited as Anesth Analg 1982) as coded in STANPUMP ' +
  'DRUGS.C l.969–1017, stanpumpR drugs_ketamine.R and opentiva ketamine.py; docs/clinical-sources.md#pk-domino';
const KAMP_SRC =
  'Kamp 2020 (Anesthesiology 133:1192), per 70 kg, as coded in opentiva and SimTIVA; ' +
  'docs/clinical-sources.md#pk-kamp-2020';

const CLEMENTS_REF = 'docs/clinical-sources.md#pk-clements-nimmo';
const HIJAZI_REF = 'docs/clinical-sources.md#pk-hijazi';
const HERD_REF = 'docs/clinical-sources.md#pk-herd-2007';
const HORNIK_REF = 'docs/clinical-sources.md#pk-hornik-2018';
const SIMONS_REF = 'docs/clinical-sources.md#pk-simons-2022';
const FANTA_REF = 'docs/clinical-sources.md#pk-fanta-otto';

const KAMP_KE0: Ke0Rule = {
  kind: 'log-weight',
  a: 0.1876,
  b: 0.5932,
  source:
    'SimTIVA pharmacology.js, tuned so tPeak = 1.6 min (matching Domino with ke0 0.238); ' +
    'docs/clinical-sources.md#pk-ke0',
};

const KAMP_CAVEATS: readonly ModelCaveat[] = [
  {
    topic: 'weight-scaling',
    severity: 'warning',
    text:
      'Unresolved: opentiva scales all Kamp clearances linearly by W/70, SimTIVA and a public TS app by ' +
      '(W/70)^0.75. The two coincide at 70 kg; for heavy patients allometric scaling predicts higher ' +
      'concentrations after a mg/kg dose. Both variants are offered (kamp-2020, kamp-2020-linear).',
    source: 'docs/clinical-sources.md#pk-kamp-2020',
  },
  {
    topic: 'parameter-unverified',
    severity: 'warning',
    text:
      "The paper's parameter table was not reviewed; whether these 3-compartment numbers are the paper's " +
      'final model (the abstract describes an arterial central compartment plus two venous delay ' +
      'compartments) is unconfirmed.',
    source: 'docs/clinical-sources.md#pk-kamp-2020',
  },
  {
    topic: 'ke0-provenance',
    severity: 'info',
    text: 'ke0 = 0.1876·ln(W) + 0.5932 (1.39 min⁻¹ at 70 kg) was tuned to a 1.6-min time to peak, not fitted.',
    source: 'docs/clinical-sources.md#pk-ke0',
  },
  KE0_NOT_VALIDATED,
];

function kamp(id: string, name: string, clearanceExponent: number, scalingSource: string): PkModelData {
  return {
    id,
    name,
    analyte: 'racemic ketamine',
    population: 'adult',
    samplingSite: 'unknown',
    compartments: 3,
    parameterization: 'volumes-clearances',
    parameters: [
      per70('V1', 25, 'L', 1, KAMP_SRC),
      per70('V2', 56, 'L', 1, KAMP_SRC),
      per70('V3', 157, 'L', 1, KAMP_SRC),
      per70('CL', 84, 'L/h', clearanceExponent, `${KAMP_SRC}; ${scalingSource}`),
      per70('Q2', 161, 'L/h', clearanceExponent, `${KAMP_SRC}; ${scalingSource}`),
      per70('Q3', 79, 'L/h', clearanceExponent, `${KAMP_SRC}; ${scalingSource}`),
    ],
    ke0: KAMP_KE0,
    ke0Alternatives: [],
    caveats: KAMP_CAVEATS,
    reference: 'Kamp J et al. Anesthesiology 2020;133:1192',
  };
}

/** Assumed for models with no published ke0: the same 1.6-min time to peak SimTIVA used for Kamp. */
function assumedTPeakKe0(modelName: string): Ke0Rule {
  return {
    kind: 'time-to-peak',
    tPeakMin: 1.6,
    source:
      `No published ke0 for ${modelName}; solved from an assumed tPeak of 1.6 min ` +
      '(the assumption SimTIVA used for Kamp; docs/clinical-sources.md#pk-ke0)',
  };
}

export const PK_MODELS: readonly PkModelData[] = [
  {
    id: 'domino',
    name: 'Domino (racemic, 3-compartment)',
    analyte: 'racemic ketamine',
    population: 'adult',
    samplingSite: 'unknown',
    compartments: 3,
    parameterization: 'rate-constants',
    parameters: [
      perKg('V1', 0.063, 'L/kg', DOMINO_SRC),
      fixed('k10', 0.438, '1/min', DOMINO_SRC),
      fixed('k12', 0.592, '1/min', DOMINO_SRC),
      fixed('k13', 0.59, '1/min', DOMINO_SRC),
      fixed('k21', 0.247, '1/min', DOMINO_SRC),
      fixed('k31', 0.0146, '1/min', DOMINO_SRC),
    ],
    ke0: {
      kind: 'fixed',
      perMin: 0.238,
      source:
        'Navarrete et al., J Clin Monit Comput 2025;39:349, derived from the analgesia nociception index ' +
        '(as SimTIVA); tPeak 1.61 min; docs/clinical-sources.md#pk-ke0',
    },
    ke0Alternatives: [
      {
        label: 'stanpumpR: solved from tPeak 3 min, marked "just a guess"',
        rule: {
          kind: 'fixed',
          perMin: 0.0857,
          source: 'stanpumpR drugs_ketamine.R; docs/clinical-sources.md#pk-ke0',
        },
      },
      {
        label: 'opentiva: from tPeak 1 min',
        rule: {
          kind: 'fixed',
          perMin: 0.652,
          source: 'opentiva ketamine.py; docs/clinical-sources.md#pk-ke0',
        },
      },
      {
        label: 'STANPUMP k41 = 10, commented "no idea"',
        rule: { kind: 'fixed', perMin: 10, source: 'STANPUMP DRUGS.C; docs/clinical-sources.md#pk-ke0' },
      },
      {
        label: 'Sleigh 2019 slow-wave EEG (anaesthetic endpoint)',
        rule: {
          kind: 'fixed',
          perMin: 1.8,
          source: 'Sleigh 2019 (BJA 123:592), t½ke0 23 s; docs/clinical-sources.md#pk-ke0',
        },
      },
    ],
    caveats: [
      {
        topic: 'reference-citation',
        severity: 'info',
        text:
          'The Domino reference is cited inconsistently (1982 Anesth Analg vs 1984 Clin Pharmacol Ther); ' +
          'the parameters agree across STANPUMP, stanpumpR, opentiva and SimTIVA.',
        source: 'docs/clinical-sources.md#pk-domino',
      },
      {
        topic: 'ke0-provenance',
        severity: 'info',
        text: 'Default ke0 0.238 min⁻¹ comes from an analgesia index (ANI), not a psychiatric endpoint.',
        source: 'docs/clinical-sources.md#pk-ke0',
      },
      KE0_NOT_VALIDATED,
    ],
    reference: 'Domino EF et al. (cited as Clin Pharmacol Ther 36:645 and as Anesth Analg 1982)',
  },
  kamp(
    'kamp-2020',
    'Kamp 2020 (clearances allometric, as SimTIVA)',
    0.75,
    'clearance exponent 0.75 as SimTIVA',
  ),
  kamp(
    'kamp-2020-linear',
    'Kamp 2020 (all linear in weight, as opentiva)',
    1,
    'linear W/70 as opentiva Klamp',
  ),
  {
    id: 'clements-250',
    name: 'Clements 250 (racemic, 2-compartment)',
    analyte: 'racemic ketamine',
    population: 'adult',
    samplingSite: 'unknown',
    compartments: 2,
    parameterization: 'rate-constants',
    parameters: [
      perKg('V1', 1.7522, 'L/kg', `Clements & Nimmo 1981 (BJA 53:27), opentiva only; ${CLEMENTS_REF}`),
      fixed('k10', 0.0109, '1/min', `Clements & Nimmo 1981, opentiva; ${CLEMENTS_REF}`),
      fixed('k12', 0.0186, '1/min', `Clements & Nimmo 1981, opentiva; ${CLEMENTS_REF}`),
      fixed('k21', 0.0137, '1/min', `Clements & Nimmo 1981, opentiva; ${CLEMENTS_REF}`),
    ],
    ke0: {
      kind: 'fixed',
      perMin: 5.2,
      source: 'opentiva ketamine.py, a tPeak-of-1-min guess; docs/clinical-sources.md#pk-ke0',
    },
    ke0Alternatives: [],
    caveats: [
      {
        topic: 'parameter-unverified',
        severity: 'warning',
        text:
          'V1 of 1.75 L/kg is unverified (found only in opentiva). With V1 ≈ 123 L at 70 kg, concentrations ' +
          'right after a bolus are up to ~28× lower than with Domino.',
        source: CLEMENTS_REF,
      },
      {
        topic: 'ke0-provenance',
        severity: 'info',
        text: 'ke0 5.2 min⁻¹ is a guess from an assumed 1-min time to peak.',
        source: 'docs/clinical-sources.md#pk-ke0',
      },
      KE0_NOT_VALIDATED,
    ],
    reference: 'Clements JA, Nimmo WS. Br J Anaesth 1981;53:27',
  },
  {
    id: 'hijazi',
    name: 'Hijazi 2003 (ICU, brain or spinal-cord injury, 2-compartment)',
    analyte: 'racemic ketamine',
    population: 'adult',
    samplingSite: 'unknown',
    compartments: 2,
    parameterization: 'rate-constants',
    parameters: [
      perKg('V1', 1.08, 'L/kg', `Hijazi 2003 (BJA 90:155), opentiva; ${HIJAZI_REF}`),
      fixed('k10', 0.0333, '1/min', `Hijazi 2003, opentiva; ${HIJAZI_REF}`),
      fixed('k12', 0.0088, '1/min', `Hijazi 2003, opentiva; ${HIJAZI_REF}`),
      fixed('k21', 0.003, '1/min', `Hijazi 2003, opentiva; ${HIJAZI_REF}`),
    ],
    ke0: {
      kind: 'fixed',
      perMin: 4.773,
      source: 'opentiva ketamine.py, commented "from tpeak 1 min"; docs/clinical-sources.md#pk-ke0',
    },
    ke0Alternatives: [],
    caveats: [
      {
        topic: 'population',
        severity: 'warning',
        text:
          'Derived from ICU patients with brain or spinal-cord injury, not outpatients receiving ' +
          'sub-anaesthetic doses. opentiva sets an upper age bound of 18, which looks odd.',
        source: HIJAZI_REF,
      },
      KE0_NOT_VALIDATED,
    ],
    reference: 'Hijazi Y et al. Br J Anaesth 2003;90:155',
  },
  {
    id: 'herd-2007',
    name: 'Herd 2007 (paediatric, 2-compartment)',
    analyte: 'racemic ketamine',
    population: 'pediatric',
    samplingSite: 'unknown',
    compartments: 2,
    parameterization: 'volumes-clearances',
    parameters: [
      per70('V1', 38.7, 'L', 1, `Herd 2007, opentiva; ${HERD_REF}`),
      per70('V2', 102, 'L', 1, `Herd 2007, opentiva; ${HERD_REF}`),
      per70('CL', 90, 'L/h', 0.75, `Herd 2007, opentiva; ${HERD_REF}`),
      per70('Q2', 215, 'L/h', 0.75, `Herd 2007, opentiva; ${HERD_REF}`),
    ],
    ke0: {
      kind: 'fixed',
      perMin: 2.995,
      source: 'opentiva ketamine.py, commented "from tpeak 1 min"; docs/clinical-sources.md#pk-ke0',
    },
    ke0Alternatives: [],
    validity: { ageYears: [1, 14], weightKg: [10.8, 74.8] },
    caveats: [
      {
        topic: 'population',
        severity: 'warning',
        text: 'Paediatric model; stated validity 1–14 years and 10.8–74.8 kg. Not for adults.',
        source: HERD_REF,
      },
      KE0_NOT_VALIDATED,
    ],
    reference: 'Herd D, Anderson BJ et al. Paediatr Anaesth 2007',
  },
  {
    id: 'hornik-2018',
    name: 'Hornik 2018 (paediatric, 2-compartment)',
    analyte: 'racemic ketamine',
    population: 'pediatric',
    samplingSite: 'unknown',
    compartments: 2,
    parameterization: 'volumes-clearances',
    parameters: [
      per70('V1', 32.8, 'L', 1, `Hornik 2018, opentiva; ${HORNIK_REF}`),
      per70('V2', 152, 'L', 1, `Hornik 2018, opentiva; ${HORNIK_REF}`),
      per70('CL', 38.9, 'L/h', 0.75, `Hornik 2018, opentiva; ${HORNIK_REF}`),
      per70('Q2', 54.9, 'L/h', 0.75, `Hornik 2018, opentiva; ${HORNIK_REF}`),
    ],
    ke0: assumedTPeakKe0('Hornik 2018'),
    ke0Alternatives: [],
    caveats: [
      {
        topic: 'population',
        severity: 'warning',
        text: 'Paediatric model (IV/IM data). Not for adults.',
        source: HORNIK_REF,
      },
      {
        topic: 'parameter-unverified',
        severity: 'warning',
        text: 'Clearance is about half that of the other models and is unverified against the paper.',
        source: HORNIK_REF,
      },
      {
        topic: 'ke0-provenance',
        severity: 'warning',
        text: 'No published ke0; the default is solved from an assumed 1.6-min time to peak.',
        source: 'docs/clinical-sources.md#pk-ke0',
      },
    ],
    reference: 'Hornik CP et al. J Clin Pharmacol 2018',
  },
  {
    id: 'simons-2022-s',
    name: 'Simons 2022 S-ketamine (arterial, parent drug only)',
    analyte: 'S-ketamine',
    population: 'adult',
    samplingSite: 'arterial',
    compartments: 3,
    parameterization: 'volumes-clearances',
    parameters: [
      per70(
        'V1',
        11.6,
        'L',
        1,
        `Simons 2022 (Front Pain Res 3:946486, Table 4) via nlmixr2lib; ${SIMONS_REF}`,
      ),
      per70('V2', 39.0, 'L', 1, `Simons 2022 via nlmixr2lib; ${SIMONS_REF}`),
      per70('V3', 174, 'L', 1, `Simons 2022 via nlmixr2lib; ${SIMONS_REF}`),
      per70(
        'CL',
        1.48,
        'L/min',
        0.75,
        `Simons 2022 via nlmixr2lib; W^0.75 assumed by nlmixr2lib; ${SIMONS_REF}`,
      ),
      per70(
        'Q2',
        2.43,
        'L/min',
        0.75,
        `Simons 2022 via nlmixr2lib; W^0.75 assumed by nlmixr2lib; ${SIMONS_REF}`,
      ),
      per70(
        'Q3',
        1.21,
        'L/min',
        0.75,
        `Simons 2022 via nlmixr2lib; W^0.75 assumed by nlmixr2lib; ${SIMONS_REF}`,
      ),
    ],
    ke0: assumedTPeakKe0('Simons 2022'),
    ke0Alternatives: [],
    caveats: [
      {
        topic: 'analyte',
        severity: 'warning',
        text: 'Predicts S-ketamine (esketamine) only. Treating racemic total as 2 × S is only an approximation.',
        source: 'docs/clinical-sources.md#pk-covariates',
      },
      {
        topic: 'metabolites',
        severity: 'info',
        text:
          'S-norketamine and S-HNK are not simulated: the metabolite volumes, clearances, transit time and ' +
          'fractions are known, but the details an exact implementation needs (which flux feeds the transit ' +
          'chain, the fate of the remaining 20%, the mass-vs-molar convention for metabolite amounts, the ' +
          "reference weight of the scaling) have not yet been taken from nlmixr2lib's code and checked.",
        source: SIMONS_REF,
      },
      {
        topic: 'weight-scaling',
        severity: 'info',
        text: 'Weight exponents (V ∝ W, CL ∝ W^0.75 around 70 kg) are assumed by nlmixr2lib, not the paper.',
        source: SIMONS_REF,
      },
      {
        topic: 'ke0-provenance',
        severity: 'warning',
        text: 'No published ke0; the default is solved from an assumed 1.6-min time to peak.',
        source: 'docs/clinical-sources.md#pk-ke0',
      },
    ],
    reference: 'Simons P et al. Front Pain Res 2022;3:946486',
  },
  {
    id: 'fanta-2015-s',
    name: 'Fanta 2015 S-ketamine (venous, parent drug only)',
    analyte: 'S-ketamine',
    population: 'adult',
    samplingSite: 'venous',
    compartments: 3,
    parameterization: 'volumes-clearances',
    parameters: [
      per70('V1', 133, 'L', 1, `Fanta 2015 / Otto 2021 Table 3 via nlmixr2lib; ${FANTA_REF}`),
      per70('V2', 187, 'L', 0, `Fanta 2015 via nlmixr2lib (Vp1, not scaled); ${FANTA_REF}`),
      per70('V3', 98.8, 'L', 0, `Fanta 2015 via nlmixr2lib (Vp2, not scaled); ${FANTA_REF}`),
      per70('CL', 95.2, 'L/h', 0.75, `Fanta 2015 via nlmixr2lib; ${FANTA_REF}`),
      per70('Q2', 23.2, 'L/h', 0, `Fanta 2015 via nlmixr2lib (Q1, not scaled); ${FANTA_REF}`),
      per70('Q3', 157, 'L/h', 0, `Fanta 2015 via nlmixr2lib (Q2, not scaled); ${FANTA_REF}`),
    ],
    ke0: assumedTPeakKe0('Fanta 2015'),
    ke0Alternatives: [],
    caveats: [
      {
        topic: 'analyte',
        severity: 'warning',
        text: 'Predicts S-ketamine (esketamine) only.',
        source: 'docs/clinical-sources.md#pk-covariates',
      },
      {
        topic: 'sampling-site',
        severity: 'info',
        text: 'Venous model: venous-sampled models give much longer context-sensitive half-times than arterial ones.',
        source: 'Kamp 2020, Henthorn 2018; docs/clinical-sources.md#pk-covariates',
      },
      {
        topic: 'metabolites',
        severity: 'info',
        text:
          'The Otto 2021 S-norketamine submodel is not simulated: its mass-vs-molar convention for ' +
          "metabolite amounts has not yet been taken from nlmixr2lib's code and checked.",
        source: FANTA_REF,
      },
      {
        topic: 'ke0-provenance',
        severity: 'warning',
        text: 'No published ke0; the default is solved from an assumed 1.6-min time to peak.',
        source: 'docs/clinical-sources.md#pk-ke0',
      },
    ],
    reference:
      'Fanta S et al. Eur J Clin Pharmacol 2015;71:441; Otto ME et al. Eur J Clin Pharmacol 2021;77:1181 (Table 3)',
  },
];

export const DEFAULT_MODEL_ID = 'domino';

export function findModel(id: string): PkModelData | undefined {
  return PK_MODELS.find((m) => m.id === id);
}

export function listModelIds(): string[] {
  return PK_MODELS.map((m) => m.id);
}
