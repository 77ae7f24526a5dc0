import { classifyMedication, type MedicationEntry } from '../../../domain/intake/index.js';
import type { PmfChart } from '../../../domain/rems/index.js';
import type { RemsStatus } from '../rems/index.js';
import type { SessionFacts } from '../session/index.js';

/**
 * The chart values a Patient Monitoring Form reads, from the esketamine session: the patient, the
 * concomitant medicines in the listed classes (from the medication list), who monitored, the certified
 * setting, the treatment date, dose and lots, the minutes of monitoring, the three blood pressures and
 * whether a serious adverse event was charted. A value the chart does not hold stays null (the form
 * shows it missing), never guessed.
 */

const MINUTE = 60_000;
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const bp = (r: { systolic: number; diastolic: number } | null | undefined) =>
  r ? `${r.systolic}/${r.diastolic}` : null;

function splitName(displayName: string): { first: string; last: string } {
  const parts = displayName.trim().split(/\s+/);
  return {
    first: parts.slice(0, -1).join(' ') || parts[0] || '',
    last: parts.length > 1 ? parts.at(-1)! : '',
  };
}

/** The reading nearest 40 minutes after the first device, within 30–60 minutes (the label's "about 40"). */
function readingNear40(f: SessionFacts) {
  const start = f.chart.startedAt;
  if (start === null) return null;
  const near = f.chart.vitals
    .map((v) => ({ r: v.payload.reading, t: (v.entry.eventAt.getTime() - start) / MINUTE }))
    .filter((v) => v.t >= 30 && v.t <= 60)
    .sort((a, b) => Math.abs(a.t - 40) - Math.abs(b.t - 40));
  return near[0]?.r ?? null;
}

export interface PmfChartInput {
  facts: SessionFacts;
  patient: { given: string; family: string; sexAtBirth: string };
  medications: MedicationEntry[];
  monitoredBy: { displayName: string; email: string } | null;
  setting: RemsStatus['setting'];
  treatmentDate: string;
}

export function pmfChart(input: PmfChartInput): PmfChart {
  const { facts: f } = input;
  const classes = new Set(input.medications.flatMap((m) => classifyMedication(m.drug).classes));
  const hcp = input.monitoredBy ? splitName(input.monitoredBy.displayName) : null;
  const s = input.setting?.setting;
  const devices = f.chart.devices.length;
  const beforeEnd = [...f.chart.vitals]
    .reverse()
    .find((v) => f.chart.endedAt === null || v.entry.eventAt.getTime() <= f.chart.endedAt);
  const sex =
    input.patient.sexAtBirth === 'female' ? 'Female' : input.patient.sexAtBirth === 'male' ? 'Male' : 'Other';
  return {
    'patient.firstName': input.patient.given,
    'patient.lastName': input.patient.family,
    'patient.birthDate': f.patient.birthDate,
    'patient.sex': sex,
    'meds.benzodiazepine': yesNo(classes.has('benzodiazepine')),
    'meds.sedative_hypnotic': yesNo(classes.has('sedative_hypnotic')),
    'meds.psychostimulant': yesNo(classes.has('psychostimulant')),
    'meds.maoi': yesNo(classes.has('maoi')),
    'hcp.firstName': hcp?.first || null,
    'hcp.lastName': hcp?.last || null,
    'hcp.email': input.monitoredBy?.email ?? null,
    'setting.name': s?.name ?? null,
    'setting.address1': s?.address1 ?? null,
    'setting.address2': s?.address2 || null,
    'setting.city': s?.city ?? null,
    'setting.state': s?.state ?? null,
    'setting.zip': s?.zip ?? null,
    'treatment.date': input.treatmentDate,
    'treatment.dose': devices === 2 ? '56 mg' : devices === 3 ? '84 mg' : devices > 0 ? 'Other' : null,
    'treatment.lots':
      f.chart.devices.length > 0 ? [...new Set(f.chart.devices.map((d) => d.lot))].join(', ') : null,
    'monitoring.totalMinutes':
      f.chart.startedAt !== null && f.chart.endedAt !== null
        ? String(Math.floor((f.chart.endedAt - f.chart.startedAt) / MINUTE))
        : null,
    'bp.prior': bp(f.chart.answers.baselineVitals),
    'bp.at40': bp(readingNear40(f)),
    'bp.beforeCompletion': f.chart.endedAt === null ? null : bp(beforeEnd?.payload.reading),
    'sae.any': yesNo(f.chart.adverseEvents.some((a) => a.event.serious)),
  };
}
