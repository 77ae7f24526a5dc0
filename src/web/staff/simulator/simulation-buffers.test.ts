import { describe, expect, it } from 'vitest';
import { compileModel, gridCount } from '../../../domain/pk';
import { defaultPlanForm, planFromForm } from './plan-model';
import { emptyBuffers, fillSeries, stepFor, summarise } from './simulation-buffers';
import { seriesFor, toggled } from './simulator-models';

describe('simulator buffers', () => {
  it('samples at most ~1,800 intervals and never finer than 0.1 min', () => {
    expect(stepFor(180)).toBe(0.1);
    expect(stepFor(600)).toBeCloseTo(0.4);
  });

  it('fills Cp and Ce per model and finds the peaks at the end of the infusion', () => {
    const result = planFromForm(defaultPlanForm(), 'domino');
    if (!result.ok) throw new Error('plan');
    const stepMin = stepFor(result.untilMin);
    const count = gridCount(0, result.untilMin, stepMin);
    const compiled = new Map([['domino', compileModel('domino', result.plan.patient)]]);
    const b = emptyBuffers();
    const data = fillSeries(b, ['domino'], compiled, result.plan, stepMin, count);
    expect(data).toHaveLength(3);
    expect(data[0]).toHaveLength(count);
    const [summary] = summarise(b, ['domino'], stepMin, count);
    expect(summary!.peakCpAt).toBeCloseTo(40, 5);
    expect(summary!.peakCeAt).toBeGreaterThanOrEqual(summary!.peakCpAt);
    expect(summary!.peakCe).toBeLessThanOrEqual(summary!.peakCp);
    expect(summary!.occupancyAtPeakCe).toBeGreaterThan(0);
    expect(summary!.occupancyAtPeakCe).toBeLessThan(1);
  });

  it('reuses its arrays while the grid fits', () => {
    const result = planFromForm(defaultPlanForm(), 'domino');
    if (!result.ok) throw new Error('plan');
    const compiled = new Map([['domino', compileModel('domino', result.plan.patient)]]);
    const b = emptyBuffers();
    fillSeries(b, ['domino'], compiled, result.plan, 1, 100);
    const cp = b.byModel.get('domino')!.cp;
    fillSeries(b, ['domino'], compiled, result.plan, 1, 50);
    expect(b.byModel.get('domino')!.cp).toBe(cp);
  });
});

describe('simulator models', () => {
  it('draws a solid Cp and a dashed Ce line per model', () => {
    const series = seriesFor(['domino']);
    expect(series).toHaveLength(2);
    expect(series[0]!.dash).toBeUndefined();
    expect(series[1]!.dash).toEqual([6, 4]);
  });

  it('never unselects the last model', () => {
    const one = ['domino'];
    expect(toggled(one, 'domino', false)).toBe(one);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
  });
});
