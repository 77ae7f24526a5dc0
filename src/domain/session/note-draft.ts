import type { AdverseEvent, RescueAdministration } from './adverse-events.js';
import type { DoseComparison } from './amount-given.js';
import type { DischargeGateResult } from './discharge-gate.js';
import { sessionKindProfile } from './session-kinds.js';
import type { SessionKind } from './session-types.js';
import { VITAL_FIELDS, VITAL_LABELS, type VitalsReading } from './vitals.js';

/**
 * The session note as drafted from the chart, for the nurse to read, complete and sign: dose ordered and
 * given, times, the range of each vital sign, scales, adverse events, rescue medicines and discharge.
 * Plain text lines, the same lines for the same chart (times in the clinic's time zone).
 */

export interface SessionChart {
  kind: SessionKind;
  /** The clinic's IANA time zone, for clock times in the note. */
  timeZone: string;
  times: { checkedInAt: number; startedAt: number | null; stoppedAt: number | null; endedAt: number | null };
  outcome: 'discharged' | 'ended_early' | 'transferred_out' | null;
  endReason?: string | null;
  dose: { comparison: DoseComparison | null; differenceExplanation?: string | null };
  vitals: readonly { takenAt: number; reading: VitalsReading }[];
  scales: readonly { label: string; total: number | null; takenAt: number }[];
  adverseEvents: readonly AdverseEvent[];
  rescue: readonly RescueAdministration[];
  discharge: DischargeGateResult | null;
}

const round1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

function clock(timeZone: string): (t: number | null) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (t) => (t === null ? '—' : format.format(t));
}

function doseLines(c: SessionChart): string[] {
  const d = c.dose.comparison;
  if (!d) return ['Dose: no amount recorded'];
  const lines = [
    `Dose: ordered ${round1(d.orderedMg)} mg, given ${round1(d.givenMg)} mg (difference ${round1(d.differenceMg)} mg, ${round1(d.differencePercent)}%)`,
  ];
  if (d.flagged)
    lines.push(
      `Difference beyond the ${d.tolerancePercent}% tolerance: ${c.dose.differenceExplanation?.trim() || 'explanation not yet recorded'}`,
    );
  return lines;
}

function vitalsLines(c: SessionChart): string[] {
  if (c.vitals.length === 0) return ['Vital signs: none recorded'];
  const ranges = VITAL_FIELDS.flatMap((field) => {
    const values = c.vitals.map((v) => v.reading[field]).filter((v): v is number => v !== null);
    return values.length === 0
      ? []
      : [`${VITAL_LABELS[field]} ${Math.min(...values)}–${Math.max(...values)}`];
  });
  return [`Vital signs (${c.vitals.length} sets): ${ranges.join('; ')}`];
}

function listLines<T>(heading: string, items: readonly T[], text: (item: T) => string): string[] {
  return items.length === 0 ? [`${heading}: none`] : [`${heading}:`, ...items.map((i) => `- ${text(i)}`)];
}

function dischargeLines(c: SessionChart, at: (t: number | null) => string): string[] {
  if (c.outcome === 'ended_early' || c.outcome === 'transferred_out')
    return [
      `Session ${c.outcome === 'ended_early' ? 'ended early' : 'transferred to emergency care'} at ${at(c.times.endedAt)}: ${c.endReason?.trim() || 'reason not recorded'}`,
    ];
  if (c.outcome !== 'discharged' || !c.discharge) return ['Discharge: not yet'];
  const g = c.discharge;
  const aldrete = g.aldrete
    ? `Aldrete ${g.aldrete.total} (threshold ${g.aldrete.threshold}, version ${g.aldrete.instrumentVersion})`
    : null;
  const observed = `observed ${g.observation.minutes ?? '—'} min (minimum ${g.observation.requiredMinutes})`;
  return [
    `Discharged at ${at(c.times.endedAt)}: ${[aldrete, observed, 'escort present', 'written instructions given'].filter(Boolean).join('; ')}`,
  ];
}

/** The draft note, one string per line. */
export function draftSessionNote(c: SessionChart): string[] {
  const at = clock(c.timeZone);
  const t = c.times;
  return [
    `${sessionKindProfile(c.kind).label}`,
    `Checked in ${at(t.checkedInAt)}; started ${at(t.startedAt)}; stopped ${at(t.stoppedAt)}; ended ${at(t.endedAt)}`,
    ...doseLines(c),
    ...vitalsLines(c),
    ...listLines('Scales', c.scales, (s) => `${at(s.takenAt)} ${s.label}: ${s.total ?? 'not scored'}`),
    ...listLines(
      'Adverse events',
      c.adverseEvents,
      (e) =>
        `${at(e.onsetAt)} ${e.term} (${e.category.replace('_', ' ')}), ${e.severity}${e.serious ? ', serious' : ''}; action ${e.action.replaceAll('_', ' ')}${e.actionNote ? ` (${e.actionNote})` : ''}; ${e.outcome}`,
    ),
    ...listLines(
      'Rescue medicines',
      c.rescue,
      (r) => `${at(r.givenAt)} ${r.medicationName} ${r.doseMg} mg ${r.route.toUpperCase()}`,
    ),
    ...dischargeLines(c, at),
  ];
}
