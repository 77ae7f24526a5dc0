import type { Trajectory } from '../../../domain/measurement/index';
import {
  ChartAxes,
  DateRangeLabels,
  InfusionMarkers,
  ReferenceLine,
  ScoreSeries,
  SeverityBands,
} from './trajectory-chart-layers';
import { TrajectoryChartLegend } from './trajectory-chart-legend';
import {
  chartHeight,
  chartScale,
  chartSummary,
  chartWidth,
  remissionThreshold,
  responseThreshold,
  scoredPoints,
} from './trajectory-chart-model';

/**
 * Scores over time as a hand-made SVG: shaded severity bands, infusion markers, the baseline and the
 * response and remission thresholds. The chart is an image with a text summary; the table below it
 * carries the same data for screen readers and print.
 */
export function TrajectoryChart({ t }: { t: Trajectory }) {
  const scored = scoredPoints(t);
  if (scored.length === 0) return <p className="muted">No scores yet for {t.shortTitle}.</p>;
  const scale = chartScale(t, scored);
  const { y } = scale;
  const baseline = t.outcomes?.baseline.value;
  const responseLine = responseThreshold(t);
  const remission = remissionThreshold(t);
  return (
    <figure className="mbc-chart">
      <svg
        viewBox={`0 0 ${chartWidth} ${chartHeight}`}
        role="img"
        aria-label={chartSummary(t, scored)}
        preserveAspectRatio="xMidYMid meet"
      >
        <SeverityBands t={t} y={y} />
        <ChartAxes range={t.range} y={y} />
        <InfusionMarkers anchors={t.anchors} x={scale.x} />
        {baseline !== undefined ? <ReferenceLine y={y(baseline)} stroke="#333" dash="6 4" /> : null}
        {responseLine !== undefined ? (
          <ReferenceLine y={y(responseLine)} stroke="#1f5f5b" dash="2 4" width={2} />
        ) : null}
        {remission !== undefined ? <ReferenceLine y={y(remission.value)} stroke="#0b6e2f" width={2} /> : null}
        <ScoreSeries scored={scored} scale={scale} />
        <DateRangeLabels t0={scale.t0} t1={scale.t1} />
      </svg>
      <TrajectoryChartLegend
        responseLine={responseLine}
        remission={remission}
        hasInfusions={t.anchors.length > 0}
      />
    </figure>
  );
}
