/**
 * Validation of an untrusted plan (a plan file, a form, an API body). Errors name the field path so a form
 * can highlight the field and the CLI can print one precise line. Unknown fields are errors: a misspelt
 * amount field would otherwise silently drop a dose from the simulation.
 */
import { DEFAULT_MODEL_ID, findModel, listModelIds } from './models';
import {
  BOLUS_AMOUNT_FIELDS,
  INFUSION_AMOUNT_FIELDS,
  type PatientSex,
  type PkDose,
  type PkPatient,
  type PkPlan,
} from './plan';

export interface PlanError {
  /** e.g. `doses[1].endMin` */
  path: string;
  message: string;
}

export type ParsePlanResult = { ok: true; plan: PkPlan } | { ok: false; errors: PlanError[] };

export function formatPlanError(e: PlanError): string {
  return e.path === '' ? e.message : `${e.path}: ${e.message}`;
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SEXES: readonly PatientSex[] = ['female', 'male', 'other', 'unknown'];

class Collector {
  readonly errors: PlanError[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  unknownKeys(obj: Obj, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.add(path === '' ? key : `${path}.${key}`, 'unknown field');
    }
  }

  /** A finite number, optionally bounded; returns undefined (and records why) otherwise. */
  number(
    value: unknown,
    path: string,
    opts: { min?: number; positive?: boolean; max?: number; required?: boolean },
  ): number | undefined {
    if (value === undefined) {
      if (opts.required) this.add(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'number') {
      this.add(path, 'must be a number');
      return undefined;
    }
    if (!Number.isFinite(value)) {
      this.add(path, 'must be a finite number');
      return undefined;
    }
    if (opts.positive && !(value > 0)) {
      this.add(path, 'must be greater than 0');
      return undefined;
    }
    if (opts.min !== undefined && value < opts.min) {
      this.add(path, opts.min === 0 ? 'must not be negative' : `must be at least ${opts.min}`);
      return undefined;
    }
    if (opts.max !== undefined && value > opts.max) {
      this.add(path, `must be at most ${opts.max}`);
      return undefined;
    }
    return value;
  }

  /** Exactly one of the amount fields; returns its name and value. */
  oneOf(obj: Obj, fields: readonly string[], path: string): [string, number] | undefined {
    const present = fields.filter((f) => obj[f] !== undefined);
    if (present.length === 0) {
      this.add(path, `needs one of ${fields.join(', ')}`);
      return undefined;
    }
    if (present.length > 1) {
      this.add(`${path}.${present[1]}`, `give only one of ${present.join(', ')}`);
      return undefined;
    }
    const field = present[0]!;
    const value = this.number(obj[field], `${path}.${field}`, { min: 0 });
    return value === undefined ? undefined : [field, value];
  }
}

function parsePatient(raw: unknown, c: Collector): PkPatient | undefined {
  if (raw === undefined) {
    c.add('patient', 'is required (the simulation needs patient.weightKg)');
    return undefined;
  }
  if (!isObject(raw)) {
    c.add('patient', 'must be an object');
    return undefined;
  }
  c.unknownKeys(raw, ['weightKg', 'ageYears', 'sex', 'heightCm'], 'patient');
  const weightKg = c.number(raw.weightKg, 'patient.weightKg', { positive: true, max: 500, required: true });
  const ageYears = c.number(raw.ageYears, 'patient.ageYears', { min: 0, max: 130 });
  const heightCm = c.number(raw.heightCm, 'patient.heightCm', { positive: true, max: 300 });
  let sex: PatientSex | undefined;
  if (raw.sex !== undefined) {
    if (typeof raw.sex === 'string' && (SEXES as readonly string[]).includes(raw.sex))
      sex = raw.sex as PatientSex;
    else c.add('patient.sex', `must be one of ${SEXES.join(', ')}`);
  }
  if (weightKg === undefined) return undefined;
  const patient: PkPatient = { weightKg };
  if (ageYears !== undefined) patient.ageYears = ageYears;
  if (sex !== undefined) patient.sex = sex;
  if (heightCm !== undefined) patient.heightCm = heightCm;
  return patient;
}

function parseDose(raw: unknown, path: string, c: Collector): PkDose | undefined {
  if (!isObject(raw)) {
    c.add(path, 'must be an object');
    return undefined;
  }
  if (raw.kind === 'bolus') {
    c.unknownKeys(raw, ['kind', 'atMin', ...BOLUS_AMOUNT_FIELDS], path);
    const atMin = c.number(raw.atMin, `${path}.atMin`, { min: 0, required: true });
    const amount = c.oneOf(raw, BOLUS_AMOUNT_FIELDS, path);
    if (atMin === undefined || amount === undefined) return undefined;
    const [field, value] = amount;
    return field === 'mg' ? { kind: 'bolus', atMin, mg: value } : { kind: 'bolus', atMin, mgPerKg: value };
  }
  if (raw.kind === 'infusion') {
    c.unknownKeys(raw, ['kind', 'startMin', 'endMin', ...INFUSION_AMOUNT_FIELDS], path);
    const startMin = c.number(raw.startMin, `${path}.startMin`, { min: 0, required: true });
    const endMin = c.number(raw.endMin, `${path}.endMin`, { min: 0, required: true });
    if (startMin !== undefined && endMin !== undefined && !(endMin > startMin)) {
      c.add(`${path}.endMin`, 'must be greater than startMin');
      return undefined;
    }
    const amount = c.oneOf(raw, INFUSION_AMOUNT_FIELDS, path);
    if (startMin === undefined || endMin === undefined || amount === undefined) return undefined;
    const [field, value] = amount;
    const base = { kind: 'infusion' as const, startMin, endMin };
    switch (field) {
      case 'mgPerHour':
        return { ...base, mgPerHour: value };
      case 'mgPerKgPerHour':
        return { ...base, mgPerKgPerHour: value };
      case 'totalMg':
        return { ...base, totalMg: value };
      default:
        return { ...base, totalMgPerKg: value };
    }
  }
  c.add(
    `${path}.kind`,
    raw.kind === undefined ? 'is required (bolus or infusion)' : 'must be bolus or infusion',
  );
  return undefined;
}

/**
 * Validates a plan given as JSON text or as an already-parsed value. Pure: no I/O, no clock.
 * Returns every problem found, in document order, so a form can show them all at once.
 */
export function parsePlan(input: unknown): ParsePlanResult {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON (${(e as Error).message})` }] };
    }
  }
  const c = new Collector();
  if (!isObject(raw)) return { ok: false, errors: [{ path: '', message: 'plan must be a JSON object' }] };
  c.unknownKeys(raw, ['model', 'patient', 'doses', 'ke0PerMin'], '');

  let model = DEFAULT_MODEL_ID;
  if (raw.model !== undefined) {
    if (typeof raw.model !== 'string') c.add('model', 'must be a string');
    else if (findModel(raw.model) === undefined) {
      c.add('model', `unknown model "${raw.model}" (known: ${listModelIds().join(', ')})`);
    } else model = raw.model;
  }
  const patient = parsePatient(raw.patient, c);
  const ke0PerMin = c.number(raw.ke0PerMin, 'ke0PerMin', { positive: true, max: 1000 });

  const doses: PkDose[] = [];
  if (raw.doses === undefined) c.add('doses', 'is required (an array, may be empty)');
  else if (!Array.isArray(raw.doses)) c.add('doses', 'must be an array');
  else {
    raw.doses.forEach((d: unknown, i: number) => {
      const dose = parseDose(d, `doses[${i}]`, c);
      if (dose !== undefined) doses.push(dose);
    });
  }

  if (c.errors.length > 0 || patient === undefined) return { ok: false, errors: c.errors };
  const plan: PkPlan = { model, patient, doses };
  if (ke0PerMin !== undefined) plan.ke0PerMin = ke0PerMin;
  return { ok: true, plan };
}
