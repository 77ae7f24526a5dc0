import type { InstrumentDefinition, ScoreResult } from './types';

/**
 * Test-only helpers. Build answers that reach a chosen total by raising one item per sum term at a time, so
 * max-of-group terms (QIDS) are hit exactly and band-boundary tables can state totals, not answer lists.
 */
export function answersForTotal(def: InstrumentDefinition, total: number): Record<string, number> {
  const answers: Record<string, number> = {};
  for (const item of def.items) if (item.required !== false && !item.enableWhen) answers[item.id] = 0;
  const e = def.total?.expression;
  if (!e || e.kind !== 'sum') throw new Error(`${def.id} has no summed total`);
  let left = total;
  for (const term of e.terms) {
    const id = 'item' in term ? term.item : term.max[0]!;
    const item = def.items.find((i) => i.id === id)!;
    const max = Math.max(...item.options.map((o) => o.value));
    const v = Math.min(max, left);
    answers[id] = v;
    left -= v;
  }
  if (left !== 0) throw new Error(`${def.id}: total ${total} is unreachable`);
  return answers;
}

export function expectOk(
  outcome: { ok: true; result: ScoreResult } | { ok: false; errors: unknown[] },
): ScoreResult {
  if (!outcome.ok) throw new Error(`expected a result, got errors: ${JSON.stringify(outcome.errors)}`);
  return outcome.result;
}
