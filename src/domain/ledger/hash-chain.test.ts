import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainEvents, chainHash, GENESIS_HASH, verifyChain } from './hash-chain.js';
import { administer, receive } from './ledger.test-helper.js';
import { sha256Hex } from './sha256.test-helper.js';

async function webCryptoHex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('the test SHA-256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180 vector for %j', (text, hex) => expect(sha256Hex(text)).toBe(hex));

  it('matches WebCrypto on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (text) => {
        expect(sha256Hex(text)).toBe(await webCryptoHex(text));
      }),
      { numRuns: 100 },
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":"x","z":null}]},"b":1}',
    );
  });

  it('is the same whatever order the keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('refuses the number %s', (n) => {
    expect(() => canonicalJson({ quantityUg: n })).toThrow(TypeError);
  });
});

describe('chainHash and verifyChain', () => {
  const events = [
    receive('v1'),
    receive('v2'),
    administer('a1', 'v1', 35_000, Date.UTC(2026, 2, 2, 15)),
    administer('a2', 'v1', 20_000, Date.UTC(2026, 2, 2, 16)),
  ];

  it('is SHA-256 of the previous hash followed by the canonical JSON', async () => {
    const first = chainHash(GENESIS_HASH, events[0], sha256Hex);
    expect(first).toBe(await webCryptoHex(GENESIS_HASH + canonicalJson(events[0])));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an untouched chain and returns its head', () => {
    const links = chainEvents(events, sha256Hex);
    expect(verifyChain(links, sha256Hex)).toEqual({ ok: true, head: links[3]!.hash, length: 4 });
    expect(verifyChain([], sha256Hex)).toEqual({ ok: true, head: GENESIS_HASH, length: 0 });
  });

  it('names the first broken link: a changed event, a removed one, a reordering, a fraction', () => {
    const links = chainEvents(events, sha256Hex);
    const changed = links.map((l, i) =>
      i === 2 ? { ...l, event: { ...events[2]!, quantityUg: 3_500 } } : l,
    );
    expect(verifyChain(changed, sha256Hex)).toEqual({ ok: false, index: 2, reason: 'hash' });
    expect(verifyChain([links[0]!, links[2]!, links[3]!], sha256Hex)).toEqual({
      ok: false,
      index: 1,
      reason: 'prev_hash',
    });
    expect(verifyChain([links[1]!, links[0]!], sha256Hex)).toEqual({
      ok: false,
      index: 0,
      reason: 'prev_hash',
    });
    const fraction = links.map((l, i) => (i === 1 ? { ...l, event: { ...events[1]!, quantityUg: 0.5 } } : l));
    expect(verifyChain(fraction, sha256Hex)).toEqual({ ok: false, index: 1, reason: 'not_canonical' });
  });

  it('finds any single changed event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 1_000 }), (i, q) => {
        const links = chainEvents(events, sha256Hex);
        const tampered = links.map((l, j) =>
          j === i
            ? { ...l, event: { ...(l.event as object), quantityUg: (events[j]!.quantityUg ?? 0) + q } }
            : l,
        );
        expect(verifyChain(tampered, sha256Hex)).toEqual({ ok: false, index: i, reason: 'hash' });
      }),
    );
  });

  it('continues from an anchor other than the genesis hash', () => {
    const start = sha256Hex('anchor');
    const links = chainEvents(events, sha256Hex, start);
    expect(verifyChain(links, sha256Hex, start).ok).toBe(true);
    expect(verifyChain(links, sha256Hex)).toMatchObject({ ok: false, index: 0 });
  });
});
