import { useEffect, useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { canSimulate, doseToPkSegments, type ComputedDose } from '../../../domain/dosing';
import { DEFAULT_MODEL_ID, findModel, simulate, type SimulationResult } from '../../../domain/pk';
import { readableSources } from '../../../domain/protocols';
import { PkChart, type ChartSeries } from '../simulator/pk-chart';
import { BAND_FILL, DISSOCIATIVE_RANGE } from '../simulator/pk-literature';

/**
 * The predicted curve for a computed dose, shown before it is ordered. The models scale with total body
 * weight, so the simulation uses the patient's actual weight, not the dosing weight (docs/dosing.md §6).
 */
export function DoseCurve({ dose }: { dose: ComputedDose }) {
  const [chart, setChart] = useState<uPlot | null>(null);
  const model = findModel(DEFAULT_MODEL_ID)!;
  const sim: SimulationResult | null = useMemo(() => {
    if (!canSimulate(dose) || dose.route !== 'iv') return null;
    const segments = doseToPkSegments(dose);
    const end = dose.infusionTimeMin;
    const untilMin = Math.ceil((end + 120) / 10) * 10;
    return simulate(
      { model: DEFAULT_MODEL_ID, patient: { weightKg: dose.patient.weightKg }, doses: segments },
      { untilMin, stepMin: 0.25, outputs: { ce: true } },
    );
  }, [dose]);
  const series: ChartSeries[] = useMemo(
    () => [
      { label: `${model.name} Cp (plasma)`, stroke: '#1f5f4a' },
      { label: `${model.name} Ce (effect site)`, stroke: '#a4262c', dash: [6, 4] },
    ],
    [model.name],
  );

  useEffect(() => {
    if (chart && sim) chart.setData([sim.tMin, sim.cpNgMl, sim.ceNgMl!] as unknown as uPlot.AlignedData);
  }, [chart, sim]);

  if (dose.route !== 'iv' || !sim) {
    return (
      <p className="muted">
        No curve for an intranasal dose: the simulator&apos;s models are IV models without a nasal absorption
        phase.
      </p>
    );
  }
  let iCp = 0;
  for (let i = 1; i < sim.cpNgMl.length; i++) if (sim.cpNgMl[i]! > sim.cpNgMl[iCp]!) iCp = i;
  const endIndex = Math.min(sim.tMin.length - 1, Math.round(dose.infusionTimeMin / 0.25));
  return (
    <figure className="dosing__curve" aria-labelledby="dose-curve-caption">
      <PkChart
        series={series}
        band={{ lo: DISSOCIATIVE_RANGE.loNgMl, hi: DISSOCIATIVE_RANGE.hiNgMl, fill: BAND_FILL }}
        label={`Predicted plasma and effect-site ketamine concentration for this dose; peak plasma ${sim.cpNgMl[iCp]!.toFixed(0)} ng/mL at ${sim.tMin[iCp]!.toFixed(0)} min.`}
        height={260}
        onReady={setChart}
      />
      <figcaption id="dose-curve-caption" className="muted">
        Predicted with the {model.name} model for {dose.patient.weightKg} kg (actual weight): Cp at the end of
        the infusion <strong data-testid="cp-end">{sim.cpNgMl[endIndex]!.toFixed(0)} ng/mL</strong>, peak Cp{' '}
        {sim.cpNgMl[iCp]!.toFixed(0)} ng/mL. Solid: plasma; dashed: effect site (
        {readableSources(sim.model.ke0Source)}). Shaded: {DISSOCIATIVE_RANGE.label} (
        {DISSOCIATIVE_RANGE.source}) A model estimate, not a measurement.
      </figcaption>
    </figure>
  );
}
