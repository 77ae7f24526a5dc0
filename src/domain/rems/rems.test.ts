import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PMF_TEMPLATE,
  checkStaffValues,
  deviceProblems,
  devicesComplete,
  fillPmf,
  formDueOn,
  formDueStatus,
  missingItems,
  pmfTemplateSchema,
} from './index.js';

const MIN = 60_000;

describe('the Patient Monitoring Form template', () => {
  it('is a valid template with every field the 2021 form shows', () => {
    expect(pmfTemplateSchema.safeParse(DEFAULT_PMF_TEMPLATE).success).toBe(true);
    const ids = DEFAULT_PMF_TEMPLATE.sections.flatMap((s) => s.items.map((i) => i.id));
    for (const id of [
      'patient_first_name',
      'patient_birthdate',
      'patient_sex',
      'conmed_benzodiazepines',
      'conmed_sedative_hypnotics',
      'conmed_psychostimulants',
      'conmed_maois',
      'hcp_phone',
      'hcp_email',
      'setting_zip',
      'treatment_date',
      'dose',
      'lot_number',
      'total_monitoring_minutes',
      'rems_evaluation_minutes',
      'bp_prior',
      'bp_40_minutes',
      'bp_before_completion',
    ])
      expect(ids).toContain(id);
    expect(DEFAULT_PMF_TEMPLATE.submission).toMatchObject({ withinDays: 7, phone: '1-855-382-6022' });
  });

  it('refuses a loaded version with a duplicate item or a choice without options', () => {
    const duplicate = structuredClone(DEFAULT_PMF_TEMPLATE);
    duplicate.sections[0]!.items.push({ ...duplicate.sections[0]!.items[0]! });
    expect(pmfTemplateSchema.safeParse(duplicate).success).toBe(false);
    const noOptions = structuredClone(DEFAULT_PMF_TEMPLATE);
    noOptions.sections[0]!.items[4] = { ...noOptions.sections[0]!.items[4]!, options: [] };
    expect(pmfTemplateSchema.safeParse(noOptions).success).toBe(false);
  });
});

describe('filling the form', () => {
  it('takes chart items from the chart and the rest from staff, and lists what is still missing', () => {
    const filled = fillPmf(
      DEFAULT_PMF_TEMPLATE,
      { 'patient.firstName': 'Ada', 'bp.prior': '132/84', 'meds.maoi': 'No' },
      { rems_evaluation_minutes: '95', patient_first_name: 'Eve' },
    );
    const byId = new Map(filled.map((f) => [f.id, f]));
    expect(byId.get('patient_first_name')).toMatchObject({ value: 'Ada', origin: 'chart' });
    expect(byId.get('rems_evaluation_minutes')).toMatchObject({ value: '95', origin: 'staff' });
    expect(byId.get('hcp_phone')).toMatchObject({ value: null, origin: 'missing' });
    expect(missingItems(filled).map((m) => m.field)).toContain('hcp_phone');
    expect(missingItems(filled).map((m) => m.field)).not.toContain('patient_middle_initial');
  });

  it('checks staff values by the item’s kind and refuses chart items', () => {
    expect(
      checkStaffValues(DEFAULT_PMF_TEMPLATE, { rems_evaluation_minutes: '95', vitals_ok_before: 'Yes' }),
    ).toEqual([]);
    expect(
      checkStaffValues(DEFAULT_PMF_TEMPLATE, {
        rems_evaluation_minutes: 'soon',
        vitals_ok_before: 'maybe',
        bp_prior: '120/80',
        nonsense: 'x',
      }).map((p) => p.field),
    ).toEqual(['rems_evaluation_minutes', 'vitals_ok_before', 'bp_prior', 'nonsense']);
  });
});

describe('the 7-day deadline', () => {
  it.each([
    ['2026-12-03', '2026-12-05', false, 'due'],
    ['2026-12-03', '2026-12-09', false, 'due'],
    ['2026-12-03', '2026-12-10', false, 'due_today'],
    ['2026-12-03', '2026-12-11', false, 'overdue'],
    ['2026-12-03', '2026-12-11', true, 'submitted'],
  ] as const)('treated %s, today %s, submitted %s → %s', (treated, today, submitted, status) => {
    expect(formDueStatus(formDueOn(treated, 7), today, submitted)).toBe(status);
  });

  it('is due on day 6 and overdue on day 8 across a month end', () => {
    const due = formDueOn('2026-12-28', 7);
    expect(due).toBe('2027-01-04');
    expect(formDueStatus(due, '2027-01-03', false)).toBe('due');
    expect(formDueStatus(due, '2027-01-05', false)).toBe('overdue');
  });
});

describe('devices at the chair', () => {
  it('refuses a device less than 5 minutes after the previous one, one more than ordered, and an empty lot', () => {
    const taken = [{ at: 0, lot: 'AB123' }];
    expect(deviceProblems(taken, { at: 5 * MIN, lot: 'AB123' }, 3, 5)).toEqual([]);
    expect(deviceProblems(taken, { at: 5 * MIN - 1, lot: 'AB123' }, 3, 5).map((p) => p.field)).toEqual([
      'eventAt',
    ]);
    expect(
      deviceProblems([...taken, { at: 5 * MIN, lot: 'x1' }], { at: 10 * MIN, lot: 'AB1' }, 2, 5).map(
        (p) => p.field,
      ),
    ).toEqual(['devices']);
    expect(deviceProblems(taken, { at: 6 * MIN, lot: ' ' }, 3, 5).map((p) => p.field)).toEqual(['lot']);
  });

  it('accepts any spacing at or beyond the minimum and completes only at the ordered count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5 * MIN, max: 60 * MIN }),
        fc.integer({ min: 1, max: 3 }),
        (gap, ordered) => {
          const taken = Array.from({ length: ordered - 1 }, (_, i) => ({ at: i * gap, lot: 'L1' }));
          expect(deviceProblems(taken, { at: (ordered - 1) * gap, lot: 'L1' }, ordered, 5)).toEqual([]);
          expect(devicesComplete(ordered, ordered)).toEqual([]);
          expect(devicesComplete(ordered - 1, ordered)).toHaveLength(1);
        },
      ),
    );
  });
});
