/**
 * Instrument definitions are data. The scoring engine (engine.ts) interprets them; nothing in the engine
 * knows about a particular instrument, so adding or correcting an instrument never touches scoring code.
 *
 * Provenance tags mirror the evidence levels of the clinical source register (docs/clinical-sources.md):
 * anything not [primary] must either be a setting whose default is the cited value, or carry its tag in the
 * data so the UI can show how sure we are.
 */

/**
 * 'primary/secondary' is the register's combined level: parts of the entry differ in provenance and the
 * entry says which (e.g. PHQ-9 item 9 → C-SSRS: the item's accuracy is primary, its use as the trigger
 * is a practice rule). Like 'secondary', a rule at this level is a clinic setting.
 */
export type Provenance = 'primary' | 'secondary' | 'unverified' | 'primary/secondary';

/** Where a fact comes from: the clinical source register entry and the paper or source it cites. */
export interface Citation {
  /** Link to the entry of the clinical source register, e.g. 'docs/clinical-sources.md#phq9-scoring'. */
  section: string;
  source: string;
  provenance: Provenance;
}

export interface CodeRef {
  system: 'http://loinc.org';
  code: string;
  display?: string;
  provenance: Provenance;
  /** Why the code is tagged as it is (e.g. "one repository swaps items 6 and 7"). */
  note?: string;
}

export interface AnswerOption {
  /** Ordinal value used for scoring (for yes/no items: yes = 1, no = 0). */
  value: number;
  label: string;
  code?: CodeRef;
  /** Extra spellings accepted when parsing text input (CLI, CSV), e.g. 'yes', 'y', 'true'. */
  aliases?: readonly string[];
}

/** Skip logic: the item is only asked when another item has this value (C-SSRS Q2 → Q3–Q5). */
export interface EnableWhen {
  item: string;
  equals: number;
}

export interface ItemDefinition {
  /** Stable id used in answers, errors, CSV headers and FHIR linkIds, e.g. 'item9'. */
  id: string;
  /** Short label, always present; the only wording stored when the licence is unclear or restrictive. */
  label: string;
  /** Exact published wording, stored only when the licence allows it (see InstrumentDefinition.licence). */
  text?: string;
  options: readonly AnswerOption[];
  /** Defaults to true. An optional item may be left blank without invalidating the response. */
  required?: boolean;
  /** Defaults to true. Unscored items (PHQ-9 difficulty) are validated and stored but never summed. */
  scored?: boolean;
  enableWhen?: EnableWhen;
  code?: CodeRef;
}

/** A number fixed in the definition, or the key of a setting whose resolved value is used. */
export type Threshold = number | { setting: string };

/** One addend of a sum: an item, or the maximum of a group of items (QIDS-SR16 sleep/appetite/psychomotor). */
export type Term = { item: string } | { max: readonly string[] };

export type ScoreExpression =
  | { kind: 'sum'; terms: readonly Term[] }
  /** Mean of the answered items; valid only when at least minAnswered are answered (BPI). */
  | { kind: 'mean'; items: readonly string[]; minAnswered: number };

export interface ScaleDefinition {
  id: string;
  label: string;
  expression: ScoreExpression;
  range: readonly [number, number];
  code?: CodeRef;
}

export interface Band {
  id: string;
  label: string;
  /**
   * Inclusive lower bound; a band ends where the next begins and the last ends at the scale maximum.
   * Looked up by lower bound, so a fractional mean (BPI) falls in the band whose lower bound it has reached.
   * A setting reference lets a clinic move a cut point whose source is [secondary] or disputed (MADRS).
   */
  min: Threshold;
}

/** A symptom-count criterion: at least minPresent of the items are at or above itemAtLeast. */
export interface CriteriaGroup {
  id: string;
  label: string;
  items: readonly string[];
  itemAtLeast: number;
  /** Per-item thresholds that differ from itemAtLeast (PHQ-9 item 9 counts at ≥ 1). */
  itemOverrides?: Readonly<Record<string, number>>;
  minPresent: number;
}

export type Condition =
  | { kind: 'item-at-least'; item: string; value: Threshold }
  | { kind: 'score-at-least'; score: string; value: Threshold }
  | { kind: 'any'; of: readonly Condition[] }
  | { kind: 'all'; of: readonly Condition[] }
  | { kind: 'criteria'; groups: readonly CriteriaGroup[] }
  /** True when any item listed in an item-list setting is at or above atLeast (C-SSRS "moderate"). */
  | { kind: 'any-item-in-setting'; setting: string; atLeast: number }
  | { kind: 'setting-enabled'; setting: string };

