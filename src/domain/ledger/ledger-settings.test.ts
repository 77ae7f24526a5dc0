import { describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_SETTINGS, LEDGER_SETTING_SOURCES, ledgerSettingsSchema } from './ledger-settings.js';

describe('ledger settings', () => {
  it('defaults: witnessed waste on, biennial inventory, 2-year retention, 3 in 30 days', () => {
    expect(DEFAULT_LEDGER_SETTINGS).toEqual({
      wasteWitnessRequired: true,
      adjustmentWitnessRequired: true,
      countCadence: 'daily',
      inventoryIntervalMonths: 24,
      retentionYears: 2,
      smallLossPatternCount: 3,
      smallLossPatternDays: 30,
    });
  });

  it('has exactly one source per setting, citing the register', () => {
    expect(LEDGER_SETTING_SOURCES.map((s) => s.key).sort()).toEqual(
      Object.keys(DEFAULT_LEDGER_SETTINGS).sort(),
    );
    for (const s of LEDGER_SETTING_SOURCES)
      if (s.section !== null) expect(s.section).toMatch(/^docs\/clinical-sources\.md#[a-z0-9-]+$/);
  });

  it('tags the small-loss pattern unverified', () => {
    for (const key of ['smallLossPatternCount', 'smallLossPatternDays'])
      expect(LEDGER_SETTING_SOURCES.find((s) => s.key === key)?.evidence).toBe('unverified');
  });

  it('never allows less than the federal floors', () => {
    expect(ledgerSettingsSchema.safeParse({ retentionYears: 1 }).success).toBe(false);
    expect(ledgerSettingsSchema.safeParse({ inventoryIntervalMonths: 25 }).success).toBe(false);
    expect(ledgerSettingsSchema.safeParse({ inventoryIntervalMonths: 12 }).success).toBe(true);
  });
});
