import { INTAKE_ITEMS, type IntakeItem } from '../../../domain/intake/index.js';

/**
 * Reads the patient's intake form post (application/x-www-form-urlencoded) into the shapes the intake
 * rules validate: answers keyed by item id and the medication list. Nothing is judged here; a value
 * that is not a number where one is expected is passed on as typed, so the rules name the question.
 * Blank means "not answered". A list with no filled row is "none" only when the patient ticked None.
 *
 * Field names: `<item>` for single answers; `<item>.<row>.<field>` for rows; `<item>.none`;
 * `bp_reading.systolic|diastolic|measuredOn`; `med.<row>.drug|doseMg|timesPerDay|asNeeded`.
 */

export interface IntakeFormPost {
  answers: Record<string, unknown>;
  medications: Array<Record<string, unknown>>;
  /** Whether the patient ticked "I take no medicines" (an empty list is then an answer). */
  noMedications: boolean;
}

/** Rows read per list: the item's maximum, and at most this many medicines. */
export const MAX_MEDICATION_ROWS = 60;

/** One value, or a marker the rules refuse when a field was sent twice (parameter pollution). */
function single(form: URLSearchParams, name: string): string {
  const values = form.getAll(name);
  if (values.length > 1) return '(sent more than once)';
  return (values[0] ?? '').trim();
}

/** A number where one is typed; the text itself when it is not one, so the rules can say so. */
function numberOrText(raw: string): number | string | null {
  if (raw === '') return null;
  const n = Number(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : raw;
}

function rows(
  form: URLSearchParams,
  prefix: string,
  fields: Record<string, 'text' | 'number' | 'flag'>,
  maxRows: number,
): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < maxRows; i++) {
    const raw = Object.fromEntries(Object.keys(fields).map((f) => [f, single(form, `${prefix}.${i}.${f}`)]));
    const filled = Object.entries(raw).some(([f, v]) => v !== '' && fields[f] !== 'flag');
    if (!filled) continue;
    out.push(
      Object.fromEntries(
        Object.entries(fields).map(([f, kind]) => {
          const v = raw[f]!;
          if (kind === 'number') return [f, numberOrText(v)];
          if (kind === 'flag') return [f, v !== ''];
          return [f, v === '' ? null : v];
        }),
      ),
    );
  }
  return out;
}

function listAnswer(
  form: URLSearchParams,
  item: IntakeItem,
  fields: Record<string, 'text' | 'number'>,
): unknown {
  const filled = rows(form, item.id, fields, item.max ?? 30);
  if (filled.length > 0) return filled;
  return single(form, `${item.id}.none`) !== '' ? [] : undefined;
}

function answerOf(form: URLSearchParams, item: IntakeItem): unknown {
  switch (item.kind) {
    case 'yes_no': {
      const v = single(form, item.id);
      return v === 'yes' ? true : v === 'no' ? false : v === '' ? undefined : v;
    }
    case 'number': {
      const v = numberOrText(single(form, item.id));
      return v === null ? undefined : v;
    }
    case 'blood_pressure': {
      const systolic = numberOrText(single(form, `${item.id}.systolic`));
      const diastolic = numberOrText(single(form, `${item.id}.diastolic`));
      const measuredOn = single(form, `${item.id}.measuredOn`);
      if (systolic === null && diastolic === null && measuredOn === '') return undefined;
      return { systolic, diastolic, measuredOn };
    }
    case 'trials':
      return listAnswer(form, item, { drug: 'text', doseMg: 'number', weeks: 'number' });
    case 'allergies':
      return listAnswer(form, item, { substance: 'text', reaction: 'text' });
    default: {
      const v = single(form, item.id);
      return v === '' ? undefined : v;
    }
  }
}

export function readIntakeFormPost(form: URLSearchParams): IntakeFormPost {
  const answers: Record<string, unknown> = {};
  for (const item of INTAKE_ITEMS) {
    const value = answerOf(form, item);
    if (value !== undefined) answers[item.id] = value;
  }
  const medications = rows(
    form,
    'med',
    { drug: 'text', doseMg: 'number', timesPerDay: 'number', asNeeded: 'flag' },
    MAX_MEDICATION_ROWS,
  );
  return { answers, medications, noMedications: single(form, 'med.none') !== '' };
}