export type Classification =
  | {
      kind: 'bands';
      /** 'total' or a subscale id. */
      on: string;
      bands: readonly Band[];
      citation: Citation;
    }
  | {
      /** Ordered levels; the first whose condition holds wins, otherwise `otherwise`. */
      kind: 'levels';
      levels: readonly { id: string; label: string; when: Condition; citation: Citation }[];
      otherwise: { id: string; label: string };
    };

export interface FlagDefinition {
  id: string;
  label: string;
  when: Condition;
  /** What the clinic is expected to do when the flag is raised. */
  action?: string;
  citation: Citation;
}

interface SettingBase {
  key: string;
  label: string;
  citation: Citation;
  note?: string;
}

export type SettingDefinition =
  | (SettingBase & { kind: 'number'; default: number; min: number; max: number; integer: boolean })
  | (SettingBase & { kind: 'boolean'; default: boolean })
  | (SettingBase & { kind: 'item-list'; default: readonly string[]; allowed: readonly string[] });

export type SettingValue = number | boolean | readonly string[];

export interface Licence {
  status: 'public-domain' | 'not-copyrighted' | 'free-copyrighted' | 'unclear';
  /** True when the exact item wording is stored in `text`; false means labels only. */
  wordingStored: boolean;
  note: string;
  citation: Citation;
}

export type InstrumentId =
  | 'phq9'
  | 'gad7'
  | 'pcl5'
  | 'qids-sr16'
  | 'madrs'
  | 'cssrs-screener'
  | 'cadss6'
  | 'moaas'
  | 'bpi-sf'
  | 'pain-nrs'
  | 'aldrete';

export interface InstrumentDefinition {
  id: InstrumentId;
  title: string;
  shortTitle: string;
  version: string;
  rater: 'self' | 'clinician' | 'clinician-observed';
  /** Recall period or context shown to the respondent, e.g. 'last 2 weeks'. */
  timeframe?: string;
  /** Instruction stem, only when the licence allows storing wording. */
  stem?: string;
  items: readonly ItemDefinition[];
  total?: ScaleDefinition;
  subscales?: readonly ScaleDefinition[];
  classification?: Classification;
  flags: readonly FlagDefinition[];
  settings: readonly SettingDefinition[];
  panelCode?: CodeRef;
  licence: Licence;
  citations: readonly Citation[];
  notes?: readonly string[];
}

/** An answer as callers may give it: a number, yes/no as boolean, or text ('2', 'yes'). Blank = missing. */
export type AnswerValue = number | boolean | string | null | undefined;
export type AnswerInput = readonly AnswerValue[] | Readonly<Record<string, AnswerValue>>;
export type SettingsInput = Readonly<Record<string, SettingValue | undefined>>;

export interface ScoreError {
  /** The item the problem is about; absent for whole-response or settings problems. */
  item?: string;
  setting?: string;
  message: string;
}

export interface ScaleDetail {
  id: string;
  label: string;
  formula: string;
  /** The formula with the answers substituted, e.g. '1 + 0 + 2 = 3'. */
  computation: string;
  value: number | null;
  answered?: number;
}

export interface ConditionDetail {
  id: string;
  rule: string;
  met: boolean;
  /** For symptom-count rules: how many items were present per group. */
  groups?: { id: string; present: number; needed: number; met: boolean }[];
}

export interface ResolvedSetting {
  value: SettingValue;
  default: SettingValue;
  isDefault: boolean;
  citation: Citation;
}

export interface ScoreDetails {
  instrumentVersion: string;
  inputs: Record<string, number | null>;
  total: ScaleDetail | null;
  subscales: ScaleDetail[];
  classification: { rule: string; on?: string; matched: string | null; citation: Citation } | null;
  flags: ConditionDetail[];
  settings: Record<string, ResolvedSetting>;
  citations: readonly Citation[];
}

export interface ScoreResult {
  instrument: InstrumentId;
  total: number | null;
  /** Band id (or risk level for C-SSRS); null when the instrument has no bands. */
  severity: string | null;
  flags: string[];
  subscores: Record<string, number | null>;
  details: ScoreDetails;
}

export type ScoreOutcome = { ok: true; result: ScoreResult } | { ok: false; errors: ScoreError[] };
