import { parsePlan, formatPlanError, type PkDose, type PkPlan } from '../../../domain/pk';

/**
 * The simulator's editable plan: form rows (strings, as typed) turned into a PkPlan for the engine.
 * Kept free of React so the conversion, pauses and CSV export are unit-tested.
 */

export type DoseUnit = 'mg' | 'mg/kg' | 'mg/h' | 'mg/kg/h' | 'total mg' | 'total mg/kg';
export type RowKind = 'bolus' | 'infusion' | 'pause';

export interface PlanRow {
  key: string;
  kind: RowKind;
  /** Bolus time, or start of an infusion or pause (minutes). */
  startMin: string;
  /** End of an infusion or pause (minutes); unused for a bolus. */
  endMin: string;
  amount: string;
  unit: DoseUnit;
}

export const BOLUS_UNITS: readonly DoseUnit[] = ['mg', 'mg/kg'];
export const INFUSION_UNITS: readonly DoseUnit[] = ['mg/h', 'mg/kg/h', 'total mg', 'total mg/kg'];

export const ROW_KINDS: readonly RowKind[] = ['bolus', 'infusion', 'pause'];
export const KIND_LABEL: Record<RowKind, string> = { bolus: 'Bolus', infusion: 'Infusion', pause: 'Pause' };

export interface PlanForm {
  weightKg: string;
  ageYears: string;
  untilMin: string;
  rows: PlanRow[];
}

let counter = 0;
export const rowKey = () => `row-${++counter}`;

/**
 * 0.5 mg/kg over 40 min for a 70-kg adult: the standard depression infusion
 * (docs/clinical-sources.md#iv-depression-standard-protocol).
 */
export function defaultPlanForm(): PlanForm {
  return {
    weightKg: '70',
    ageYears: '40',
    untilMin: '180',
    rows: [
      { key: rowKey(), kind: 'infusion', startMin: '0', endMin: '40', amount: '0.5', unit: 'total mg/kg' },
    ],
  };
}

/** A new row starts where the plan ends; a pause gets a fixed example interval. */
export function newRow(kind: RowKind, rows: readonly PlanRow[]): PlanRow {
  const last = Math.max(0, ...rows.map((r) => Number(r.endMin) || Number(r.startMin) || 0));
  if (kind === 'bolus')
    return { key: rowKey(), kind, startMin: String(last), endMin: '', amount: '0.1', unit: 'mg/kg' };
  if (kind === 'infusion')
    return {
      key: rowKey(),
      kind,
      startMin: String(last),
      endMin: String(last + 20),
      amount: '0.25',
      unit: 'mg/kg/h',
    };
  return { key: rowKey(), kind, startMin: '10', endMin: '15', amount: '', unit: 'mg/h' };
}

/** Changing a row's kind keeps its unit valid for that kind. */
export function fixUnit(row: PlanRow): PlanRow {
  if (row.kind === 'bolus' && !BOLUS_UNITS.includes(row.unit)) return { ...row, unit: 'mg/kg' };
  if (row.kind === 'infusion' && !INFUSION_UNITS.includes(row.unit)) return { ...row, unit: 'mg/kg/h' };
  return row;
}

