import type { BenzodiazepineEquivalenceTable } from './benzodiazepine-equivalents.js';
import type { IntakeAnswers } from './intake-form.js';
import type { EvidenceTag, Product, SourceRef } from './intake-types.js';
import type { MedicationEntry } from './medications.js';

/**
 * The shapes of contraindication and interaction rules. A rule is data (id, version, products,
 * severity, source, the input paths it reads, its threshold) plus a pure `evaluate` that says whether
 * it fired, which values it read, and why, in plain words with the numbers.
 */

export type Severity = 'hard_stop' | 'relative' | 'flag';
export type RuleStatus = 'fired' | 'clear' | 'missing';

/** A blood-pressure limit: a reading above either number is above the limit. */
export interface BloodPressureLimit {
  systolic: number;
  diastolic: number;
}
export type ThresholdValue = number | BloodPressureLimit;

export interface RuleThreshold {
  /** Stable name of the setting, e.g. 'maxDiazepamEquivalentMgPerDay'. */
  key: string;
  value: ThresholdValue;
  unit: string;
  tag: EvidenceTag;
  /** Whether a clinic may change it; when it may, only within `range` (inclusive). */
  editable: boolean;
  range?: { min: ThresholdValue; max: ThresholdValue };
}

/** A vital-signs reading taken by the clinic; `measuredAt` is an ISO date-time. */
export interface VitalsReading {
  systolic: number;
  diastolic: number;
  measuredAt: string;
}

/**
 * Everything a rule may read. `null` means "not on record", which is different from an empty answer:
 * `medications: []` says the patient takes nothing, `medications: null` that nobody has asked.
 */
export interface ScreeningInputs {
  intake: IntakeAnswers | null;
  medications: readonly MedicationEntry[] | null;
  vitals: VitalsReading | null;
  /** The latest PHQ-9 item 9 answer (0–3), or null when there is no PHQ-9. */
  phq9Item9: number | null;
  /** SPRAVATO REMS patient enrolment; null when not recorded. */
  remsEnrolled: boolean | null;
  /** The diazepam-equivalence table in force (the default or the clinic's). */
  benzoTable: BenzodiazepineEquivalenceTable;
}

export interface RuleEvaluation {
  status: RuleStatus;
  /** The values read, keyed by the paths in `reads`; absent values are null. */
  read: Record<string, unknown>;
  /** Plain words, with the numbers and the formula where something was computed. */
  explanation: string;
}

export interface ScreeningRule {
  /** Stable, kebab-case; never reused for a different rule. */
  id: string;
  /** Raised whenever what the rule decides changes, so stored results say which logic produced them. */
  version: number;
  title: string;
  products: readonly Product[];
  severity: Severity;
  source: SourceRef;
  /** Input paths, e.g. 'intake.aneurysm_or_avm', 'vitals.bp', 'medications.maoi', 'phq9.item9'. */
  reads: readonly string[];
  threshold?: RuleThreshold;
  evaluate(inputs: ScreeningInputs, threshold: RuleThreshold | undefined): RuleEvaluation;
}
