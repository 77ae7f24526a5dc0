import type { ComputedDose, DoseWarning, DosingSettings, HardStop } from '../../../domain/dosing';
import type { Citation } from '../../../domain/protocols/citations';
import type { Protocol } from '../../../domain/protocols';
import { ApiError } from '../api-client';

/** Shapes of the protocol and dose API (src/server/routes/protocols.route.ts, doses.route.ts). */

export interface ProtocolRef {
  origin: 'library' | 'clinic';
  id: string;
  version: number;
}

export interface LibraryEntry {
  origin: 'library';
  protocol: Protocol;
  latest: true;
}

export interface ClinicEntry {
  rowId: string;
  origin: 'clinic';
  protocol: Protocol;
  latest: boolean;
  createdAt: string;
  createdBy: { id: string; label: string };
  copiedFrom: { origin: string | null; id: string; version: number } | null;
  note: string | null;
}

export interface ProtocolList {
  library: LibraryEntry[];
  clinic: ClinicEntry[];
  dosingSettings: DosingSettings;
  defaultDosingSettings: DosingSettings;
  settingSources: Array<{ setting: string; rationale: string; citations: Citation[] }>;
}

export interface DoseInputsBody {
  protocol: ProtocolRef;
  stepId: string;
  patient?: { weight: { value: number; unit: string }; height: { value: number; unit: string }; sex: string };
  preparation?: {
    vialConcentration: { value: number; unit: string };
    bagVolume?: { value: number; unit: string };
  };
  doseOverride?: { value: number; unit: string };
  history?: { sessionsWithoutResponse: number };
}

export interface DosePreview {
  dose: ComputedDose;
  warnings: DoseWarning[];
  verificationRequired: boolean;
}

interface Who {
  id: string;
  label: string;
  at: string | null;
}

export interface DoseRecord {
  id: string;
  patientId: string;
  protocol: ProtocolRef & { name: string };
  stepId: string;
  status: 'ordered' | 'verified' | 'final' | 'cancelled';
  verificationRequired: boolean;
  result: ComputedDose;
  recomputed: {
    onBasisUsed: { mgPerKg: number; weightKg: number; basis: string };
    onActualWeight: { mgPerKg: number; weightKg: number };
  } | null;
  ordered: Who;
  verified: Who | null;
  finalised: Who | null;
  cancelled: (Who & { reason: string | null }) | null;
  amends: { doseId: string; reason: string | null } | null;
}

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

/** Maps a calculator field path to the form input that must change (`patient.weight.unit` → `weight`). */
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
  };
  if (map[p]) return map[p];
  if (p.startsWith('protocol')) return 'protocol';
  return '_form';
}
