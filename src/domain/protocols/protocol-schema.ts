import { protocolSchema, type Protocol } from './protocol-shape';
import { coherenceErrors } from './protocol-coherence';
import { formatPath, type ProtocolError } from './protocol-error';

/**
 * The shape of a treatment protocol and the validator that keeps clinic-edited copies coherent.
 *
 * Protocols are data, not code, because every number in them (dose, duration, escalation threshold,
 * ceiling, schedule) is a clinic setting whose default comes from a cited source. The validator is the
 * only gate between a clinic's edit and a protocol the dose calculator will accept.
 *
 * The zod schemas and their types are in protocol-shape.ts, the cross-field rules in protocol-coherence.ts;
 * this module is what the rest of the domain imports.
 */

export * from './protocol-shape';
export { formatPath, type ProtocolError } from './protocol-error';
export { STEP_DOSE_FIELD, STEP_DOSE_UNIT, stepDoseValue } from './step-dose';

export type ProtocolValidation = { ok: true; protocol: Protocol } | { ok: false; errors: ProtocolError[] };

/**
 * Parse and check a protocol. Accepts `unknown` because clinic edits arrive as JSON; returns every error
 * found (shape first; cross-field rules only once the shape is right, so messages stay meaningful).
 */
export function validateProtocol(input: unknown): ProtocolValidation {
  const parsed = protocolSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ field: formatPath(issue.path), message: issue.message })),
    };
  }
  const errors = coherenceErrors(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, protocol: parsed.data };
}
