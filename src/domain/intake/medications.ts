import { fail, ok, type Problem, type Result } from './intake-types.js';

/**
 * A patient's current medicines and the drug classes screening cares about. The class table is data:
 * generic names and common US brand names, matched case-insensitively as whole words, so "Xanax XR
 * 0.5 mg" and "alprazolam" land on the same entry. A name the table does not know gets no class; it is
 * never guessed.
 */

/** One line of the medication list. A dose or frequency the patient does not know is null, never 0. */
export interface MedicationEntry {
  drug: string;
  /** mg per dose. */
  doseMg: number | null;
  /** Doses per day; for an as-needed medicine, the most a day the patient may take. */
  timesPerDay: number | null;
  asNeeded: boolean;
}

/**
 * The classes the screening rules read (docs/clinical-sources.md#drug-interactions):
 * - benzodiazepine: a higher daily diazepam-equivalent dose is linked to a weaker response; also sedation.
 * - naltrexone: opioid antagonist reported to blunt the rapid response.
 * - lamotrigine: reported to attenuate ketamine's acute effects.
 * - maoi, psychostimulant: raise blood pressure.
 * - opioid, sedative_hypnotic: add sedation.
 * - antidepressant: counted for antidepressant trials; no rule flags it.
 */
export const drugClasses = [
  'benzodiazepine',
  'naltrexone',
  'lamotrigine',
  'maoi',
  'psychostimulant',
  'opioid',
  'sedative_hypnotic',
  'antidepressant',
] as const;
export type DrugClass = (typeof drugClasses)[number];

export const drugClassLabels: Record<DrugClass, string> = {
  benzodiazepine: 'Benzodiazepine',
  naltrexone: 'Naltrexone',
  lamotrigine: 'Lamotrigine',
  maoi: 'MAO inhibitor',
  psychostimulant: 'Psychostimulant',
  opioid: 'Opioid',
  sedative_hypnotic: 'Sedative-hypnotic (non-benzodiazepine)',
  antidepressant: 'Antidepressant',
};

export interface DrugClassEntry {
  /** The generic name reported back (and the key of the benzodiazepine equivalence table). */
  generic: string;
  classes: readonly DrugClass[];
  /** Brand names and other spellings, matched like the generic. */
  names: readonly string[];
  /** Why the entry is in the table when that is not obvious. */
  note?: string;
}

const e = (generic: string, classes: DrugClass[], names: string[] = [], note?: string): DrugClassEntry => ({
  generic,
  classes,
  names,
  ...(note === undefined ? {} : { note }),
});

const BZ: DrugClass[] = ['benzodiazepine'];
const STIM: DrugClass[] = ['psychostimulant'];
const OPIOID: DrugClass[] = ['opioid'];
const HYPNOTIC: DrugClass[] = ['sedative_hypnotic'];
const AD: DrugClass[] = ['antidepressant'];

