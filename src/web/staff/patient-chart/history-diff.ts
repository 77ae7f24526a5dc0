/** Bookkeeping fields that change with every save and say nothing about the patient. */
const ignored = new Set([
  'version',
  'updatedAt',
  'updatedBy',
  'createdAt',
  'createdBy',
  'id',
  'clinicId',
  'isDemo',
]);

export interface DiffRow {
  field: string;
  before: string;
  after: string;
}

function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Nested objects and lists become dotted paths ("address.city", "conditions.0.code"). */
export function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, inner] of entries) {
      if (!prefix && ignored.has(key)) continue;
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    }
    return out;
  }
  if (prefix) out[prefix] = display(value);
  return out;
}

/** What a version changed compared with the one before it (or with nothing, for the first). */
export function diffSnapshots(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): DiffRow[] {
  const a = flatten(before ?? {});
  const b = flatten(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((field) => (a[field] ?? '') !== (b[field] ?? ''))
    .map((field) => ({ field, before: a[field] ?? '', after: b[field] ?? '' }));
}

/** "emergencyContact.phone" → "Emergency contact phone"; "conditions.0.code" → "Conditions 1 code". */
export function fieldLabel(path: string): string {
  const words = path
    .split('.')
    .map((part) =>
      /^\d+$/.test(part) ? String(Number(part) + 1) : part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(),
    )
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
