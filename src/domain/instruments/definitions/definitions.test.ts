import { describe, expect, it } from 'vitest';
import { compileScorer } from '../score';
import type { CodeRef, InstrumentDefinition } from '../types';
import { INSTRUMENT_DEFINITIONS } from './index';

/**
 * Every LOINC code the clinical source register records (docs/clinical-sources.md#phq9-codes, #gad7-codes,
 * #pcl5-scoring), with its tag there. Nothing outside this list may appear.
 */
const REGISTER_CODES: Record<string, CodeRef['provenance'][]> = {
  // PHQ-9 [primary]
  ...Object.fromEntries(
    [
      '44249-1',
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
      '44261-6',
      '69722-7',
      'LA6572-7',
      'LA6573-5',
      'LA6575-0',
      'LA6574-3',
      'LA6568-5',
      'LA6569-3',
      'LA6570-1',
      'LA6571-9',
    ].map((c) => [c, ['primary']]),
  ),
  // GAD-7: panel/total consistent across repositories; items by majority mapping; 6 and 7 disputed.
  ...Object.fromEntries(
    ['69737-5', '70274-6', '69725-0', '68509-9', '69733-4', '69734-2', '69735-9'].map((c) => [
      c,
      ['secondary'],
    ]),
  ),
  '69689-8': ['unverified'],
  '69736-7': ['unverified'],
  // PCL-5 total: one third-party repository only.
  '91006-2': ['unverified'],
};

function codesOf(def: InstrumentDefinition): CodeRef[] {
  return [
    def.panelCode,
    def.total?.code,
    ...(def.subscales ?? []).map((s) => s.code),
    ...def.items.flatMap((i) => [i.code, ...i.options.map((o) => o.code)]),
  ].filter((c): c is CodeRef => c !== undefined);
}

describe.each(INSTRUMENT_DEFINITIONS.map((d) => [d.id, d] as const))('%s definition', (_id, def) => {
  it('compiles with its default settings', () => {
    expect(compileScorer(def.id).ok).toBe(true);
  });

  it('uses only LOINC codes from the clinical source register, with the same confidence tag', () => {
    for (const code of codesOf(def)) {
      expect(REGISTER_CODES[code.code], `${code.code} is not in docs/clinical-sources.md`).toBeDefined();
      expect(REGISTER_CODES[code.code]).toContain(code.provenance);
    }
  });

  it('stores item wording only when the licence allows it', () => {
    const allowed = def.licence.status === 'public-domain' || def.licence.status === 'not-copyrighted';
    expect(def.licence.wordingStored).toBe(allowed);
    if (!def.licence.wordingStored) {
      expect(def.stem).toBeUndefined();
      for (const item of def.items) expect(item.text, item.id).toBeUndefined();
    }
  });

  it('has unique item ids and option values', () => {
    expect(new Set(def.items.map((i) => i.id)).size).toBe(def.items.length);
    for (const item of def.items)
      expect(new Set(item.options.map((o) => o.value)).size).toBe(item.options.length);
  });

  it('sums only items that must be answered', () => {
    for (const scale of [def.total, ...(def.subscales ?? [])]) {
      if (!scale || scale.expression.kind !== 'sum') continue;
      for (const term of scale.expression.terms) {
        for (const id of 'item' in term ? [term.item] : term.max) {
          const item = def.items.find((i) => i.id === id)!;
          expect(item.required !== false && !item.enableWhen && item.scored !== false, id).toBe(true);
        }
      }
    }
  });

  it('starts its bands at the scale minimum, in increasing order', () => {
    const c = def.classification;
    if (!c || c.kind !== 'bands') return;
    const scale = c.on === 'total' ? def.total : def.subscales?.find((s) => s.id === c.on);
    const mins = c.bands.map((b) =>
      typeof b.min === 'number'
        ? b.min
        : (def.settings.find((s) => s.key === (b.min as { setting: string }).setting)!.default as number),
    );
    expect(mins[0]).toBe(scale!.range[0]);
    for (let i = 1; i < mins.length; i++) expect(mins[i]!).toBeGreaterThan(mins[i - 1]!);
    expect(mins[mins.length - 1]!).toBeLessThanOrEqual(scale!.range[1]);
  });

  it('cites a clinical source register entry for every flag, setting and band rule', () => {
    const citations = [
      ...def.flags.map((f) => f.citation),
      ...def.settings.map((s) => s.citation),
      ...def.citations,
      def.licence.citation,
    ];
    for (const c of citations) expect(c.section).toMatch(/^docs\/clinical-sources\.md#[a-z0-9-]+$/);
  });

  it('keeps settings defaults inside their own bounds', () => {
    for (const s of def.settings) {
      if (s.kind === 'number') {
        expect(s.default).toBeGreaterThanOrEqual(s.min);
        expect(s.default).toBeLessThanOrEqual(s.max);
      }
      if (s.kind === 'item-list') for (const item of s.default) expect(s.allowed).toContain(item);
    }
  });
});
