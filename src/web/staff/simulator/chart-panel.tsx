import type uPlot from 'uplot';
import { PkChart, type ChartSeries } from './pk-chart';
import { BAND_FILL, DISSOCIATIVE_RANGE, PUBLISHED_END_OF_INFUSION } from './pk-literature';
import { modelById } from './simulator-models';
import type { Timing } from './use-simulation';

const BAND = { lo: DISSOCIATIVE_RANGE.loNgMl, hi: DISSOCIATIVE_RANGE.hiNgMl, fill: BAND_FILL };

interface CurvesChartProps {
  series: ChartSeries[];
  selected: readonly string[];
  onReady: (chart: uPlot | null) => void;
  onDrawn: () => void;
}

/** The canvas chart, named for screen readers by the models it shows and the shaded band. */
export function CurvesChart({ series, selected, onReady, onDrawn }: CurvesChartProps) {
  const names = selected.map((id) => modelById.get(id)?.name ?? id).join(', ');
  return (
    <PkChart
      series={series}
      band={BAND}
      label={`Plasma (solid) and effect-site (dashed) concentration over time for ${names}; the shaded band is the dissociative range 100–250 ng/mL. The same values are in the data table below.`}
      onReady={onReady}
      onDrawn={onDrawn}
    />
  );
}

function LegendSwatch({ s }: { s: ChartSeries }) {
  return (
    <span className={`simulator__swatch${s.dash ? ' simulator__swatch--dashed' : ''}`} aria-hidden="true">
      <svg width="28" height="8" viewBox="0 0 28 8">
        <line
          x1="0"
          y1="4"
          x2="28"
          y2="4"
          stroke={s.stroke}
          strokeWidth="3"
          strokeDasharray={s.dash?.join(' ')}
        />
      </svg>
    </span>
  );
}

/** An HTML legend, since the chart's own is off (it is not accessible). */
export function ChartLegend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="simulator__legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.label}>
          <LegendSwatch s={s} />
          {s.label}
        </li>
      ))}
      <li>
        <span className="simulator__band-swatch" aria-hidden="true" /> {DISSOCIATIVE_RANGE.label}
      </li>
    </ul>
  );
}

export function CurvesSource() {
  return (
    <p className="muted simulator__source">
      Shaded band: {DISSOCIATIVE_RANGE.source} For comparison, about {PUBLISHED_END_OF_INFUSION.ngMl} ng/mL
      was measured at the end of 0.5 mg/kg over 40 min ({PUBLISHED_END_OF_INFUSION.source}).
    </p>
  );
}

/** How long the last re-plot took; its data attributes let the browser test measure it. */
export function ReplotTiming({ timing }: { timing: Timing }) {
  return (
    <p
      className="muted"
      role="status"
      data-testid="replot-timing"
      data-weight={timing.weightKg}
      data-compute-ms={timing.computeMs.toFixed(3)}
      data-drawn-ms={timing.drawnMs?.toFixed(3) ?? ''}
    >
      Re-plotted {timing.samples.toLocaleString()} samples × {timing.models} model
      {timing.models === 1 ? '' : 's'}: simulate + setData {timing.computeMs.toFixed(2)} ms
      {timing.drawnMs !== null ? `, drawn after ${timing.drawnMs.toFixed(2)} ms` : ''}.
    </p>
  );
}
