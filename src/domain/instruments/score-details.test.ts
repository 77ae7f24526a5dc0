import { describe, expect, it } from 'vitest';
import { MISSING } from './compiled-instrument';
import { compileInstrument } from './engine';
import { getInstrument } from './registry';
import { resolveSettings } from './resolve-settings';
import { scoreResult } from './score-details';

function compiled(id: string) {
  const def = getInstrument(id)!;
  const settings = resolveSettings(def);
  if (!settings.ok) throw new Error('expected settings');
  return compileInstrument(def, settings.settings);
}

describe('scoreResult', () => {
  it('substitutes the answers into the formula and explains the band and flags', () => {
    const phq9 = compiled('phq9');
    const v = [2, 2, 2, 2, 2, 0, 0, 0, 1, MISSING];
    const ev = phq9.newEvaluation();
    phq9.evaluate(v, ev);
    const r = scoreResult(phq9, phq9.def.total, v, ev);
    expect(r.total).toBe(11);
    expect(r.severity).toBe('moderate');
    expect(r.details.inputs.difficulty).toBeNull();
    expect(r.details.total?.computation).toBe('2 + 2 + 2 + 2 + 2 + 0 + 0 + 0 + 1 = 11');
    expect(r.details.classification?.rule).toMatch(/^none-minimal 0–4; mild 5–9/);
    const mds = r.details.flags.find((f) => f.id === 'major-depressive-syndrome')!;
    expect(mds.groups).toEqual([
      { id: 'cardinal', present: 2, needed: 1, met: true },
      { id: 'symptoms', present: 6, needed: 5, met: true },
    ]);
    expect(r).toEqual(phq9.result(v));
  });

  it('shows a mean over the answered items and a blank for the missing ones', () => {
    const bpi = compiled('bpi-sf');
    const v = [4, 2, 3, 5, ...new Array(7).fill(MISSING)];
    const r = bpi.result(v);
    expect(r.subscores).toEqual({ severity: 3.5, interference: null });
    expect(r.details.subscales[0]!.computation).toBe('(4 + 2 + 3 + 5) / 4 = 14 / 4 = 3.5');
    expect(r.details.subscales[1]!.computation).toBe('() / 0 = 0 / 0 = not computable');
  });
});
