import { describe, expect, it } from 'vitest';
import { vitalAlertSettingsSchema } from '../clinic/session-settings.js';
import { checkVitals, parseVitalsLine, vitalAlerts, type VitalsReading } from './vitals.js';

const normal: VitalsReading = { systolic: 120, diastolic: 80, heartRate: 70, spo2: 98, respiratoryRate: 14 };
const alerts = vitalAlertSettingsSchema.parse({});

describe('parseVitalsLine', () => {
  it.each([
    ['142/88 76 98 16', { systolic: 142, diastolic: 88, heartRate: 76, spo2: 98, respiratoryRate: 16 }],
    ['142/88 76 98', { systolic: 142, diastolic: 88, heartRate: 76, spo2: 98, respiratoryRate: null }],
    ['  142/88   76 98 16 ', { systolic: 142, diastolic: 88, heartRate: 76, spo2: 98, respiratoryRate: 16 }],
    [
      'bp 142/88 hr 76 spo2 98 rr 16',
      { systolic: 142, diastolic: 88, heartRate: 76, spo2: 98, respiratoryRate: 16 },
    ],
    [
      'HR 76 BP 142/88 sat 98',
      { systolic: 142, diastolic: 88, heartRate: 76, spo2: 98, respiratoryRate: null },
    ],
  ])('reads %j', (line, reading) => {
    const r = parseVitalsLine(line);
    expect(r).toEqual({ ok: true, value: { reading, needsConfirmation: [] } });
  });

  it.each([
    ['', 'line'],
    ['142 88 76 98', 'systolic'],
    ['142/88 76', 'line'],
    ['142/88 76 98 16 3', 'line'],
    ['142/88 7x 98', 'heartRate'],
    ['bp 142/88 hr 76', 'spo2'],
    ['bp 142/88 temp 37', 'line'],
    ['bp 142-88 hr 76 spo2 98', 'systolic'],
  ])('refuses %j naming %s', (line, field) => {
    const r = parseVitalsLine(line);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.field)).toContain(field);
  });
});

describe('hard plausibility limits', () => {
  it.each([
    ['400/20 76 98', 'systolic'],
    ['142/88 76 120', 'spo2'],
    ['120/120 76 98', 'diastolic'],
    ['120/130 76 98', 'diastolic'],
    ['120/80 19 98', 'heartRate'],
    ['120/80 251 98', 'heartRate'],
    ['120/80 76 49', 'spo2'],
    ['120/80 76 98 3', 'respiratoryRate'],
    ['120/80 76 98 61', 'respiratoryRate'],
    ['49/30 76 98', 'systolic'],
    ['120/19 76 98', 'diastolic'],
  ])('refuses %j naming %s', (line, field) => {
    const r = parseVitalsLine(line);
    expect(!r.ok && r.problems.map((p) => p.field)).toContain(field);
  });

  it.each(['300/199 250 100 60', '50/20 20 50 4'])('accepts the limits themselves: %j', (line) => {
    expect(parseVitalsLine(line).ok).toBe(true);
  });
});

describe('values that need confirmation', () => {
  const confirm = (r: Partial<VitalsReading>) => {
    const out = checkVitals({ ...normal, ...r });
    return out.ok ? out.value.needsConfirmation.map((p) => p.field) : ['refused'];
  };
  it.each([
    [{ systolic: 220 }, []],
    [{ systolic: 221 }, ['systolic']],
    [{ systolic: 80, diastolic: 50 }, []],
    [{ systolic: 79, diastolic: 50 }, ['systolic']],
    [{ heartRate: 40 }, []],
    [{ heartRate: 39 }, ['heartRate']],
    [{ heartRate: 150 }, []],
    [{ heartRate: 151 }, ['heartRate']],
    [{ spo2: 85 }, []],
    [{ spo2: 84 }, ['spo2']],
    [{ respiratoryRate: 8 }, []],
    [{ respiratoryRate: 7 }, ['respiratoryRate']],
    [{ respiratoryRate: 30 }, []],
    [{ respiratoryRate: 31 }, ['respiratoryRate']],
    [{ respiratoryRate: null }, []],
  ])('%j → %j', (change, fields) => {
    expect(confirm(change)).toEqual(fields);
  });
});

describe('vitalAlerts (clinic thresholds, unverified)', () => {
  const fields = (r: Partial<VitalsReading>) => vitalAlerts({ ...normal, ...r }, alerts).map((a) => a.field);
  it.each([
    [{ systolic: 179 }, []],
    [{ systolic: 180 }, ['systolic']],
    [{ diastolic: 109 }, []],
    [{ diastolic: 110 }, ['diastolic']],
    [{ heartRate: 110 }, []],
    [{ heartRate: 111 }, ['heartRate']],
    [{ spo2: 92 }, []],
    [{ spo2: 91 }, ['spo2']],
  ])('%j → %j', (change, expected) => {
    expect(fields(change)).toEqual(expected);
  });

  it('tags every alert unverified and cites the register, with blood pressure as stop-consider', () => {
    const all = vitalAlerts(
      { systolic: 190, diastolic: 115, heartRate: 120, spo2: 88, respiratoryRate: 16 },
      alerts,
    );
    expect(all.map((a) => [a.field, a.level, a.source.evidence])).toEqual([
      ['systolic', 'stop-consider', 'unverified'],
      ['diastolic', 'stop-consider', 'unverified'],
      ['heartRate', 'alert', 'unverified'],
      ['spo2', 'alert', 'unverified'],
    ]);
    expect(all[0]!.source.section).toBe('docs/clinical-sources.md#blood-pressure');
    expect(all[3]!.source.section).toBe('docs/clinical-sources.md#in-session-monitoring');
  });

  it('follows the clinic’s own thresholds', () => {
    expect(vitalAlerts({ ...normal, systolic: 161 }, { ...alerts, systolicAtLeast: 160 }).length).toBe(1);
  });
});
