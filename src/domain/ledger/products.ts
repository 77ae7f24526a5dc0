import { strengthProblems, UG_PER_MG, UL_PER_ML, type Strength } from './quantities.js';
import { fail, isFilled, ok, type Problem, type Result, type SourceRef } from './ledger-types.js';

/**
 * The product catalogue: what a container is. Each record of a controlled substance names the substance,
 * its finished form and the units or volume per container (docs/clinical-sources.md#dea-records-content).
 * Products are data; a clinic adds its own with the NDC printed on the package.
 *
 * NDCs (docs/clinical-sources.md#ndc-format): the FDA's 10-digit code comes in three hyphenated layouts,
 * 4-4-2, 5-3-2 and 5-4-1; the 11-digit 5-4-2 form used in claims and drug databases pads the short segment
 * with a leading zero. Without hyphens a 10-digit code is ambiguous, so it is refused.
 */

export type NdcLayout = '4-4-2' | '5-3-2' | '5-4-1' | '5-4-2';

export interface Ndc {
  /** Eleven digits, no hyphens: '50458002802'. */
  ndc11: string;
  /** Eleven digits as 5-4-2: '50458-0028-02'. */
  formatted: string;
  /** The layout it was written in. */
  layout: NdcLayout;
}

const LAYOUTS: readonly {
  layout: NdcLayout;
  re: RegExp;
  pad: (a: string, b: string, c: string) => string;
}[] = [
  { layout: '4-4-2', re: /^(\d{4})-(\d{4})-(\d{2})$/, pad: (a, b, c) => `0${a}${b}${c}` },
  { layout: '5-3-2', re: /^(\d{5})-(\d{3})-(\d{2})$/, pad: (a, b, c) => `${a}0${b}${c}` },
  { layout: '5-4-1', re: /^(\d{5})-(\d{4})-(\d{1})$/, pad: (a, b, c) => `${a}${b}0${c}` },
  { layout: '5-4-2', re: /^(\d{5})-(\d{4})-(\d{2})$/, pad: (a, b, c) => `${a}${b}${c}` },
];

const format11 = (d: string) => `${d.slice(0, 5)}-${d.slice(5, 9)}-${d.slice(9)}`;

/** An NDC as written on a package (10 digits in a hyphenated layout, or 11 digits) normalised to 11. */
export function parseNdc(text: unknown, field = 'ndc'): Result<Ndc> {
  if (typeof text !== 'string' || !text.trim()) return fail([{ field, message: 'is required' }]);
  const t = text.trim();
  if (/^\d{11}$/.test(t)) return ok({ ndc11: t, formatted: format11(t), layout: '5-4-2' });
  if (/^\d{10}$/.test(t))
    return fail([
      {
        field,
        message: 'a 10-digit NDC without hyphens is ambiguous: write it as printed (4-4-2, 5-3-2 or 5-4-1)',
      },
    ]);
  for (const { layout, re, pad } of LAYOUTS) {
    const m = re.exec(t);
    if (m) {
      const ndc11 = pad(m[1]!, m[2]!, m[3]!);
      return ok({ ndc11, formatted: format11(ndc11), layout });
    }
  }
  return fail([
    { field, message: 'must be an NDC: 4-4-2, 5-3-2 or 5-4-1 digits with hyphens, or 11 digits' },
  ]);
}

/** Federal schedules the ledger handles (ketamine and esketamine are Schedule III). */
export type Schedule = 'III';

export type Substance = 'ketamine_hcl' | 'esketamine_hcl';

/**
 * How far an NDC in the catalogue can be trusted: 'verified' was checked in a public source (cited in
 * `source`); 'enter_from_package' means the catalogue has none and the clinic types the one printed on
 * its stock. Arbor never ships an invented NDC.
 */
export type NdcStatus = 'verified' | 'enter_from_package';

/** A package NDC that holds several containers (a carton of devices). */
export interface PackageNdc {
  ndc: string;
  containers: number;
  label: string;
}

export interface Product {
  key: string;
  /** As staff and the DEA read it: 'Ketamine HCl injection 50 mg/mL, 10 mL vial'. */
  name: string;
  substance: Substance;
  /** Finished form: 'injection, solution', 'nasal spray'. */
  finishedForm: string;
  strength: Strength;
  /** What one container is: '10 mL multi-dose vial', 'nasal spray device'. */
  containerLabel: string;
  schedule: Schedule;
  /** The container's NDC in 5-4-2 form, or null until the clinic enters it. */
  ndc: string | null;
  ndcStatus: NdcStatus;
  /** Cartons that hold several containers, each with its own NDC. */
  packages: readonly PackageNdc[];
  /** Where the presentation (strength, volume, NDC) comes from. */
  source: SourceRef & { note: string };
}

const mg = (n: number) => n * UG_PER_MG;
const ml = (n: number) => n * UL_PER_ML;

/**
 * Starting catalogue. The ketamine vials are common presentations a clinic confirms against its own stock
 * (no NDC is given: it depends on the manufacturer); the esketamine device and its cartons carry the NDCs
 * published for SPRAVATO (docs/clinical-sources.md#spravato-ndc).
 */
