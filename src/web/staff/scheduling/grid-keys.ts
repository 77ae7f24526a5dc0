import { minutesOfDay } from './wall-time';

/**
 * Arrow-key movement between the day grid's blocks: up and down within a room's column, left and right to
 * the block nearest in time in the next column that has any, Home and End to a column's first and last.
 */
export function neighbour(
  columns: readonly { items: readonly { localStart: string }[] }[],
  at: { column: number; index: number },
  key: string,
): { column: number; index: number } | undefined {
  const items = columns[at.column]?.items ?? [];
  switch (key) {
    case 'ArrowDown':
      return at.index + 1 < items.length ? { column: at.column, index: at.index + 1 } : undefined;
    case 'ArrowUp':
      return at.index > 0 ? { column: at.column, index: at.index - 1 } : undefined;
    case 'Home':
      return items.length ? { column: at.column, index: 0 } : undefined;
    case 'End':
      return items.length ? { column: at.column, index: items.length - 1 } : undefined;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowRight' ? 1 : -1;
      const from = items[at.index];
      if (!from) return undefined;
      const minute = minutesOfDay(from.localStart);
      for (let c = at.column + step; c >= 0 && c < columns.length; c += step) {
        const list = columns[c]!.items;
        if (list.length === 0) continue;
        let best = 0;
        list.forEach((item, i) => {
          const d = Math.abs(minutesOfDay(item.localStart) - minute);
          if (d < Math.abs(minutesOfDay(list[best]!.localStart) - minute)) best = i;
        });
        return { column: c, index: best };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

export const gridKey = (column: number, index: number) => `${column}:${index}`;

export function parseGridKey(key: string | undefined): { column: number; index: number } | undefined {
  const m = /^(\d+):(\d+)$/.exec(key ?? '');
  return m ? { column: Number(m[1]), index: Number(m[2]) } : undefined;
}
