import { INTAKE_ITEMS } from '../../../domain/intake/index.js';
import type { MedicationEntry } from '../../../domain/intake/index.js';

/**
 * The form fields a browser posts for given intake answers and medicines, as the patient's page
 * names them: what a patient typing these answers would send.
 */
export function intakeFormFields(
  answers: object,
  medications: MedicationEntry[] = [],
): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const item of INTAKE_ITEMS) {
    const value = (answers as Record<string, unknown>)[item.id];
    if (value === undefined || value === null) continue;
    if (item.kind === 'yes_no') fields.push([item.id, value ? 'yes' : 'no']);
    else if (item.kind === 'blood_pressure') {
      const bp = value as Record<string, unknown>;
      for (const part of ['systolic', 'diastolic', 'measuredOn'])
        fields.push([`${item.id}.${part}`, String(bp[part])]);
    } else if (Array.isArray(value)) {
      if (value.length === 0) fields.push([`${item.id}.none`, '1']);
      value.forEach((row: Record<string, unknown>, i) => {
        for (const [field, v] of Object.entries(row))
          fields.push([`${item.id}.${i}.${field}`, v === null ? '' : String(v)]);
      });
    } else fields.push([item.id, String(value)]);
  }
  if (medications.length === 0) fields.push(['med.none', '1']);
  medications.forEach((m, i) => {
    fields.push([`med.${i}.drug`, m.drug]);
    fields.push([`med.${i}.doseMg`, m.doseMg === null ? '' : String(m.doseMg)]);
    fields.push([`med.${i}.timesPerDay`, m.timesPerDay === null ? '' : String(m.timesPerDay)]);
    if (m.asNeeded) fields.push([`med.${i}.asNeeded`, '1']);
  });
  return fields;
}
