/**
 * Compiles score expressions, conditions and classifications into index-based closures. These run for every
 * row of a CSV import, so they read typed arrays and allocate nothing per call.
 */
import { MISSING, type CondFn, type ScoreFn, type Values } from './compiled-instrument';
import { threshold } from './resolve-settings';
import type { Classification, Condition, ResolvedSetting, ScoreExpression } from './types';

export function compileExpression(e: ScoreExpression, idx: (id: string) => number): ScoreFn {
  if (e.kind === 'mean') {
    const indices = Int32Array.from(e.items.map(idx));
    const min = e.minAnswered;
    return (v) => {
      let sum = 0;
      let n = 0;
      for (let k = 0; k < indices.length; k++) {
        const a = v[indices[k]!]!;
        if (a !== MISSING) {
          sum += a;
          n++;
        }
      }
      return n >= min ? sum / n : NaN;
    };
  }
  // Every term is a group; a plain item is a group of one. Flattened into two typed arrays for speed.
  const groups = e.terms.map((t) => ('item' in t ? [idx(t.item)] : t.max.map(idx)));
  if (groups.every((g) => g.length === 1)) {
    const indices = Int32Array.from(groups.map((g) => g[0]!));
    return (v) => {
      let sum = 0;
      for (let k = 0; k < indices.length; k++) {
        const a = v[indices[k]!]!;
        if (a < 0) return NaN;
        sum += a;
      }
      return sum;
    };
  }
  const flat = Int32Array.from(groups.flat());
  const ends = Int32Array.from(
    groups.map((_, g) => groups.slice(0, g + 1).reduce((n, x) => n + x.length, 0)),
  );
  return (v) => {
    let sum = 0;
    let start = 0;
    for (let g = 0; g < ends.length; g++) {
      let best = -1;
      for (let k = start; k < ends[g]!; k++) {
        const a = v[flat[k]!]!;
        if (a > best) best = a;
      }
      if (best < 0) return NaN;
      sum += best;
      start = ends[g]!;
    }
    return sum;
  };
}

export function compileCondition(
  c: Condition,
  idx: (id: string) => number,
  scoreIndex: ReadonlyMap<string, number>,
  settings: Readonly<Record<string, ResolvedSetting>>,
  instrument: string,
): CondFn {
  const rec = (x: Condition) => compileCondition(x, idx, scoreIndex, settings, instrument);
  switch (c.kind) {
    case 'item-at-least': {
      const i = idx(c.item);
      const t = threshold(c.value, settings);
      return (v) => v[i]! >= t;
    }
    case 'score-at-least': {
      const s = scoreIndex.get(c.score);
      if (s === undefined) throw new Error(`${instrument}: condition refers to unknown score "${c.score}"`);
      const t = threshold(c.value, settings);
      return (_v, scores) => scores[s]! >= t;
    }
    case 'any': {
      const fns = c.of.map(rec);
      return (v, s) => fns.some((f) => f(v, s));
    }
    case 'all': {
      const fns = c.of.map(rec);
      return (v, s) => fns.every((f) => f(v, s));
    }
    case 'criteria': {
      const groups = c.groups.map((g) => ({
        indices: Int32Array.from(g.items.map(idx)),
        thresholds: Int32Array.from(g.items.map((id) => g.itemOverrides?.[id] ?? g.itemAtLeast)),
        min: g.minPresent,
      }));
      return (v) => {
        for (const g of groups) {
          let present = 0;
          for (let k = 0; k < g.indices.length; k++) if (v[g.indices[k]!]! >= g.thresholds[k]!) present++;
          if (present < g.min) return false;
        }
        return true;
      };
    }
    case 'any-item-in-setting': {
      const list = settings[c.setting]?.value;
      if (!Array.isArray(list)) throw new Error(`${instrument}: setting "${c.setting}" is not an item list`);
      const indices = Int32Array.from((list as readonly string[]).map(idx));
      const t = c.atLeast;
      return (v) => {
        for (let k = 0; k < indices.length; k++) if (v[indices[k]!]! >= t) return true;
        return false;
      };
    }
    case 'setting-enabled': {
      const on = settings[c.setting]?.value === true;
      return () => on;
    }
  }
}

export function compileClassification(
  c: Classification | undefined,
  scoreIndex: ReadonlyMap<string, number>,
  settings: Readonly<Record<string, ResolvedSetting>>,
  cond: (c: Condition) => CondFn,
  instrument: string,
): { ids: string[]; fn: (v: Values, scores: Float64Array) => number } {
  if (!c) return { ids: [], fn: () => -1 };
  if (c.kind === 'levels') {
    const fns = c.levels.map((l) => cond(l.when));
    const otherwise = c.levels.length;
    return {
      ids: [...c.levels.map((l) => l.id), c.otherwise.id],
      fn: (v, s) => {
        for (let i = 0; i < fns.length; i++) if (fns[i]!(v, s)) return i;
        return otherwise;
      },
    };
  }
  const s = scoreIndex.get(c.on);
  if (s === undefined) throw new Error(`${instrument}: bands refer to unknown score "${c.on}"`);
  const mins = Float64Array.from(c.bands.map((b) => threshold(b.min, settings)));
  return {
    ids: c.bands.map((b) => b.id),
    fn: (_v, scores) => {
      const x = scores[s]!;
      if (Number.isNaN(x)) return -1;
      for (let i = mins.length - 1; i >= 0; i--) if (x >= mins[i]!) return i;
      return -1;
    },
  };
}
