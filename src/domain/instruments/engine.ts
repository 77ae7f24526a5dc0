import type {
  AnswerInput,
  AnswerValue,
  Classification,
  Condition,
  ConditionDetail,
  InstrumentDefinition,
  ItemDefinition,
  ResolvedSetting,
  ScaleDefinition,
  ScaleDetail,
  ScoreError,
  ScoreExpression,
  ScoreResult,
  SettingsInput,
  SettingValue,
  Threshold,
} from './types';

/**
 * The one scoring engine. It compiles a definition (plus resolved settings) into index-based closures so the
 * same code serves a single API call and the million-row CSV path; the CSV path just skips building details.
 */

/** Marks an unanswered item. Far below any threshold, so "at least" comparisons are false without a branch. */
export const MISSING = -2147483648;

export interface Evaluation {
  /** NaN when the instrument has no total. */
  total: number;
  /** In the order of compiled.subscaleIds; NaN when not computable. */
  subscores: Float64Array;
  /** Index into compiled.severityIds, or -1. */
  severity: number;
  /** Bit i set when compiled.flagIds[i] is raised. */
  flagMask: number;
}

type Values = ArrayLike<number>;
type ScoreFn = (v: Values) => number;
type CondFn = (v: Values, scores: Float64Array) => boolean;

interface CompiledItem {
  def: ItemDefinition;
  allowed: Uint8Array;
  required: boolean;
  enableIndex: number;
  enableEquals: number;
  valueRange: string;
}

export interface CompiledInstrument {
  readonly def: InstrumentDefinition;
  readonly settings: Readonly<Record<string, ResolvedSetting>>;
  readonly itemIds: readonly string[];
  readonly itemIndex: ReadonlyMap<string, number>;
  readonly subscaleIds: readonly string[];
  readonly severityIds: readonly string[];
  readonly flagIds: readonly string[];
  /** Validates; pushes messages into `errors` when given, otherwise stops at the first problem. */
  check(values: Values, errors?: ScoreError[]): boolean;
  /** Scores values that passed check(); writes into `out` so hot loops allocate nothing. */
  evaluate(values: Values, out: Evaluation): void;
  newEvaluation(): Evaluation;
  /** Full result with formulas, inputs and rule texts. Values must have passed check(). */
  result(values: Values): ScoreResult;
}

// ---------------------------------------------------------------------------------------------------------
// Settings

export function resolveSettings(
  def: InstrumentDefinition,
  input: SettingsInput = {},
): { ok: true; settings: Record<string, ResolvedSetting> } | { ok: false; errors: ScoreError[] } {
  const errors: ScoreError[] = [];
  const known = new Set(def.settings.map((s) => s.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key) && input[key] !== undefined) {
      const list = def.settings.map((s) => s.key).join(', ') || 'none';
      errors.push({ setting: key, message: `unknown setting "${key}" for ${def.id} (settings: ${list})` });
    }
  }
  const settings: Record<string, ResolvedSetting> = {};
  for (const s of def.settings) {
    const given = input[s.key];
    let value: SettingValue = s.default;
    if (given !== undefined) {
      const problem = settingProblem(s, given);
      if (problem) errors.push({ setting: s.key, message: `setting ${s.key}: ${problem}` });
      else value = given;
    }
    settings[s.key] = {
      value,
      default: s.default,
      isDefault: sameSetting(value, s.default),
      citation: s.citation,
    };
  }
  if (errors.length === 0) errors.push(...bandOrderProblems(def, settings));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}

function settingProblem(s: InstrumentDefinition['settings'][number], v: SettingValue): string | null {
  switch (s.kind) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'must be a number';
      if (s.integer && !Number.isInteger(v)) return 'must be a whole number';
      if (v < s.min || v > s.max) return `must be between ${s.min} and ${s.max}`;
      return null;
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'item-list':
      if (!Array.isArray(v)) return 'must be a list of item ids';
      for (const item of v as readonly unknown[]) {
        if (typeof item !== 'string' || !s.allowed.includes(item)) {
          return `"${String(item)}" is not allowed (allowed: ${s.allowed.join(', ')})`;
        }
      }
      return null;
  }
}