export const DRUG_CLASS_TABLE: readonly DrugClassEntry[] = [
  // Benzodiazepines. Midazolam has no oral equivalence in the default table, so a dose of it is never
  // converted silently: it is reported as unconvertible.
  e('alprazolam', BZ, ['Xanax', 'Xanax XR', 'Niravam']),
  e('chlordiazepoxide', BZ, ['Librium']),
  e('clobazam', BZ, ['Onfi', 'Sympazan']),
  e('clonazepam', BZ, ['Klonopin']),
  e('clorazepate', BZ, ['Tranxene']),
  e('diazepam', BZ, ['Valium', 'Diastat', 'Valtoco', 'Libervant']),
  e('estazolam', BZ, ['ProSom']),
  e('flurazepam', BZ, ['Dalmane']),
  e('lorazepam', BZ, ['Ativan', 'Loreev XR']),
  e('midazolam', BZ, ['Versed', 'Nayzilam', 'Seizalam']),
  e('oxazepam', BZ, ['Serax']),
  e('quazepam', BZ, ['Doral']),
  e('temazepam', BZ, ['Restoril']),
  e('triazolam', BZ, ['Halcion']),

  // Opioid antagonists.
  e('naltrexone', ['naltrexone'], ['Revia', 'Depade', 'Vivitrol']),
  e(
    'naltrexone-bupropion',
    ['naltrexone', 'antidepressant'],
    ['Contrave'],
    'The weight-loss combination contains naltrexone, so it is flagged like naltrexone alone.',
  ),

  e('lamotrigine', ['lamotrigine'], ['Lamictal', 'Lamictal XR', 'Lamictal ODT', 'Lamictal CD', 'Subvenite']),

  // MAOIs. The SPRAVATO label's warning names MAOIs as a class, so the MAO-B inhibitors used in
  // Parkinson's disease are included: a blood-pressure flag on them costs a closer look, nothing more.
  e('phenelzine', ['maoi', 'antidepressant'], ['Nardil']),
  e('tranylcypromine', ['maoi', 'antidepressant'], ['Parnate']),
  e('isocarboxazid', ['maoi', 'antidepressant'], ['Marplan']),
  e(
    'selegiline',
    ['maoi'],
    ['Emsam', 'Eldepryl', 'Zelapar'],
    'Emsam (transdermal) is the antidepressant form.',
  ),
  e('rasagiline', ['maoi'], ['Azilect'], 'MAO-B inhibitor (Parkinson’s disease).'),
  e('safinamide', ['maoi'], ['Xadago'], 'MAO-B inhibitor (Parkinson’s disease).'),

  // Psychostimulants. Modafinil and armodafinil are in because the SPRAVATO label's interaction section
  // names them, with amphetamines and methylphenidate, as psychostimulants that may raise blood pressure.
  e('dextroamphetamine-amphetamine', STIM, [
    'Adderall',
    'Adderall XR',
    'Mydayis',
    'amphetamine salts',
    'mixed amphetamine salts',
  ]),
  e('amphetamine', STIM, ['Evekeo', 'Adzenys', 'Dyanavel']),
  e('dextroamphetamine', STIM, ['Dexedrine', 'Zenzedi', 'ProCentra', 'Xelstrym']),
  e('lisdexamfetamine', STIM, ['Vyvanse', 'lisdexamphetamine']),
  e('methamphetamine', STIM, ['Desoxyn']),
  e('methylphenidate', STIM, [
    'Ritalin',
    'Ritalin LA',
    'Concerta',
    'Metadate',
    'Methylin',
    'Quillivant',
    'QuilliChew',
    'Jornay',
    'Aptensio',
    'Cotempla',
    'Daytrana',
    'Relexxii',
    'Adhansia',
  ]),
  e('dexmethylphenidate', STIM, ['Focalin', 'Focalin XR']),
  e('serdexmethylphenidate-dexmethylphenidate', STIM, ['Azstarys']),
  e('modafinil', STIM, ['Provigil']),
  e('armodafinil', STIM, ['Nuvigil']),

  // Opioids (combination brands map to their opioid).
  e('morphine', OPIOID, ['MS Contin', 'Kadian']),
  e('oxycodone', OPIOID, ['OxyContin', 'Roxicodone', 'Percocet', 'Endocet', 'Xtampza', 'Oxaydo', 'RoxyBond']),
  e('hydrocodone', OPIOID, ['Norco', 'Vicodin', 'Lortab', 'Hysingla', 'Zohydro']),
  e('hydromorphone', OPIOID, ['Dilaudid', 'Exalgo']),
  e('oxymorphone', OPIOID, ['Opana']),
  e('fentanyl', OPIOID, ['Duragesic', 'Actiq', 'Fentora', 'Subsys']),
  e('codeine', OPIOID, ['Tylenol 3', 'Tylenol with codeine']),
  e('tramadol', OPIOID, ['Ultram', 'Ultracet', 'ConZip']),
  e('tapentadol', OPIOID, ['Nucynta']),
  e('methadone', OPIOID, ['Dolophine', 'Methadose', 'Diskets']),
  e('buprenorphine', OPIOID, ['Subutex', 'Butrans', 'Belbuca', 'Sublocade', 'Brixadi', 'Buprenex']),
  e('buprenorphine-naloxone', OPIOID, ['Suboxone', 'Zubsolv', 'Bunavail']),
  e('meperidine', OPIOID, ['Demerol', 'pethidine']),

  // Non-benzodiazepine sedative-hypnotics: the Z-drugs, and the orexin antagonists, which carry
  // next-day impairment warnings of their own and are "non-benzodiazepine sedative hypnotics" in the
  // sense of the SPRAVATO REMS monitoring form.
  e('zolpidem', HYPNOTIC, ['Ambien', 'Ambien CR', 'Edluar', 'Intermezzo', 'Zolpimist']),
  e('eszopiclone', HYPNOTIC, ['Lunesta']),
  e('zaleplon', HYPNOTIC, ['Sonata']),
  e('suvorexant', HYPNOTIC, ['Belsomra']),
  e('lemborexant', HYPNOTIC, ['Dayvigo']),
  e('daridorexant', HYPNOTIC, ['Quviviq']),

  // Antidepressants: SSRIs, SNRIs, bupropion, mirtazapine, TCAs and other common ones.
  e('fluoxetine', AD, ['Prozac', 'Sarafem']),
  e('sertraline', AD, ['Zoloft']),
  e('paroxetine', AD, ['Paxil', 'Paxil CR', 'Pexeva', 'Brisdelle']),
  e('citalopram', AD, ['Celexa']),
  e('escitalopram', AD, ['Lexapro']),
  e('fluvoxamine', AD, ['Luvox']),
  e('venlafaxine', AD, ['Effexor', 'Effexor XR']),
  e('desvenlafaxine', AD, ['Pristiq', 'Khedezla']),
  e('duloxetine', AD, ['Cymbalta', 'Drizalma']),
  e('levomilnacipran', AD, ['Fetzima']),
  e('milnacipran', AD, ['Savella']),
  e('bupropion', AD, ['Wellbutrin', 'Wellbutrin SR', 'Wellbutrin XL', 'Aplenzin', 'Forfivo', 'Zyban']),
  e('dextromethorphan-bupropion', AD, ['Auvelity']),
  e('mirtazapine', AD, ['Remeron', 'RemeronSolTab']),
  e('vortioxetine', AD, ['Trintellix']),
  e('vilazodone', AD, ['Viibryd']),
  e('trazodone', AD, ['Desyrel', 'Oleptro']),
  e('nefazodone', AD),
  e('amitriptyline', AD, ['Elavil']),
  e('nortriptyline', AD, ['Pamelor', 'Aventyl']),
  e('imipramine', AD, ['Tofranil']),
  e('desipramine', AD, ['Norpramin']),
  e('clomipramine', AD, ['Anafranil']),
  e('doxepin', AD, ['Sinequan', 'Silenor']),
  e('protriptyline', AD, ['Vivactil']),
  e('trimipramine', AD, ['Surmontil']),
  e('amoxapine', AD),
];

