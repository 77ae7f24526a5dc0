import { useId, useState } from 'react';
import type { SlotView } from '../../../contracts/scheduling';
import { formatDayShort, formatWallTime } from '../format';
import { LoadState } from '../ui/load-state';
import { TextField } from '../ui/text-field';
import { useSlots } from './use-scheduling-queries';
import { isCalendarDate, wallToInstant } from './wall-time';

export type PickedTime = Pick<SlotView, 'start' | 'localStart' | 'room'>;

interface SlotPickerProps {
  legend: string;
  typeId: string;
  timeZone: string;
  date: string;
  onDate: (date: string) => void;
  value: PickedTime | undefined;
  onChange: (value: PickedTime) => void;
}

/**
 * A new time for an appointment or a session of a series: a day, then one of that day's free times (from
 * the slot search, so the instant is the server's), or a clock time typed in the clinic's time zone.
 */
export function SlotPicker({ legend, typeId, timeZone, date, onDate, value, onChange }: SlotPickerProps) {
  const name = useId();
  const [clock, setClock] = useState('');
  const [clockError, setClockError] = useState<string>();
  const valid = isCalendarDate(date);
  const slots = useSlots(valid ? { typeId, from: date, days: 1, limit: 100 } : undefined);
  const list = slots.data?.slots ?? [];

  const chooseClock = () => {
    if (!valid || !/^\d{2}:\d{2}$/.test(clock)) {
      setClockError('Enter a day and a time such as 14:30');
      return;
    }
    setClockError(undefined);
    const localStart = `${date}T${clock}`;
    onChange({ start: wallToInstant(localStart, timeZone), localStart, room: null });
  };

  return (
    <fieldset className="slot-picker">
      <legend>{legend}</legend>
      <TextField label="Day" type="date" value={date} onChange={onDate} required />
      {valid ? <LoadState loading={slots.isPending} error={slots.error} /> : null}
      {valid && slots.data ? (
        list.length === 0 ? (
          <p>No free times on {formatDayShort(date)}.</p>
        ) : (
          <div className="slot-chips" role="radiogroup" aria-label={`Free times on ${formatDayShort(date)}`}>
            {list.map((slot) => (
              <label key={slot.start} className="slot-chip">
                <input
                  type="radio"
                  name={name}
                  checked={value?.start === slot.start}
                  onChange={() => onChange(slot)}
                />
                {formatWallTime(slot.localStart)}
                {slot.room ? <span className="muted"> · {slot.room.label}</span> : null}
              </label>
            ))}
          </div>
        )
      ) : null}
      <div className="inline-add">
        <TextField
          label="Or type a time (clinic time)"
          type="time"
          value={clock}
          onChange={setClock}
          error={clockError}
          step={300}
        />
        <button type="button" className="button button--secondary" onClick={chooseClock}>
          Use this time
        </button>
      </div>
      {value ? (
        <p className="slot-picker__chosen" role="status">
          Chosen: {formatDayShort(value.localStart.slice(0, 10))}, {formatWallTime(value.localStart)}
          {value.room ? `, ${value.room.label}` : ''}
        </p>
      ) : null}
    </fieldset>
  );
}
