import { DEFAULT_MODEL_ID, PK_MODELS, type PkModelData } from '../../../domain/pk';
import type { ChartSeries } from './pk-chart';
import { MODEL_COLOURS } from './pk-literature';

export const modelById = new Map(PK_MODELS.map((m) => [m.id, m]));

/** Checkbox label: name, analyte and population, and which model is the default. */
export function modelLabel(m: PkModelData): string {
  const parts = [m.analyte, m.population === 'pediatric' ? 'paediatric' : 'adult'];
  return `${m.name} (${parts.join(', ')})${m.id === DEFAULT_MODEL_ID ? ' — default' : ''}`;
}

/** A Cp (solid) and a Ce (dashed) line per model, one colour per model. */
export function seriesFor(selected: readonly string[]): ChartSeries[] {
  return selected.flatMap((id, i) => {
    const colour = MODEL_COLOURS[i % MODEL_COLOURS.length]!;
    const name = modelById.get(id)?.name ?? id;
    return [
      { label: `${name} Cp (plasma)`, stroke: colour },
      { label: `${name} Ce (effect site)`, stroke: colour, dash: [6, 4] },
    ];
  });
}

/** Adds a model, or removes it unless it is the last one: the chart always shows at least one. */
export function toggled(selected: string[], id: string, on: boolean): string[] {
  if (on) return [...selected.filter((x) => x !== id), id];
  // The same array when nothing changes, so React skips the re-render and the re-plot.
  return selected.length > 1 ? selected.filter((x) => x !== id) : selected;
}
