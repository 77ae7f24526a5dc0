import { compileInstrument, normaliseAnswers, resolveSettings, type CompiledInstrument } from './engine';
import { getInstrument, INSTRUMENT_IDS } from './registry';
import type { AnswerInput, ScoreError, ScoreOutcome, SettingsInput } from './types';

// Compiling is cheap but not free; the default-settings compilation of each instrument is reused.
const defaultCompiled = new Map<string, CompiledInstrument>();

/**
 * The compiled scorer for an instrument and settings, for callers that score many responses (CSV import,
 * benchmarks). Errors name the unknown instrument or the offending setting.
 */
export function compileScorer(
  instrumentId: string,
  settings?: SettingsInput,
): { ok: true; scorer: CompiledInstrument } | { ok: false; errors: ScoreError[] } {
  const def = getInstrument(instrumentId);
  if (!def) {
    return {
      ok: false,
      errors: [{ message: `unknown instrument "${instrumentId}" (known: ${INSTRUMENT_IDS.join(', ')})` }],
    };
  }
  const useDefault = !settings || Object.values(settings).every((v) => v === undefined);
  if (useDefault) {
    const cached = defaultCompiled.get(instrumentId);
    if (cached) return { ok: true, scorer: cached };
  }
  const resolved = resolveSettings(def, settings);
  if (!resolved.ok) return resolved;
  const scorer = compileInstrument(def, resolved.settings);
  if (useDefault) defaultCompiled.set(instrumentId, scorer);
  return { ok: true, scorer };
}

/**
 * Scores one response. Answers are given in item order (array) or by item id (object); blank, null or
 * undefined means unanswered. Missing required or out-of-range answers are errors naming the item — they are
 * never counted as zero. The result carries the formula, inputs, rule texts and settings that produced it.
 */
export function scoreResponse(
  instrumentId: string,
  answers: AnswerInput,
  settings?: SettingsInput,
): ScoreOutcome {
  const compiled = compileScorer(instrumentId, settings);
  if (!compiled.ok) return compiled;
  const { scorer } = compiled;
  const { values, errors } = normaliseAnswers(scorer.def, answers);
  // Report type problems and range/missing problems together, one entry per item.
  const rangeErrors: ScoreError[] = [];
  const typed = new Set(errors.map((e) => e.item));
  if (!scorer.check(values, rangeErrors) || errors.length > 0) {
    return { ok: false, errors: [...errors, ...rangeErrors.filter((e) => !typed.has(e.item))] };
  }
  return { ok: true, result: scorer.result(values) };
}
