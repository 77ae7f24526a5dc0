import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CadenceSettings,
  ChecklistSettings,
  MinimumObservationSettings,
  RescueFormularyEntry,
  VitalAlertSettings,
} from '../session/index.js';
import {
  DEFAULT_SESSION_SETTINGS,
  SESSION_SETTING_SOURCES,
  sessionSettingsSchema,
  type SessionSettings,
} from './session-settings.js';

/** Dotted paths of the leaves of a settings object (an array, such as the formulary, is one value). */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('session settings', () => {
  it('parses an empty object to the cited defaults', () => {
    expect(DEFAULT_SESSION_SETTINGS).toMatchObject({
      bpGate: { systolicAbove: 140, diastolicAbove: 90 },
      vitalAlerts: { systolicAtLeast: 180, diastolicAtLeast: 110, heartRateAbove: 110, spo2Below: 92 },
      vitalsCadence: { ivDuringMinutes: 10, ivAfterMinutes: 15, graceMinutes: 3 },
      amountTolerancePercent: 5,
      minimumObservation: { ivAfterStopMinutes: 30, esketamineFromFirstDeviceMinutes: 120 },
      pregnancyTestRequired: false,
    });
    expect(DEFAULT_SESSION_SETTINGS.rescueFormulary.map((e) => e.id)).toEqual([
      'ondansetron',
      'midazolam',
      'lorazepam',
      'amlodipine',
      'labetalol',
      'clonidine',
    ]);
  });

  it('has exactly one source per value, each citing the register or marked engineering', () => {
    const keys = SESSION_SETTING_SOURCES.map((s) => s.key);
    expect([...keys].sort()).toEqual(leaves(DEFAULT_SESSION_SETTINGS).sort());
    for (const s of SESSION_SETTING_SOURCES) {
      if (s.evidence === 'engineering') expect(s.section, s.key).toBeNull();
      else if (s.section !== null)
        expect(s.section, s.key).toMatch(/^docs\/clinical-sources\.md#[a-z0-9-]+$/);
    }
  });

  it('tags the stop thresholds unverified', () => {
    const evidence = (key: string) => SESSION_SETTING_SOURCES.find((s) => s.key === key)?.evidence;
    for (const key of ['systolicAtLeast', 'diastolicAtLeast', 'heartRateAbove', 'spo2Below'])
      expect(evidence(`vitalAlerts.${key}`)).toBe('unverified');
    expect(evidence('amountTolerancePercent')).toBe('unverified');
  });

  it.each([
    [{ minimumObservation: { esketamineFromFirstDeviceMinutes: 119 } }, 'minimumObservation'],
    [{ vitalsCadence: { graceMinutes: 10 } }, 'vitalsCadence'],
    [{ bpGate: { systolicAbove: 140.5 } }, 'bpGate'],
    [{ amountTolerancePercent: -1 }, 'amountTolerancePercent'],
    [
      {
        rescueFormulary: [
          DEFAULT_SESSION_SETTINGS.rescueFormulary[0],
          DEFAULT_SESSION_SETTINGS.rescueFormulary[0],
        ],
      },
      'rescueFormulary',
    ],
    [{ unknown: 1 }, ''],
  ])('refuses %j at %s', (input, path) => {
    const r = sessionSettingsSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0] ?? '').toBe(path);
  });

  it('fits what the session rules take', () => {
    expectTypeOf<SessionSettings['vitalAlerts']>().toMatchTypeOf<VitalAlertSettings>();
    expectTypeOf<SessionSettings['vitalsCadence']>().toMatchTypeOf<CadenceSettings>();
    expectTypeOf<SessionSettings['minimumObservation']>().toMatchTypeOf<MinimumObservationSettings>();
    expectTypeOf<SessionSettings['bpGate']>().toMatchTypeOf<ChecklistSettings['bpGate']>();
    expectTypeOf<SessionSettings['rescueFormulary'][number]>().toMatchTypeOf<RescueFormularyEntry>();
  });
});
