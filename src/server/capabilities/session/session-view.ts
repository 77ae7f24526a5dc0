import type { SessionView } from '../../../contracts/session.js';
import type { ClinicSettings } from '../../../domain/clinic/index.js';
import type { ComputedDose } from '../../../domain/dosing/index.js';
import type { StaffRole } from '../../../domain/auth/index.js';
import { simulate, DEFAULT_MODEL_ID } from '../../../domain/pk/index.js';
import {
  ACTION_ROLES,
  actionsFrom,
  amountGiven,
  compareWithOrder,
  draftSessionNote,
  evaluateBpGate,
  evaluateChecklist,
  evaluateDischargeGate,
  sessionKindProfile,
  toPkSegments,
  vitalsSchedule,
  type ChecklistAnswers,
  type ChecklistEvaluation,
  type DischargeGateResult,
  type SessionKind,
  type SessionState,
} from '../../../domain/session/index.js';
import type { ReadinessView } from '../../../contracts/intake.js';
import { DEFAULT_PMF_TEMPLATE, MG_PER_DEVICE } from '../../../domain/rems/index.js';
import { explanationText, type FoldedChart, type StoredEntry } from './session-chart.js';
import type { DoseRow, SessionRow } from './session.queries.js';

/**
 * The session as the chair sees it: the folded chart run through the session rules with the clinic's
 * settings at `now`. Every computed number (amount given, gate, schedule) comes with what it was made
 * from, so the screen can show its inputs.
 */

export interface SessionFacts {
  session: SessionRow;
  patient: { id: string; name: string; mrn: string; birthDate: string };
  entries: StoredEntry[];
  chart: FoldedChart;
  settings: ClinicSettings;
  readiness: ReadinessView;
  phq9Item9: number | null;
  cssrsRisk: 'low' | 'moderate' | 'high' | null;
  dose: DoseRow | null;
  /** Esketamine: the REMS status of the setting and the patient, and the session's monitoring form. */
  rems: {
    settingCertified: boolean;
    patientEnrolled: boolean;
    form: { id: string; dueOn: string; status: 'submitted' | 'due' | 'due_today' | 'overdue' } | null;
  } | null;
  /**
   * Read only when the note is signed: whether the clinic keeps its controlled-substance ledger here, and
   * the session's administrations in it that no correction reversed.
   */
  ledger?: {
    kept: boolean;
    administrations: { containerId: string; quantityUg: number; labelNumber: string }[];
  };
  now: Date;
}

const CONSENT_BLOCKERS = new Set(['no_consent', 'consent_not_valid']);

export function readinessInput(r: ReadinessView) {
  return {
    eligible: r.blockers.every((b) => CONSENT_BLOCKERS.has(b.code)),
    consentValid: r.blockers.every((b) => !CONSENT_BLOCKERS.has(b.code)),
    flags: r.flags.map(
      (f) => `${f.title} (${f.severity === 'relative' ? 'relative contraindication' : 'flag'})`,
    ),
    problems: r.blockers.map((b) => b.message),
  };
}

/** The checklist answers the rules read: the nurse's, plus what the server knows (readiness, scores). */
export function checklistAnswersOf(f: SessionFacts): ChecklistAnswers {
  const a = f.chart.answers;
  return {
    identifiers: a.identifiers,
    readiness: readinessInput(f.readiness),
    fasting: a.fasting ?? undefined,
    escortConfirmed: a.escortConfirmed,
    transportConfirmed: a.transportConfirmed,
    noDrivingAcknowledged: a.noDrivingAcknowledged,
    canBePregnant: a.canBePregnant,
    pregnancyTest: a.pregnancyTest ?? null,
    medicationsReviewed: a.medicationsReviewed,
    weightKg: a.weightKg ?? null,
    baselineVitals: a.baselineVitals ?? null,
    bpDecision: f.chart.bpDecision
      ? {
          decision: f.chart.bpDecision.decision,
          reason: f.chart.bpDecision.reason,
          decidedBy: { role: 'physician' },
        }
      : null,
    suicideRisk: {
      phq9Item9: f.phq9Item9,
      cssrsRisk: f.cssrsRisk,
      reviewed: a.suicideRiskReviewed === true,
      acknowledgement: a.suicideRiskAcknowledgement
        ? { by: { role: 'physician' }, note: a.suicideRiskAcknowledgement }
        : null,
    },
  };
}

