import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_SETTINGS } from '../clinic/session-settings.js';
import {
  AE_CATEGORIES,
  AE_TAXONOMY,
  validateAdverseEvent,
  validateRescue,
  type AdverseEventInput,
  type RescueInput,
} from './adverse-events.js';

const t0 = Date.UTC(2026, 0, 5, 9, 0);
const m = (minutes: number) => t0 + minutes * 60_000;
const window = { checkedInAt: m(0), now: m(60) };
const nausea: AdverseEventInput = {
  category: 'gastrointestinal',
  term: 'Nausea',
  onsetAt: m(30),
  severity: 'mild',
  serious: false,
  action: 'rescue_medication',
  outcome: 'resolved',
  resolvedAt: m(45),
};
const formulary = DEFAULT_SESSION_SETTINGS.rescueFormulary;
const ondansetron: RescueInput = { medicationId: 'ondansetron', doseMg: 4, route: 'iv', givenAt: m(32) };

describe('the adverse-event taxonomy', () => {
  it('has the seven categories, each with example terms', () => {
    expect(AE_CATEGORIES).toEqual([
      'haemodynamic',
      'respiratory',
      'neuropsychiatric',
      'gastrointestinal',
      'visual',
      'allergic',
      'iv_site',
    ]);
    for (const c of AE_CATEGORIES) expect(AE_TAXONOMY[c].examples.length).toBeGreaterThan(0);
  });
});

describe('validateAdverseEvent', () => {
  it('accepts a complete event and trims its text', () => {
    const r = validateAdverseEvent({ ...nausea, term: '  Nausea ' }, window);
    expect(r.ok && r.value).toMatchObject({ term: 'Nausea', resolvedAt: m(45), actionNote: '' });
  });

  it.each([
    [{ category: 'cardiac' }, 'category'],
    [{ term: ' ' }, 'term'],
    [{ severity: 'life-threatening' }, 'severity'],
    [{ action: 'shrug' }, 'action'],
    [{ outcome: 'fine' }, 'outcome'],
    [{ onsetAt: m(61), outcome: 'ongoing' }, 'onsetAt'],
    [{ onsetAt: m(-1) }, 'onsetAt'],
    [{ onsetAt: Number.NaN }, 'onsetAt'],
    [{ resolvedAt: m(20) }, 'resolvedAt'],
    [{ resolvedAt: null }, 'resolvedAt'],
    [{ serious: true }, 'actionNote'],
    [{ action: 'other', actionNote: 'x' }, 'actionNote'],
  ] as [Partial<AdverseEventInput>, string][])('refuses %j naming %s', (change, field) => {
    const r = validateAdverseEvent({ ...nausea, ...change }, window);
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual([field]);
  });

  it('keeps a serious event described, and drops a resolution time when not resolved', () => {
    const r = validateAdverseEvent(
      { ...nausea, serious: true, actionNote: 'transferred by ambulance', outcome: 'ongoing' },
      window,
    );
    expect(r.ok && r.value).toMatchObject({ serious: true, resolvedAt: null });
  });

  it('accepts the edges of the window', () => {
    expect(validateAdverseEvent({ ...nausea, onsetAt: m(0), resolvedAt: m(60) }, window).ok).toBe(true);
  });
});

describe('validateRescue', () => {
  it('accepts a formulary dose and carries the entry’s evidence', () => {
    const r = validateRescue(ondansetron, formulary, window);
    expect(r.ok && r.value).toMatchObject({ medicationName: 'Ondansetron', evidence: 'secondary' });
  });

  it('marks labetalol and clonidine unverified and amlodipine primary', () => {
    const evidence = Object.fromEntries(formulary.map((e) => [e.id, e.evidence]));
    expect(evidence).toMatchObject({
      labetalol: 'unverified',
      clonidine: 'unverified',
      amlodipine: 'primary',
      midazolam: 'secondary',
    });
  });

  it.each([
    [{ medicationId: 'ketorolac' }, 'medicationId'],
    [{ doseMg: 0 }, 'doseMg'],
    [{ doseMg: Number.NaN }, 'doseMg'],
    [{ route: 'po', medicationId: 'midazolam' }, 'route'],
    [{ givenAt: m(61) }, 'givenAt'],
    [{ givenAt: m(-1) }, 'givenAt'],
  ] as [Partial<RescueInput>, string][])('refuses %j naming %s', (change, field) => {
    const r = validateRescue({ ...ondansetron, ...change }, formulary, window);
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual([field]);
  });

  it('applies the clinic’s maximum single dose at its edge, and ignores inactive entries', () => {
    const capped = formulary.map((e) => (e.id === 'lorazepam' ? { ...e, maxSingleDoseMg: 2 } : e));
    const lorazepam = { medicationId: 'lorazepam', route: 'sl', givenAt: m(40) };
    expect(validateRescue({ ...lorazepam, doseMg: 2 }, capped, window).ok).toBe(true);
    expect(validateRescue({ ...lorazepam, doseMg: 2.5 }, capped, window).ok).toBe(false);
    const inactive = formulary.map((e) => ({ ...e, active: e.id !== 'ondansetron' }));
    expect(validateRescue(ondansetron, inactive, window).ok).toBe(false);
  });
});
