import type { PmfChartKey, PmfItem, PmfTemplate } from './pmf-template.js';

/**
 * The form filled from the chart: each item's value and where it came from (the chart, staff, or
 * nothing yet). A chart value is never overwritten by staff; an item the chart cannot fill takes what
 * staff entered. Values are strings as the form prints them ("Yes"/"No", "128/82", "2026-12-03").
 */

export type PmfValue = string | null;
export type PmfChart = Partial<Record<PmfChartKey, PmfValue>>;

export interface FilledItem {
  id: string;
  label: string;
  section: string;
  kind: PmfItem['kind'];
  required: boolean;
  unverified: boolean;
  origin: 'chart' | 'staff' | 'missing';
  value: PmfValue;
}

export interface Problem {
  field: string;
  message: string;
}

export function fillPmf(template: PmfTemplate, chart: PmfChart, staff: Record<string, string>): FilledItem[] {
  return template.sections.flatMap((section) =>
    section.items.map((item) => {
      const fromChart = item.fill ? (chart[item.fill] ?? null) : null;
      const fromStaff = staff[item.id]?.trim() || null;
      const value = item.fill ? fromChart : fromStaff;
      return {
        id: item.id,
        label: item.label,
        section: section.title,
        kind: item.kind,
        required: item.required,
        unverified: item.unverified,
        origin: value === null ? 'missing' : item.fill ? 'chart' : 'staff',
        value,
      };
    }),
  );
}

const YES_NO = ['Yes', 'No'];
const BP = /^(\d{2,3})\/(\d{2,3})$/;

function valueProblem(item: PmfItem, value: string): string | null {
  switch (item.kind) {
    case 'yes_no':
      return YES_NO.includes(value) ? null : 'must be Yes or No';
    case 'choice':
      return item.options!.includes(value) ? null : `must be one of: ${item.options!.join(', ')}`;
    case 'number':
      return /^\d{1,4}$/.test(value) ? null : 'must be a whole number';
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'must be a date (YYYY-MM-DD)';
    case 'blood_pressure':
      return BP.test(value) ? null : 'must be systolic/diastolic, e.g. 128/82';
    case 'text':
      return value.length <= 200 ? null : 'must be at most 200 characters';
  }
}

/** Checks what staff enter: only items the chart does not fill, each value of its item's kind. */
export function checkStaffValues(template: PmfTemplate, values: Record<string, string>): Problem[] {
  const items = new Map(template.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const problems: Problem[] = [];
  for (const [id, raw] of Object.entries(values)) {
    const item = items.get(id);
    if (!item) problems.push({ field: id, message: 'is not an item of this form' });
    else if (item.fill)
      problems.push({ field: id, message: 'is filled from the chart; correct the chart instead' });
    else if (raw.trim() !== '') {
      const problem = valueProblem(item, raw.trim());
      if (problem) problems.push({ field: id, message: problem });
    }
  }
  return problems;
}

/** Required items still empty: the form cannot be marked submitted until they are filled. */
export function missingItems(filled: readonly FilledItem[]): Problem[] {
  return filled
    .filter((i) => i.required && i.value === null)
    .map((i) => ({ field: i.id, message: 'is required' }));
}
