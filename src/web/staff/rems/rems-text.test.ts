import { describe, expect, it } from 'vitest';
import type { FormItem, FormsDueItem } from './rems-api';
import {
  changedValues,
  daysLeftText,
  draftOf,
  formStatusText,
  itemsBySection,
  missingItemId,
  missingLabel,
  parseTemplateJson,
  sortFormsDue,
} from './rems-text';

const item = (id: string, section: string, origin: FormItem['origin'], value: string | null): FormItem => ({
  id,
  label: id.replace(/_/g, ' '),
  section,
  kind: 'text',
  options: [],
  required: true,
  unverified: false,
  origin,
  value,
});

const items = [
  item('first_name', 'Patient', 'chart', 'Alex'),
  item('sedation', 'Monitoring', 'staff', 'No'),
  item('hcp_phone', 'Provider', 'missing', null),
  item('middle_initial', 'Patient', 'missing', null),
];

const due = (patientName: string, status: FormsDueItem['status'], dueOn: string): FormsDueItem => ({
  formId: '00000000-0000-4000-8000-000000000001',
  sessionId: '00000000-0000-4000-8000-000000000002',
  patientName,
  treatmentDate: '2030-01-01',
  dueOn,
  status,
  daysLeft: 0,
});

describe('the deadline in words', () => {
  it('counts the days left or overdue', () => {
    expect(daysLeftText('due', 3)).toBe('3 days left');
    expect(daysLeftText('due', 1)).toBe('1 day left');
    expect(daysLeftText('due_today', 0)).toBe('due today');
    expect(daysLeftText('overdue', -2)).toBe('2 days overdue');
    expect(daysLeftText('overdue', -1)).toBe('1 day overdue');
    expect(daysLeftText('submitted', 4)).toBe('submitted');
  });

  it('says the status with its date', () => {
    expect(formStatusText('due', 'Jan 9')).toBe('Due by Jan 9');
    expect(formStatusText('overdue', 'Jan 9')).toBe('Overdue: was due Jan 9');
    expect(formStatusText('submitted', 'Jan 9')).toBe('Submitted');
  });

  it('lists overdue forms first, then due today, then due, nearest deadline first', () => {
    const sorted = sortFormsDue([
      due('Cam', 'due', '2030-01-08'),
      due('Bea', 'due', '2030-01-06'),
      due('Dan', 'due_today', '2030-01-05'),
      due('Ava', 'overdue', '2030-01-03'),
    ]);
    expect(sorted.map((d) => d.patientName)).toEqual(['Ava', 'Dan', 'Bea', 'Cam']);
  });
});

describe('the monitoring form', () => {
  it('keeps the sections in the template order', () => {
    expect(itemsBySection(items).map(([title, list]) => [title, list.map((i) => i.id)])).toEqual([
      ['Patient', ['first_name', 'middle_initial']],
      ['Monitoring', ['sedation']],
      ['Provider', ['hcp_phone']],
    ]);
  });

  it('saves only what staff changed, never a chart value', () => {
    const draft = { ...draftOf(items), sedation: 'Yes', hcp_phone: ' 555-0100 ' };
    expect(draftOf(items)).toEqual({ sedation: 'No', hcp_phone: '', middle_initial: '' });
    expect(changedValues(items, draft)).toEqual({ sedation: 'Yes', hcp_phone: '555-0100' });
    expect(changedValues(items, { ...draft, first_name: 'Sam' })).not.toHaveProperty('first_name');
    expect(changedValues(items, { ...draftOf(items), sedation: '' })).toEqual({ sedation: '' });
  });

  it('names a missing item by its section and label', () => {
    expect(missingLabel('values.hcp_phone', items)).toBe('Provider: hcp phone');
    expect(missingLabel('other_thing', items)).toBe('other thing');
    expect(missingItemId('body.values.sedation', items)).toBe('sedation');
    expect(missingItemId('nothing', items)).toBeUndefined();
  });

  it('reads a template as a JSON object or says why not', () => {
    expect(parseTemplateJson('{"version":"2025-01"}')).toEqual({ definition: { version: '2025-01' } });
    expect(parseTemplateJson('[1]')).toHaveProperty('error');
    expect(parseTemplateJson('{oops')).toHaveProperty('error');
  });
});
