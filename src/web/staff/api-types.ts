import type { Action, StaffRole } from '../../domain/auth/permissions';
import type { CareStatus } from '../../domain/patients/care-status';
import type { PatientFields } from '../../domain/patients/patient-fields';
import type { ClinicSettings } from '../../domain/clinic/clinic-settings';

/** Shapes of the API's responses, as the staff app uses them (see /api/openapi.json). */
export type SessionStage = 'mfa' | 'enrol' | 'full';

export interface Me {
  stage: SessionStage;
  user: { id: string; email: string; displayName: string; role: StaffRole };
  clinic: { id: string; name: string; isDemo: boolean };
  permissions: Action[];
}

export interface EnrolmentStart {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export interface PatientListItem {
  id: string;
  mrn: string;
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  birthDate: string;
  sexAtBirth: string;
  careStatus: CareStatus;
  active: boolean;
  isDemo: boolean;
}

export interface PatientSearchResult {
  total: number;
  items: PatientListItem[];
}

export type Patient = PatientFields & {
  id: string;
  mrn: string;
  version: number;
  active: boolean;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};

export interface PatientHistoryEntry {
  version: number;
  changedAt: string;
  changedBy: string | null;
  changedFields: string[];
  reason: string | null;
  snapshot: Record<string, unknown>;
}

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  status: 'active' | 'disabled';
  mfaEnrolled: boolean;
  version: number;
  createdAt: string;
}

export interface AuditRow {
  seq: number;
  occurredAt: string;
  userId: string | null;
  userLabel: string | null;
  patientId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: unknown;
  outcome: string;
  clientIp: string | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface Clinic {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
  settings: ClinicSettings;
}
