import { describe, expect, it } from 'vitest';
import { simulate } from '../../../domain/pk';
import {
  applyPauses,
  defaultPlanForm,
  fixUnit,
  newRow,
  planFromForm,
  problemsByField,
  rowKey,
  toCsv,
  type PlanForm,
} from './plan-model';

describe('simulator plan form', () => {
  it('turns the default form into the 0.5 mg/kg over 40 min plan', () => {
    const result = planFromForm(defaultPlanForm(), 'domino');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.doses).toEqual([{ kind: 'infusion', startMin: 0, endMin: 40, totalMgPerKg: 0.5 }]);
    expect(result.plan.patient).toEqual({ weightKg: 70, ageYears: 40 });
  });

  it('names the row and field of every problem', () => {
    const form: PlanForm = {
      ...defaultPlanForm(),
      weightKg: '',
      rows: [
        { key: rowKey(), kind: 'infusion', startMin: '10', endMin: '5', amount: '1', unit: 'mg/h' },
        { key: rowKey(), kind: 'bolus', startMin: '0', endMin: '', amount: '-1', unit: 'mg' },
      ],
    };
    const result = planFromForm(form, 'domino');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['weightKg', 'rows[0].endMin', 'rows[1].amount']);
  });

  it('splits infusions around a pause at the programmed rate', () => {
    const doses = applyPauses([{ kind: 'infusion', startMin: 0, endMin: 40, totalMg: 40 }], [[10, 20]], 70);
    expect(doses).toEqual([
      { kind: 'infusion', startMin: 0, endMin: 10, mgPerHour: 60 },
      { kind: 'infusion', startMin: 20, endMin: 40, mgPerHour: 60 },
    ]);
  });

  it('writes a CSV with a header and one row per sample', () => {
    const result = planFromForm(defaultPlanForm(), 'domino');
    if (!result.ok) throw new Error('plan');
    const r = simulate(result.plan, { untilMin: 2, stepMin: 1, outputs: { ce: true, occupancy: true } });
    const csv = toCsv(
      r.tMin,
      [{ modelId: 'domino', cp: r.cpNgMl, ce: r.ceNgMl!, occupancy: r.occupancy! }],
      r.tMin.length,
    );
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('t_min,domino_cp_ng_ml,domino_ce_ng_ml,domino_nmda_occupancy_illustrative');
    expect(lines).toHaveLength(4);
    expect(Number(lines[3]!.split(',')[1])).toBe(r.cpNgMl[2]);
  });

  it('starts a new bolus or infusion where the plan ends', () => {
    const rows = defaultPlanForm().rows;
    expect(newRow('bolus', rows)).toMatchObject({ kind: 'bolus', startMin: '40', endMin: '', unit: 'mg/kg' });
    expect(newRow('infusion', rows)).toMatchObject({ startMin: '40', endMin: '60', unit: 'mg/kg/h' });
    expect(newRow('pause', rows)).toMatchObject({ startMin: '10', endMin: '15', amount: '' });
    expect(newRow('bolus', []).startMin).toBe('0');
  });

  it('keeps a row unit valid when its kind changes', () => {
    const row = defaultPlanForm().rows[0]!;
    expect(fixUnit({ ...row, kind: 'bolus' }).unit).toBe('mg/kg');
    expect(fixUnit({ ...row, kind: 'infusion', unit: 'mg' }).unit).toBe('mg/kg/h');
    expect(fixUnit({ ...row, kind: 'pause', unit: 'mg' }).unit).toBe('mg');
  });

  it('keeps the first problem of each field', () => {
    const problems = problemsByField({
      ok: false,
      problems: [
        { field: 'weightKg', message: 'first' },
        { field: 'weightKg', message: 'second' },
      ],
    });
    expect(problems).toEqual({ weightKg: 'first' });
  });
});
