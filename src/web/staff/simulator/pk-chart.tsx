import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * Concentration–time chart on uPlot (canvas). uPlot sets its element sizes through the CSSOM
 * (element.style.x = …), which the app's CSP allows; it writes no style attributes or <style> tags.
 * Its HTML legend is off: the page renders an accessible legend and a data table instead.
 */

export interface ChartSeries {
  label: string;
  stroke: string;
  /** Dashed lines mark effect-site (Ce) curves. */
  dash?: number[];
}

export interface ShadedBand {
  lo: number;
  hi: number;
  fill: string;
}

export interface PkChartProps {
  series: ChartSeries[];
  band?: ShadedBand | undefined;
  /** Accessible name of the canvas figure. */
  label: string;
  height?: number;
  /** Receives the chart when it is created (and null when destroyed), so the page can call setData directly. */
  onReady: (chart: uPlot | null) => void;
  /** Called after every redraw (used to time a re-plot up to the drawn frame). */
  onDrawn?: () => void;
}

export function PkChart({ series, band, label, height = 320, onReady, onDrawn }: PkChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  // Recreate only when what is plotted changes shape, not on every data update.
  const shape = JSON.stringify({ series, band, height });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false }, // Keep the whole shaded band in view, and every curve.
        y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.05, band ? band.hi * 1.1 : 0)] },
      },
      axes: [
        { label: 'Time (min)', stroke: '#1b2430', grid: { stroke: '#e3e7ec' } },
        { label: 'Concentration (ng/mL)', stroke: '#1b2430', grid: { stroke: '#e3e7ec' }, size: 60 },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.stroke,
          width: 2,
          ...(s.dash ? { dash: s.dash } : {}),
          points: { show: false },
        })),
      ],
      hooks: {
        drawClear: [
          (u) => {
            const { ctx } = u;
            ctx.save();
            // An opaque background, so an exported PNG is readable anywhere.
            ctx.fillStyle = '#ffffff';
            ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
            if (band) {
              const top = Math.max(u.bbox.top, u.valToPos(band.hi, 'y', true));
              const bottom = Math.min(u.bbox.top + u.bbox.height, u.valToPos(band.lo, 'y', true));
              if (bottom > top) {
                ctx.fillStyle = band.fill;
                ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
              }
            }
            ctx.restore();
          },
        ],
        draw: [() => drawnRef.current?.()],
      },
    };
    const empty: uPlot.AlignedData = [new Float64Array(0), ...series.map(() => new Float64Array(0))];
    const chart = new uPlot(opts, empty, el);
    chart.root.querySelector('canvas')?.setAttribute('aria-hidden', 'true');
    readyRef.current(chart);
    const observer = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(280, el.clientWidth), height }),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      readyRef.current(null);
      chart.destroy();
    };
    // `shape` stands for series, band and height: the chart is rebuilt only when what it plots changes.
  }, [shape]);

  return <div className="pk-chart" ref={host} role="img" aria-label={label} />;
}

/** The chart as a PNG with its legend drawn in, since uPlot's legend is not part of the canvas. */
export function chartPng(chart: uPlot, series: ChartSeries[], title: string): Promise<Blob | null> {
  const source = chart.ctx.canvas;
  const ratio = source.width / Math.max(1, chart.width);
  const lineHeight = 18 * ratio;
  const header = (24 + series.length * 18 + 8) * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + header;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1b2430';
  ctx.font = `${14 * ratio}px system-ui, sans-serif`;
  ctx.fillText(title, 8 * ratio, 18 * ratio);
  series.forEach((s, i) => {
    const y = 24 * ratio + (i + 1) * lineHeight - 4 * ratio;
    ctx.strokeStyle = s.stroke;
    ctx.lineWidth = 2 * ratio;
    ctx.setLineDash((s.dash ?? []).map((d) => d * ratio));
    ctx.beginPath();
    ctx.moveTo(8 * ratio, y - 4 * ratio);
    ctx.lineTo(36 * ratio, y - 4 * ratio);
    ctx.stroke();
    ctx.fillText(s.label, 44 * ratio, y);
  });
  ctx.drawImage(source, 0, header);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
