import type { StaffScheduleView } from '../../../contracts/scheduling';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { weekdayNames, toggleWeekday } from './slot-groups';

export interface SlotFilterState {
  from: string;
  days: number;
  weekdays: number[];
  earliest: string;
  latest: string;
  clinicianId: string;
}

interface SlotFiltersProps {
  value: SlotFilterState;
  onChange: (value: SlotFilterState) => void;
  /** Clinicians to choose from, when the type books one. */
  clinicians: readonly StaffScheduleView[] | undefined;
}

const dayOptions = [3, 7, 14, 31].map((n) => ({ value: String(n), label: `${n} days` }));

/** Where to look for free times: from a date for some days, on some weekdays, between two times. */
export function SlotFilters({ value, onChange, clinicians }: SlotFiltersProps) {
  const set = (change: Partial<SlotFilterState>) => onChange({ ...value, ...change });
  return (
    <fieldset className="slot-filters">
      <legend>Look for free times</legend>
      <div className="grid grid--compact">
        <TextField label="From" type="date" value={value.from} onChange={(from) => set({ from })} />
        <SelectField
          label="Search"
          value={String(value.days)}
          options={dayOptions}
          onChange={(days) => set({ days: Number(days) })}
        />
        <TextField
          label="Earliest start"
          type="time"
          value={value.earliest}
          onChange={(earliest) => set({ earliest })}
        />
        <TextField
          label="Latest start"
          type="time"
          value={value.latest}
          onChange={(latest) => set({ latest })}
        />
        {clinicians ? (
          <SelectField
            label="Clinician"
            value={value.clinicianId}
            options={[
              { value: '', label: 'Any clinician' },
              ...clinicians.map((c) => ({ value: c.user.id, label: c.user.label })),
            ]}
            onChange={(clinicianId) => set({ clinicianId })}
          />
        ) : null}
      </div>
      <fieldset className="weekday-choice">
        <legend>Days of the week (none ticked: any day)</legend>
        {weekdayNames.map((d) => (
          <label key={d.value}>
            <input
              type="checkbox"
              checked={value.weekdays.includes(d.value)}
              onChange={(event) =>
                set({ weekdays: toggleWeekday(value.weekdays, d.value, event.target.checked) })
              }
            />{' '}
            <span aria-hidden="true">{d.short}</span>
            <span className="visually-hidden">{d.long}</span>
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
