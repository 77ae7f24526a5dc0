/**
 * Human-readable rules (formulas, conditions, band ranges) shown with single results and in the UI; never
 * built in the CSV hot path.
 */
import { threshold } from './resolve-settings';
import type { Classification, Condition, ResolvedSetting, ScoreExpression, Threshold } from './types';

export function describeExpression(e: ScoreExpression): string {
  if (e.kind === 'mean') {
    return `mean(${e.items.join(', ')}) over answered items; valid with ≥ ${e.minAnswered} answered`;
  }
  return e.terms.map((t) => ('item' in t ? t.item : `max(${t.max.join(', ')})`)).join(' + ');
}

export function describeThreshold(t: Threshold, settings: Readonly<Record<string, ResolvedSetting>>): string {
  return typeof t === 'number' ? String(t) : `${threshold(t, settings)} (setting ${t.setting})`;
}

export function describeCondition(c: Condition, settings: Readonly<Record<string, ResolvedSetting>>): string {
  switch (c.kind) {
    case 'item-at-least':
      return `${c.item} ≥ ${describeThreshold(c.value, settings)}`;
    case 'score-at-least':
      return `${c.score} ≥ ${describeThreshold(c.value, settings)}`;
    case 'any':
      return c.of.map((x) => wrap(x, settings)).join(' or ');
    case 'all':
      return c.of.map((x) => wrap(x, settings)).join(' and ');
    case 'criteria':
      return c.groups
        .map((g) => {
          const overrides = Object.entries(g.itemOverrides ?? {})
            .map(([id, t]) => `, ${id} at ≥ ${t}`)
            .join('');
          return `${g.id}: ≥ ${g.minPresent} of ${g.items.join(', ')} at ≥ ${g.itemAtLeast}${overrides}`;
        })
        .join('; ');
    case 'any-item-in-setting': {
      const list = settings[c.setting]?.value;
      const items = Array.isArray(list) ? (list as readonly string[]).join(', ') : '';
      return `any of [${items}] ≥ ${c.atLeast} (setting ${c.setting})`;
    }
    case 'setting-enabled':
      return `setting ${c.setting} is ${settings[c.setting]?.value === true ? 'on' : 'off'}`;
  }
}

function wrap(c: Condition, settings: Readonly<Record<string, ResolvedSetting>>): string {
  const text = describeCondition(c, settings);
  return c.kind === 'any' || c.kind === 'all' || c.kind === 'criteria' ? `(${text})` : text;
}

/** Band ranges as text, e.g. "none-minimal 0–4; mild 5–9" (or half-open ranges for means). */
export function describeBands(
  c: Extract<Classification, { kind: 'bands' }>,
  settings: Readonly<Record<string, ResolvedSetting>>,
  scaleMax: number,
  fractional: boolean,
): string {
  const mins = c.bands.map((b) => threshold(b.min, settings));
  return c.bands
    .map((b, i) => {
      const next = mins[i + 1];
      if (fractional) return `${b.id} ${next === undefined ? `≥ ${mins[i]}` : `${mins[i]} to < ${next}`}`;
      return `${b.id} ${mins[i]}–${next === undefined ? scaleMax : next - 1}`;
    })
    .join('; ');
}
