import type { Trajectory } from '../../../domain/measurement/index';
import { formatDate } from '../format';
import {
  bandFills,
  bandTopValue,
  chartPaddingMs,
  chartHeight as H,
  chartMargin as M,
  chartWidth as W,
  valueTicks,
  type ChartScale,
  type ScoredPoint,
} from './trajectory-chart-model';

/** The instrument's severity bands as shaded stripes, each labelled at its lower edge. */
export function SeverityBands({ t, y }: { t: Trajectory; y: ChartScale['y'] }) {
  const hi = t.range[1];
  return (
    <>
      {t.bands.map((b, i) => (
        <g key={b.id}>
          <rect
            x={M.left}
            width={W - M.left - M.right}
            y={y(bandTopValue(t.bands, i, hi))}
            height={Math.max(0, y(b.from) - y(bandTopValue(t.bands, i, hi)))}
            fill={bandFills[i % bandFills.length]}
          />
          <text x={W - M.right - 4} y={y(b.from) - 4} textAnchor="end" className="mbc-chart__band-label">
            {b.label}
          </text>
        </g>
      ))}
    </>
  );
}

/** Value ticks on the left and the two axis lines. */
export function ChartAxes({ range, y }: { range: Trajectory['range']; y: ChartScale['y'] }) {
  return (
    <>
      {valueTicks(range).map((v) => (
        <g key={v}>
          <line x1={M.left - 4} x2={M.left} y1={y(v)} y2={y(v)} stroke="#555" />
          <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="mbc-chart__tick">
            {Math.round(v)}
          </text>
        </g>
      ))}
      <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#555" />
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#555" />
    </>
  );
}

/** Each infusion as a dashed vertical line with a ▲ under the time axis. */
export function InfusionMarkers({ anchors, x }: { anchors: Trajectory['anchors']; x: ChartScale['x'] }) {
  return (
    <>
      {anchors.map((a, i) => (
        <g key={`${a.date}-${i}`}>
          <line
            x1={x(Date.parse(a.date))}
            x2={x(Date.parse(a.date))}
            y1={M.top}
            y2={H - M.bottom}
            stroke="#3b4a9e"
            strokeDasharray="3 3"
          />
          <text
            x={x(Date.parse(a.date))}
            y={H - M.bottom + 28}
            textAnchor="middle"
            className="mbc-chart__anchor"
          >
            ▲
          </text>
        </g>
      ))}
    </>
  );
}

/** A horizontal reference line across the plot (baseline, response or remission threshold). */
export function ReferenceLine({
  y,
  stroke,
  dash,
  width,
}: {
  y: number;
  stroke: string;
  dash?: string;
  width?: number;
}) {
  return (
    <line
      x1={M.left}
      x2={W - M.right}
      y1={y}
      y2={y}
      stroke={stroke}
      strokeDasharray={dash}
      strokeWidth={width}
    />
  );
}

/** The scores as a line with a dot per score; a flagged score's dot is red. */
export function ScoreSeries({ scored, scale }: { scored: readonly ScoredPoint[]; scale: ChartScale }) {
  const { x, y } = scale;
  return (
    <>
      <polyline
        fill="none"
        stroke="#1b1f23"
        strokeWidth={2}
        points={scored.map((p) => `${x(Date.parse(p.date))},${y(p.value)}`).join(' ')}
      />
      {scored.map((p) => (
        <circle
          key={p.responseId}
          cx={x(Date.parse(p.date))}
          cy={y(p.value)}
          r={4.5}
          fill={p.flags.length ? '#a4161a' : '#1b1f23'}
        />
      ))}
    </>
  );
}

/** The first and last dates under the time axis (the padding day either side taken off). */
export function DateRangeLabels({ t0, t1 }: { t0: number; t1: number }) {
  return (
    <>
      <text x={M.left} y={H - 6} className="mbc-chart__tick">
        {formatDate(new Date(t0 + chartPaddingMs).toISOString())}
      </text>
      <text x={W - M.right} y={H - 6} textAnchor="end" className="mbc-chart__tick">
        {formatDate(new Date(t1 - chartPaddingMs).toISOString())}
      </text>
    </>
  );
}
