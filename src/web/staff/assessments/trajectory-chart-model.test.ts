import { describe, expect, it } from 'vitest';
import type { Trajectory } from '../../../domain/measurement/index';
import { formatDate } from '../format';
import {
  bandTopValue,
  chartHeight,
  chartMargin,
  chartScale,
  chartSummary,
  chartWidth,
  remissionThreshold,
  responseThreshold,
  scoredPoints,
  valueTicks,
} from './trajectory-chart-model';

const point = (date: string, value: number | null) => ({
  responseId: date,
  date,
  value,
  severity: null,
  flags: [],
  change: null,
  percentChange: null,
  response: null,
  remission: null,
});

const trajectory = (over: Partial<Trajectory> = {}): Trajectory =>
  ({
    shortTitle: 'PHQ-9',
    range: [0, 27],
    bands: [],
    points: [
      point('2030-01-02T00:00:00.000Z', 20),
      point('2030-01-05T00:00:00.000Z', null),
      point('2030-01-09T00:00:00.000Z', 8),
    ],
    anchors: [{ date: '2030-01-11T00:00:00.000Z', label: 'Infusion 1' }],
    outcomes: null,
    ...over,
  }) as Trajectory;

const withRules = (response: string, remission: string) =>
  trajectory({
    outcomes: { baseline: { value: 20 }, response: { rule: response }, remission: { rule: remission } },
  } as unknown as Partial<Trajectory>);

describe('trajectory chart model', () => {
  it('leaves unscored responses out of the line', () => {
    expect(scoredPoints(trajectory()).map((p) => p.value)).toEqual([20, 8]);
  });

  it('spans the scores and infusions with a day either side', () => {
    const t = trajectory();
    const scale = chartScale(t, scoredPoints(t));
    expect(new Date(scale.t0).toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(new Date(scale.t1).toISOString()).toBe('2030-01-12T00:00:00.000Z');
    expect(scale.x(scale.t0)).toBe(chartMargin.left);
    expect(scale.x(scale.t1)).toBe(chartWidth - chartMargin.right);
    expect(scale.y(0)).toBe(chartHeight - chartMargin.bottom);
    expect(scale.y(27)).toBe(chartMargin.top);
  });

  it('does not divide by zero on a single-value range', () => {
    const t = trajectory({ range: [3, 3] });
    expect(Number.isFinite(chartScale(t, scoredPoints(t)).y(3))).toBe(true);
  });

  it('puts five ticks from the bottom of the range to the top', () => {
    expect(valueTicks([0, 20])).toEqual([0, 5, 10, 15, 20]);
  });

  it('draws every band but the last one higher, and none above the range', () => {
    const bands = [
      { id: 'a', label: 'A', from: 0, to: 4 },
      { id: 'b', label: 'B', from: 5, to: 27 },
    ];
    expect(bandTopValue(bands, 0, 27)).toBe(5);
    expect(bandTopValue(bands, 1, 27)).toBe(27);
    expect(bandTopValue([{ id: 'c', label: 'C', from: 0, to: 27 }, ...bands], 0, 27)).toBe(27);
  });

  it('reads the response and remission thresholds from the rules', () => {
    const t = withRules('response = reduction from baseline ≥ 50% (…)', 'remission = value ≤ 4.5');
    expect(responseThreshold(t)).toBe(10);
    expect(remissionThreshold(t)).toEqual({ operator: '≤', value: 4.5 });
  });

  it('has no thresholds without outcomes or with rules of another shape', () => {
    expect(responseThreshold(trajectory())).toBeUndefined();
    expect(remissionThreshold(trajectory())).toBeUndefined();
    const t = withRules('response = value below 3', 'remission = two scores in a row');
    expect(responseThreshold(t)).toBeUndefined();
    expect(remissionThreshold(t)).toBeUndefined();
  });

  it('summarises every score with the first and last dates', () => {
    const t = trajectory();
    expect(chartSummary(t, scoredPoints(t))).toBe(
      `PHQ-9 scores from ${formatDate('2030-01-02T00:00:00.000Z')} to ${formatDate('2030-01-09T00:00:00.000Z')}: 20, 8.`,
    );
  });
});
