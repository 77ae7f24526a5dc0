/**
 * Checks of what a caller supplies to computeOutcomes: clinic rule overrides (which arrive as JSON, so
 * their shape is checked here) and the scores themselves. Every error names the setting or score index.
 */
import type { ScaleDefinition } from '../instruments';
import type { CitedRule, ResponseRule } from './outcome-rules';
import type { DatedScore, OutcomeError, OutcomeSettings } from './outcome-types';

/** A score with its position in the input and its parsed time (NaN when the date is not ISO). */
export interface IndexedScore extends DatedScore {
  index: number;
  time: number;
}

export function settingsErrors(
  settings: OutcomeSettings,
  defaultResponse: CitedRule<ResponseRule> | null,
): OutcomeError[] {
  const errors: OutcomeError[] = [];
  for (const key of ['baseline', 'response', 'remission', 'relapse'] as const) {
    const p = ruleProblem(key, settings[key]);
    if (p) errors.push({ setting: key, message: p });
  }
  if (settings.relapse && !(settings.response ?? defaultResponse)) {
    errors.push({ setting: 'relapse', message: 'relapse (loss of response) needs a response rule' });
  }
  return errors;
}

/** Scores whose date is not ISO or whose value lies outside the scale's range, and an empty series. */
export function seriesErrors(
  dated: readonly IndexedScore[],
  instrument: string,
  scale: ScaleDefinition,
): OutcomeError[] {
  const errors: OutcomeError[] = [];
  const [lo, hi] = scale.range;
  for (const s of dated) {
    if (Number.isNaN(s.time))
      errors.push({ index: s.index, message: `score ${s.index}: "${s.date}" is not an ISO date` });
    if (typeof s.value !== 'number' || !Number.isFinite(s.value) || s.value < lo || s.value > hi) {
      errors.push({
        index: s.index,
        message: `score ${s.index}: ${s.value} is outside ${instrument} ${scale.id} ${lo}–${hi}`,
      });
    }
  }
  if (dated.length === 0) errors.push({ message: 'the series is empty: at least one score is needed' });
  return errors;
}

/** Why a rule override is unusable, or null; null and undefined are valid (off, and the default). */
function ruleProblem(name: string, r: unknown): string | null {
  if (r === null || r === undefined) return null;
  if (typeof r !== 'object') return `${name} must be a rule object or null`;
  const rule = r as Record<string, unknown>;
  const numeric = (k: string) => typeof rule[k] === 'number' && Number.isFinite(rule[k]);
  switch (`${name}:${String(rule.kind)}`) {
    case 'response:percent-reduction':
      return numeric('atLeast') && (rule.atLeast as number) > 0 && (rule.atLeast as number) <= 100
        ? null
        : 'response.atLeast must be a percentage in (0, 100]';
    case 'response:point-reduction':
      return numeric('atLeast') && (rule.atLeast as number) > 0
        ? null
        : 'response.atLeast must be > 0 points';
    case 'remission:below':
    case 'remission:at-most':
      return numeric('value') ? null : 'remission.value must be a number';
    case 'relapse:loss-of-response':
      return null;
    case 'baseline:first':
      return null;
    case 'baseline:last-on-or-before':
      return typeof rule.date === 'string' && !Number.isNaN(Date.parse(rule.date))
        ? null
        : 'baseline.date must be an ISO date';
    default:
      return `unknown ${name} rule kind "${String(rule.kind)}"`;
  }
}
