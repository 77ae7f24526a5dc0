import type {
  InstrumentDefinition,
  InstrumentId,
  InstrumentSummary,
} from '../../../domain/instruments/index';
import type { DueItem, PlanRule, Trajectory } from '../../../domain/measurement/index';
import { apiGet, apiPatch, apiPost } from '../api-client';

/** Types of the measurement-based-care API (src/server/routes/assessments.route.ts, self-report.route.ts). */
export type InstrumentEntry = InstrumentSummary & { definition: InstrumentDefinition };

export interface ScoreSummary {
  total: number | null;
  severity: string | null;
  flags: string[];
  subscores: Record<string, number | null>;
}

export interface ResponseListItem {
  id: string;
  instrumentId: string;
  source: string;
  administeredAt: string;
  recordedAt: string;
  amendsId: string | null;
  amendmentReason: string | null;
  supersededBy: string | null;
  value: number | null;
  severity: string | null;
  flags: string[];
}

export interface ResponseDetail {
  id: string;
  instrumentId: string;
  source: string;
  administeredAt: string;
  answers: Record<string, number | null>;
  amendsId: string | null;
  amendmentReason: string | null;
  supersededBy: string | null;
  observation: {
    value: number | null;
    severity: string | null;
    flags: string[];
    result: { details: { total: { computation: string; formula: string } | null } };
  } | null;
}

export interface SafetyAlert {
  id: string;
  patientId: string;
  status: 'open' | 'resolved';
  raisedAt: string;
  assignedTo: string | null;
  assignedToName: string | null;
  instrumentId: string | null;
  reasons: string[] | null;
  reasonLabels: string[] | null;
  resolvedAt?: string | null;
  resolvedByName?: string | null;
  actions:
    | {
        id: string;
        kind: string;
        note: string;
        resolves: boolean;
        recordedByName: string | null;
        recordedAt: string;
      }[]
    | null;
}

export interface SafetyTask extends SafetyAlert {
  patientName: string;
  mrn: string;
}

export interface SelfReportLink {
  id: string;
  instrumentId: string;
  channel: string;
  recipientHint: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  status: 'pending' | 'used' | 'expired' | 'revoked';
  url?: string;
}

export interface Plan {
  id: string;
  name: string;
  rules: PlanRule[];
  ruleTexts: string[];
  responsibleClinicianId: string | null;
  status: 'active' | 'ended';
  version: number;
}

export interface Schedule {
  plans: Plan[];
  anchors: { id: string; at: string; label: string | null }[];
  due: (DueItem & { planId: string })[];
  clinicians: { id: string; displayName: string; role: string }[];
}

export interface DueRow extends DueItem {
  planId: string;
  patientId: string;
  patientName: string;
  mrn: string;
  instrumentTitle: string;
  selfRated: boolean;
  pendingLinkExpiresAt: string | null;
}

export type TrajectoryView = Trajectory & { available: string[] };

const p = (id: string) => `/api/patients/${encodeURIComponent(id)}`;

export const measurementApi = {
  instruments: (signal?: AbortSignal) => apiGet<{ items: InstrumentEntry[] }>('/api/instruments', { signal }),
  record: (
    patientId: string,
    body: { instrumentId: string; answers: Record<string, number | null>; administeredAt?: string },
  ) => apiPost<{ id: string; score: ScoreSummary; alertIds: string[] }>(`${p(patientId)}/assessments`, body),
  responses: (patientId: string, signal?: AbortSignal) =>
    apiGet<{ total: number; items: ResponseListItem[] }>(`${p(patientId)}/assessments?limit=200`, { signal }),
  response: (id: string) => apiGet<ResponseDetail>(`/api/assessments/${encodeURIComponent(id)}`),
  amend: (id: string, body: { answers: Record<string, number | null>; reason: string }) =>
    apiPost<{ id: string; score: ScoreSummary }>(`/api/assessments/${encodeURIComponent(id)}/amend`, body),
  trajectory: (patientId: string, instrument: InstrumentId | undefined, signal?: AbortSignal) =>
    apiGet<TrajectoryView>(
      `${p(patientId)}/trajectory${instrument ? `?instrument=${encodeURIComponent(instrument)}` : ''}`,
      { signal },
    ),
  csvUrl: (patientId: string, instrument: string) =>
    `${p(patientId)}/trajectory/csv?instrument=${encodeURIComponent(instrument)}`,
  alerts: (patientId: string, signal?: AbortSignal) =>
    apiGet<{ items: SafetyAlert[] }>(`${p(patientId)}/safety-alerts`, { signal }),
  tasks: (signal?: AbortSignal) =>
    apiGet<{ items: SafetyTask[] }>('/api/safety-alerts?scope=mine', { signal }),
  act: (alertId: string, body: { kind: string; note: string }) =>
    apiPost<{ status: string }>(`/api/safety-alerts/${encodeURIComponent(alertId)}/actions`, body),
  links: (patientId: string, signal?: AbortSignal) =>
    apiGet<{ items: SelfReportLink[] }>(`${p(patientId)}/self-report-links`, { signal }),
  sendLink: (patientId: string, body: { instrumentId: string; channel: 'email' | 'sms' | 'copy' }) =>
    apiPost<SelfReportLink>(`${p(patientId)}/self-report-links`, body),
  revokeLink: (id: string) =>
    apiPost<SelfReportLink>(`/api/self-report-links/${encodeURIComponent(id)}/revoke`, {}),
  startKiosk: (patientId: string, instrumentId: string) =>
    apiPost<{ url: string }>(`${p(patientId)}/kiosk`, { instrumentId }),
  schedule: (patientId: string, signal?: AbortSignal) =>
    apiGet<Schedule>(`${p(patientId)}/measurement-schedule`, { signal }),
  createPlan: (
    patientId: string,
    body: { name: string; rules: PlanRule[]; responsibleClinicianId?: string | null },
  ) => apiPost<Plan>(`${p(patientId)}/measurement-plans`, body),
  updatePlan: (
    id: string,
    body: { version: number; status?: 'active' | 'ended'; responsibleClinicianId?: string | null },
  ) => apiPatch<Plan>(`/api/measurement-plans/${encodeURIComponent(id)}`, body),
  addAnchor: (patientId: string, body: { at: string; label?: string | null }) =>
    apiPost<{ id: string }>(`${p(patientId)}/anchors`, body),
  cancelAnchor: (id: string) => apiPost<{ id: string }>(`/api/anchors/${encodeURIComponent(id)}/cancel`, {}),
  due: (signal?: AbortSignal) =>
    apiGet<{ items: DueRow[]; generatedAt: string }>('/api/measurement/due', { signal }),
};

/** `YYYY-MM-DDTHH:mm` in the browser's zone (for datetime-local inputs) → ISO with offset. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium' });
}
