import type uPlot from 'uplot';
import { chartPng, download, type ChartSeries } from './pk-chart';
import { DISSOCIATIVE_RANGE } from './pk-literature';
import { toCsv, type CsvSeries } from './plan-model';
import type { Buffers } from './simulation-buffers';

interface ExportButtonsProps {
  chart: uPlot | null;
  series: ChartSeries[];
  buffers: Buffers;
  selected: readonly string[];
  count: number;
  disabled: boolean;
}

/** CSV with every sample of the selected models, and the chart as a PNG with its legend drawn in. */
export function ExportButtons({ chart, series, buffers, selected, count, disabled }: ExportButtonsProps) {
  const exportCsv = () => {
    const rows = selected.map((id) => buffers.byModel.get(id)).filter((s): s is CsvSeries => !!s);
    download(new Blob([toCsv(buffers.t, rows, count)], { type: 'text/csv' }), 'arbor-pk-simulation.csv');
  };
  const exportPng = async () => {
    if (!chart) return;
    const blob = await chartPng(
      chart,
      series,
      `Predicted ketamine concentrations (${DISSOCIATIVE_RANGE.label} shaded)`,
    );
    if (blob) download(blob, 'arbor-pk-simulation.png');
  };
  const actions = [
    { label: 'Export CSV', run: exportCsv },
    { label: 'Export PNG', run: () => void exportPng() },
  ];
  return (
    <div className="button-row">
      {actions.map((a) => (
        <button
          key={a.label}
          type="button"
          className="button button--secondary"
          onClick={a.run}
          disabled={disabled}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
