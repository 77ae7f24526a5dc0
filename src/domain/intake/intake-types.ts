/**
 * Shapes shared by intake, medication, screening and eligibility rules. Problem and Result have the same
 * shape as the other domain folders' (scheduling's), copied rather than imported so this folder depends on
 * no sibling it does not need.
 */

/** A problem with the input, named by the field it is about, in words a user can act on. */
export interface Problem {
  field: string;
  message: string;
}

/** What a rule returns instead of throwing when the input is wrong in an ordinary way. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** The two treatments Arbor screens for: off-label IV racemic ketamine, and SPRAVATO nasal esketamine. */
export const products = ['iv_ketamine', 'esketamine'] as const;
export type Product = (typeof products)[number];

export const productLabels: Record<Product, string> = {
  iv_ketamine: 'IV ketamine',
  esketamine: 'Esketamine (SPRAVATO)',
};

/**
 * How well a fact is supported, as in the evidence levels of docs/clinical-sources.md#evidence-levels.
 * A secondary or unverified value is always something a clinic can change or switch off.
 */
export type EvidenceTag = 'primary' | 'secondary' | 'unverified';

/** Where a rule or a table comes from: the register entry, and the public source in words. */
export interface SourceRef {
  tag: EvidenceTag;
  /** Anchor of the entry in docs/clinical-sources.md (without the '#'). */
  anchor: string;
  citation: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(problems: Problem[]): Result<T> => ({ ok: false, problems });
