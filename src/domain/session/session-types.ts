/**
 * Shapes shared by the session rules. An instant is epoch milliseconds (a plain `number`): the server
 * passes its clock in, so every rule here is a pure function of its arguments.
 */

/** The session types Arbor runs; the kind selects the checklist, the monitoring plan and the gate. */
export const SESSION_KINDS = ['iv_ketamine', 'esketamine'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A problem with the input, named by the field it is about, in words a user can act on. */
export interface Problem {
  field: string;
  message: string;
}

/** What a rule returns instead of throwing when the input is wrong in an ordinary way. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(problems: Problem[]): Result<T> => ({ ok: false, problems });

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** Evidence levels of the clinical source register (docs/clinical-sources.md#evidence-levels). */
export type Evidence = 'primary' | 'secondary' | 'unverified' | 'engineering';

/** Where a threshold or default comes from, carried with every alert and gate result that uses it. */
export interface SourceRef {
  section: string | null;
  evidence: Evidence;
}

/** True for a finite number of epoch milliseconds (not NaN, not Infinity). */
export function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
