import { describe, expect, it } from 'vitest';
import { gridKey, neighbour, parseGridKey } from './grid-keys';

const at = (...clocks: string[]) => ({ items: clocks.map((c) => ({ localStart: `2030-03-05T${c}` })) });
const columns = [at('09:00', '11:00', '14:00'), at(), at('10:45', '13:00'), at('08:00')];

describe('neighbour', () => {
  it('moves up and down a column and stops at its ends', () => {
    expect(neighbour(columns, { column: 0, index: 0 }, 'ArrowDown')).toEqual({ column: 0, index: 1 });
    expect(neighbour(columns, { column: 0, index: 2 }, 'ArrowDown')).toBeUndefined();
    expect(neighbour(columns, { column: 0, index: 0 }, 'ArrowUp')).toBeUndefined();
    expect(neighbour(columns, { column: 0, index: 1 }, 'End')).toEqual({ column: 0, index: 2 });
    expect(neighbour(columns, { column: 0, index: 2 }, 'Home')).toEqual({ column: 0, index: 0 });
  });

  it('moves across to the nearest block in time, skipping empty rooms', () => {
    expect(neighbour(columns, { column: 0, index: 1 }, 'ArrowRight')).toEqual({ column: 2, index: 0 });
    expect(neighbour(columns, { column: 0, index: 2 }, 'ArrowRight')).toEqual({ column: 2, index: 1 });
    expect(neighbour(columns, { column: 2, index: 0 }, 'ArrowLeft')).toEqual({ column: 0, index: 1 });
    expect(neighbour(columns, { column: 3, index: 0 }, 'ArrowRight')).toBeUndefined();
    expect(neighbour(columns, { column: 0, index: 0 }, 'Enter')).toBeUndefined();
  });

  it('names blocks by column and index', () => {
    expect(parseGridKey(gridKey(2, 5))).toEqual({ column: 2, index: 5 });
    expect(parseGridKey(undefined)).toBeUndefined();
  });
});
