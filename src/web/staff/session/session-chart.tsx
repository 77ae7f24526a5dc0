import type { SessionView } from './session-api';
import {
  chartHeight as H,
  chartMargin as M,
  chartSummary,
  chartWidth as W,
  sessionChartModel,
  ticks,
  type SessionChartModel,
} from './session-chart-model';

const COLOURS = { systolic: '#1b2430', diastolic: '#1b2430', heartRate: '#1d4f91', pk: '#a45a00' };

function Axes({ model }: { model: SessionChartModel }) {
  const { x, yVitals, yPk } = model;
  return (
    <>
      {ticks(model.vitalsRange).map((v) => (
        <text
          key={`v${v}`}
          x={M.left - 6}
          y={yVitals(v) + 4}
          textAnchor="end"
          className="session-chart__tick"
        >
          {Math.round(v)}
        </text>
      ))}
      {model.pk.length > 0
        ? ticks(model.pkRange).map((v) => (
            <text key={`p${v}`} x={W - M.right + 6} y={yPk(v) + 4} className="session-chart__tick">
              {Math.round(v)}
            </text>
          ))
        : null}
      {ticks(model.tRange).map((t) => (
        <text
          key={`t${t}`}
          x={x(t)}
          y={H - M.bottom + 16}
          textAnchor="middle"
          className="session-chart__tick"
        >
          {Math.round(t)}
        </text>
      ))}
      <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" className="session-chart__tick">
        {model.started ? 'minutes since start' : 'minutes since check-in'}
      </text>
      <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="#555" />
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke="#555" />
      {model.started ? (
        <line x1={x(0)} x2={x(0)} y1={M.top} y2={H - M.bottom} stroke="#555" strokeDasharray="3 3" />
      ) : null}
    </>
  );
}

function Line({ points, colour, dash }: { points: [number, number][]; colour: string; dash?: string }) {
  if (points.length === 0) return null;
  return (
    <polyline
      fill="none"
      stroke={colour}
      strokeWidth={2}
      strokeDasharray={dash}
      points={points.map(([px, py]) => `${px},${py}`).join(' ')}
    />
  );
}

function Series({ model }: { model: SessionChartModel }) {
  const { x, yVitals, yPk, vitals, pk } = model;
  return (
    <>
      <Line points={pk.map((p) => [x(p.t), yPk(p.plasma)])} colour={COLOURS.pk} />
      <Line points={pk.map((p) => [x(p.t), yPk(p.effectSite)])} colour={COLOURS.pk} dash="6 4" />
      <Line points={vitals.map((p) => [x(p.t), yVitals(p.systolic)])} colour={COLOURS.systolic} />
      <Line
        points={vitals.map((p) => [x(p.t), yVitals(p.diastolic)])}
        colour={COLOURS.diastolic}
        dash="4 3"
      />
      <Line points={vitals.map((p) => [x(p.t), yVitals(p.heartRate)])} colour={COLOURS.heartRate} />
      {vitals.map((p) => (
        <g key={p.t}>
          <path d={`M${x(p.t) - 5},${yVitals(p.systolic)}h10`} stroke={COLOURS.systolic} strokeWidth={2} />
          <path d={`M${x(p.t) - 5},${yVitals(p.diastolic)}h10`} stroke={COLOURS.diastolic} strokeWidth={2} />
          <circle cx={x(p.t)} cy={yVitals(p.heartRate)} r={4} fill={COLOURS.heartRate} />
        </g>
      ))}
    </>
  );
}

/**
 * Blood pressure and heart rate over the session as a hand-made SVG, with the predicted plasma and
 * effect-site ketamine concentrations of this infusion as given on a second axis: where the patient is on
 * the drug's curve. The image carries a spoken summary; the readings table beside it has every value.
 */
export function SessionChart({ view }: { view: SessionView }) {
  const model = sessionChartModel(view);
  return (
    <figure className="session-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={chartSummary(model)}
        preserveAspectRatio="xMidYMid meet"
      >
        <Axes model={model} />
        <Series model={model} />
      </svg>
      <figcaption className="session-chart__legend">
        <span>
          <span className="session-key session-key--systolic" aria-hidden="true" /> systolic (mmHg)
        </span>
        <span>
          <span className="session-key session-key--diastolic" aria-hidden="true" /> diastolic (mmHg)
        </span>
        <span>
          <span className="session-key session-key--hr" aria-hidden="true" /> heart rate (per minute, dots)
        </span>
        {model.pk.length > 0 ? (
          <span>
            <span className="session-key session-key--pk" aria-hidden="true" /> Predicted ketamine (model{' '}
            {model.pkModel}): plasma solid, effect site dashed, ng/mL on the right axis
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
