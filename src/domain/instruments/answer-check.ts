/**
 * Validation of a response before scoring: every answer is an allowed option, required items are present,
 * skip logic is respected and mean scales have enough answers. Errors name the item and what to fix.
 */
import { MISSING, type Values } from './compiled-instrument';
import type { ItemDefinition, ScaleDefinition, ScoreError, ScoreExpression } from './types';

export interface CompiledItem {
  def: ItemDefinition;
  allowed: Uint8Array;
  required: boolean;
  enableIndex: number;
  enableEquals: number;
  valueRange: string;
}

/** A mean scale's answered-items requirement, with its items as value indices. */
export interface MeanRequirement {
  scale: ScaleDefinition;
  indices: number[];
  minAnswered: number;
}

export function compileItem(item: ItemDefinition, idx: (id: string) => number): CompiledItem {
  const max = Math.max(...item.options.map((o) => o.value));
  const allowed = new Uint8Array(max + 1);
  for (const o of item.options) allowed[o.value] = 1;
  const values = item.options.map((o) => o.value).sort((a, b) => a - b);
  const contiguous = values.every((v, i) => i === 0 || v === values[i - 1]! + 1);
  return {
    def: item,
    allowed,
    required: item.required !== false,
    enableIndex: item.enableWhen ? idx(item.enableWhen.item) : -1,
    enableEquals: item.enableWhen?.equals ?? 0,
    valueRange: contiguous ? `${values[0]}–${values[values.length - 1]}` : values.join(', '),
  };
}

export function meanRequirements(
  scales: readonly (ScaleDefinition | undefined)[],
  idx: (id: string) => number,
): MeanRequirement[] {
  return scales
    .map((s, i) => ({ s, i }))
    .filter((x): x is { s: ScaleDefinition; i: number } => x.s?.expression.kind === 'mean')
    .map(({ s }) => {
      const e = s.expression as Extract<ScoreExpression, { kind: 'mean' }>;
      return { scale: s, indices: e.items.map(idx), minAnswered: e.minAnswered };
    });
}

/** Checks values; with `errors` it collects every problem, without it it stops at the first. */
export function createCheck(
  items: readonly CompiledItem[],
  means: readonly MeanRequirement[],
  itemIds: readonly string[],
): (v: Values, errors?: ScoreError[]) => boolean {
  return function check(v, errors) {
    if (v.length !== items.length) {
      errors?.push({ message: `expected ${items.length} answers, got ${v.length}` });
      return false;
    }
    const itemsOk = checkItems(items, v, errors);
    if (!itemsOk && !errors) return false;
    const meansOk = checkMeans(means, itemIds, v, errors);
    return itemsOk && meansOk;
  };
}

function checkItems(items: readonly CompiledItem[], v: Values, errors?: ScoreError[]): boolean {
  let ok = true;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const a = v[i]!;
    const enabled = it.enableIndex < 0 || v[it.enableIndex] === it.enableEquals;
    if (a === MISSING) {
      if (enabled && it.required) {
        if (!errors) return false;
        ok = false;
        errors.push({
          item: it.def.id,
          message: `${it.def.id} (${it.def.label}) is missing; it is required`,
        });
      }
      continue;
    }
    if (!(a >= 0 && a < it.allowed.length && it.allowed[a] === 1)) {
      if (!errors) return false;
      ok = false;
      errors.push({
        item: it.def.id,
        message: `${it.def.id} (${it.def.label}): answer ${a} is out of range (allowed ${it.valueRange})`,
      });
      continue;
    }
    // A skipped item may be left blank or answered 0 ("no"); anything else contradicts the skip logic.
    if (!enabled && a !== 0) {
      if (!errors) return false;
      ok = false;
      const ew = it.def.enableWhen!;
      errors.push({
        item: it.def.id,
        message: `${it.def.id} (${it.def.label}) is only asked when ${ew.item} = ${ew.equals}; leave it blank`,
      });
    }
  }
  return ok;
}

function checkMeans(
  means: readonly MeanRequirement[],
  itemIds: readonly string[],
  v: Values,
  errors?: ScoreError[],
): boolean {
  let ok = true;
  for (const m of means) {
    let answered = 0;
    for (const i of m.indices) if (v[i] !== MISSING) answered++;
    if (answered < m.minAnswered) {
      if (!errors) return false;
      ok = false;
      const missing = m.indices.filter((i) => v[i] === MISSING).map((i) => itemIds[i]!);
      errors.push({
        item: missing[0]!,
        message:
          `${m.scale.id} needs at least ${m.minAnswered} answered items, got ${answered}; ` +
          `missing: ${missing.join(', ')}`,
      });
    }
  }
  return ok;
}
