/**
 * The ledger's events are hash-chained the way the audit trail is: each stored event carries the hash of
 * the one before it and its own hash, SHA-256 in hex of the previous hash followed by the event's
 * canonical JSON. Changing, removing or reordering any stored event breaks every link after it.
 *
 * Domain code also runs in the browser, so the hash function is passed in (`(text) => hex`); the server
 * gives it Node's SHA-256. The canonical form is defined here: keys sorted at every level, `undefined`
 * members left out, and only whole numbers (quantities are integers in µg, instants in epoch ms), because
 * the text of a fractional number is not the same in every language and database.
 */

export type HashText = (text: string) => string;

/** The previous hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level; throws on a fractional or non-finite number. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new TypeError(`canonical JSON holds whole numbers only, not ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** The hash of an event that follows `previousHash`. */
export function chainHash(previousHash: string, event: unknown, hash: HashText): string {
  return hash(previousHash + canonicalJson(event));
}

/** An event as stored: its content, the hash it follows and its own hash. */
export interface ChainedEvent<E = unknown> {
  event: E;
  prevHash: string;
  hash: string;
}

/** Hashes a list of events into chain links, starting from `start` (the genesis hash by default). */
export function chainEvents<E>(
  events: readonly E[],
  hash: HashText,
  start = GENESIS_HASH,
): ChainedEvent<E>[] {
  let prev = start;
  return events.map((event) => {
    const link = { event, prevHash: prev, hash: chainHash(prev, event, hash) };
    prev = link.hash;
    return link;
  });
}

export type ChainBreak = {
  /** Position of the first broken link in the list. */
  index: number;
  /**
   * 'prev_hash': the link does not point at the hash before it (a link removed, inserted or reordered);
   * 'hash': the stored hash is not the hash of the stored event (the event or its hash was changed);
   * 'not_canonical': the event holds something canonical JSON cannot (a fractional number).
   */
  reason: 'prev_hash' | 'hash' | 'not_canonical';
};

export type ChainVerdict = { ok: true; head: string; length: number } | ({ ok: false } & ChainBreak);

/** Checks every link in order from `start`; returns the head hash or the first broken link. */
export function verifyChain(
  links: readonly ChainedEvent[],
  hash: HashText,
  start = GENESIS_HASH,
): ChainVerdict {
  let prev = start;
  for (let index = 0; index < links.length; index++) {
    const link = links[index]!;
    if (link.prevHash !== prev) return { ok: false, index, reason: 'prev_hash' };
    let expected: string;
    try {
      expected = chainHash(prev, link.event, hash);
    } catch {
      return { ok: false, index, reason: 'not_canonical' };
    }
    if (link.hash !== expected) return { ok: false, index, reason: 'hash' };
    prev = link.hash;
  }
  return { ok: true, head: prev, length: links.length };
}
