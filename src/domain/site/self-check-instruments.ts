import { getInstrument, type InstrumentDefinition } from '../instruments/index';
import type { SelfCheckInstrument } from './self-check';

/** The instrument library's definition, reduced to what the public self-check shows and scores. */
function toSelfCheck(def: InstrumentDefinition, id: 'phq9' | 'gad7'): SelfCheckInstrument {
  const scored = def.items.filter((item) => item.scored !== false);
  const first = scored[0];
  if (!first || def.classification?.kind !== 'bands' || !def.total) {
    throw new Error(`${id}: expected scored items, a total and bands`);
  }
  return {
    id,
    shortTitle: def.shortTitle,
    stem: def.stem ?? '',
    items: scored.map((item) => ({ id: item.id, text: item.text ?? item.label })),
    options: first.options.map((o) => ({ value: o.value, label: o.label })),
    bands: def.classification.bands.map((b) => {
      // PHQ-9 and GAD-7 bands are fixed numbers; a clinic-movable cut point would need its setting here.
      if (typeof b.min !== 'number') throw new Error(`${id}: band ${b.id} has a setting-based cut point`);
      return { id: b.id, label: b.label, min: b.min };
    }),
    max: def.total.range[1],
  };
}

export function selfCheckInstruments(): { phq9: SelfCheckInstrument; gad7: SelfCheckInstrument } {
  const phq9 = getInstrument('phq9');
  const gad7 = getInstrument('gad7');
  if (!phq9 || !gad7) throw new Error('PHQ-9 and GAD-7 must be in the instrument library');
  return { phq9: toSelfCheck(phq9, 'phq9'), gad7: toSelfCheck(gad7, 'gad7') };
}