export function evaluateSessionChecklist(f: SessionFacts): ChecklistEvaluation {
  return evaluateChecklist(f.session.kind as SessionKind, checklistAnswersOf(f), {
    bpGate: f.settings.session.bpGate,
    pregnancyTestRequired: f.settings.session.pregnancyTestRequired,
    fastingHours: f.settings.scheduling.infusionFastingHours,
    plausibleWeightKg: f.settings.dosing.plausibleWeightKg,
    phq9SafetyAlertFrom: f.settings.measurement.phq9SafetyAlertFrom,
  });
}

const ivDose = (dose: DoseRow | null) => {
  const result = dose?.result as ComputedDose | undefined;
  return result?.route === 'iv' ? result : null;
};

/** Esketamine: the devices taken × 28 mg, against the ordered devices. */
function deviceAmount(f: SessionFacts) {
  const givenMg = f.chart.devices.length * MG_PER_DEVICE;
  const given = {
    givenMg,
    givenMl: null,
    runningMs: 0,
    pausedMs: 0,
    startedAt: f.chart.startedAt ?? 0,
    stoppedAt: f.chart.stoppedAt,
    segments: [],
    explanation: [
      {
        quantity: 'givenMg',
        label: 'Given',
        value: givenMg,
        unit: 'mg',
        formula: `${f.chart.devices.length} devices × ${MG_PER_DEVICE} mg`,
        inputs: [],
        rounding: null,
      },
    ],
  };
  const comparison = f.dose ? compareWithOrder(givenMg, f.dose.totalMg, 0) : null;
  return { given, comparison: comparison?.ok ? comparison.value : null };
}

/** The amount given so far (pump events for IV, devices for esketamine), and its comparison with the order. */
export function amountOf(f: SessionFacts) {
  if (f.session.kind === 'esketamine') return f.chart.startedAt === null ? null : deviceAmount(f);
  if (f.chart.pump.length === 0) return null;
  const computed = ivDose(f.dose);
  const given = amountGiven(f.chart.pump, {
    concentrationMgPerMl: computed?.finalConcentrationMgPerMl ?? null,
    asOf: f.now.getTime(),
  });
  if (!given.ok) return null;
  const comparison = f.dose
    ? compareWithOrder(given.value.givenMg, f.dose.totalMg, f.settings.session.amountTolerancePercent)
    : null;
  return { given: given.value, comparison: comparison?.ok ? comparison.value : null };
}

/** The discharge gate now; the escort and the written instructions are confirmed at the door. */
export function dischargeGateOf(
  f: SessionFacts,
  door: { escortPresent: boolean; instructionsGiven: boolean },
): DischargeGateResult {
  const kind = f.session.kind as SessionKind;
  const aldrete = [...f.chart.scales].reverse().find((s) => s.payload.instrumentId === 'aldrete');
  const observationFrom =
    sessionKindProfile(kind).observationFrom === 'first-dose' ? f.chart.startedAt : f.chart.stoppedAt;
  return evaluateDischargeGate(
    {
      kind,
      now: f.now.getTime(),
      observationFrom,
      aldrete: aldrete ? { result: aldrete.payload.result, takenAt: aldrete.entry.eventAt.getTime() } : null,
      escortPresent: door.escortPresent,
      instructionsGiven: door.instructionsGiven,
      clinicianJudgedStable: true,
    },
    f.settings.session.minimumObservation,
  );
}

