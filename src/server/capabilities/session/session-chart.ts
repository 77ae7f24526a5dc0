import type { ChecklistAnswersBody } from '../../../contracts/session.js';
import type { ExplanationLine } from '../../../domain/dosing/index.js';
import type { ScoreResult } from '../../../domain/instruments/index.js';
import type {
  AdverseEvent,
  PumpEvent,
  PumpRate,
  RescueAdministration,
  SessionState,
  VitalAlert,
  VitalsReading,
} from '../../../domain/session/index.js';

/**
 * A session's chart folded from its append-only entries, oldest first: the latest checklist answers
 * (each save adds to the earlier ones), the physician's blood-pressure decision, the pump events, the
 * readings, scales, events, rescue doses and the note's signatures. Nothing here is stored: the entries
 * are the record, and this is how they read.
 */

export interface StoredEntry {
  id: string;
  clientEntryId: string;
  type: string;
  payload: Record<string, unknown>;
  eventAt: Date;
  recordedAt: Date;
  recordedBy: string;
  recordedByLabel: string;
  stateAfter: string;
}

export interface ActionPayload {
  action: string;
  rate?: PumpRate;
  doseId?: string;
  lot?: string;
  reason?: string;
  escortPresent?: boolean;
  instructionsGiven?: boolean;
}
export interface VitalsPayload {
  reading: VitalsReading;
  alerts: VitalAlert[];
  confirmed: string[];
}
export interface ScalePayload {
  instrumentId: string;
  label: string;
  version: string;
  answers: Record<string, number>;
  result: ScoreResult;
}
export interface NoteSignPayload {
  text: string;
  sha256: string;
}

const person = (e: StoredEntry) => ({ id: e.recordedBy, label: e.recordedByLabel });

export interface FoldedChart {
  answers: ChecklistAnswersBody;
  bpDecision: { decision: 'proceed' | 'defer'; reason: string; role: 'physician' } | null;
  pump: PumpEvent[];
  doseId: string | null;
  startedAt: number | null;
  stoppedAt: number | null;
  endedAt: number | null;
  outcome: 'discharged' | 'ended_early' | 'transferred_out' | null;
  endReason: string | null;
  /** Esketamine devices taken, in order: the first with the start, the others as device entries. */
  devices: Array<{ entryId: string; at: number; lot: string }>;
  vitals: Array<{ entry: StoredEntry; payload: VitalsPayload }>;
  scales: Array<{ entry: StoredEntry; payload: ScalePayload }>;
  adverseEvents: Array<{ entry: StoredEntry; event: AdverseEvent }>;
  rescue: Array<{ entry: StoredEntry; dose: RescueAdministration }>;
  doseExplanation: string | null;
  signed: { text: string; sha256: string; by: { id: string; label: string }; at: Date } | null;
  cosigned: { by: { id: string; label: string }; at: Date } | null;
  amendments: Array<{ text: string; reason: string; by: { id: string; label: string }; at: Date }>;
}

const PUMP: Record<string, PumpEvent['type']> = {
  start: 'start',
  pause: 'pause',
  resume: 'resume',
  change_rate: 'rate_change',
  stop: 'stop',
};
const ENDINGS: Record<string, FoldedChart['outcome']> = {
  discharge: 'discharged',
  end_early: 'ended_early',
  transfer_out: 'transferred_out',
};

function foldAction(chart: FoldedChart, entry: StoredEntry): void {
  const p = entry.payload as unknown as ActionPayload;
  const at = entry.eventAt.getTime();
  const pumpType = PUMP[p.action];
  if (pumpType) {
    chart.pump.push(
      pumpType === 'start' || pumpType === 'rate_change'
        ? ({ type: pumpType, at, rate: p.rate! } as PumpEvent)
        : ({ type: pumpType, at } as PumpEvent),
    );
    if (pumpType === 'start') {
      chart.startedAt = at;
      chart.doseId = p.doseId ?? null;
      if (p.lot) chart.devices.push({ entryId: entry.id, at, lot: p.lot });
    }
    if (pumpType === 'stop') chart.stoppedAt = at;
  }
  const outcome = ENDINGS[p.action];
  if (outcome) {
    chart.outcome = outcome;
    chart.endedAt = at;
    chart.endReason = p.reason ?? null;
    // Ending while the pump runs stops it at that moment.
    if (chart.startedAt !== null && chart.stoppedAt === null) {
      chart.pump.push({ type: 'stop', at });
      chart.stoppedAt = at;
    }
  }
}

export function foldEntries(entries: readonly StoredEntry[]): FoldedChart {
  const chart: FoldedChart = {
    answers: {},
    bpDecision: null,
    pump: [],
    doseId: null,
    startedAt: null,
    stoppedAt: null,
    endedAt: null,
    outcome: null,
    endReason: null,
    devices: [],
    vitals: [],
    scales: [],
    adverseEvents: [],
    rescue: [],
    doseExplanation: null,
    signed: null,
    cosigned: null,
    amendments: [],
  };
  for (const entry of entries) {
    const p = entry.payload;
    switch (entry.type) {
      case 'checklist':
        chart.answers = { ...chart.answers, ...(p.answers as ChecklistAnswersBody) };
        break;
      case 'bp_decision':
        chart.bpDecision = {
          decision: p.decision as 'proceed' | 'defer',
          reason: String(p.reason),
          role: 'physician',
        };
        break;
      case 'action':
        foldAction(chart, entry);
        break;
      case 'device':
        chart.devices.push({ entryId: entry.id, at: entry.eventAt.getTime(), lot: String(p.lot) });
        break;
      case 'vitals':
        chart.vitals.push({ entry, payload: p as unknown as VitalsPayload });
        break;
      case 'scale':
        chart.scales.push({ entry, payload: p as unknown as ScalePayload });
        break;
      case 'adverse_event':
        chart.adverseEvents.push({ entry, event: p as unknown as AdverseEvent });
        break;
      case 'rescue':
        chart.rescue.push({ entry, dose: p as unknown as RescueAdministration });
        break;
      case 'dose_explanation':
        chart.doseExplanation = String(p.text);
        break;
      case 'note_sign':
        chart.signed = { ...(p as unknown as NoteSignPayload), by: person(entry), at: entry.recordedAt };
        break;
      case 'note_cosign':
        chart.cosigned = { by: person(entry), at: entry.recordedAt };
        break;
      case 'note_amend':
        chart.amendments.push({
          text: String(p.text),
          reason: String(p.reason),
          by: person(entry),
          at: entry.recordedAt,
        });
        break;
    }
  }
  return chart;
}

/** The state a session is in, as its last entry left it (check-in leaves checked_in). */
export const stateOf = (entries: readonly StoredEntry[]): SessionState =>
  (entries[entries.length - 1]?.stateAfter ?? 'checked_in') as SessionState;

/** An explanation line as one readable sentence: label = formula = value unit. */
export function explanationText(line: ExplanationLine): string {
  const value = Number.isInteger(line.value) ? String(line.value) : line.value.toFixed(2);
  return `${line.label}: ${line.formula} = ${value} ${line.unit}`.trim();
}
