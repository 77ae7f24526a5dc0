import type { InstrumentDefinition, ScoreResult } from '../instruments/index.js';

/** Self-check totals as an enquiry stores them (see enquirySelfCheckSchema). */
export interface StoredSelfCheck {
  phq9Total: number;
  gad7Total: number;
  phq9Item9Positive: boolean;
}

function bandOf(
  def: InstrumentDefinition,
  total: number,
): { id: string; rule: string; citation: ScoreResult['details']['citations'][number] } | null {
  const c = def.classification;
  if (!c || c.kind !== 'bands') return null;
  let matched: string | null = null;
  for (const band of c.bands) if (typeof band.min === 'number' && total >= band.min) matched = band.id;
  const rule = c.bands
    .map((b) => `${b.id} from ${typeof b.min === 'number' ? b.min : b.min.setting}`)
    .join(', ');
  return matched ? { id: matched, rule, citation: c.citation } : null;
}

/**
 * A self-check total the person reported on the public site, as a score the chart can hold. Only the
 * totals (and whether PHQ-9 item 9 was answered above "Not at all") were sent, so no item answers are
 * invented: the inputs are empty and the computation says where the total came from. A positive item 9
 * carries the usual `suicidal-ideation` flag, which opens the safety alert.
 */
export function selfCheckScore(
  def: InstrumentDefinition,
  total: number,
  options: { item9Positive?: boolean } = {},
): ScoreResult {
  const band = bandOf(def, total);
  const flags = def.id === 'phq9' && options.item9Positive ? ['suicidal-ideation'] : [];
  return {
    instrument: def.id,
    total,
    severity: band?.id ?? null,
    flags,
    subscores: {},
    details: {
      instrumentVersion: def.version,
      inputs: {},
      total: {
        id: 'total',
        label: def.total?.label ?? 'Total',
        formula: 'total reported by the person on the public site self-check',
        computation: String(total),
        value: total,
      },
      subscales: [],
      classification: band
        ? { rule: band.rule, on: 'total', matched: band.id, citation: band.citation }
        : null,
      flags: flags.map((id) => ({
        id,
        rule: 'item 9 answered above "Not at all" on the self-check',
        met: true,
      })),
      settings: {},
      citations: band ? [band.citation] : [],
    },
  };
}
