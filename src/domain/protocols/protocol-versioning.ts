import { validateProtocol, type Protocol, type ProtocolValidation } from './protocol-schema';

/**
 * Protocols are immutable once published: a dose record points at protocol id + version, so changing a
 * version in place would silently change what past doses meant. Clinics change protocols only through
 * copyProtocol (a new lineage under a new id) or reviseProtocol (the next version of the same id).
 */

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A mutable deep copy; protocols are plain JSON data, so structuredClone is exact. */
function clone<T>(value: T): T {
  return structuredClone(value);
}

export interface CopyOptions {
  /** New lineage id (a clinic's own protocol id). Must differ from the source id. */
  id: string;
  name?: string;
  note?: string;
}

/**
 * Start a clinic's own protocol from an existing one. The copy is version 1 of a new id and records which
 * protocol and version it came from, so its citations stay traceable.
 */
export function copyProtocol(source: Protocol, options: CopyOptions): ProtocolValidation {
  if (options.id === source.id)
    return {
      ok: false,
      errors: [{ field: 'id', message: 'a copy needs a new id; use reviseProtocol to change this one' }],
    };
  const copy: Protocol = {
    ...clone(source),
    id: options.id,
    version: 1,
    name: options.name ?? `${source.name} (copy)`,
    lineage: {
      copiedFrom: { id: source.id, version: source.version },
      ...(options.note !== undefined ? { note: options.note } : {}),
    },
  };
  return freezeIfValid(validateProtocol(copy));
}

/** Top-level fields a revision may replace. Identity and lineage are managed here, never by the caller. */
export type ProtocolChanges = Partial<Omit<Protocol, 'id' | 'version' | 'lineage'>>;

/**
 * The next version of a protocol with `changes` applied (each given field replaces the old one wholesale,
 * e.g. pass the full `steps` array). The input is left untouched; the result is validated and frozen.
 */
export function reviseProtocol(
  current: Protocol,
  changes: ProtocolChanges,
  note?: string,
): ProtocolValidation {
  const unexpected = Object.keys(changes).filter((k) => k === 'id' || k === 'version' || k === 'lineage');
  if (unexpected.length > 0)
    return {
      ok: false,
      errors: unexpected.map((k) => ({
        field: k,
        message: `${k} is managed by reviseProtocol and cannot be changed`,
      })),
    };
  const next: Protocol = {
    ...clone(current),
    ...clone(changes),
    id: current.id,
    version: current.version + 1,
    lineage: {
      ...(current.lineage?.copiedFrom ? { copiedFrom: current.lineage.copiedFrom } : {}),
      supersedes: { id: current.id, version: current.version },
      ...(note !== undefined ? { note } : {}),
    },
  };
  return freezeIfValid(validateProtocol(next));
}

function freezeIfValid(result: ProtocolValidation): ProtocolValidation {
  if (result.ok) deepFreeze(result.protocol);
  return result;
}