export interface PlanProblem {
  field: string;
  message: string;
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/**
 * A pause stops the pump for its interval: infusions running across it are split around it and keep
 * their programmed rate, so a pause lowers the amount delivered (a "total" is converted to the rate
 * the pump was set to before splitting). Boluses are not affected.
 */
export function applyPauses(doses: PkDose[], pauses: Array<[number, number]>, weightKg: number): PkDose[] {
  if (pauses.length === 0) return doses;
  const out: PkDose[] = [];
  for (const d of doses) {
    if (d.kind === 'bolus') {
      out.push(d);
      continue;
    }
    const minutes = d.endMin - d.startMin;
    const mgPerHour =
      d.mgPerHour ??
      (d.mgPerKgPerHour !== undefined
        ? d.mgPerKgPerHour * weightKg
        : d.totalMg !== undefined
          ? (d.totalMg / minutes) * 60
          : ((d.totalMgPerKg ?? 0) * weightKg * 60) / minutes);
    let pieces: Array<[number, number]> = [[d.startMin, d.endMin]];
    for (const [ps, pe] of pauses) {
      pieces = pieces.flatMap(([s, e]): Array<[number, number]> => {
        if (pe <= s || ps >= e) return [[s, e]];
        const kept: Array<[number, number]> = [];
        if (ps > s) kept.push([s, ps]);
        if (pe < e) kept.push([pe, e]);
        return kept;
      });
    }
    for (const [s, e] of pieces) out.push({ kind: 'infusion', startMin: s, endMin: e, mgPerHour });
  }
  return out;
}

export type PlanResult =
  { ok: true; plan: PkPlan; untilMin: number } | { ok: false; problems: PlanProblem[] };

/** Form → validated plan for one model; every problem names its row and field. */
export function planFromForm(form: PlanForm, model: string): PlanResult {
  const problems: PlanProblem[] = [];
  const weightKg = num(form.weightKg);
  const ageYears = num(form.ageYears);
  const untilMin = num(form.untilMin);
  if (!(weightKg > 0)) problems.push({ field: 'weightKg', message: 'Enter the weight in kg (> 0)' });
  if (form.ageYears.trim() !== '' && !(ageYears >= 0))
    problems.push({ field: 'ageYears', message: 'Enter the age in years' });
  if (!(untilMin > 0) || untilMin > 60 * 24 * 7)
    problems.push({ field: 'untilMin', message: 'Between 0 and 10,080 minutes' });
  const doses: PkDose[] = [];
  const pauses: Array<[number, number]> = [];
  form.rows.forEach((row, i) => {
    const start = num(row.startMin);
    const end = num(row.endMin);
    const amount = num(row.amount);
    const at = (field: string) => `rows[${i}].${field}`;
    if (!(start >= 0)) problems.push({ field: at('startMin'), message: 'Time must be ≥ 0 minutes' });
    if (row.kind !== 'bolus' && !(end > start))
      problems.push({ field: at('endMin'), message: 'End must be after the start' });
    if (row.kind === 'pause') {
      if (start >= 0 && end > start) pauses.push([start, end]);
      return;
    }
    if (!(amount >= 0)) {
      problems.push({ field: at('amount'), message: 'Amount must be a number ≥ 0' });
      return;
    }
    if (row.kind === 'bolus') {
      if (row.unit === 'mg') doses.push({ kind: 'bolus', atMin: start, mg: amount });
      else if (row.unit === 'mg/kg') doses.push({ kind: 'bolus', atMin: start, mgPerKg: amount });
      else problems.push({ field: at('unit'), message: 'A bolus is in mg or mg/kg' });
      return;
    }
    const base = { kind: 'infusion' as const, startMin: start, endMin: end };
    if (row.unit === 'mg/h') doses.push({ ...base, mgPerHour: amount });
    else if (row.unit === 'mg/kg/h') doses.push({ ...base, mgPerKgPerHour: amount });
    else if (row.unit === 'total mg') doses.push({ ...base, totalMg: amount });
    else if (row.unit === 'total mg/kg') doses.push({ ...base, totalMgPerKg: amount });
    else
      problems.push({
        field: at('unit'),
        message: 'An infusion is in mg/h, mg/kg/h, total mg or total mg/kg',
      });
  });
  if (problems.length > 0) return { ok: false, problems };
  const plan = {
    model,
    patient: { weightKg, ...(form.ageYears.trim() !== '' ? { ageYears } : {}) },
    doses: applyPauses(doses, pauses, weightKg),
  };
  // The engine's own parser is the final gate (unknown model, negative amounts, end ≤ start…).
  const parsed = parsePlan(plan);
  if (!parsed.ok)
    return {
      ok: false,
      problems: parsed.errors.map((e) => ({ field: e.path, message: formatPlanError(e) })),
    };
  return { ok: true, plan: parsed.plan, untilMin };
}

/** The first problem of each field, since the form shows one message under each input. */
export function problemsByField(result: PlanResult): Record<string, string> {
  const out: Record<string, string> = {};
  if (!result.ok) for (const p of result.problems) out[p.field] ??= p.message;
  return out;
}

export interface CsvSeries {
  modelId: string;
  cp: Float64Array;
  ce: Float64Array;
  occupancy: Float64Array;
}

/** CSV with one row per sample: t_min, then Cp, Ce and illustrative occupancy per model (full precision). */
export function toCsv(t: Float64Array, series: CsvSeries[], count: number): string {
  const header = [
    't_min',
    ...series.flatMap((s) => [
      `${s.modelId}_cp_ng_ml`,
      `${s.modelId}_ce_ng_ml`,
      `${s.modelId}_nmda_occupancy_illustrative`,
    ]),
  ];
  const lines = [header.join(',')];
  for (let i = 0; i < count; i++) {
    const cells = [String(Number(t[i]!.toPrecision(12)))];
    for (const s of series) cells.push(String(s.cp[i]), String(s.ce[i]), String(s.occupancy[i]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
