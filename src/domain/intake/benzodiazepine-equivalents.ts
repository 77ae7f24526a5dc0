import { z } from 'zod';
import type { EvidenceTag, SourceRef } from './intake-types.js';
import { classifyMedication, normaliseDrugName, type MedicationEntry } from './medications.js';

/**
 * Daily benzodiazepine load as a diazepam-equivalent dose. A daily load above 8 mg diazepam-equivalent
 * identified ketamine non-responders in Andrashko 2020 (docs/clinical-sources.md#drug-interactions), so
 * screening needs the number, how it was reached, and which medicines could not be counted.
 *
 * Equivalences are approximate and sources disagree, so the table is a DEFAULT: a clinic may replace it
 * (the override is stored in clinic settings) and every function takes the table as a parameter.
 */

export interface BenzodiazepineEquivalent {
  /** Generic name, matched like medication names (case-insensitive, whole words). */
  generic: string;
  /** The oral dose in mg taken as equivalent to 10 mg of oral diazepam. */
  equivalentTo10mgDiazepam: number;
  tag: EvidenceTag;
  note?: string;
}

export interface BenzodiazepineEquivalenceTable {
  source: SourceRef;
  entries: readonly BenzodiazepineEquivalent[];
}

const ASHTON_RANGE =
  'The Ashton table gives a range; the lower end is used, which gives the larger diazepam equivalent, so ' +
  'the rounding errs towards flagging. Review before relying on it.';

// The register entry for the table and its sources: docs/clinical-sources.md#benzodiazepine-equivalents.

/**
 * The Ashton manual's values (Ashton CH, "Benzodiazepines: How They Work and How to Withdraw", 2002,
 * and its online equivalence table, revised 2007). They were checked against reproductions, not the
 * manual itself: the Ashton column of Table 7 of the 2025 US joint clinical practice guideline on
 * benzodiazepine tapering, and the NHS Scotland table adapted from Ashton (for clobazam). Estazolam and
 * flurazepam are ranges in Ashton (1–2 mg and 15–30 mg), hence `unverified` for the single value here.
 */
export const DEFAULT_BENZODIAZEPINE_TABLE: BenzodiazepineEquivalenceTable = Object.freeze({
  source: Object.freeze({
    tag: 'secondary',
    anchor: 'benzodiazepine-equivalents',
    citation:
      'Ashton CH, Benzodiazepines: How They Work and How to Withdraw (the Ashton Manual), 2002, equivalence ' +
      'table (revised 2007); values checked in the Ashton column of the 2025 US joint guideline on ' +
      'benzodiazepine tapering, Table 7',
  }),
  entries: Object.freeze([
    { generic: 'alprazolam', equivalentTo10mgDiazepam: 0.5, tag: 'secondary' },
    { generic: 'chlordiazepoxide', equivalentTo10mgDiazepam: 25, tag: 'secondary' },
    {
      generic: 'clobazam',
      equivalentTo10mgDiazepam: 20,
      tag: 'secondary',
      note: 'Not in the US guideline table; 20 mg per 10 mg diazepam in UK tables adapted from Ashton.',
    },
    { generic: 'clonazepam', equivalentTo10mgDiazepam: 0.5, tag: 'secondary' },
    { generic: 'clorazepate', equivalentTo10mgDiazepam: 15, tag: 'secondary' },
    { generic: 'diazepam', equivalentTo10mgDiazepam: 10, tag: 'secondary' },
    { generic: 'estazolam', equivalentTo10mgDiazepam: 1, tag: 'unverified', note: ASHTON_RANGE },
    { generic: 'flurazepam', equivalentTo10mgDiazepam: 15, tag: 'unverified', note: ASHTON_RANGE },
    { generic: 'lorazepam', equivalentTo10mgDiazepam: 1, tag: 'secondary' },
    { generic: 'oxazepam', equivalentTo10mgDiazepam: 20, tag: 'secondary' },
    { generic: 'temazepam', equivalentTo10mgDiazepam: 20, tag: 'secondary' },
    { generic: 'triazolam', equivalentTo10mgDiazepam: 0.5, tag: 'secondary' },
    { generic: 'quazepam', equivalentTo10mgDiazepam: 20, tag: 'secondary' },
  ] satisfies BenzodiazepineEquivalent[]),
});

/** A clinic's replacement table, as stored in settings. */
export const benzodiazepineTableSchema = z
  .object({
    source: z.object({
      tag: z.enum(['primary', 'secondary', 'unverified']),
      anchor: z.string().trim().min(1).max(100),
      citation: z.string().trim().min(1).max(500),
    }),
    entries: z
      .array(
        z.object({
          generic: z.string().trim().min(1).max(100),
          equivalentTo10mgDiazepam: z.number().positive('must be > 0').max(200, 'must be ≤ 200'),
          tag: z.enum(['primary', 'secondary', 'unverified']),
          note: z.string().max(500).optional(),
        }),
      )
      .min(1)
      .refine(
        (list) => new Set(list.map((x) => normaliseDrugName(x.generic))).size === list.length,
        'each medicine may appear only once',
      ),
  })
  .strict();

