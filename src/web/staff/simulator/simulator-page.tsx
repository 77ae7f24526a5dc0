import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import {
  DEFAULT_MODEL_ID,
  OCCUPANCY_LABEL,
  PK_MODELS,
  buildSchedule,
  compileModel,
  defaultOccupancyParameters,
  gridCount,
  occupancyCurve,
  simulateInto,
  type CompiledModel,
  type PkModelData,
} from '../../../domain/pk';
import { ErrorBanner } from '../ui/error-banner';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { PkChart, chartPng, download, type ChartSeries } from './pk-chart';
import { BAND_FILL, DISSOCIATIVE_RANGE, MODEL_COLOURS, PUBLISHED_END_OF_INFUSION } from './pk-literature';
import {
  BOLUS_UNITS,
  INFUSION_UNITS,
  defaultPlanForm,
  planFromForm,
  rowKey,
  toCsv,
  type CsvSeries,
  type PlanForm,
  type PlanRow,
  type RowKind,
} from './plan-model';
import './simulator.css';

/** Grid resolution: at most ~1,800 intervals whatever the horizon, never coarser than needed for 0.1 min. */
function stepFor(untilMin: number): number {
  return Math.max(0.1, Math.ceil((untilMin / 1800) * 10) / 10);
}

interface Buffers {
  capacity: number;
  t: Float64Array;
  byModel: Map<string, CsvSeries>;
}

interface Summary {
  modelId: string;
  peakCp: number;
  peakCpAt: number;
  peakCe: number;
  peakCeAt: number;
  occupancyAtPeakCe: number;
}

interface Timing {
  /** The weight the plot was made for, so a test can wait for the re-plot of its own edit. */
  weightKg: number;
  computeMs: number;
  drawnMs: number | null;
  samples: number;
  models: number;
}

const modelById = new Map(PK_MODELS.map((m) => [m.id, m]));

function modelLabel(m: PkModelData): string {
  const parts = [m.analyte, m.population === 'pediatric' ? 'paediatric' : 'adult'];
  return `${m.name} (${parts.join(', ')})${m.id === DEFAULT_MODEL_ID ? ' — default' : ''}`;
}