/** Lower case, punctuation to spaces, single spaces: "Xanax-XR®" → "xanax xr". */
export function normaliseDrugName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Needle {
  text: string;
  entry: DrugClassEntry;
}

// Longest first, so "naltrexone bupropion" wins over "naltrexone" and "adderall xr" over "adderall".
const NEEDLES: readonly Needle[] = DRUG_CLASS_TABLE.flatMap((entry) =>
  [entry.generic, ...entry.names].map((n) => ({ text: normaliseDrugName(n), entry })),
).sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text));

export interface ClassifiedMedication {
  /** The first generic matched (by position in the name), or null when the table knows none. */
  generic: string | null;
  /** Every generic matched, in the order they appear (a free-text combination may name two). */
  generics: string[];
  /** The union of the matched entries' classes, in the order of `drugClasses`. */
  classes: DrugClass[];
}

/**
 * Classifies a medication name. Every table name that occurs in it as whole words counts, longest
 * first, and a shorter name inside a longer match does not count again. A combination typed as free
 * text ("amitriptyline/chlordiazepoxide") therefore gets both drugs' classes: for a safety flag it is
 * better to see both than to pick one.
 */
export function classifyMedication(name: string): ClassifiedMedication {
  const hay = ` ${normaliseDrugName(name)} `;
  const taken: { start: number; end: number; generic: string; classes: readonly DrugClass[] }[] = [];
  for (const n of NEEDLES) {
    if (n.text === '') continue;
    let from = 0;
    for (;;) {
      const at = hay.indexOf(` ${n.text} `, from);
      if (at < 0) break;
      const start = at + 1;
      const end = start + n.text.length;
      if (!taken.some((t) => start < t.end && t.start < end)) {
        taken.push({ start, end, generic: n.entry.generic, classes: n.entry.classes });
      }
      from = at + 1;
    }
  }
  taken.sort((a, b) => a.start - b.start);
  const generics = [...new Set(taken.map((t) => t.generic))];
  const found = new Set(taken.flatMap((t) => t.classes));
  return {
    generic: generics[0] ?? null,
    generics,
    classes: drugClasses.filter((c) => found.has(c)),
  };
}

