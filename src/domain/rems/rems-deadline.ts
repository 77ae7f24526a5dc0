/**
 * When a Patient Monitoring Form is due: within 7 days of the treatment (the template's `withinDays`;
 * docs/clinical-sources.md#spravato-rems), counted in calendar days from the clinic-local treatment date.
 * A form is "due today" on its last day and "overdue" after it.
 */

export type FormDueStatus = 'submitted' | 'due' | 'due_today' | 'overdue';

const DAY_MS = 86_400_000;
const toDays = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDays = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

export function formDueOn(treatmentDate: string, withinDays: number): string {
  return fromDays(toDays(treatmentDate) + withinDays);
}

export function formDueStatus(dueOn: string, today: string, submitted: boolean): FormDueStatus {
  if (submitted) return 'submitted';
  const left = toDays(dueOn) - toDays(today);
  if (left < 0) return 'overdue';
  return left === 0 ? 'due_today' : 'due';
}

/** Days left until the form is due (negative: days overdue). */
export function daysLeft(dueOn: string, today: string): number {
  return toDays(dueOn) - toDays(today);
}
