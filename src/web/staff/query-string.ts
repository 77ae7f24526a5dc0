export type QueryValue = string | number | boolean | null | undefined;

/**
 * Builds "?a=1&b=x" from an object, leaving out empty values: the API refuses unknown or repeated
 * parameters, and an empty `q=` would still be sent to the audit log as a search.
 */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (text === '') continue;
    search.set(key, text);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
