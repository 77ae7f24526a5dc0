import { z } from 'zod';
import type { Evidence } from './ledger-types.js';

/**
 * A clinic's (or jurisdiction's) settings for the controlled-substance ledger. Federal rules that are fixed
 * (one business day, 45 days, at least every two years) are not settings; what varies by state or is a
 * practice norm rather than a federal rule is. LEDGER_SETTING_SOURCES gives each value's source and
 * evidence level.
 */
export const ledgerSettingsSchema = z
  .object({
    /** Wasting a remainder needs a second licensed person's confirmation. */
    wasteWitnessRequired: z.boolean().default(true),
    /** An adjustment or correction needs a second person's confirmation. */
    adjustmentWitnessRequired: z.boolean().default(true),
    /** How often stock is counted. */
    countCadence: z.enum(['shift', 'daily']).default('daily'),
    /** Months between full inventories: 24 is the federal biennial rule; some states require 12. */
    inventoryIntervalMonths: z.number().int().min(1).max(24).default(24),
    /** Records are kept at least this many years (federal floor 2; some states require more). */
    retentionYears: z.number().int().min(2).max(50).default(2),
    /** A pattern of small losses: at least this many non-zero count differences for one product … */
    smallLossPatternCount: z.number().int().min(2).max(50).default(3),
    /** … within this many days. */
    smallLossPatternDays: z.number().int().min(1).max(365).default(30),
  })
  .strict();

export type LedgerSettings = z.infer<typeof ledgerSettingsSchema>;

export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = ledgerSettingsSchema.parse({});

export interface LedgerSettingSource {
  key: keyof LedgerSettings;
  source: string;
  section: string | null;
  evidence: Evidence;
}

const RECORDS = 'docs/clinical-sources.md#controlled-substance-records';
const PRACTICE = 'docs/clinical-sources.md#controlled-substance-logs-in-practice';

/** One row per setting; the test checks that every key has exactly one. */
export const LEDGER_SETTING_SOURCES: readonly LedgerSettingSource[] = [
  {
    key: 'wasteWitnessRequired',
    source: 'No federal witness rule was found; witnessed waste is a state and institutional norm',
    section: RECORDS,
    evidence: 'secondary',
  },
  {
    key: 'adjustmentWitnessRequired',
    source: 'Controlled-substance logs in practice take two signatures for an adjustment',
    section: PRACTICE,
    evidence: 'secondary',
  },
  {
    key: 'countCadence',
    source:
      'No federal rule sets a count cadence (a perpetual inventory is not required); logs in practice count daily',
    section: PRACTICE,
    evidence: 'secondary',
  },
  {
    key: 'inventoryIntervalMonths',
    source: '21 CFR 1304.11: a new inventory at least every two years; stricter states ask for yearly',
    section: 'docs/clinical-sources.md#dea-inventory',
    evidence: 'secondary',
  },
  {
    key: 'retentionYears',
    source: '21 CFR 1304.04: records kept at least 2 years; some states require longer',
    section: 'docs/clinical-sources.md#dea-records-retention',
    evidence: 'primary',
  },
  {
    key: 'smallLossPatternCount',
    source: 'DEA: a continuing pattern of small losses should be considered significant; no count is set',
    section: 'docs/clinical-sources.md#dea-theft-loss',
    evidence: 'unverified',
  },
  {
    key: 'smallLossPatternDays',
    source: 'DEA: a continuing pattern of small losses should be considered significant; no window is set',
    section: 'docs/clinical-sources.md#dea-theft-loss',
    evidence: 'unverified',
  },
];
