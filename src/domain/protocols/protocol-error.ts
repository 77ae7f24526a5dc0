/** How a protocol problem is reported: the field to fix, as a path a form can point at, and why. */

export interface ProtocolError {
  /** Dotted path with indices, e.g. `steps[1].durationMin` or `ceiling.mgPerKg`. */
  field: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(protocol)' : out;
}
