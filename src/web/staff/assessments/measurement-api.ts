import type { InstrumentId } from '../../../domain/instruments/index';
import type {
  AmendResponseRequest,
  AmendResponseResult,
  Anchor,
  AnchorRequest,
  DueList,
  InstrumentEntry,
  Plan,
  PlanCreateRequest,
  PlanUpdateRequest,
  RecordResponseRequest,
  RecordResponseResult,
  ResponseDetail,
  ResponsesPage,
  SafetyActionRequest,
  SafetyActionResult,
  SafetyAlert,
  SafetyTask,
  Schedule,
  TrajectoryView,
} from '../../../contracts/measurement';
import type {
  CreatedSelfReportLink,
  KioskStarted,
  SelfReportLink,
  SendLinkRequest,
} from '../../../contracts/self-report';
import { apiGet, apiPatch, apiPost } from '../api-client';

/** The measurement-based-care API; request and response shapes are in src/contracts/measurement.ts and self-report.ts. */

const p = (id: string) => `/api/patients/${encodeURIComponent(id)}`;

export const measurementApi = {
  instruments: (signal?: AbortSignal) => apiGet<{ items: InstrumentEntry[] }>('/api/instruments', { signal }),
  record: (patientId: string, body: RecordResponseRequest) =>
    apiPost<RecordResponseResult>(`${p(patientId)}/assessments`, body),
  responses: (patientId: string, signal?: AbortSignal) =>
    apiGet<ResponsesPage>(`${p(patientId)}/assessments?limit=200`, { signal }),
  response: (id: string) => apiGet<ResponseDetail>(`/api/assessments/${encodeURIComponent(id)}`),
  amend: (id: string, body: AmendResponseRequest) =>
    apiPost<AmendResponseResult>(`/api/assessments/${encodeURIComponent(id)}/amend`, body),
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
  act: (alertId: string, body: SafetyActionRequest) =>
    apiPost<SafetyActionResult>(`/api/safety-alerts/${encodeURIComponent(alertId)}/actions`, body),
  links: (patientId: string, signal?: AbortSignal) =>
    apiGet<{ items: SelfReportLink[] }>(`${p(patientId)}/self-report-links`, { signal }),
  sendLink: (patientId: string, body: SendLinkRequest) =>
    apiPost<CreatedSelfReportLink>(`${p(patientId)}/self-report-links`, body),
  revokeLink: (id: string) =>
    apiPost<SelfReportLink>(`/api/self-report-links/${encodeURIComponent(id)}/revoke`, {}),
  startKiosk: (patientId: string, instrumentId: string) =>
    apiPost<KioskStarted>(`${p(patientId)}/kiosk`, { instrumentId }),
  schedule: (patientId: string, signal?: AbortSignal) =>
    apiGet<Schedule>(`${p(patientId)}/measurement-schedule`, { signal }),
  createPlan: (patientId: string, body: PlanCreateRequest) =>
    apiPost<Plan>(`${p(patientId)}/measurement-plans`, body),
  updatePlan: (id: string, body: PlanUpdateRequest) =>
    apiPatch<Plan>(`/api/measurement-plans/${encodeURIComponent(id)}`, body),
  addAnchor: (patientId: string, body: AnchorRequest) => apiPost<Anchor>(`${p(patientId)}/anchors`, body),
  cancelAnchor: (id: string) =>
    apiPost<{ id: string; cancelled: true }>(`/api/anchors/${encodeURIComponent(id)}/cancel`, {}),
  due: (signal?: AbortSignal) => apiGet<DueList>('/api/measurement/due', { signal }),
};

/** `YYYY-MM-DDTHH:mm` in the browser's zone (for datetime-local inputs) → ISO with offset. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}
