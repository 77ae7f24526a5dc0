import type { EnrolmentView, FormItem, FormStatus, FormsDueItem } from './rems-api';

/** Words for the REMS screens, and the pure steps of the monitoring form page (grouping, what to save). */

export const formStatusLabels: Record<FormStatus, string> = {
  submitted: 'Submitted',
  due: 'Due',
  due_today: 'Due today',
  overdue: 'Overdue',
};

export const enrolmentStatusLabels: Record<EnrolmentView['status'], string> = {
  enrolled: 'Enrolled',
  not_enrolled: 'Not enrolled',
  unknown: 'Not recorded',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 days left", "due today", "2 days overdue" — the deadline in words, never by colour alone. */
export function daysLeftText(status: FormStatus, daysLeft: number): string {
  if (status === 'submitted') return 'submitted';
  if (status === 'overdue') return `${plural(Math.max(1, -daysLeft), 'day')} overdue`;
  if (status === 'due_today' || daysLeft <= 0) return 'due today';
  return `${plural(daysLeft, 'day')} left`;
}

const statusOrder: Record<FormsDueItem['status'], number> = { overdue: 0, due_today: 1, due: 2 };

/** Overdue first, then due today, then due; the nearest deadline first within each, then by name. */
export function sortFormsDue(items: readonly FormsDueItem[]): FormsDueItem[] {
  return [...items].sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.patientName.localeCompare(b.patientName),
  );
}

/** The form's items under their section titles, in the template's order. */
export function itemsBySection(items: readonly FormItem[]): [string, FormItem[]][] {
  const sections = new Map<string, FormItem[]>();
  for (const item of items) sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
  return [...sections];
}

/** Staff complete what the chart does not fill. */
export const staffEditable = (item: FormItem) => item.origin !== 'chart';

/** What staff see in the editable items: the saved value, or blank. */
export function draftOf(items: readonly FormItem[]): Record<string, string> {
  return Object.fromEntries(items.filter(staffEditable).map((i) => [i.id, i.value ?? '']));
}

/** Only the values staff changed since the form was read (a blank clears a saved value). */
export function changedValues(
  items: readonly FormItem[],
  draft: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items.filter(staffEditable)) {
    const value = (draft[item.id] ?? '').trim();
    if (value !== (item.value ?? '')) out[item.id] = value;
  }
  return out;
}

/** A missing item by its label ("values.sedation" or "sedation" → the item's label). */
export function missingLabel(field: string, items: readonly FormItem[]): string {
  const id = field.split('.').at(-1) ?? field;
  const item = items.find((i) => i.id === id);
  return item ? `${item.section}: ${item.label}` : id.replace(/_/g, ' ');
}

/** The item a missing-field line names, for a link to its input; undefined when it names none. */
export function missingItemId(field: string, items: readonly FormItem[]): string | undefined {
  const id = field.split('.').at(-1) ?? field;
  return items.some((i) => i.id === id) ? id : undefined;
}

/** "Due by Jan 9, 2030", "Overdue: was due Jan 9, 2030" — the status with its date, in words. */
export function formStatusText(status: FormStatus, dueOnText: string): string {
  switch (status) {
    case 'submitted':
      return 'Submitted';
    case 'due':
      return `Due by ${dueOnText}`;
    case 'due_today':
      return `Due today (${dueOnText})`;
    case 'overdue':
      return `Overdue: was due ${dueOnText}`;
  }
}

/** A template typed or pasted as JSON: its definition, or why it cannot be sent. */
export function parseTemplateJson(text: string): { definition: Record<string, unknown> } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `This is not valid JSON: ${(e as Error).message}` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return { error: 'The template must be a JSON object (with version, title, submission and sections).' };
  return { definition: parsed as Record<string, unknown> };
}
