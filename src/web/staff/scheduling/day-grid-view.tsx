import type { CSSProperties, KeyboardEvent } from 'react';
import type { AppointmentView } from '../../../contracts/scheduling';
import { formatWallTime } from '../format';
import { AppointmentButton } from './appointment-button';
import {
  assignLanes,
  blockBox,
  hourMarks,
  nowOffset,
  rowCount,
  type DayColumn,
  type GridRange,
} from './day-grid';
import { gridKey, neighbour, parseGridKey } from './grid-keys';

interface DayGridViewProps {
  date: string;
  columns: DayColumn[];
  range: GridRange;
  /** The clinic's clock ("HH:mm") when the day is today: draws the "now" line. */
  nowClock: string | undefined;
  selectedId: string | undefined;
  onOpen: (appointment: AppointmentView) => void;
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(4)}%`;

/** Rooms as columns and the day as 15-minute rows; each appointment a block placed by its clinic times. */
export function DayGridView({ date, columns, range, nowClock, selectedId, onOpen }: DayGridViewProps) {
  const now = nowClock ? nowOffset(nowClock, range) : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const at = parseGridKey(target.dataset.gridKey);
    if (!at) return;
    const next = neighbour(columns, at, event.key);
    if (!next) return;
    event.preventDefault();
    event.currentTarget
      .querySelector<HTMLElement>(`[data-grid-key="${gridKey(next.column, next.index)}"]`)
      ?.focus();
  };

  return (
    <div
      className="day-grid-wrap"
      role="region"
      aria-label="Day by room (arrow keys move between appointments)"
      tabIndex={0}
    >
      <div className="day-grid" style={{ '--columns': columns.length } as CSSProperties}>
        <div className="day-grid__head" aria-hidden="true">
          <div className="day-grid__corner" />
          {columns.map((c) => (
            <div key={c.key} className="day-grid__room">
              {c.label}
            </div>
          ))}
        </div>
        <div
          className="day-grid__body"
          style={{ '--rows': rowCount(range) } as CSSProperties}
          onKeyDown={onKeyDown}
        >
          <div className="day-grid__times" aria-hidden="true">
            {hourMarks(range).map((m) => (
              <span key={m.clock} className="day-grid__hour" style={{ top: percent(m.offset) }}>
                {formatWallTime(m.clock)}
              </span>
            ))}
          </div>
          {columns.map((c, column) => {
            const lanes = assignLanes(c.items);
            return (
              <div key={c.key} className="day-grid__col" role="group" aria-label={c.label}>
                {c.items.map((a, index) => {
                  const box = blockBox(a, date, range);
                  const lane = lanes.get(a.id) ?? { lane: 0, lanes: 1 };
                  return (
                    <AppointmentButton
                      key={a.id}
                      appointment={a}
                      variant="block"
                      selected={a.id === selectedId}
                      onOpen={onOpen}
                      gridKey={gridKey(column, index)}
                      style={{
                        top: percent(box.top),
                        height: percent(box.height),
                        left: percent(lane.lane / lane.lanes),
                        width: percent(1 / lane.lanes),
                      }}
                    />
                  );
                })}
              </div>
            );
          })}
          {now !== undefined && nowClock ? (
            <div className="day-grid__now" style={{ top: percent(now) }}>
              <span className="visually-hidden">Now, {formatWallTime(nowClock)}</span>
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