function sameSetting(a: SettingValue, b: SettingValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function bandOrderProblems(
  def: InstrumentDefinition,
  settings: Record<string, ResolvedSetting>,
): ScoreError[] {
  const c = def.classification;
  if (!c || c.kind !== 'bands') return [];
  const mins = c.bands.map((b) => threshold(b.min, settings));
  for (let i = 1; i < mins.length; i++) {
    if (!(mins[i]! > mins[i - 1]!)) {
      const b = c.bands[i]!;
      const key = typeof b.min === 'number' ? undefined : b.min.setting;
      return [
        {
          ...(key ? { setting: key } : {}),
          message: `band "${b.id}" must start above band "${c.bands[i - 1]!.id}" (${mins[i]} ≤ ${mins[i - 1]})`,
        },
      ];
    }
  }
  return [];
}

function threshold(t: Threshold, settings: Readonly<Record<string, ResolvedSetting>>): number {
  if (typeof t === 'number') return t;
  const v = settings[t.setting]?.value;
  if (typeof v !== 'number') throw new Error(`definition refers to missing numeric setting "${t.setting}"`);
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// Compilation

export function compileInstrument(
  def: InstrumentDefinition,
  settings: Readonly<Record<string, ResolvedSetting>>,
): CompiledInstrument {
  const itemIds = def.items.map((i) => i.id);
  const itemIndex = new Map(itemIds.map((id, i) => [id, i] as const));
  const idx = (id: string): number => {
    const i = itemIndex.get(id);
    if (i === undefined) throw new Error(`${def.id}: definition refers to unknown item "${id}"`);
    return i;
  };

  const items: CompiledItem[] = def.items.map((item) => {
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
  });

  // Scores: index 0 is the total (NaN when absent), then the subscales.
  const scales: (ScaleDefinition | undefined)[] = [def.total, ...(def.subscales ?? [])];
  const scoreIndex = new Map<string, number>();
  scales.forEach((s, i) => s && scoreIndex.set(i === 0 ? 'total' : s.id, i));
  const scoreFns: (ScoreFn | null)[] = scales.map((s) => (s ? compileExpression(s.expression, idx) : null));
  const subscaleIds = (def.subscales ?? []).map((s) => s.id);

  const cond = (c: Condition): CondFn => compileCondition(c, idx, scoreIndex, settings, def.id);
  const flagFns = def.flags.map((f) => cond(f.when));
  const flagIds = def.flags.map((f) => f.id);
  if (flagIds.length > 30) throw new Error('flag masks hold at most 30 flags');

  const bandScale =
    def.classification?.kind === 'bands' ? scales[scoreIndex.get(def.classification.on) ?? -1] : undefined;
  const classify = compileClassification(def.classification, scoreIndex, settings, cond, def.id);

  const meanScales = scales
    .map((s, i) => ({ s, i }))
    .filter((x): x is { s: ScaleDefinition; i: number } => x.s?.expression.kind === 'mean')
    .map(({ s }) => {
      const e = s.expression as Extract<ScoreExpression, { kind: 'mean' }>;
      return { scale: s, indices: e.items.map(idx), minAnswered: e.minAnswered };
    });

  function check(v: Values, errors?: ScoreError[]): boolean {
    let ok = true;
    if (v.length !== items.length) {
      errors?.push({ message: `expected ${items.length} answers, got ${v.length}` });
      return false;
    }
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
    for (const m of meanScales) {
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

  function newEvaluation(): Evaluation {
    return { total: NaN, subscores: new Float64Array(subscaleIds.length), severity: -1, flagMask: 0 };
  }

  const scoreBuf = new Float64Array(scales.length);
  function evaluate(v: Values, out: Evaluation): void {
    for (let s = 0; s < scoreFns.length; s++) {
      const fn = scoreFns[s];
      scoreBuf[s] = fn ? fn(v) : NaN;
    }
    out.total = scoreBuf[0]!;
    for (let s = 1; s < scoreBuf.length; s++) out.subscores[s - 1] = scoreBuf[s]!;
    out.severity = classify.fn(v, scoreBuf);
    let mask = 0;
    for (let f = 0; f < flagFns.length; f++) if (flagFns[f]!(v, scoreBuf)) mask |= 1 << f;
    out.flagMask = mask;
  }

  const compiled: CompiledInstrument = {
    def,
    settings,
    itemIds,
    itemIndex,
    subscaleIds,
    severityIds: classify.ids,
    flagIds,
    check,
    evaluate,
    newEvaluation,
    result(v: Values): ScoreResult {
      const ev = newEvaluation();
      evaluate(v, ev);
      const inputs: Record<string, number | null> = {};
      itemIds.forEach((id, i) => (inputs[id] = v[i] === MISSING ? null : v[i]!));
      const subscores: Record<string, number | null> = {};
      subscaleIds.forEach((id, i) => (subscores[id] = nullIfNaN(ev.subscores[i]!)));
      return {
        instrument: def.id,
        total: nullIfNaN(ev.total),
        severity: ev.severity < 0 ? null : classify.ids[ev.severity]!,
        flags: flagIds.filter((_, i) => (ev.flagMask & (1 << i)) !== 0),
        subscores,
        details: {
          instrumentVersion: def.version,
          inputs,
          total: def.total ? scaleDetail(def.total, v, ev.total, itemIndex) : null,
          subscales: (def.subscales ?? []).map((s, i) => scaleDetail(s, v, ev.subscores[i]!, itemIndex)),
          classification: classificationDetail(def.classification, settings, ev, classify.ids, bandScale),
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
    },
  };
  return compiled;
}

function nullIfNaN(n: number): number | null {
  return Number.isNaN(n) ? null : n;
}

function compileExpression(e: ScoreExpression, idx: (id: string) => number): ScoreFn {
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

function compileCondition(
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

function compileClassification(
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

// ---------------------------------------------------------------------------------------------------------
// Human-readable rules and details (only built for single results, never in the CSV hot path)

export function describeExpression(e: ScoreExpression): string {
  if (e.kind === 'mean') {
    return `mean(${e.items.join(', ')}) over answered items; valid with ≥ ${e.minAnswered} answered`;
  }
  return e.terms.map((t) => ('item' in t ? t.item : `max(${t.max.join(', ')})`)).join(' + ');
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

// ---------------------------------------------------------------------------------------------------------
// Input normalisation

/** Parses one textual answer ('2', 'yes', 'Several days'); '' means missing. */
export function parseAnswerText(item: ItemDefinition, text: string): number | { error: string } {
  const t = text.trim();
  if (t === '') return MISSING;
  if (/^[+-]?\d+$/.test(t)) {
    const n = Number(t);
    return Number.isSafeInteger(n) && Math.abs(n) < 2 ** 31 - 1
      ? n
      : { error: `${item.id}: "${t}" is too large` };
  }
  const lower = t.toLowerCase();
  for (const o of item.options) {
    if (o.label.toLowerCase() === lower || o.aliases?.includes(lower)) return o.value;
  }
  const accepted = item.options.flatMap((o) => o.aliases ?? []);
  return {
    error:
      `${item.id} (${item.label}): "${t}" is not a valid answer ` +
      `(expected a number${accepted.length ? ` or one of ${accepted.join('/')}` : ''})`,
  };
}

function normaliseValue(item: ItemDefinition, a: AnswerValue): number | { error: string } {
  if (a === null || a === undefined) return MISSING;
  if (typeof a === 'boolean') {
    const isYesNo = item.options.some((o) => o.aliases?.includes('yes'));
    if (!isYesNo) return { error: `${item.id} (${item.label}): true/false is only valid for yes/no items` };
    return a ? 1 : 0;
  }
  if (typeof a === 'string') return parseAnswerText(item, a);
  if (!Number.isInteger(a) || Math.abs(a) >= 2 ** 31 - 1) {
    return { error: `${item.id} (${item.label}): ${a} is not a whole-number answer` };
  }
  return a;
}

/** Turns answers given by position or by item id into the engine's value array. */
export function normaliseAnswers(
  def: InstrumentDefinition,
  input: AnswerInput,
): { values: Int32Array; errors: ScoreError[] } {
  const values = new Int32Array(def.items.length).fill(MISSING);
  const errors: ScoreError[] = [];
  const put = (i: number, a: AnswerValue) => {
    const item = def.items[i]!;
    const n = normaliseValue(item, a);
    if (typeof n === 'number') values[i] = n;
    else errors.push({ item: item.id, message: n.error });
  };
  if (Array.isArray(input)) {
    const list = input as readonly AnswerValue[];
    if (list.length > def.items.length) {
      errors.push({
        message: `${def.id} has ${def.items.length} items (${def.items.map((i) => i.id).join(', ')}); got ${list.length} answers`,
      });
    }
    for (let i = 0; i < Math.min(list.length, def.items.length); i++) put(i, list[i]);
  } else {
    const record = input as Readonly<Record<string, AnswerValue>>;
    const index = new Map(def.items.map((it, i) => [it.id, i] as const));
    for (const key of Object.keys(record)) {
      const i = index.get(key);
      if (i === undefined) errors.push({ item: key, message: `${def.id} has no item "${key}"` });
      else put(i, record[key]);
    }
  }
  return { values, errors };
}
