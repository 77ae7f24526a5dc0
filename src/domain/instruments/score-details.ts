/**
 * The explained result of one response: inputs, each scale's formula with the answers substituted, the
 * classification and flag rules, and the settings and citations behind them. Built only for single results.
 */
import { MISSING, type CompiledInstrument, type Evaluation, type Values } from './compiled-instrument';
import { describeBands, describeCondition, describeExpression } from './describe-rules';
import type {
  Classification,
  Condition,
  ConditionDetail,
  ResolvedSetting,
  ScaleDefinition,
  ScaleDetail,
  ScoreResult,
} from './types';

/** The full result for values that passed check() and were evaluated into `ev`. */
export function scoreResult(
  compiled: CompiledInstrument,
  bandScale: ScaleDefinition | undefined,
  v: Values,
  ev: Evaluation,
): ScoreResult {
  const { def, settings, itemIds, itemIndex, subscaleIds, severityIds, flagIds } = compiled;
  const inputs: Record<string, number | null> = {};
  itemIds.forEach((id, i) => (inputs[id] = v[i] === MISSING ? null : v[i]!));
  const subscores: Record<string, number | null> = {};
  subscaleIds.forEach((id, i) => (subscores[id] = nullIfNaN(ev.subscores[i]!)));
  return {
    instrument: def.id,
    total: nullIfNaN(ev.total),
    severity: ev.severity < 0 ? null : severityIds[ev.severity]!,
    flags: flagIds.filter((_, i) => (ev.flagMask & (1 << i)) !== 0),
    subscores,
    details: {
      instrumentVersion: def.version,
      inputs,
      total: def.total ? scaleDetail(def.total, v, ev.total, itemIndex) : null,
      subscales: (def.subscales ?? []).map((s, i) => scaleDetail(s, v, ev.subscores[i]!, itemIndex)),
      classification: classificationDetail(def.classification, settings, ev, severityIds, bandScale),
      flags: def.flags.map((f, i) => ({
        id: f.id,
        rule: describeCondition(f.when, settings),
        met: (ev.flagMask & (1 << i)) !== 0,
        ...criteriaGroups(f.when, v, itemIndex),
      })),
      settings: { ...settings },
      citations: def.citations,
    },
  };
}

function nullIfNaN(n: number): number | null {
  return Number.isNaN(n) ? null : n;
}

function scaleDetail(
  s: ScaleDefinition,
  v: Values,
  value: number,
  itemIndex: ReadonlyMap<string, number>,
): ScaleDetail {
  const at = (id: string) => v[itemIndex.get(id)!]!;
  const shown = (id: string) => (at(id) === MISSING ? '–' : String(at(id)));
  const e = s.expression;
  const base = { id: s.id, label: s.label, formula: describeExpression(e), value: nullIfNaN(value) };
  if (e.kind === 'mean') {
    const answered = e.items.filter((id) => at(id) !== MISSING);
    const sum = answered.reduce((n, id) => n + at(id), 0);
    return {
      ...base,
      answered: answered.length,
      computation: `(${answered.map(shown).join(' + ')}) / ${answered.length} = ${sum} / ${answered.length} = ${
        Number.isNaN(value) ? 'not computable' : value
      }`,
    };
  }
  const parts = e.terms.map((t) => ('item' in t ? shown(t.item) : `max(${t.max.map(shown).join(', ')})`));
  return { ...base, computation: `${parts.join(' + ')} = ${Number.isNaN(value) ? 'not computable' : value}` };
}

function criteriaGroups(
  c: Condition,
  v: Values,
  itemIndex: ReadonlyMap<string, number>,
): Pick<ConditionDetail, 'groups'> {
  if (c.kind !== 'criteria') return {};
  return {
    groups: c.groups.map((g) => {
      const present = g.items.filter(
        (id) => v[itemIndex.get(id)!]! >= (g.itemOverrides?.[id] ?? g.itemAtLeast),
      ).length;
      return { id: g.id, present, needed: g.minPresent, met: present >= g.minPresent };
    }),
  };
}

function classificationDetail(
  c: Classification | undefined,
  settings: Readonly<Record<string, ResolvedSetting>>,
  ev: Evaluation,
  ids: readonly string[],
  scale?: ScaleDefinition,
): ScoreResult['details']['classification'] {
  if (!c) return null;
  const matched = ev.severity < 0 ? null : ids[ev.severity]!;
  if (c.kind === 'levels') {
    const rule = [
      ...c.levels.map((l) => `${l.id} if ${describeCondition(l.when, settings)}`),
      `otherwise ${c.otherwise.id}`,
    ].join('; ');
    return { rule, matched, citation: c.levels[0]!.citation };
  }
  const rule = describeBands(c, settings, scale?.range[1] ?? Infinity, scale?.expression.kind === 'mean');
  return { rule, on: c.on, matched, citation: c.citation };
}
