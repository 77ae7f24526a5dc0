import { describe, expect, it } from 'vitest';
import {
  ESIGN_DISCLOSURE,
  SIGNATURE_LIMITS,
  checkSignature,
  consentStatus,
  namesMatch,
  type ConsentStatusInput,
  type DrawnSignature,
  type SignatureInput,
} from './index.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const BASE: ConsentStatusInput = {
  signedAt: '2026-03-01T09:00:00Z',
  countersignedAt: '2026-03-01T09:30:00Z',
  withdrawnAt: null,
  templateCode: 'iv-ketamine',
  templateVersion: 2,
  currentVersionOfTemplate: 2,
  expiryDays: 365,
};
const status = (change: Partial<ConsentStatusInput>, now = NOW) => consentStatus({ ...BASE, ...change }, now);

describe('consentStatus', () => {
  it.each([
    ['signed and countersigned, current version', {}, 'valid'],
    ['never signed', { signedAt: null, countersignedAt: null }, 'unsigned'],
    ['signed, not countersigned', { countersignedAt: null }, 'awaiting_countersignature'],
    ['past its expiry', { expiryDays: 5 }, 'expired'],
    ['no time limit', { expiryDays: null, signedAt: '2000-01-01T00:00:00Z' }, 'valid'],
    ['a newer version is current', { currentVersionOfTemplate: 3 }, 'superseded'],
    ['withdrawn', { withdrawnAt: '2026-03-05T00:00:00Z' }, 'withdrawn'],
  ] as const)('%s → %s', (_, change, expected) => {
    expect(status(change)).toBe(expected);
  });

  it('follows the precedence withdrawn > superseded > expired > awaiting_countersignature > valid', () => {
    const all = {
      withdrawnAt: '2026-03-05T00:00:00Z',
      currentVersionOfTemplate: 3,
      expiryDays: 1,
      countersignedAt: null,
    };
    expect(status(all)).toBe('withdrawn');
    expect(status({ ...all, withdrawnAt: null })).toBe('superseded');
    expect(status({ ...all, withdrawnAt: null, currentVersionOfTemplate: 2 })).toBe('expired');
    expect(status({ ...all, withdrawnAt: null, currentVersionOfTemplate: 2, expiryDays: null })).toBe(
      'awaiting_countersignature',
    );
  });

  it('calls an unsigned old version superseded and an unsigned withdrawn one withdrawn', () => {
    expect(status({ signedAt: null, countersignedAt: null, currentVersionOfTemplate: 3 })).toBe('superseded');
    expect(status({ signedAt: null, countersignedAt: null, withdrawnAt: '2026-03-02T00:00:00Z' })).toBe(
      'withdrawn',
    );
  });

  it('expires exactly expiryDays × 24 hours after the patient signed', () => {
    const signedAt = '2026-03-01T09:00:00Z';
    expect(status({ signedAt, expiryDays: 7 }, new Date('2026-03-08T08:59:59.999Z'))).toBe('valid');
    expect(status({ signedAt, expiryDays: 7 }, new Date('2026-03-08T09:00:00Z'))).toBe('expired');
  });

  it('answers "as of" now: times after now have not happened yet', () => {
    expect(status({ withdrawnAt: '2026-04-01T00:00:00Z' })).toBe('valid');
    expect(status({ countersignedAt: '2026-04-01T00:00:00Z' })).toBe('awaiting_countersignature');
    expect(status({ signedAt: '2026-04-01T00:00:00Z', countersignedAt: null })).toBe('unsigned');
  });

  it('compares instants, not strings: offsets are honoured', () => {
    // 2026-03-10T13:30+02:00 is 11:30Z, before NOW (12:00Z).
    expect(status({ withdrawnAt: '2026-03-10T13:30:00+02:00' })).toBe('withdrawn');
  });

  it('refuses malformed input loudly', () => {
    expect(() => status({ signedAt: 'yesterday' })).toThrow(RangeError);
    expect(() => status({ expiryDays: 0 })).toThrow(RangeError);
    expect(() => status({ expiryDays: 1.5 })).toThrow(RangeError);
    expect(() => status({}, new Date('nonsense'))).toThrow(RangeError);
  });
});

