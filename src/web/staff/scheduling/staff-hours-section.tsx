import { useState } from 'react';
import type { StaffScheduleView } from '../../../contracts/scheduling';
import { hoursSummary, scheduleRoleOptions } from './setup-model';
import { StaffHoursEditor } from './staff-hours-editor';
import type { SchedulingWrite } from './use-scheduling-write';
import { WriteMessages } from './write-messages';

const roleWords = { nurse: 'Nurse', clinician: 'Clinician' } as const;

/** Nurses and physicians with their scheduling role and weekly hours; one is edited at a time. */
export function StaffHoursSection({
  staff,
  write,
}: {
  staff: readonly StaffScheduleView[];
  write: SchedulingWrite;
}) {
  const [editing, setEditing] = useState<string>();
  const schedulable = staff.filter((s) => scheduleRoleOptions(s.userRole).length > 0);
  return (
    <section className="setup-section" aria-labelledby="setup-staff-title">
      <h2 id="setup-staff-title">Staff hours</h2>
      <WriteMessages write={write} prefix="staff" />
      <p className="muted">
        Nurses staff the chairs; a physician is booked as a clinician (or can staff chairs as a nurse).
        Someone without hours is never booked.
      </p>
      {schedulable.length === 0 ? (
        <p>No nurses or physicians yet. Add them under Users &amp; access.</p>
      ) : null}
      <ul className="setup-list">
        {schedulable.map((member) => (
          <li key={member.user.id} className="setup-list__item setup-list__item--block">
            <div className="setup-list__line">
              <span className="setup-list__name">{member.user.label}</span>
              <span className="muted">
                {member.role ? roleWords[member.role] : 'Not scheduled'} · {hoursSummary(member.hours)}
              </span>
              <span className="setup-list__actions">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-expanded={editing === member.user.id}
                  onClick={() => setEditing(editing === member.user.id ? undefined : member.user.id)}
                >
                  Edit hours<span className="visually-hidden"> of {member.user.label}</span>
                </button>
              </span>
            </div>
            {editing === member.user.id ? (
              <StaffHoursEditor member={member} write={write} onDone={() => setEditing(undefined)} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
