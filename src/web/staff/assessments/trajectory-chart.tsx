import type { Trajectory } from '../../../domain/measurement/index';
import { formatDate } from './measurement-api';

const W = 720;
const H = 300;
const M = { top: 16, right: 16, bottom: 40, left: 44 };
const bandFills = ['#e6f4ea', '#fff8db', '#ffeccc', '#ffdccc', '#f9c9c9', '#f4b5b5'];

/**
 * Scores over time as a hand-made SVG: shaded severity bands, infusion markers, the baseline and the
 * response and remission thresholds. The chart is an image with a text summary; the table below it
 * carries the same data for screen readers and print.
 */
export function TrajectoryChart({ t }: { t: Trajectory }) {
  const numeric = t.points.filter((p) => p.value !== null) as (Trajectory['points'][number] & {
    value: number;
  })[];
  const times = [...numeric.map((p) => Date.parse(p.date)), ...t.anchors.map((a) => Date.parse(a.date))];
  if (numeric.length === 0) return <p className="muted">No scores yet for {t.shortTitle}.</p>;
  const day = 86_400_000;
  const t0 = Math.min(...times) - day;
  const t1 = Math.max(...times) + day;
  const [lo, hi] = t.range;
  const x = (time: number) => M.left + ((time - t0) / (t1 - t0)) * (W - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo || 1)) * (H - M.top - M.bottom);
  const baseline = t.outcomes?.baseline.value;
  const responseRule = t.outcomes?.response?.rule ?? '';
  const percent = /≥ (\d+(?:\.\d+)?)%/.exec(responseRule)?.[1];
  const responseLine = baseline !== undefined && percent ? baseline * (1 - Number(percent) / 100) : undefined;
  const remissionMatch = /value (<|≤) (\d+(?:\.\d+)?)/.exec(t.outcomes?.remission?.rule ?? '');
  const remissionLine = remissionMatch ? Number(remissionMatch[2]) : undefined;
  const ticks = Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);
  const summary = `${t.shortTitle} scores from ${formatDate(numeric[0]!.date)} to ${formatDate(numeric.at(-1)!.date)}: ${numeric
    .map((p) => p.value)
    .join(', ')}.`;
  return (
    <figure className="mbc-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        {t.bands.map((b, i) => (
          <g key={b.id}>
            <rect
              x={M.left}
              width={W - M.left - M.right}
              y={y(Math.min(hi, b.to + (i < t.bands.length - 1 ? 1 : 0)))}
              height={Math.max(0, y(b.from) - y(Math.min(hi, b.to + (i < t.bands.length - 1 ? 1 : 0))))}
              fill={bandFills[i % bandFills.length]}
            />
            <text x={W - M.right - 4} y={y(b.from) - 4} textAnchor="end" className="mbc-chart__band-label">
              {b.label}
            </text>
          </g>
        ))}
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left - 4} x2={M.left} y1={y(v)} y2={y(v)} stroke="#555" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="mbc-chart__tick">
              {Math.round(v)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#555" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#555" />
        {t.anchors.map((a, i) => (
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
        {baseline !== undefined ? (
          <line
            x1={M.left}
            x2={W - M.right}
            y1={y(baseline)}
            y2={y(baseline)}
            stroke="#333"
            strokeDasharray="6 4"
          />
        ) : null}
        {responseLine !== undefined ? (
          <line
            x1={M.left}
            x2={W - M.right}
            y1={y(responseLine)}
            y2={y(responseLine)}
            stroke="#1f5f5b"
            strokeDasharray="2 4"
            strokeWidth={2}
          />
        ) : null}
        {remissionLine !== undefined ? (
          <line
            x1={M.left}
            x2={W - M.right}
            y1={y(remissionLine)}
            y2={y(remissionLine)}
            stroke="#0b6e2f"
            strokeWidth={2}
          />
        ) : null}
        <polyline
          fill="none"
          stroke="#1b1f23"
          strokeWidth={2}
          points={numeric.map((p) => `${x(Date.parse(p.date))},${y(p.value)}`).join(' ')}
        />
        {numeric.map((p) => (
          <circle
            key={p.responseId}
            cx={x(Date.parse(p.date))}
            cy={y(p.value)}
            r={4.5}
            fill={p.flags.length ? '#a4161a' : '#1b1f23'}
          />
        ))}
        <text x={M.left} y={H - 6} className="mbc-chart__tick">
          {formatDate(new Date(t0 + day).toISOString())}
        </text>
        <text x={W - M.right} y={H - 6} textAnchor="end" className="mbc-chart__tick">
          {formatDate(new Date(t1 - day).toISOString())}
        </text>
      </svg>
      <figcaption className="mbc-chart__legend">
        <span>
          <span className="mbc-key mbc-key--line" aria-hidden="true" /> score (red dot: flagged)
        </span>
        <span>
          <span className="mbc-key mbc-key--baseline" aria-hidden="true" /> baseline
        </span>
        {responseLine !== undefined ? (
          <span>
            <span className="mbc-key mbc-key--response" aria-hidden="true" /> response threshold (
            {Math.round(responseLine * 10) / 10})
          </span>
        ) : null}
        {remissionLine !== undefined ? (
          <span>
            <span className="mbc-key mbc-key--remission" aria-hidden="true" /> remission (
            {remissionMatch?.[1]} {remissionLine})
          </span>
        ) : null}
        {t.anchors.length ? <span>▲ / dashed: infusion</span> : null}
      </figcaption>
    </figure>
  );
}
