// What the reports must show for the generated history, computed from the history itself (not through
// the server's queries), so the benchmark fails loudly if a faster query answers something else.
import type { History } from './history.js';

const localDate = (timeZone: string) => {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (at: number) => format.format(new Date(at));
};

/** The administrations whose clinic-local date is in the range, in the ledger's order. */
export function expectedAdministrations(history: History, from: string, to: string, timeZone: string) {
  const dateOf = localDate(timeZone);
  return history.events
    .filter((e) => e.type === 'administer')
    .filter((e) => dateOf(e.at) >= from && dateOf(e.at) <= to)
    .map((e) => e.id);
}

/** The product's events of the range with the product's balance (µg) after each, in the ledger's order. */
export function expectedPerpetual(
  history: History,
  productKey: string,
  from: string,
  to: string,
  timeZone: string,
) {
  const dateOf = localDate(timeZone);
  const productOf = new Map(
    history.receipts.flatMap((r) => r.lines.map((l) => [l.containerId, l.productKey] as const)),
  );
  const byId = new Map(history.events.map((e) => [e.id, e]));
  let total = 0;
  const rows: { id: string; balanceAfterUg: number }[] = [];
  for (const e of history.events) {
    if (productOf.get(e.containerId) !== productKey) continue;
    if (e.type === 'receive') total += e.quantityUg;
    else if (e.type === 'administer' || e.type === 'waste' || e.type === 'return') total -= e.quantityUg;
    else if (e.type === 'adjust') total += e.deltaUg;
    else if (e.type === 'correction') {
      const original = byId.get(e.correctsEventId);
      if (original?.type === 'administer' || original?.type === 'waste') total += original.quantityUg;
      else if (original?.type === 'adjust') total -= original.deltaUg;
    }
    if (dateOf(e.at) >= from && dateOf(e.at) <= to) rows.push({ id: e.id, balanceAfterUg: total });
  }
  return rows;
}

/** Throws naming the first difference between two lists. */
export function assertSame<T>(what: string, actual: readonly T[], expected: readonly T[]) {
  const a = actual.map((x) => JSON.stringify(x));
  const e = expected.map((x) => JSON.stringify(x));
  const at = a.findIndex((x, i) => x !== e[i]);
  if (a.length !== e.length || at >= 0)
    throw new Error(
      `${what}: ${a.length} rows, expected ${e.length}; first difference at ${at}: ${a[at]} ≠ ${e[at]}`,
    );
}