export const DEFAULT_PRODUCTS: readonly Product[] = [
  {
    key: 'ketamine-50-10',
    name: 'Ketamine HCl injection 50 mg/mL, 10 mL vial',
    substance: 'ketamine_hcl',
    finishedForm: 'injection, solution',
    strength: { contentUg: mg(500), volumeUl: ml(10), countAs: 'volume' },
    containerLabel: '10 mL multi-dose vial',
    schedule: 'III',
    ndc: null,
    ndcStatus: 'enter_from_package',
    packages: [],
    source: {
      section: 'docs/clinical-sources.md#dea-records-content',
      evidence: 'unverified',
      note: 'A common presentation; confirm the strength and volume against the vial and enter its NDC',
    },
  },
  {
    key: 'ketamine-100-5',
    name: 'Ketamine HCl injection 100 mg/mL, 5 mL vial',
    substance: 'ketamine_hcl',
    finishedForm: 'injection, solution',
    strength: { contentUg: mg(500), volumeUl: ml(5), countAs: 'volume' },
    containerLabel: '5 mL multi-dose vial',
    schedule: 'III',
    ndc: null,
    ndcStatus: 'enter_from_package',
    packages: [],
    source: {
      section: 'docs/clinical-sources.md#dea-records-content',
      evidence: 'unverified',
      note: 'A common presentation; confirm the strength and volume against the vial and enter its NDC',
    },
  },
  {
    key: 'esketamine-28-device',
    name: 'Esketamine nasal spray 28 mg device (SPRAVATO)',
    substance: 'esketamine_hcl',
    finishedForm: 'nasal spray',
    strength: { contentUg: mg(28), volumeUl: 200, countAs: 'unit' },
    containerLabel: 'nasal spray device (28 mg in 0.2 mL, two sprays)',
    schedule: 'III',
    ndc: '50458-0028-00',
    ndcStatus: 'verified',
    packages: [
      { ndc: '50458-0028-02', containers: 2, label: '56 mg carton (2 devices)' },
      { ndc: '50458-0028-03', containers: 3, label: '84 mg carton (3 devices)' },
    ],
    source: {
      section: 'docs/clinical-sources.md#spravato-ndc',
      evidence: 'primary',
      note: 'NDCs 50458-028-00 (device), -02 (56 mg), -03 (84 mg) as published in openFDA',
    },
  },
];

/** Problems with a catalogue entry, by field; the NDC is normalised when it parses. */
export function checkProduct(p: Product): Result<Product> {
  const problems: Problem[] = [];
  if (!isFilled(p.key)) problems.push({ field: 'key', message: 'is required' });
  if (!isFilled(p.name)) problems.push({ field: 'name', message: 'is required' });
  if (p.substance !== 'ketamine_hcl' && p.substance !== 'esketamine_hcl')
    problems.push({ field: 'substance', message: "must be 'ketamine_hcl' or 'esketamine_hcl'" });
  if (!isFilled(p.finishedForm)) problems.push({ field: 'finishedForm', message: 'is required' });
  if (!isFilled(p.containerLabel)) problems.push({ field: 'containerLabel', message: 'is required' });
  if (p.schedule !== 'III') problems.push({ field: 'schedule', message: "must be 'III'" });
  problems.push(...strengthProblems(p.strength));
  let ndc = p.ndc;
  if (p.ndc !== null) {
    const parsed = parseNdc(p.ndc, 'ndc');
    if (parsed.ok) ndc = parsed.value.formatted;
    else problems.push(...parsed.problems);
  } else if (p.ndcStatus === 'verified') {
    problems.push({ field: 'ndc', message: 'a verified entry needs its NDC' });
  }
  const packages = p.packages.map((pkg, i) => {
    const parsed = parseNdc(pkg.ndc, `packages[${i}].ndc`);
    if (!parsed.ok) problems.push(...parsed.problems);
    if (!Number.isInteger(pkg.containers) || pkg.containers < 1)
      problems.push({
        field: `packages[${i}].containers`,
        message: 'must be a whole number of containers ≥ 1',
      });
    return parsed.ok ? { ...pkg, ndc: parsed.value.formatted } : pkg;
  });
  if (problems.length > 0) return fail(problems);
  return ok({ ...p, ndc, packages });
}

/** How the strength reads on a record: '50 mg/mL, 10 mL' or '28 mg/device (0.2 mL)'. */
export function strengthLabel(p: Product): string {
  const { contentUg, volumeUl, countAs } = p.strength;
  const mgText = (ug: number) => String(ug / UG_PER_MG);
  if (countAs === 'unit')
    return `${mgText(contentUg)} mg/unit${volumeUl === null ? '' : ` (${volumeUl / UL_PER_ML} mL)`}`;
  if (volumeUl === null) return `${mgText(contentUg)} mg`;
  const perMl = contentUg / volumeUl;
  return `${Number.isInteger(perMl) ? perMl : perMl.toFixed(3)} mg/mL, ${volumeUl / UL_PER_ML} mL`;
}
