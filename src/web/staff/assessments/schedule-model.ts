import type { Schedule } from '../../../contracts/measurement';
import type { DueStatus } from '../../../domain/measurement/index';
import { localInputToIso } from './measurement-api';

const dayMs = 86_400_000;

/** How each due status reads in the patient's schedule ("done" rather than "completed"). */
export const dueStatusLabels: Record<DueStatus, string> = {
  completed: 'done',
  upcoming: 'upcoming',
  due: 'due',
  overdue: 'overdue',
  missed: 'missed',
};

/** Missed questionnaires stay listed for two weeks after they closed, then drop off the schedule. */
export function visibleDueItems(due: Schedule['due'], now: number): Schedule['due'] {
  return due.filter((d) => d.status !== 'missed' || Date.parse(d.closesAt) > now - 14 * dayMs);
}

/** Maintenance starts at 09:00 on the chosen date, or four weeks from now when none was chosen. */
export function maintenanceStartIso(maintenanceFrom: string, now: number): string {
  return maintenanceFrom
    ? localInputToIso(`${maintenanceFrom}T09:00`)
    : new Date(now + 28 * dayMs).toISOString();
}

/** New infusion dates are numbered after the ones already entered. */
export function nextInfusionLabel(anchorCount: number): string {
  return `Infusion ${anchorCount + 1}`;
}

/** The "· responsible: …" suffix of a plan's heading; empty when any clinician may act. */
export function responsibleSuffix(
  clinicians: Schedule['clinicians'],
  responsibleClinicianId: string | null,
): string {
  if (!responsibleClinicianId) return '';
  const name = clinicians.find((c) => c.id === responsibleClinicianId)?.displayName ?? 'clinician';
  return ` · responsible: ${name}`;
}
