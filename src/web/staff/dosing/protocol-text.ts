import type { ClinicProtocolEntry } from '../../../contracts/dosing';
import {
  STEP_DOSE_UNIT,
  stepDoseValue,
  type Protocol,
  type ProtocolCeiling,
  type ProtocolStep,
  type SchedulePhase,
} from '../../../domain/protocols';
import { formatDateTime } from '../format';

// Protocol parts as plain text for the protocols page; free of React so the wording is unit-tested.

export type CeilingLimit = 'mgPerKg' | 'mgPerKgPerHour' | 'totalMg';

/** The three ceiling limits in display order: the unit on the card, the label in the revise form. */
export const CEILING_LIMITS: ReadonlyArray<{ key: CeilingLimit; unit: string; label: string }> = [
  { key: 'mgPerKg', unit: 'mg/kg', label: 'mg/kg' },
  { key: 'mgPerKgPerHour', unit: 'mg/kg/h', label: 'mg/kg/h' },
  { key: 'totalMg', unit: 'mg', label: 'total mg' },
];

export function doseText(step: ProtocolStep): string {
  const unit = STEP_DOSE_UNIT[step.kind];
  const base = `${stepDoseValue(step)} ${unit}`;
  if (step.kind === 'devices')
    return `${step.devices} device(s) × ${step.mgPerDevice} mg, ${step.minutesBetweenDevices} min apart`;
  return step.durationMin === 0 ? `${base}, IV push` : `${base} over ${step.durationMin} min`;
}

export function rangeText(step: ProtocolStep): string {
  return step.doseRange ? `${step.doseRange.min}–${step.doseRange.max} ${STEP_DOSE_UNIT[step.kind]}` : '—';
}

/** The limits the ceiling sets, e.g. "0.75 mg/kg; 100 mg". */
export function ceilingText(c: ProtocolCeiling): string {
  return CEILING_LIMITS.map(({ key, unit }) => (c[key] !== undefined ? `${c[key]} ${unit}` : ''))
    .filter(Boolean)
    .join('; ');
}

export function frequencyText(f: SchedulePhase['frequency']): string {
  switch (f.kind) {
    case 'per-week':
      return f.min === f.max ? `${f.min} a week` : `${f.min}–${f.max} a week`;
    case 'every-n-weeks':
      return `every ${f.weeks} week(s)`;
    case 'every-n-months':
      return `every ${f.months} month(s)`;
    case 'as-prescribed':
      return 'as prescribed';
  }
}

/** How often and for how long a phase runs, e.g. "2–3 a week, 6–6 sessions, 2–3 weeks". */
export function phaseText(ph: SchedulePhase): string {
  const span = (r: { min: number; max: number } | undefined, unit: string) =>
    r ? `, ${r.min}–${r.max} ${unit}` : '';
  return `${frequencyText(ph.frequency)}${span(ph.sessions, 'sessions')}${span(ph.weeks, 'weeks')}${span(ph.months, 'months')}`;
}

/** Who saved a clinic version and when, where it came from, and why. */
export function savedByText(entry: ClinicProtocolEntry, protocol: Protocol): string {
  return [
    `Saved by ${entry.createdBy.label} on ${formatDateTime(entry.createdAt)}`,
    entry.copiedFrom ? `; copied from ${entry.copiedFrom.id} v${entry.copiedFrom.version}` : '',
    protocol.lineage?.supersedes ? `; replaces version ${protocol.lineage.supersedes.version}` : '',
    entry.note ? `. Note: ${entry.note}` : '',
  ].join('');
}

/** A setting value as compact text: `{"a":1,"b":2}` becomes `a: 1, b: 2`. */
export function settingText(v: unknown): string {
  return JSON.stringify(v).replace(/[{}"]/g, '').replace(/,/g, ', ').replace(/:/g, ': ');
}