function pkOf(f: SessionFacts, amount: ReturnType<typeof amountOf>): SessionView['pk'] {
  const computed = ivDose(f.dose);
  if (!computed || !amount || f.chart.startedAt === null) return null;
  const doses = toPkSegments(amount.given.segments, f.chart.startedAt);
  if (doses.length === 0) return null;
  const lastMin = Math.max(...doses.map((d) => (d.kind === 'infusion' ? d.endMin : d.atMin)));
  const untilMin = Math.max(60, Math.ceil(lastMin + 60));
  const weightKg = computed.patient.weightKg;
  const result = simulate(
    { model: DEFAULT_MODEL_ID, patient: { weightKg }, doses },
    { untilMin, stepMin: untilMin > 240 ? 2 : 1, outputs: { ce: true } },
  );
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    model: result.model.name,
    tMinutesFromStart: Array.from(result.tMin),
    plasmaNgMl: Array.from(result.cpNgMl, round),
    effectSiteNgMl: Array.from(result.ceNgMl ?? [], round),
    weightKg,
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function entrySummary(e: StoredEntry): string {
  const p = e.payload;
  switch (e.type) {
    case 'vitals': {
      const r = (p.reading ?? {}) as Record<string, number | null>;
      return `Vitals ${r.systolic}/${r.diastolic} HR ${r.heartRate} SpO2 ${r.spo2}${r.respiratoryRate ? ` RR ${r.respiratoryRate}` : ''}`;
    }
    case 'action':
      return `${String(p.action).replace(/_/g, ' ')}${p.rate ? ` at ${(p.rate as { value: number; unit: string }).value} ${(p.rate as { unit: string }).unit}` : ''}${p.reason ? `: ${String(p.reason)}` : ''}`;
    case 'scale':
      return `${String(p.label)} ${(p.result as { total: number | null }).total ?? '—'}`;
    case 'adverse_event':
      return `Adverse event: ${String(p.term)} (${String(p.severity)}${p.serious ? ', serious' : ''})`;
    case 'rescue':
      return `Rescue: ${String(p.medicationName)} ${String(p.doseMg)} mg ${String(p.route)}`;
    case 'bp_decision':
      return `Blood pressure decision: ${String(p.decision)} — ${String(p.reason)}`;
    default:
      return e.type.replace(/_/g, ' ');
  }
}

export function buildSessionView(f: SessionFacts, role: StaffRole): SessionView {
  const kind = f.session.kind as SessionKind;
  const state = f.session.state as SessionState;
  const checklist = evaluateSessionChecklist(f);
  const baseline = f.chart.answers.baselineVitals ?? null;
  const gate = baseline
    ? evaluateBpGate(baseline, f.settings.session.bpGate, checklistAnswersOf(f).bpDecision ?? null)
    : null;
  const amount = amountOf(f);
  const discharge = dischargeGateOf(f, { escortPresent: true, instructionsGiven: true });
  const schedule =
    f.chart.startedAt === null
      ? null
      : vitalsSchedule(
          kind,
          { startedAt: f.chart.startedAt, stoppedAt: f.chart.stoppedAt, endedAt: f.chart.endedAt },
          f.chart.vitals.map((v) => v.entry.eventAt.getTime()),
          f.settings.session.vitalsCadence,
          f.now.getTime(),
        );
  const computed = ivDose(f.dose);
  const note = draftSessionNote({
    kind,
    timeZone: f.settings.timeZone,
    times: {
      checkedInAt: f.session.checkedInAt.getTime(),
      startedAt: f.chart.startedAt,
      stoppedAt: f.chart.stoppedAt,
      endedAt: f.chart.endedAt,
    },
    outcome: f.chart.outcome,
    endReason: f.chart.endReason,
    dose: { comparison: amount?.comparison ?? null, differenceExplanation: f.chart.doseExplanation },
    vitals: f.chart.vitals.map((v) => ({ takenAt: v.entry.eventAt.getTime(), reading: v.payload.reading })),
    scales: f.chart.scales.map((s) => ({
      label: s.payload.label,
      total: s.payload.result.total,
      takenAt: s.entry.eventAt.getTime(),
    })),
    adverseEvents: f.chart.adverseEvents.map((a) => a.event),
    rescue: f.chart.rescue.map((r) => r.dose),
    discharge: f.chart.outcome === 'discharged' ? discharge : null,
  });
  return {
    id: f.session.id,
    patient: f.patient,
    appointmentId: f.session.appointmentId,
    chairLabel: f.session.chairLabel,
    kind,
    state,
    version: f.session.version,
    checkedInAt: f.session.checkedInAt.toISOString(),
    startedAt: iso(f.chart.startedAt),
    stoppedAt: iso(f.chart.stoppedAt),
    actions: actionsFrom(state, kind).filter((a) => ACTION_ROLES[a].includes(role)),
    readiness: readinessInput(f.readiness),
    checklist: {
      answers: f.chart.answers as Record<string, unknown>,
      items: checklist.items.map((i) => ({ id: i.id, label: i.label, status: i.status, reason: i.reason })),
      complete: checklist.complete,
      bpGate: {
        status: checklist.bpGate,
        threshold: f.settings.session.bpGate,
        reason: gate?.reason ?? 'No baseline blood pressure yet.',
        source: 'docs/clinical-sources.md#blood-pressure',
      },
    },
    dose: f.dose
      ? {
          id: f.dose.id,
          status: f.dose.status,
          totalMg: f.dose.totalMg,
          concentrationMgPerMl: computed?.finalConcentrationMgPerMl ?? null,
          pumpRateMlPerHour: computed?.pumpRateMlPerHour ?? null,
          devices:
            (f.dose.result as ComputedDose).route === 'intranasal'
              ? (f.dose.result as { devices: number }).devices
              : null,
        }
      : null,
    amount: amount
      ? {
          givenMg: amount.given.givenMg,
          givenMl: amount.given.givenMl,
          runningMinutes: amount.given.runningMs / 60_000,
          explanation: amount.given.explanation.map(explanationText),
          comparison: amount.comparison
            ? {
                orderedMg: amount.comparison.orderedMg,
                differenceMg: amount.comparison.differenceMg,
                differencePercent: amount.comparison.differencePercent,
                tolerancePercent: amount.comparison.tolerancePercent,
                flagged: amount.comparison.flagged,
              }
            : null,
          differenceExplanation: f.chart.doseExplanation,
        }
      : null,
    vitals: [...f.chart.vitals].reverse().map((v) => ({
      entryId: v.entry.id,
      takenAt: v.entry.eventAt.toISOString(),
      recordedAt: v.entry.recordedAt.toISOString(),
      reading: v.payload.reading,
      alerts: v.payload.alerts.map((a) => ({ field: a.field, level: a.level, message: a.message })),
    })),
    schedule: {
      slots: (schedule?.slots ?? []).map((s) => ({
        due: iso(s.due)!,
        status: s.status,
        takenAt: iso(s.takenAt),
      })),
      nextDue: iso(schedule?.nextDue ?? null),
    },
    scales: f.chart.scales.map((s) => ({
      entryId: s.entry.id,
      instrumentId: s.payload.instrumentId,
      label: s.payload.label,
      total: s.payload.result.total,
      version: s.payload.version,
      takenAt: s.entry.eventAt.toISOString(),
    })),
    adverseEvents: f.chart.adverseEvents.map((a) => ({
      entryId: a.entry.id,
      summary: entrySummary(a.entry),
      serious: a.event.serious,
    })),
    rescue: f.chart.rescue.map((r) => ({ entryId: r.entry.id, summary: entrySummary(r.entry) })),
    discharge: {
      met: discharge.met,
      unmet: discharge.unmet.map((u) => ({ criterion: u.criterion, reason: u.reason })),
      observationMinutes: discharge.observation.minutes,
      requiredMinutes: discharge.observation.requiredMinutes,
    },
    pk: pkOf(f, amount),
    devices: f.chart.devices.map((d) => ({
      entryId: d.entryId,
      at: new Date(d.at).toISOString(),
      lot: d.lot,
    })),
    rems: f.rems
      ? {
          settingCertified: f.rems.settingCertified,
          patientEnrolled: f.rems.patientEnrolled,
          reportingPhone: DEFAULT_PMF_TEMPLATE.submission.phone,
          formId: f.rems.form?.id ?? null,
          formStatus: f.rems.form?.status ?? null,
          dueOn: f.rems.form?.dueOn ?? null,
        }
      : null,
    note: {
      draft: note,
      signed: f.chart.signed
        ? {
            text: f.chart.signed.text,
            sha256: f.chart.signed.sha256,
            by: f.chart.signed.by,
            at: f.chart.signed.at.toISOString(),
          }
        : null,
      cosigned: f.chart.cosigned ? { by: f.chart.cosigned.by, at: f.chart.cosigned.at.toISOString() } : null,
      amendments: f.chart.amendments.map((a) => ({ ...a, at: a.at.toISOString() })),
    },
    entries: f.entries.map((e) => ({
      id: e.id,
      clientEntryId: e.clientEntryId,
      type: e.type,
      summary: entrySummary(e),
      eventAt: e.eventAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
      by: { id: e.recordedBy, label: e.recordedByLabel },
    })),
    pending: [],
  };
}
