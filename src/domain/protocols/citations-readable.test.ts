import { describe, expect, it } from 'vitest';
import { readableSources } from './citations';

describe('sources as a clinician reads them', () => {
  it('names each register entry inside a source text by its title and keeps the rest', () => {
    const text = 'Domino 1984, as coded in STANPUMP; docs/clinical-sources.md#pk-domino';
    const shown = readableSources(text);
    expect(shown).toContain('Domino 1984, as coded in STANPUMP; ');
    expect(shown).toContain('Domino (racemic ketamine, 3 compartments)');
    expect(shown).not.toMatch(/docs\/|\.md|#pk-/);
  });

  it('leaves a text without repository references unchanged', () => {
    expect(readableSources('Kamp 2020 (Anesthesiology 133:1192)')).toBe(
      'Kamp 2020 (Anesthesiology 133:1192)',
    );
  });
});
