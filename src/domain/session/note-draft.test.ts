import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../instruments/index.js';
import { compareWithOrder } from './amount-given.js';
import { evaluateDischargeGate } from './discharge-gate.js';
import { draftSessionNote, type SessionChart } from './note-draft.js';

const t0 = Date.UTC(2026, 0, 5, 14, 0);
const m = (minutes: number) => t0 + minutes * 60_000;
const comparison = compareWithOrder(36, 40, 5);
const aldrete = scoreResponse('aldrete', [2, 2, 2, 2, 2], { dischargeThreshold: 9 });
if (!comparison.ok || !aldrete.ok) throw new Error('fixture');

const chart: SessionChart = {
  kind: 'iv_ketamine',
  timeZone: 'America/New_York',
  times: { checkedInAt: m(-20), startedAt: m(0), stoppedAt: m(45), endedAt: m(80) },
  outcome: 'discharged',
  dose: { comparison: comparison.value, differenceExplanation: 'paused 5 min for nausea' },
  vitals: [
    {
      takenAt: m(10),
      reading: { systolic: 132, diastolic: 84, heartRate: 78, spo2: 98, respiratoryRate: 14 },
    },
    {
      takenAt: m(40),
      reading: { systolic: 151, diastolic: 92, heartRate: 88, spo2: 97, respiratoryRate: null },
    },
    {
      takenAt: m(60),
      reading: { systolic: 124, diastolic: 80, heartRate: 72, spo2: 99, respiratoryRate: 16 },
    },
  ],
  scales: [
    { label: 'CADSS-6', total: 7, takenAt: m(40) },
    { label: 'Aldrete', total: 10, takenAt: m(75) },
  ],
  adverseEvents: [
    {
      category: 'gastrointestinal',
      term: 'Nausea',
      onsetAt: m(25),
      severity: 'mild',
      serious: false,
      action: 'rescue_medication',
      actionNote: '',
      outcome: 'resolved',
      resolvedAt: m(35),
    },
  ],
  rescue: [
    {
      medicationId: 'ondansetron',
      medicationName: 'Ondansetron',
      doseMg: 4,
      route: 'iv',
      givenAt: m(26),
      evidence: 'secondary',
    },
  ],
  discharge: evaluateDischargeGate(
    {
      kind: 'iv_ketamine',
      now: m(80),
      observationFrom: m(45),
      aldrete: { result: aldrete.result, takenAt: m(75) },
      escortPresent: true,
      instructionsGiven: true,
    },
    { ivAfterStopMinutes: 30, esketamineFromFirstDeviceMinutes: 120 },
  ),
};

describe('draftSessionNote', () => {
  it('summarises the chart in plain lines, times in the clinic’s zone', () => {
    expect(draftSessionNote(chart)).toEqual([
      'IV ketamine infusion',
      'Checked in 08:40; started 09:00; stopped 09:45; ended 10:20',
      'Dose: ordered 40.0 mg, given 36.0 mg (difference -4.0 mg, -10.0%)',
      'Difference beyond the 5% tolerance: paused 5 min for nausea',
      'Vital signs (3 sets): systolic BP 124–151; diastolic BP 80–92; heart rate 72–88; SpO2 97–99; respiratory rate 14–16',
      'Scales:',
      '- 09:40 CADSS-6: 7',
      '- 10:15 Aldrete: 10',
      'Adverse events:',
      '- 09:25 Nausea (gastrointestinal), mild; action rescue medication; resolved',
      'Rescue medicines:',
      '- 09:26 Ondansetron 4 mg IV',
      'Discharged at 10:20: Aldrete 10 (threshold 9, version 1); observed 35 min (minimum 30); escort present; written instructions given',
    ]);
  });

  it('is the same for the same chart', () => {
    expect(draftSessionNote(chart)).toEqual(draftSessionNote(structuredClone(chart)));
  });

  it('says what is absent, and gives the reason of a session ended otherwise', () => {
    const lines = draftSessionNote({
      ...chart,
      outcome: 'transferred_out',
      endReason: 'chest pain, ambulance called',
      dose: { comparison: null },
      vitals: [],
      scales: [],
      adverseEvents: [],
      rescue: [],
      discharge: null,
    });
    expect(lines.slice(2)).toEqual([
      'Dose: no amount recorded',
      'Vital signs: none recorded',
      'Scales: none',
      'Adverse events: none',
      'Rescue medicines: none',
      'Session transferred to emergency care at 10:20: chest pain, ambulance called',
    ]);
  });

  it('marks a flagged difference that has no explanation yet', () => {
    const lines = draftSessionNote({ ...chart, dose: { comparison: comparison.value } });
    expect(lines).toContain('Difference beyond the 5% tolerance: explanation not yet recorded');
  });
});
