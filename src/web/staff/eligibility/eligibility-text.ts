import type { ConsentView, DecisionView, EvaluationView, Product } from './eligibility-api';

/** Words for the intake, screening, eligibility and consent screens: no internal names reach the screen. */

export const productWords: Record<Product, string> = {
  iv_ketamine: 'IV ketamine',
  esketamine: 'Esketamine (SPRAVATO)',
};
export const productOrder: Product[] = ['iv_ketamine', 'esketamine'];

export const decisionWords: Record<DecisionView['decision'], string> = {
  eligible: 'Eligible',
  eligible_with_precautions: 'Eligible with precautions',
  not_eligible: 'Not eligible',
  needs_more_information: 'Needs more information',
};

export const validityWords: Record<DecisionView['validity'], string> = {
  valid: 'Valid',
  expired: 'Expired',
  invalidated: 'Invalidated',
};

export const consentStatusWords: Record<ConsentView['status'], string> = {
  unsigned: 'Not signed',
  awaiting_countersignature: 'Awaiting countersignature',
  valid: 'Valid',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
};

export const revisionKindWords = { draft: 'Draft', submitted: 'Submitted', amendment: 'Amendment' } as const;

export const sourceTagWords: Record<string, string> = {
  primary: 'primary',
  secondary: 'secondary',
  unverified: 'unverified',
};

/** "Source: benzodiazepine equivalents (secondary)": the register entry in words, never as a link. */
export function sourceLine(source: { tag: string; anchor: string }): string {
  return `Source: ${source.anchor.replace(/-/g, ' ')} (${sourceTagWords[source.tag] ?? source.tag})`;
}

/** 'intake.psychosis_history' → 'psychosis history'; 'vitals.bp' → 'vitals bp'. */
export function readKeyWords(key: string): string {
  return key
    .replace(/^intake\./, '')
    .replace(/[._]+/g, ' ')
    .trim();
}

/** A value a rule read, in words: null is "not on record", objects list their parts. */
export function readValueWords(value: unknown): string {
  if (value === null || value === undefined) return 'not on record';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.replace(/_/g, ' ');
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(readValueWords).join('; ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k.replace(/_/g, ' ')} ${readValueWords(v)}`)
      .join(', ');
  return String(value);
}

export type ResultGroup = 'hard_stop' | 'relative' | 'flag' | 'missing' | 'clear';
export const resultGroupWords: Record<ResultGroup, string> = {
  hard_stop: 'Hard stops',
  relative: 'Relative contraindications',
  flag: 'Flags',
  missing: 'Missing information',
  clear: 'Clear',
};
export const resultGroupOrder: ResultGroup[] = ['hard_stop', 'relative', 'flag', 'missing', 'clear'];

type Result = EvaluationView['results'][number];

/** Fired results by severity, then the missing ones, then the clear ones. */
export function groupResults(results: readonly Result[]): Record<ResultGroup, Result[]> {
  const out: Record<ResultGroup, Result[]> = {
    hard_stop: [],
    relative: [],
    flag: [],
    missing: [],
    clear: [],
  };
  for (const r of results) out[r.status === 'fired' ? r.severity : r.status].push(r);
  return out;
}

/** One part of the diazepam-equivalent total with its formula in numbers. */
export function diazepamPartText(part: Record<string, unknown>): string {
  const n = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : '?');
  const drug = typeof part.drug === 'string' ? part.drug : 'medicine';
  const generic = typeof part.generic === 'string' && part.generic !== drug ? ` (${part.generic})` : '';
  return `${drug}${generic}: ${n(part.dailyMg)} mg a day × 10 ÷ ${n(part.equivalentTo10mgDiazepam)} = ${n(part.diazepamMg)} mg diazepam`;
}

/** Summary lines grouped by their section, sections in the order they first appear. */
export function groupSummary<T extends { section: string }>(lines: readonly T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const line of lines) map.set(line.section, [...(map.get(line.section) ?? []), line]);
  return [...map.entries()];
}

/** A server message that may name a product by its id ("for iv_ketamine"): the product in words. */
export function plainMessage(message: string): string {
  return message.replace(/\biv_ketamine\b/g, productWords.iv_ketamine).replace(/_/g, ' ');
}

export const isConsentBlocker = (code: string) => code === 'no_consent' || code.startsWith('consent_');
export const isDecisionBlocker = (code: string) => code === 'no_decision' || code.startsWith('decision_');
