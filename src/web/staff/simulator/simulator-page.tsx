import { useMemo, useState } from 'react';
import { DEFAULT_MODEL_ID } from '../../../domain/pk';
import { ErrorBanner } from '../ui/error-banner';
import { ChartLegend, CurvesChart, CurvesSource, ReplotTiming } from './chart-panel';
import { ExportButtons } from './export-buttons';
import { ModelNotes } from './model-notes';
import { PlanEditor } from './plan-editor';
import { defaultPlanForm, planFromForm, problemsByField, type PlanForm } from './plan-model';
import { ConcentrationTable, PeaksTable } from './results-tables';
import { seriesFor, toggled } from './simulator-models';
import { useSimulation } from './use-simulation';
import './simulator.css';

function Disclaimer() {
  return (
    <p className="simulator__disclaimer">
      Model estimates for education and planning, <strong>never a dosing instruction</strong>. The published
      ketamine models disagree by up to ~28× right after a bolus; no effect-site rate constant (ke0) is
      validated for psychiatric endpoints (sources: Arbor's clinical source register, pharmacokinetic models).
    </p>
  );
}

export function SimulatorPage() {
  const [form, setForm] = useState<PlanForm>(defaultPlanForm);
  const [selected, setSelected] = useState<string[]>([DEFAULT_MODEL_ID]);
  const result = useMemo(() => planFromForm(form, selected[0] ?? DEFAULT_MODEL_ID), [form, selected]);
  const problems = useMemo(() => problemsByField(result), [result]);
  const series = useMemo(() => seriesFor(selected), [selected]);
  const sim = useSimulation(result, selected);

  return (
    <div className="simulator">
      <h1>Pharmacokinetic simulator</h1>
      <Disclaimer />
      <div className="simulator__layout">
        <PlanEditor
          form={form}
          setForm={setForm}
          problems={problems}
          selected={selected}
          onToggleModel={(id, on) => setSelected((s) => toggled(s, id, on))}
        />
        <section aria-labelledby="sim-curves" className="simulator__curves">
          <h2 id="sim-curves">Predicted concentrations</h2>
          {!result.ok ? <ErrorBanner>Fix the highlighted fields to update the curves.</ErrorBanner> : null}
          <CurvesChart series={series} selected={selected} onReady={sim.setChart} onDrawn={sim.onDrawn} />
          <ChartLegend series={series} />
          <CurvesSource />
          <ExportButtons
            chart={sim.chart}
            series={series}
            buffers={sim.buffers}
            selected={selected}
            count={sim.grid.count}
            disabled={!result.ok}
          />
          {sim.timing ? <ReplotTiming timing={sim.timing} /> : null}
          <PeaksTable summary={sim.summary} />
          <ConcentrationTable selected={selected} buffers={sim.buffers} grid={sim.grid} ok={result.ok} />
          <ModelNotes selected={selected} compiled={sim.compiled} />
        </section>
      </div>
    </div>
  );
}