const PAD: DrawnSignature = {
  width: 400,
  height: 150,
  strokes: [
    [
      [10, 100],
      [60, 40],
      [120, 110],
    ],
    [[200, 75]],
  ],
};
const SIGNED: SignatureInput = {
  typedName: 'Jane Patient',
  expectedName: 'Jane Patient',
  drawnSignature: PAD,
  esignConsent: true,
};
const fields = (input: Partial<SignatureInput>) => {
  const result = checkSignature({ ...SIGNED, ...input });
  return result.ok ? [] : result.problems.map((p) => p.field);
};
const strokesMessage = (drawing: DrawnSignature) => {
  const result = checkSignature({ ...SIGNED, drawnSignature: drawing });
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('checkSignature', () => {
  it('accepts a typed legal name, a drawing inside its box and ESIGN agreement', () => {
    expect(checkSignature({ ...SIGNED, typedName: '  Jane   Patient ' })).toEqual({
      ok: true,
      value: { typedName: 'Jane Patient', drawnSignature: PAD },
    });
  });

  it('matches the legal name ignoring case and spaces, not spelling', () => {
    expect(namesMatch('JANE patient', 'Jane Patient')).toBe(true);
    expect(namesMatch('MaryAnn Lee', 'Mary Ann Lee')).toBe(true);
    expect(namesMatch('Jose\u0301', 'Jos\u00e9')).toBe(true);
    expect(namesMatch('Jane Patiant', 'Jane Patient')).toBe(false);
    expect(namesMatch('   ', '')).toBe(false);
    expect(fields({ typedName: 'J. Patient' })).toEqual(['typedName']);
    expect(fields({ typedName: ' ' })).toEqual(['typedName']);
  });

  it('requires agreement to the ESIGN disclosure', () => {
    expect(fields({ esignConsent: false })).toEqual(['esignConsent']);
  });

  it('requires a drawing unless told otherwise', () => {
    expect(fields({ drawnSignature: null })).toEqual(['drawnSignature']);
    expect(fields({ drawnSignature: undefined })).toEqual(['drawnSignature']);
    expect(fields({ drawnSignature: null, requireDrawing: false })).toEqual([]);
  });

  it('reports every problem at once, each named by its field', () => {
    expect(fields({ esignConsent: false, typedName: 'Someone Else', drawnSignature: null })).toEqual([
      'esignConsent',
      'typedName',
      'drawnSignature',
    ]);
  });

  it('needs at least one stroke of two or more points', () => {
    expect(strokesMessage({ ...PAD, strokes: [] })).toEqual([
      'drawnSignature.strokes: Draw your signature in the box.',
    ]);
    expect(strokesMessage({ ...PAD, strokes: [[[5, 5]], [[6, 6]]] })).toEqual([
      'drawnSignature.strokes: Draw your signature in the box: a single dot is not enough.',
    ]);
    expect(strokesMessage({ ...PAD, strokes: [[]] })[0]).toContain('could not be read');
  });

  it('keeps the drawing inside its box, edges included', () => {
    const edge: DrawnSignature = {
      ...PAD,
      strokes: [
        [
          [0, 0],
          [400, 150],
        ],
      ],
    };
    expect(strokesMessage(edge)).toEqual([]);
    expect(
      strokesMessage({
        ...PAD,
        strokes: [
          [
            [0, 0],
            [400.5, 10],
          ],
        ],
      }),
    ).toEqual(['drawnSignature.strokes: Keep your signature inside the box.']);
    expect(
      strokesMessage({
        ...PAD,
        strokes: [
          [
            [-1, 0],
            [10, 10],
          ],
        ],
      }),
    ).toHaveLength(1);
  });

  it('checks the pad size', () => {
    expect(fields({ drawnSignature: { ...PAD, width: 0 } })).toEqual(['drawnSignature.width']);
    expect(fields({ drawnSignature: { ...PAD, height: Number.NaN } })).toEqual(['drawnSignature.height']);
    expect(fields({ drawnSignature: { ...PAD, width: SIGNATURE_LIMITS.maxPadSize + 1 } })).toEqual([
      'drawnSignature.width',
    ]);
  });

  it('bounds the size of a drawing: at most 50 strokes and 2,000 points', () => {
    const stroke = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [i % 400, 10]);
    const fifty = Array.from({ length: 50 }, () => stroke(40));
    expect(strokesMessage({ ...PAD, strokes: fifty })).toEqual([]);
    expect(strokesMessage({ ...PAD, strokes: [...fifty, stroke(2)] })[0]).toContain('more than 50 strokes');
    expect(strokesMessage({ ...PAD, strokes: [stroke(2_000)] })).toEqual([]);
    expect(strokesMessage({ ...PAD, strokes: [stroke(2_001)] })[0]).toContain('more than 2000 points');
  });

  it('refuses points that are not two finite numbers', () => {
    const bad = {
      ...PAD,
      strokes: [
        [
          [1, 2],
          [3, Number.POSITIVE_INFINITY],
        ],
      ],
    } as DrawnSignature;
    expect(strokesMessage(bad)[0]).toContain('could not be read');
    const wrongShape = {
      ...PAD,
      strokes: [
        [
          [1, 2, 3],
          [4, 5],
        ],
      ],
    } as unknown as DrawnSignature;
    expect(strokesMessage(wrongShape)[0]).toContain('could not be read');
  });
});

describe('ESIGN_DISCLOSURE', () => {
  it('states the right to paper copies, how to withdraw, and what is needed to view the records', () => {
    expect(ESIGN_DISCLOSURE).toMatch(/paper copy/);
    expect(ESIGN_DISCLOSURE).toMatch(/sign any form on paper instead/);
    expect(ESIGN_DISCLOSURE).toMatch(/How to withdraw this agreement/);
    expect(ESIGN_DISCLOSURE).toMatch(/web browser/);
    expect(ESIGN_DISCLOSURE).toMatch(/PDF/);
    expect(ESIGN_DISCLOSURE).toMatch(/contact details/);
    expect(ESIGN_DISCLOSURE).not.toMatch(/\r/);
  });
});