export function SimulatorPage() {
  const [form, setForm] = useState<PlanForm>(defaultPlanForm);
  const [selected, setSelected] = useState<string[]>([DEFAULT_MODEL_ID]);
  const [chart, setChart] = useState<uPlot | null>(null);
  const [summary, setSummary] = useState<Summary[]>([]);
  const [timing, setTiming] = useState<Timing | null>(null);
  const buffers = useRef<Buffers>({ capacity: 0, t: new Float64Array(0), byModel: new Map() });
  const drawStart = useRef<number | null>(null);
  const lastDrawnMs = useRef<number | null>(null);

  const result = useMemo(() => planFromForm(form, selected[0] ?? DEFAULT_MODEL_ID), [form, selected]);
  const problems = useMemo(() => {
    const out: Record<string, string> = {};
    if (!result.ok) for (const p of result.problems) out[p.field] ??= p.message;
    return out;
  }, [result]);

  // Compiling solves eigenvalues (and sometimes ke0): once per model and patient, not per edit.
  const weightKg = result.ok ? result.plan.patient.weightKg : undefined;
  const ageYears = result.ok ? result.plan.patient.ageYears : undefined;
  const compiled = useMemo(() => {
    const map = new Map<string, CompiledModel>();
    if (weightKg === undefined) return map;
    for (const id of selected)
      map.set(id, compileModel(id, { weightKg, ...(ageYears !== undefined ? { ageYears } : {}) }));
    return map;
  }, [selected, weightKg, ageYears]);

  const series: ChartSeries[] = useMemo(
    () =>
      selected.flatMap((id, i) => {
        const colour = MODEL_COLOURS[i % MODEL_COLOURS.length]!;
        const name = modelById.get(id)?.name ?? id;
        return [
          { label: `${name} Cp (plasma)`, stroke: colour },
          { label: `${name} Ce (effect site)`, stroke: colour, dash: [6, 4] },
        ];
      }),
    [selected],
  );

  const untilMin = result.ok ? result.untilMin : 0;
  const stepMin = stepFor(untilMin);
  const count = result.ok ? gridCount(0, untilMin, stepMin) : 0;

  // Re-plot on every edit: schedule, exact recursion into reused buffers, then setData.
  useLayoutEffect(() => {
    if (!chart || !result.ok || count === 0) return;
    const start = performance.now();
    const b = buffers.current;
    if (b.capacity < count) {
      b.capacity = count;
      b.t = new Float64Array(count);
      b.byModel.clear();
    }
    for (let i = 0; i < count; i++) b.t[i] = i * stepMin;
    const schedule = buildSchedule(result.plan);
    const data: Float64Array[] = [b.t.subarray(0, count)];
    const grid = { startMin: 0, stepMin, count };
    for (const id of selected) {
      const model = compiled.get(id);
      if (!model) continue;
      let s = b.byModel.get(id);
      if (!s) {
        s = {
          modelId: id,
          cp: new Float64Array(b.capacity),
          ce: new Float64Array(b.capacity),
          occupancy: new Float64Array(b.capacity),
        };
        b.byModel.set(id, s);
      }
      simulateInto(model, schedule, grid, { cp: s.cp, ce: s.ce });
      data.push(s.cp.subarray(0, count), s.ce.subarray(0, count));
    }
    drawStart.current = start;
    chart.setData(data as unknown as uPlot.AlignedData);
    const computeMs = performance.now() - start;

    const next: Summary[] = [];
    for (const id of selected) {
      const s = b.byModel.get(id);
      const model = modelById.get(id);
      if (!s || !model) continue;
      occupancyCurve(s.ce.subarray(0, count), defaultOccupancyParameters(model.analyte), s.occupancy);
      let iCp = 0;
      let iCe = 0;
      for (let i = 1; i < count; i++) {
        if (s.cp[i]! > s.cp[iCp]!) iCp = i;
        if (s.ce[i]! > s.ce[iCe]!) iCe = i;
      }
      next.push({
        modelId: id,
        peakCp: s.cp[iCp]!,
        peakCpAt: iCp * stepMin,
        peakCe: s.ce[iCe]!,
        peakCeAt: iCe * stepMin,
        occupancyAtPeakCe: s.occupancy[iCe]!,
      });
    }
    setSummary(next);
    // uPlot may draw inside setData or in a later microtask; onDrawn covers the second case.
    const drawnMs = drawStart.current === null ? lastDrawnMs.current : null;
    setTiming({
      weightKg: result.plan.patient.weightKg,
      computeMs,
      drawnMs,
      samples: count,
      models: selected.length,
    });
  }, [chart, result, compiled, selected, count, stepMin]);

  const onDrawn = useCallback(() => {
    if (drawStart.current === null) return;
    const drawnMs = performance.now() - drawStart.current;
    drawStart.current = null;
    lastDrawnMs.current = drawnMs;
    setTiming((t) => (t ? { ...t, drawnMs } : t));
  }, []);

  const setRow = (key: string, patch: Partial<PlanRow>) =>
    setForm((f) => ({ ...f, rows: f.rows.map((r) => (r.key === key ? fixUnit({ ...r, ...patch }) : r)) }));
  const addRow = (kind: RowKind) =>
    setForm((f) => {
      const last = Math.max(0, ...f.rows.map((r) => Number(r.endMin) || Number(r.startMin) || 0));
      const row: PlanRow =
        kind === 'bolus'
          ? { key: rowKey(), kind, startMin: String(last), endMin: '', amount: '0.1', unit: 'mg/kg' }
          : kind === 'infusion'
            ? {
                key: rowKey(),
                kind,
                startMin: String(last),
                endMin: String(last + 20),
                amount: '0.25',
                unit: 'mg/kg/h',
              }
            : { key: rowKey(), kind, startMin: '10', endMin: '15', amount: '', unit: 'mg/h' };
      return { ...f, rows: [...f.rows, row] };
    });
  const toggleModel = (id: string, on: boolean) =>
    setSelected((s) =>
      on ? [...s.filter((x) => x !== id), id] : s.length > 1 ? s.filter((x) => x !== id) : s,
    );

  const exportCsv = () => {
    const b = buffers.current;
    const rows = selected.map((id) => b.byModel.get(id)).filter((s): s is CsvSeries => !!s);
    download(new Blob([toCsv(b.t, rows, count)], { type: 'text/csv' }), 'arbor-pk-simulation.csv');
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

  const tableStep = Math.max(stepMin, untilMin <= 240 ? 5 : 15);
  const tableRows = result.ok ? Math.floor(untilMin / tableStep) + 1 : 0;

  return (
    <div className="simulator">
      <h1>Pharmacokinetic simulator</h1>
      <p className="simulator__disclaimer">
        Model estimates for education and planning, <strong>never a dosing instruction</strong>. The published
        ketamine models disagree by up to ~28× right after a bolus; no effect-site rate constant (ke0) is
        validated for psychiatric endpoints (project PK reference pk.md §1, §2, §6).
      </p>

      <div className="simulator__layout">
        <section aria-labelledby="sim-plan" className="simulator__plan">
          <h2 id="sim-plan">Plan</h2>
          <fieldset>
            <legend>Patient</legend>
            <div className="grid grid--compact">
              <TextField
                label="Weight (kg)"
                inputMode="decimal"
                value={form.weightKg}
                onChange={(weightKg) => setForm({ ...form, weightKg })}
                error={problems.weightKg ?? problems['patient.weightKg']}
              />
              <TextField
                label="Age (years)"
                inputMode="decimal"
                value={form.ageYears}
                onChange={(ageYears) => setForm({ ...form, ageYears })}
                error={problems.ageYears}
                hint="Used only for population warnings"
              />
              <TextField
                label="Show until (min)"
                inputMode="decimal"
                value={form.untilMin}
                onChange={(u) => setForm({ ...form, untilMin: u })}
                error={problems.untilMin}
              />
            </div>
            <p className="muted">
              Models scale with total body weight. None of them uses sex or height (pk.md §1 covariates).
            </p>
          </fieldset>

          <fieldset>
            <legend>Doses</legend>
            <p className="muted">
              A bolus is given at its time (a sample then already includes it); an infusion runs from its
              start up to its end. Overlapping infusions add. A pause stops the pump: infusions across it
              resume at the same rate.
            </p>
            <ol className="simulator__rows">
              {form.rows.map((row, i) => (
                <li key={row.key} className="simulator__row">
                  <fieldset>
                    <legend>
                      {i + 1}.{' '}
                      {row.kind === 'bolus' ? 'Bolus' : row.kind === 'infusion' ? 'Infusion' : 'Pause'}
                    </legend>
                    <div className="grid grid--compact">
                      <SelectField
                        label="Kind"
                        value={row.kind}
                        onChange={(kind) => setRow(row.key, { kind: kind as RowKind })}
                        options={[
                          { value: 'bolus', label: 'Bolus' },
                          { value: 'infusion', label: 'Infusion' },
                          { value: 'pause', label: 'Pause' },
                        ]}
                      />
                      <TextField
                        label={row.kind === 'bolus' ? 'At (min)' : 'Start (min)'}
                        inputMode="decimal"
                        value={row.startMin}
                        onChange={(startMin) => setRow(row.key, { startMin })}
                        error={problems[`rows[${i}].startMin`]}
                      />
                      {row.kind !== 'bolus' ? (
                        <TextField
                          label="End (min)"
                          inputMode="decimal"
                          value={row.endMin}
                          onChange={(endMin) => setRow(row.key, { endMin })}
                          error={problems[`rows[${i}].endMin`] ?? problems[`doses[${i}].endMin`]}
                        />
                      ) : null}
                      {row.kind !== 'pause' ? (
                        <>
                          <TextField
                            label="Amount"
                            inputMode="decimal"
                            value={row.amount}
                            onChange={(amount) => setRow(row.key, { amount })}
                            error={problems[`rows[${i}].amount`]}
                          />
                          <SelectField
                            label="Unit"
                            value={row.unit}
                            onChange={(unit) => setRow(row.key, { unit: unit as PlanRow['unit'] })}
                            options={(row.kind === 'bolus' ? BOLUS_UNITS : INFUSION_UNITS).map((u) => ({
                              value: u,
                              label: u,
                            }))}
                            error={problems[`rows[${i}].unit`]}
                          />
                        </>
                      ) : null}
                    </div>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() =>
                        setForm((f) => ({ ...f, rows: f.rows.filter((r) => r.key !== row.key) }))
                      }
                    >
                      Remove dose {i + 1}
                    </button>
                  </fieldset>
                </li>
              ))}
            </ol>
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={() => addRow('bolus')}>
                Add bolus
              </button>
              <button type="button" className="button button--secondary" onClick={() => addRow('infusion')}>
                Add infusion
              </button>
              <button type="button" className="button button--secondary" onClick={() => addRow('pause')}>
                Add pause
              </button>
            </div>
          </fieldset>

          <fieldset>
            <legend>Models to compare</legend>
            {PK_MODELS.map((m) => (
              <div className="field field--checkbox" key={m.id}>
                <input
                  type="checkbox"
                  id={`model-${m.id}`}
                  checked={selected.includes(m.id)}
                  onChange={(e) => toggleModel(m.id, e.target.checked)}
                />
                <label htmlFor={`model-${m.id}`}>
                  {modelLabel(m)}
                  {m.population === 'pediatric' ? (
                    <span className="badge simulator__paediatric">Paediatric model</span>
                  ) : null}
                </label>
              </div>
            ))}
          </fieldset>
        </section>

        <section aria-labelledby="sim-curves" className="simulator__curves">
          <h2 id="sim-curves">Predicted concentrations</h2>
          {!result.ok ? <ErrorBanner>Fix the highlighted fields to update the curves.</ErrorBanner> : null}
          <PkChart
            series={series}
            band={{ lo: DISSOCIATIVE_RANGE.loNgMl, hi: DISSOCIATIVE_RANGE.hiNgMl, fill: BAND_FILL }}
            label={`Plasma (solid) and effect-site (dashed) concentration over time for ${selected.map((id) => modelById.get(id)?.name ?? id).join(', ')}; the shaded band is the dissociative range 100–250 ng/mL. The same values are in the data table below.`}
            onReady={setChart}
            onDrawn={onDrawn}
          />
          <ul className="simulator__legend" aria-label="Legend">
            {series.map((s) => (
              <li key={s.label}>
                <span
                  className={`simulator__swatch${s.dash ? ' simulator__swatch--dashed' : ''}`}
                  aria-hidden="true"
                >
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
                {s.label}
              </li>
            ))}
            <li>
              <span className="simulator__band-swatch" aria-hidden="true" /> {DISSOCIATIVE_RANGE.label}
            </li>
          </ul>
          <p className="muted simulator__source">
            Shaded band: {DISSOCIATIVE_RANGE.source} For comparison, about {PUBLISHED_END_OF_INFUSION.ngMl}{' '}
            ng/mL was measured at the end of 0.5 mg/kg over 40 min ({PUBLISHED_END_OF_INFUSION.source}).
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={exportCsv}
              disabled={!result.ok}
            >
              Export CSV
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void exportPng()}
              disabled={!result.ok}
            >
              Export PNG
            </button>
          </div>
          {timing ? (
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
          ) : null}

          <h3>Peaks and illustrative NMDA occupancy</h3>
          <div
            className="table-wrap"
            role="region"
            aria-label="Peaks and illustrative occupancy"
            tabIndex={0}
          >
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

          <details className="simulator__data">
            <summary>Data table (every {tableStep} min; the CSV has every sample)</summary>
            <div className="table-wrap" role="region" aria-label="Concentrations by time" tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">Predicted concentrations in ng/mL by time</caption>
                <thead>
                  <tr>
                    <th scope="col">Time (min)</th>
                    {selected.flatMap((id) => [
                      <th scope="col" key={`${id}-cp`}>
                        {modelById.get(id)?.name} Cp
                      </th>,
                      <th scope="col" key={`${id}-ce`}>
                        {modelById.get(id)?.name} Ce
                      </th>,
                    ])}
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
                          const s = buffers.current.byModel.get(id);
                          return [
                            <td key={`${id}-cp`}>{s && i < count ? s.cp[i]!.toFixed(1) : '–'}</td>,
                            <td key={`${id}-ce`}>{s && i < count ? s.ce[i]!.toFixed(1) : '–'}</td>,
                          ];
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>

          <h3>Models, ke0 provenance and caveats</h3>
          {selected.map((id) => {
            const m = modelById.get(id);
            const c = compiled.get(id);
            if (!m) return null;
            return (
              <section key={id} className="simulator__model" aria-label={m.name}>
                <h4>
                  {m.name}
                  {m.population === 'pediatric' ? (
                    <span className="badge simulator__paediatric">Paediatric model</span>
                  ) : null}
                </h4>
                <p>
                  {m.analyte}; {m.compartments} compartments; sampling {m.samplingSite}. {m.reference}
                </p>
                {c ? (
                  <p>
                    <strong>ke0 {c.ke0.toPrecision(4)} min⁻¹:</strong> {c.ke0Source}. Method:{' '}
                    {c.method === 'modal' ? 'exact modal recursion' : 'matrix exponential (coinciding rates)'}
                    .
                  </p>
                ) : null}
                {m.ke0Alternatives.length > 0 ? (
                  <p className="muted">
                    Published alternatives: {m.ke0Alternatives.map((a) => a.label).join('; ')}.
                  </p>
                ) : null}
                {c && c.warnings.length > 0 ? (
                  <ul className="simulator__warnings">
                    {c.warnings.map((w) => (
                      <li key={w} className="alert alert--warning">
                        {w}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <ul>
                  {m.caveats.map((cv) => (
                    <li key={cv.topic + cv.text}>
                      <strong>
                        {cv.severity === 'warning' ? 'Caution' : 'Note'} ({cv.topic}):
                      </strong>{' '}
                      {cv.text} <span className="muted">Source: {cv.source}</span>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </section>
      </div>
    </div>
  );
}

/** Changing a row's kind keeps its unit valid for that kind. */
function fixUnit(row: PlanRow): PlanRow {
  if (row.kind === 'bolus' && !BOLUS_UNITS.includes(row.unit)) return { ...row, unit: 'mg/kg' };
  if (row.kind === 'infusion' && !INFUSION_UNITS.includes(row.unit)) return { ...row, unit: 'mg/kg/h' };
  return row;
}
