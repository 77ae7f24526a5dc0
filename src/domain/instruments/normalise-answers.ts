/** Turns answers as callers give them (numbers, yes/no, text; by position or by id) into engine values. */
import { MISSING } from './compiled-instrument';
import type { AnswerInput, AnswerValue, InstrumentDefinition, ItemDefinition, ScoreError } from './types';

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
