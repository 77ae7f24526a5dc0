import type { ProtocolRef } from '../../../contracts/dosing';
import type { HardStop } from '../../../domain/dosing';
import { ApiError } from '../api-client';

/** The protocol select's value for a protocol reference (`library:iv-depression:1`). */
export const refKey = (r: ProtocolRef) => `${r.origin}:${r.id}:${r.version}`;

export function parseRefKey(key: string): ProtocolRef | undefined {
  const [origin, id, version] = key.split(':');
  if ((origin !== 'library' && origin !== 'clinic') || !id || !version) return undefined;
  return { origin, id, version: Number(version) };
}

/** The hard stops a 400 from the dose API carries (each names the request field to change). */
export function hardStopsOf(error: unknown): HardStop[] {
  if (!(error instanceof ApiError) || error.code !== 'hard_stop') return [];
  return error.fields.map((f) => ({
    code: 'missing-input',
    field: f.field.replace(/^body\./, ''),
    message: f.message,
  }));
}

/**
 * Maps a field path of the dose-inputs body (as the server names it in a 400, `body.patient.weight.unit`,
 * or as the calculator does, `patient.weight`) to the form input that must change (`weight`).
 */
export function formFieldOf(path: string): string {
  const p = path.replace(/^body\./, '').replace(/\.(value|unit)$/, '');
  const map: Record<string, string> = {
    'patient.weight': 'weight',
    'patient.height': 'height',
    'patient.sex': 'sex',
    patient: 'weight',
    'preparation.vialConcentration': 'vial',
    'preparation.bagVolume': 'bag',
    preparation: 'vial',
    doseOverride: 'override',
    'history.sessionsWithoutResponse': 'sessions',
    stepId: 'step',
    'acknowledgements.weightBasis': 'basis',
    'acknowledgements.escalation': 'escalationAck',
    'acknowledgements.escalation.reason': 'escalationReason',
    'acknowledgements.highDose': 'highDoseAck',
    'acknowledgements.highDose.reason': 'highDoseReason',
    'acknowledgements.firstSession': 'firstSessionAck',
    'acknowledgements.firstSession.reason': 'firstSessionReason',
  };
  if (map[p]) return map[p];
  if (p.startsWith('protocol')) return 'protocol';
  return '_form';
}