export const DIAZEPAM_FORMULA = 'dailyMg × 10 / equivalent' as const;

export interface DiazepamEquivalentPart {
  /** The medication as entered. */
  drug: string;
  /** The table entry it was converted with. */
  generic: string;
  dailyMg: number;
  equivalentTo10mgDiazepam: number;
  diazepamMg: number;
  formula: typeof DIAZEPAM_FORMULA;
  asNeeded: boolean;
  /** Plain words on how the daily dose was reached (as-needed maximum, tag of the equivalence). */
  note: string | null;
  tag: EvidenceTag;
}

export interface DiazepamEquivalentResult {
  /** Sum of the parts' diazepam mg; benzodiazepines in `unknownDose` or `noEquivalent` are NOT in it. */
  totalMg: number;
  parts: DiazepamEquivalentPart[];
  /** Benzodiazepines without a dose, or without a frequency (or an as-needed maximum). */
  unknownDose: string[];
  /** Benzodiazepines with a dose the table has no equivalence for (midazolam in the default table). */
  noEquivalent: string[];
}

/** Drops floating-point noise (0.1 × 3) so a value that is exactly 8 on paper is not 8.000000000000002. */
const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

function findEquivalent(
  med: MedicationEntry,
  classGenerics: readonly string[],
  table: BenzodiazepineEquivalenceTable,
): BenzodiazepineEquivalent | null {
  const hay = ` ${normaliseDrugName(med.drug)} `;
  const byName = new Map(table.entries.map((x) => [normaliseDrugName(x.generic), x]));
  for (const g of classGenerics) {
    const hit = byName.get(normaliseDrugName(g));
    if (hit) return hit;
  }
  // A clinic's table may list a benzodiazepine the class table does not know (e.g. bromazepam).
  for (const [name, x] of byName) if (name !== '' && hay.includes(` ${name} `)) return x;
  return null;
}

/**
 * Whether a medication is a benzodiazepine: the class table says so, or the equivalence table in force
 * lists it (a clinic's table may add one the class table does not know).
 */
export function isBenzodiazepine(med: MedicationEntry, table: BenzodiazepineEquivalenceTable): boolean {
  const classified = classifyMedication(med.drug);
  return (
    classified.classes.includes('benzodiazepine') || findEquivalent(med, classified.generics, table) !== null
  );
}

/**
 * The diazepam-equivalent daily dose of a medication list: for each benzodiazepine,
 * dailyMg × 10 / (its dose equivalent to 10 mg diazepam). A regular medicine's daily dose is dose ×
 * times a day. An as-needed medicine is counted at its stated maximum (dose × the most times a day),
 * because screening asks how much the patient may take, not how much they took on an average day.
 * A benzodiazepine whose dose or frequency is not known is listed in `unknownDose`, never counted as 0.
 */
export function diazepamEquivalentPerDay(
  meds: readonly MedicationEntry[],
  table: BenzodiazepineEquivalenceTable,
): DiazepamEquivalentResult {
  const parts: DiazepamEquivalentPart[] = [];
  const unknownDose: string[] = [];
  const noEquivalent: string[] = [];
  let total = 0;
  for (const med of meds) {
    const classified = classifyMedication(med.drug);
    const equivalent = findEquivalent(med, classified.generics, table);
    if (!classified.classes.includes('benzodiazepine') && equivalent === null) continue;
    if (med.doseMg === null || med.timesPerDay === null) {
      unknownDose.push(med.drug);
      continue;
    }
    if (equivalent === null) {
      noEquivalent.push(med.drug);
      continue;
    }
    const dailyMg = clean(med.doseMg * med.timesPerDay);
    const diazepamMg = clean((dailyMg * 10) / equivalent.equivalentTo10mgDiazepam);
    total += diazepamMg;
    const notes: string[] = [];
    if (med.asNeeded) {
      notes.push(
        `as needed: counted at the stated maximum, ${med.doseMg} mg up to ${med.timesPerDay} times a day`,
      );
    }
    if (equivalent.tag !== 'primary') notes.push(`equivalence evidence: ${equivalent.tag}`);
    parts.push({
      drug: med.drug,
      generic: equivalent.generic,
      dailyMg,
      equivalentTo10mgDiazepam: equivalent.equivalentTo10mgDiazepam,
      diazepamMg,
      formula: DIAZEPAM_FORMULA,
      asNeeded: med.asNeeded,
      note: notes.length > 0 ? notes.join('; ') : null,
      tag: equivalent.tag,
    });
  }
  return { totalMg: clean(total), parts, unknownDose, noEquivalent };
}

const fmt = (x: number): string => String(Math.round(x * 100) / 100);

/** One line per part, e.g. "alprazolam 1 mg/day × 10 / 0.5 = 20 mg diazepam". */
export function describeDiazepamParts(result: DiazepamEquivalentResult): string[] {
  return result.parts.map(
    (p) =>
      `${p.drug}: ${fmt(p.dailyMg)} mg/day × 10 / ${fmt(p.equivalentTo10mgDiazepam)} = ` +
      `${fmt(p.diazepamMg)} mg diazepam${p.note ? ` (${p.note})` : ''}`,
  );
}
