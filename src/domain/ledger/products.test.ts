import { describe, expect, it } from 'vitest';
import { checkProduct, DEFAULT_PRODUCTS, parseNdc, strengthLabel } from './products.js';

describe('parseNdc', () => {
  it.each([
    ['1234-5678-90', '01234-5678-90', '4-4-2'],
    ['50458-028-02', '50458-0028-02', '5-3-2'],
    ['12345-6789-1', '12345-6789-01', '5-4-1'],
    ['12345-6789-12', '12345-6789-12', '5-4-2'],
    ['50458002802', '50458-0028-02', '5-4-2'],
    [' 50458-028-03 ', '50458-0028-03', '5-3-2'],
  ])('%s → %s (%s)', (text, formatted, layout) => {
    const r = parseNdc(text);
    expect(r).toEqual({ ok: true, value: { ndc11: formatted.replace(/-/g, ''), formatted, layout } });
  });

  it.each(['5045802802', '1234-567-89', '50458-28-02', 'abcde-0028-02', '', '123456-789-0'])(
    'refuses %j',
    (text) => {
      const r = parseNdc(text, 'package.ndc');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.field).toBe('package.ndc');
    },
  );

  it('explains why an unhyphenated 10-digit NDC is refused', () => {
    const r = parseNdc('5045802802');
    expect(!r.ok && r.problems[0]!.message).toMatch(/ambiguous/);
  });
});

describe('the default catalogue', () => {
  it('passes its own check and is Schedule III', () => {
    for (const p of DEFAULT_PRODUCTS) {
      expect(checkProduct(p).ok).toBe(true);
      expect(p.schedule).toBe('III');
    }
  });

  it('marks an NDC verified only with a cited source, and invents none for the vials', () => {
    for (const p of DEFAULT_PRODUCTS) {
      if (p.ndcStatus === 'verified') {
        expect(p.ndc).not.toBeNull();
        expect(p.source.section).toMatch(/^docs\/clinical-sources\.md#/);
        expect(p.source.evidence).toBe('primary');
      } else expect(p.ndc).toBeNull();
    }
    expect(DEFAULT_PRODUCTS.filter((p) => p.substance === 'ketamine_hcl').every((p) => p.ndc === null)).toBe(
      true,
    );
  });

  it('reads the strengths', () => {
    expect(DEFAULT_PRODUCTS.map(strengthLabel)).toEqual([
      '50 mg/mL, 10 mL',
      '100 mg/mL, 5 mL',
      '28 mg/unit (0.2 mL)',
    ]);
  });
});

describe('checkProduct', () => {
  it('normalises NDCs and names bad fields', () => {
    const p = DEFAULT_PRODUCTS[0]!;
    expect(checkProduct({ ...p, ndc: '1234-5678-90' })).toMatchObject({
      ok: true,
      value: { ndc: '01234-5678-90' },
    });
    const r = checkProduct({
      ...p,
      ndc: '123',
      name: ' ',
      packages: [{ ndc: 'x', containers: 0, label: '' }],
    });
    expect(!r.ok && r.problems.map((x) => x.field)).toEqual([
      'name',
      'ndc',
      'packages[0].ndc',
      'packages[0].containers',
    ]);
    expect(checkProduct({ ...p, ndcStatus: 'verified' }).ok).toBe(false);
  });
});
