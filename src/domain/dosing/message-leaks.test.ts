import { describe, expect, it } from 'vitest';
import {
  CITATIONS,
  ESKETAMINE_TRD,
  IV_CHRONIC_PAIN,
  IV_CRPS_OUTPATIENT,
  IV_DEPRESSION,
  referenceTitle,
} from '../protocols';
import { computeDose } from './compute-dose';
import { ivRequest } from './dose-test-fixtures';
import type { DoseRequest } from './dose-types';
import { DEFAULT_DOSING_SETTINGS } from './dosing-settings';

/**
 * What a clinician reads must not carry the program's internal names: dotted field paths in
 * parentheses, source file names, repository paths or raw anchors. Machine fields stay in `field`.
 */
const leakPatterns: Array<[string, RegExp]> = [
  ['dotted field path in parentheses', /\(\s*[a-z]\w*(\.\w+)+\s*\)/i],
  ['source file name', /\b[\w-]+\.(ts|tsx|js|md)\b/],
  ['repository path', /\bdocs\//],
  ['raw anchor', /#[a-z][\w-]*/],
  ['snake_case enum value', /\b[a-z]+_[a-z_]+\b/],
];

function leaksIn(text: string): string[] {
  return leakPatterns.filter(([, re]) => re.test(text)).map(([name]) => name);
}

const overCeiling: Array<[string, DoseRequest]> = [
  ['mg/kg over the IV depression ceiling', ivRequest({ doseOverride: { value: 5, unit: 'mg/kg' } })],
  [
    'mg/kg/h over the chronic pain ceiling',
    ivRequest({
      protocol: IV_CHRONIC_PAIN,
      stepId: 'infusion',
      doseOverride: { value: 2.5, unit: 'mg/kg/h' },
    }),
  ],
  [
    'total mg over the CRPS ceiling',
    ivRequest({ protocol: IV_CRPS_OUTPATIENT, stepId: 'session', doseOverride: { value: 250, unit: 'mg' } }),
  ],
  [
    'devices over the esketamine ceiling',
    {
      protocol: ESKETAMINE_TRD,
      stepId: 'dose-84',
      doseOverride: { value: 4, unit: 'device' },
      history: { sessionsWithoutResponse: 1 },
      chart: { sessionsGiven: 1 },
    } as DoseRequest,
  ],
];

describe('dosing messages a clinician reads', () => {
  it.each(overCeiling)('%s: the hard stop reads without internal names', (_name, request) => {
    const result = computeDose(request, DEFAULT_DOSING_SETTINGS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const ceilingStops = result.hardStops.filter((s) => s.code === 'above-ceiling');
    expect(ceilingStops.length).toBeGreaterThan(0);
    for (const stop of ceilingStops) {
      expect(stop.message).toMatch(/protocol ceiling/);
      expect(leaksIn(stop.message), stop.message).toEqual([]);
      // The machine field is still there for the form to highlight.
      expect(stop.field).not.toBe('');
    }
  });

  it('names every cited source register entry with a readable title', () => {
    for (const c of [...Object.values(CITATIONS), ...IV_DEPRESSION.citations]) {
      const title = referenceTitle(c.reference);
      expect(title, c.reference).not.toBe('');
      expect(leaksIn(title), `${c.reference} → ${title}`).toEqual([]);
    }
  });

  it('finds no leak in a plain sentence and finds each kind of leak', () => {
    expect(leaksIn('84 mg exceeds the protocol ceiling of 56 mg')).toEqual([]);
    expect(leaksIn('(ceiling.totalMg)')).toEqual(['dotted field path in parentheses']);
    expect(leaksIn('see absolute-cap.ts')).toEqual(['source file name']);
    expect(leaksIn('docs/clinical-sources.md#weight-basis')).toEqual([
      'source file name',
      'repository path',
      'raw anchor',
    ]);
    expect(leaksIn('ready_to_administer')).toEqual(['snake_case enum value']);
  });
});
