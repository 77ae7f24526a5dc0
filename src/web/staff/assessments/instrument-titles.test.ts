import { describe, expect, it } from 'vitest';
import type { InstrumentEntry } from '../../../contracts/measurement';
import { instrumentShortTitle } from './instrument-titles';

const instruments = [{ id: 'phq9', shortTitle: 'PHQ-9' }] as InstrumentEntry[];

describe('instrumentShortTitle', () => {
  it('uses the catalogue short title', () => {
    expect(instrumentShortTitle(instruments, 'phq9')).toBe('PHQ-9');
  });

  it('falls back to the id for an instrument the catalogue does not list', () => {
    expect(instrumentShortTitle(instruments, 'retired-scale')).toBe('retired-scale');
  });
});
