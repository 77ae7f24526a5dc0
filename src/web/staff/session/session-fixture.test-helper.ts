import type { Me } from '../../../contracts/auth';
import { permissionTable, type StaffRole } from '../../../domain/auth';
import type { SessionView } from './session-api';

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function meAs(role: StaffRole): Me {
  return {
    stage: 'full',
    user: { id: uuid(500), email: 'someone@example.test', displayName: 'Someone', role },
    clinic: { id: 'c1', name: 'Clinic', isDemo: false, timeZone: 'America/New_York' },
    permissions: [...permissionTable[role]],
  };
}

const by = { id: uuid(900), label: 'N. Nurse' };

/** A session mid-infusion: a BP gate waiting for a physician, one reading with an alert, a scale, an event. */
export function sessionFixture(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: uuid(1),
    patient: { id: uuid(2), name: 'Alex Example', mrn: 'MRN-0001', birthDate: '1980-01-01' },
    appointmentId: null,
    chairLabel: 'Chair 3',
    kind: 'iv_ketamine',
    state: 'infusing',
    version: 7,
    checkedInAt: '2030-01-02T15:00:00.000Z',
    startedAt: '2030-01-02T15:10:00.000Z',
    stoppedAt: null,
    actions: ['pause', 'change_rate', 'stop', 'end_early', 'transfer_out'],
    readiness: { eligible: true, consentValid: true, flags: ['Hypertension history'], problems: [] },
    checklist: {
      answers: {},
      items: [
        { id: 'identity', label: 'Two patient identifiers', status: 'missing', reason: 'none checked' },
      ],
      complete: false,
      bpGate: {
        status: 'pending',
        threshold: { systolicAbove: 140, diastolicAbove: 90 },
        reason: 'Baseline 150/95 is above the threshold',
        source: 'docs/clinical-sources.md#blood-pressure',
      },
    },
    dose: {
      id: uuid(3),
      status: 'verified',
      totalMg: 35,
      concentrationMgPerMl: 1,
      pumpRateMlPerHour: 52.5,
      devices: null,
    },
    amount: {
      givenMg: 20,
      givenMl: 20,
      runningMinutes: 23,
      explanation: ['52.5 mL/h × 23 min = 20 mL'],
      comparison: null,
      differenceExplanation: null,
    },
    vitals: [
      {
        entryId: uuid(10),
        takenAt: '2030-01-02T15:20:00.000Z',
        recordedAt: '2030-01-02T15:20:00.000Z',
        reading: { systolic: 182, diastolic: 100, heartRate: 90, spo2: 97, respiratoryRate: 16 },
        alerts: [{ field: 'systolic', level: 'stop', message: 'Systolic 182 ≥ 180: consider stopping' }],
      },
    ],
    schedule: {
      slots: [{ due: '2030-01-02T15:30:00.000Z', status: 'late', takenAt: null }],
      nextDue: '2030-01-02T15:30:00.000Z',
    },
    scales: [
      {
        entryId: uuid(11),
        instrumentId: 'cadss6',
        label: 'CADSS-6',
        total: 8,
        version: '1',
        takenAt: '2030-01-02T15:25:00.000Z',
      },
    ],
    adverseEvents: [{ entryId: uuid(12), summary: 'Adverse event: Nausea (mild)', serious: false }],
    rescue: [],
    discharge: {
      met: false,
      unmet: [{ criterion: 'aldrete', reason: 'no modified Aldrete score yet' }],
      observationMinutes: null,
      requiredMinutes: 30,
    },
    devices: [],
    rems: null,
    pk: {
      model: 'Domino 1984',
      tMinutesFromStart: [0, 10, 20],
      plasmaNgMl: [0, 120, 180],
      effectSiteNgMl: [0, 60, 140],
      weightKg: 70,
    },
    note: { draft: ['Dose ordered 35 mg.'], signed: null, cosigned: null, amendments: [] },
    entries: [
      {
        id: uuid(20),
        clientEntryId: uuid(21),
        type: 'action',
        summary: 'start at 52.5 mL/h',
        eventAt: '2030-01-02T15:10:00.000Z',
        recordedAt: '2030-01-02T15:10:00.000Z',
        by,
      },
    ],
    pending: [],
    ...overrides,
  };
}

/** An esketamine session after its first device: 84 mg ordered (3 devices), REMS form due, a serious event. */
export function esketamineFixture(overrides: Partial<SessionView> = {}): SessionView {
  return sessionFixture({
    kind: 'esketamine',
    actions: ['stop'],
    dose: {
      id: uuid(3),
      status: 'verified',
      totalMg: 84,
      concentrationMgPerMl: null,
      pumpRateMlPerHour: null,
      devices: 3,
    },
    amount: null,
    pk: null,
    devices: [{ entryId: uuid(30), at: '2030-01-02T15:10:00.000Z', lot: 'LOT-A1' }],
    adverseEvents: [{ entryId: uuid(12), summary: 'Adverse event: Syncope (severe)', serious: true }],
    rems: {
      settingCertified: true,
      patientEnrolled: true,
      reportingPhone: '1-855-382-6022',
      formId: uuid(40),
      formStatus: 'due',
      dueOn: '2030-01-09',
    },
    ...overrides,
  });
}