/** True when the medication belongs to the class. */
export function hasDrugClass(med: Pick<MedicationEntry, 'drug'>, cls: DrugClass): boolean {
  return classifyMedication(med.drug).classes.includes(cls);
}

/** Upper bounds that catch typing and unit errors (grams typed as mg), not clinical limits. */
export const MEDICATION_LIMITS = { maxDrugLength: 200, maxDoseMg: 10_000, maxTimesPerDay: 24 } as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a medication list as a client sends it. Problems are named `medications.<i>.<field>`; unknown
 * fields are refused so a typo ("dose" for "doseMg") is not silently dropped. A list of nothing is
 * valid: it records that the patient takes no medicines, which is different from not knowing.
 */
export function validateMedications(list: unknown): Result<MedicationEntry[]> {
  if (!Array.isArray(list)) return fail([{ field: 'medications', message: 'must be a list' }]);
  const problems: Problem[] = [];
  const out: MedicationEntry[] = [];
  list.forEach((raw, i) => {
    const at = `medications.${i}`;
    if (!isRecord(raw)) {
      problems.push({
        field: at,
        message: 'must be a medication with drug, doseMg, timesPerDay and asNeeded',
      });
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!['drug', 'doseMg', 'timesPerDay', 'asNeeded'].includes(key)) {
        problems.push({ field: `${at}.${key}`, message: 'is not a medication field' });
      }
    }
    const drug = typeof raw.drug === 'string' ? raw.drug.trim() : null;
    if (drug === null || drug === '')
      problems.push({ field: `${at}.drug`, message: 'must name the medicine' });
    else if (drug.length > MEDICATION_LIMITS.maxDrugLength) {
      problems.push({
        field: `${at}.drug`,
        message: `must be at most ${MEDICATION_LIMITS.maxDrugLength} characters`,
      });
    }
    const doseMg = raw.doseMg ?? null;
    if (
      doseMg !== null &&
      !(
        typeof doseMg === 'number' &&
        Number.isFinite(doseMg) &&
        doseMg > 0 &&
        doseMg <= MEDICATION_LIMITS.maxDoseMg
      )
    ) {
      problems.push({
        field: `${at}.doseMg`,
        message: `must be a dose in mg above 0 and at most ${MEDICATION_LIMITS.maxDoseMg}, or empty when not known`,
      });
    }
    const timesPerDay = raw.timesPerDay ?? null;
    if (
      timesPerDay !== null &&
      !(
        typeof timesPerDay === 'number' &&
        Number.isFinite(timesPerDay) &&
        timesPerDay > 0 &&
        timesPerDay <= MEDICATION_LIMITS.maxTimesPerDay
      )
    ) {
      problems.push({
        field: `${at}.timesPerDay`,
        message: `must be above 0 and at most ${MEDICATION_LIMITS.maxTimesPerDay} a day, or empty when not known`,
      });
    }
    if (typeof raw.asNeeded !== 'boolean') {
      problems.push({ field: `${at}.asNeeded`, message: 'must be yes or no' });
    }
    if (drug && typeof raw.asNeeded === 'boolean') {
      out.push({
        drug,
        doseMg: typeof doseMg === 'number' ? doseMg : null,
        timesPerDay: typeof timesPerDay === 'number' ? timesPerDay : null,
        asNeeded: raw.asNeeded,
      });
    }
  });
  return problems.length > 0 ? fail(problems) : ok(out);
}
