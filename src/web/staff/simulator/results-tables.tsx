import { OCCUPANCY_LABEL } from '../../../domain/pk';
import type { Buffers, Summary } from './simulation-buffers';
import { modelById } from './simulator-models';
import type { SampleGrid } from './use-simulation';

export function PeaksTable({ summary }: { summary: Summary[] }) {
  return (
    <>
      <h3>Peaks and illustrative NMDA occupancy</h3>
      <div className="table-wrap" role="region" aria-label="Peaks and illustrative occupancy" tabIndex={0}>
        <table className="table">
          <caption className="simulator__caption">{OCCUPANCY_LABEL}</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Peak Cp (ng/mL)</th>
              <th scope="col">Peak Ce (ng/mL)</th>
              <th scope="col">Occupancy at peak Ce (illustrative)</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr key={s.modelId}>
                <th scope="row">{modelById.get(s.modelId)?.name}</th>
                <td>
                  {s.peakCp.toFixed(1)} at {s.peakCpAt.toFixed(1)} min
                </td>
                <td>
                  {s.peakCe.toFixed(1)} at {s.peakCeAt.toFixed(1)} min
                </td>
                <td>{(s.occupancyAtPeakCe * 100).toFixed(0)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Plasma and effect-site columns of the data table, in this order per model. */
const CURVES = [
  { key: 'cp', label: 'Cp' },
  { key: 'ce', label: 'Ce' },
] as const;

interface ConcentrationTableProps {
  selected: readonly string[];
  buffers: Buffers;
  grid: SampleGrid;
  ok: boolean;
}

/** A readable subset of the samples: every 5 min up to 4 h, every 15 min beyond. */
export function ConcentrationTable({ selected, buffers, grid, ok }: ConcentrationTableProps) {
  const { untilMin, stepMin, count } = grid;
  const tableStep = Math.max(stepMin, untilMin <= 240 ? 5 : 15);
  const tableRows = ok ? Math.floor(untilMin / tableStep) + 1 : 0;
  return (
    <details className="simulator__data">
      <summary>Data table (every {tableStep} min; the CSV has every sample)</summary>
      <div className="table-wrap" role="region" aria-label="Concentrations by time" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">Predicted concentrations in ng/mL by time</caption>
          <thead>
            <tr>
              <th scope="col">Time (min)</th>
              {selected.flatMap((id) =>
                CURVES.map((c) => (
                  <th scope="col" key={`${id}-${c.key}`}>
                    {modelById.get(id)?.name} {c.label}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: tableRows }, (_, r) => {
              const t = r * tableStep;
              const i = Math.round(t / stepMin);
              return (
                <tr key={r}>
                  <th scope="row">{Number(t.toFixed(2))}</th>
                  {selected.flatMap((id) => {
                    const s = buffers.byModel.get(id);
                    return CURVES.map((c) => (
                      <td key={`${id}-${c.key}`}>{s && i < count ? s[c.key][i]!.toFixed(1) : '–'}</td>
                    ));
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
