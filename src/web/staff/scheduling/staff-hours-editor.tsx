import { useState, type FormEvent } from 'react';
import type { StaffScheduleView } from '../../../contracts/scheduling';
import { apiPut, fieldErrors } from '../api-client';
import { SelectField } from '../ui/select-field';
import { HoursRowsEditor } from './hours-rows-editor';
import { schedulingPaths } from './scheduling-api';
import { rowErrors, scheduleRoleOptions, sortHours, type HoursRow } from './setup-model';
import type { SchedulingWrite } from './use-scheduling-write';

interface StaffHoursEditorProps {
  member: StaffScheduleView;
  write: SchedulingWrite;
  onDone: () => void;
}

/** A nurse's or clinician's scheduling role and weekly hours. */
export function StaffHoursEditor({ member, write, onDone }: StaffHoursEditorProps) {
  const roles = scheduleRoleOptions(member.userRole);
  const [role, setRole] = useState(member.role ?? roles[0]?.value ?? 'nurse');
  const [rows, setRows] = useState<HoursRow[]>(sortHours(member.hours));
  const errors = write.last === `staff:${member.user.id}` ? fieldErrors(write.error, ['body']) : {};
  const name = member.user.label;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await write.run(
      `staff:${member.user.id}`,
      () => apiPut(schedulingPaths.staff(member.user.id), { role, hours: sortHours(rows) }),
      () => `Saved the hours of ${name}.`,
    );
    if (saved) onDone();
  };

  return (
    <form
      className="sched-form hours-editor"
      onSubmit={save}
      aria-label={`Working hours of ${name}`}
      noValidate
    >
      <SelectField
        label="Scheduling role"
        value={role}
        options={roles}
        onChange={(value) => setRole(value as typeof role)}
        error={errors.role}
      />
      <HoursRowsEditor
        rows={rows}
        onChange={setRows}
        errors={rowErrors(errors, 'hours')}
        emptyText={`No working hours: ${name} is not booked.`}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={write.busy !== undefined}>
          Save hours
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
