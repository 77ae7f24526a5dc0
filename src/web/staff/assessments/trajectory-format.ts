import type { TrajectoryView } from '../../../contracts/measurement';
import { scoredWithOtherSettings } from '../../../domain/measurement/index';
import { formatDateTime } from '../format';

/** A per-score verdict: unknown (no baseline or rule yet) shows as a dash. */
export function yesNo(value: boolean | null): string {
  return value === null ? '—' : value ? 'yes' : 'no';
}

/** Points from baseline with an explicit sign for a rise, e.g. "+3"; a dash without a baseline. */
export function formatChange(change: number | null): string {
  if (change === null) return '—';
  return change > 0 ? `+${change}` : String(change);
}

/** " (-40%)" after the change, when the baseline allows a percentage. */
export function percentSuffix(percentChange: number | null): string {
  return percentChange !== null ? ` (${Math.round(percentChange)}%)` : '';
}

/** " (-40% from baseline)" after the latest score. */
export function fromBaselineSuffix(percentChange: number | null): string {
  return percentChange !== null ? ` (${Math.round(percentChange)}% from baseline)` : '';
}

/** A response or remission verdict; null means the rule cannot be applied yet. */
export function outcomeVerdict(met: boolean | null, yes: string, no: string): string {
  return met === null ? 'not yet assessable' : met ? yes : no;
}

/** The infusion markers as a sentence, for print and screen readers. */
export function infusionsText(anchors: TrajectoryView['anchors']): string {
  return `Infusions: ${anchors.map((a) => `${a.label} ${formatDateTime(a.date)}`).join('; ')}`;
}

/**
 * Why a score's band may differ from the shading: the settings it was computed with that the clinic has
 * changed since, e.g. " (scored with severeFrom 31)"; empty when it used today's values.
 */
export function scoredWithSuffix(point: TrajectoryView['points'][number], t: TrajectoryView): string {
  const differ = Object.entries(scoredWithOtherSettings(point, t));
  if (!differ.length) return '';
  const text = differ.map(([key, v]) => `${key} ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('; ');
  return ` (scored with ${text})`;
}
