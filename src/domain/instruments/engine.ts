import { compileItem, createCheck, meanRequirements } from './answer-check';
import { compileClassification, compileCondition, compileExpression } from './compile-rules';
import type { CompiledInstrument, CondFn, Evaluation, ScoreFn, Values } from './compiled-instrument';
import { scoreResult } from './score-details';
import type { Condition, InstrumentDefinition, ResolvedSetting, ScaleDefinition } from './types';

/**
 * The one scoring engine. It compiles a definition (plus resolved settings) into index-based closures so the
 * same code serves a single API call and the million-row CSV path; the CSV path just skips building details.
 *
 * The pieces live beside it: settings (resolve-settings.ts), rule closures (compile-rules.ts), validation
 * (answer-check.ts), rule texts (describe-rules.ts), explained results (score-details.ts) and answer
 * parsing (normalise-answers.ts). This file re-exports what the rest of the library uses.
 */

export { MISSING, type CompiledInstrument, type Evaluation } from './compiled-instrument';
export { resolveSettings } from './resolve-settings';
export { describeBands, describeCondition, describeExpression, describeThreshold } from './describe-rules';
export { normaliseAnswers, parseAnswerText } from './normalise-answers';

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
  const items = def.items.map((item) => compileItem(item, idx));

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
  const check = createCheck(items, meanRequirements(scales, idx), itemIds);

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
    result(v: Values) {
      const ev = newEvaluation();
      evaluate(v, ev);
      return scoreResult(compiled, bandScale, v, ev);
    },
  };
  return compiled;
}
