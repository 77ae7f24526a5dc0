import { describe, expect, it } from 'vitest';
import { ESKETAMINE_TRD, IV_DEPRESSION } from '../../../domain/protocols';
import type { ClinicProtocolEntry as ClinicEntry } from '../../../contracts/dosing';
import {
  ceilingEdit,
  revisionChanges,
  revisionErrorText,
  stepEdits,
  type CeilingEdit,
} from './protocol-revision';
import { ceilingText, doseText, phaseText, rangeText, savedByText, settingText } from './protocol-text';

describe('protocol text', () => {
  it('describes an infusion step and an intranasal step', () => {
    expect(doseText(IV_DEPRESSION.steps[0]!)).toBe('0.5 mg/kg over 40 min');
    expect(doseText(ESKETAMINE_TRD.steps[0]!)).toBe('2 device(s) × 28 mg, 5 min apart');
    expect(rangeText(IV_DEPRESSION.steps[0]!)).toBe('—');
  });

  it('lists only the ceiling limits that are set', () => {
    expect(ceilingText(IV_DEPRESSION.ceiling)).toBe('1 mg/kg');
    expect(ceilingText({ mgPerKg: 1, totalMg: 80, citationIds: [] })).toBe('1 mg/kg; 80 mg');
  });

  it('gives a phase its frequency and lengths', () => {
    expect(phaseText(IV_DEPRESSION.schedule.phases[0]!)).toBe('2–3 a week, 6–6 sessions, 2–3 weeks');
  });

  it('says who saved a clinic version and what it replaces', () => {
    const entry = {
      createdBy: { id: 'u', label: 'Pia' },
      createdAt: '2024-01-02T03:04:05Z',
      copiedFrom: { origin: 'library', id: 'iv-depression', version: 1 },
      note: 'longer',
    } as ClinicEntry;
    const protocol = { ...IV_DEPRESSION, lineage: { supersedes: { id: 'maple', version: 1 } } };
    const text = savedByText(entry, protocol);
    expect(text).toMatch(/^Saved by Pia on /);
    expect(text).toMatch(/; copied from iv-depression v1; replaces version 1\. Note: longer$/);
  });

  it('shows a setting value without JSON punctuation', () => {
    expect(settingText({ a: 1, b: 'x' })).toBe('a: 1, b: x');
  });
});

describe('protocol revision', () => {
  it('starts from the saved doses, durations and ceiling', () => {
    expect(stepEdits(IV_DEPRESSION)).toEqual([
      { dose: '0.5', duration: '40' },
      { dose: '0.75', duration: '40' },
    ]);
    expect(stepEdits(ESKETAMINE_TRD)[0]).toEqual({ dose: '2', duration: '' });
    expect(ceilingEdit(IV_DEPRESSION)).toEqual({ mgPerKg: '1', mgPerKgPerHour: '', totalMg: '' });
  });

  it('sends the edited values and leaves out empty ceiling limits', () => {
    const steps = [
      { dose: '0.5', duration: '45' },
      { dose: '0.8', duration: '40' },
    ];
    const ceiling: CeilingEdit = { mgPerKg: '', mgPerKgPerHour: '', totalMg: '90' };
    const changes = revisionChanges(IV_DEPRESSION, steps, ceiling);
    expect(changes.steps[0]).toMatchObject({ doseMgPerKg: 0.5, durationMin: 45 });
    expect(changes.steps[1]).toMatchObject({ doseMgPerKg: 0.8 });
    expect(changes.ceiling).toEqual({ totalMg: 90, citationIds: IV_DEPRESSION.ceiling.citationIds });
  });

  it('lists every field problem after the message', () => {
    expect(revisionErrorText('Invalid', {})).toBe('Invalid');
    expect(revisionErrorText('Invalid', { note: 'required', 'steps[0].durationMin': 'too short' })).toBe(
      'Invalid: note required; steps[0].durationMin too short',
    );
  });
});
