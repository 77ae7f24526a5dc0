import { CITATIONS, type CitationId } from './citations';
import { validateProtocol, type EscalationRule, type Protocol, type ProtocolStep } from './protocol-schema';
import { deepFreeze } from './protocol-versioning';

/**
 * Built-in protocols: the defaults a clinic starts from. Each value carries the citations that support it
 * (see docs/clinical-sources.md#candidate-rule-defaults and the entries each citation links to); values
 * tagged secondary or unverified there are defaults a clinic is expected to review, which it does by
 * copying or revising the protocol, never by editing these.
 */

type Draft = Omit<Protocol, 'citations'>;

function collectCitationIds(d: Draft): CitationId[] {
  const ids: string[] = [
    ...d.steps.flatMap((s) => s.citationIds),
    ...d.escalation.flatMap((r) => r.citationIds),
    ...d.ceiling.citationIds,
    ...d.schedule.phases.flatMap((p) => p.citationIds),
    ...(d.schedule.onRelapse?.citationIds ?? []),
  ];
  return [...new Set(ids)] as CitationId[];
}

/** Attach the full citation objects, check the result and freeze it. A failure here is a bug in this file. */
function defineProtocol(draft: Draft): Protocol {
  const citations = collectCitationIds(draft).map((id) => {
    const c = CITATIONS[id];
    if (!c) throw new Error(`protocol '${draft.id}' cites unknown citation '${id}'`);
    return { ...c };
  });
  const result = validateProtocol({ ...draft, citations });
  if (!result.ok)
    throw new Error(
      `built-in protocol '${draft.id}' is invalid: ${result.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  return deepFreeze(result.protocol);
}

const IV_DEPRESSION_STANDARD: ProtocolStep = {
  id: 'standard',
  label: 'Standard dose 0.5 mg/kg over 40 min',
  kind: 'mg-per-kg',
  doseMgPerKg: 0.5,
  durationMin: 40,
  citationIds: ['murrough-2013', 'fava-2018-rapid', 'clinical-md-defaults'],
};

const IV_DEPRESSION_ESCALATED: ProtocolStep = {
  id: 'escalated',
  label: 'Escalated dose 0.75 mg/kg over 40 min',
  kind: 'mg-per-kg',
  doseMgPerKg: 0.75,
  durationMin: 40,
  // The dose is Cusin's; the 40 min is not (Cusin infused over 45 min), hence the assumed-duration citation.
  citationIds: ['cusin-2017', 'clinical-md-defaults', 'escalated-infusion-time-40-min-assumed'],
  notes:
    'Cusin 2017 gave both doses over 45 min; the 40 min here is assumed (carried over from the standard step). Revise the step to 45 min to follow the study.',
};

const IV_DEPRESSION_ESCALATION: EscalationRule = {
  id: 'escalate-after-non-response',
  fromStepId: 'standard',
  toStepId: 'escalated',
  minPriorSessionsWithoutResponse: 3,
  citationIds: ['cusin-2017', 'shiroma-2014', 'clinical-md-defaults'],
};

/** 1.0 mg/kg rests only on ASKP's 0.5–1 mg/kg range; no published ladder reaches it. */
const IV_DEPRESSION_CEILING = { mgPerKg: 1.0, citationIds: ['askp-dose-range', 'no-standard-ladder'] };

export const IV_DEPRESSION: Protocol = defineProtocol({
  id: 'iv-depression',
  version: 1,
  name: 'IV ketamine for depression (induction)',
  indication: 'depression',
  route: 'iv',
  description:
    '0.5 mg/kg over 40 min; 6 infusions, 2–3 a week over 2–3 weeks; 0.75 mg/kg after ≥ 3 infusions without response; ceiling 1.0 mg/kg.',
  steps: [IV_DEPRESSION_STANDARD, IV_DEPRESSION_ESCALATED],
  escalation: [IV_DEPRESSION_ESCALATION],
  ceiling: IV_DEPRESSION_CEILING,
  schedule: {
    phases: [
      {
        id: 'induction',
        label: 'Induction series',
        stepIds: ['standard', 'escalated'],
        frequency: { kind: 'per-week', min: 2, max: 3 },
        weeks: { min: 2, max: 3 },
        sessions: { min: 6, max: 6 },
        citationIds: ['murrough-2013', 'shiroma-2014', 'elekt-d-2023', 'clinical-md-defaults'],
      },
    ],
  },
});

export const IV_DEPRESSION_CAN_BIND_MAINTENANCE: Protocol = defineProtocol({
  id: 'iv-depression-can-bind',
  version: 1,
  name: 'IV ketamine for depression with CAN-BIND maintenance taper',
  indication: 'depression',
  route: 'iv',
  description:
    'Induction three times a week for 3–4 weeks, then weekly for 1 month, every 2 weeks for 2 months, monthly for 3 months; back to every 2 weeks on relapse.',
  steps: [IV_DEPRESSION_STANDARD, IV_DEPRESSION_ESCALATED],
  escalation: [IV_DEPRESSION_ESCALATION],
  ceiling: IV_DEPRESSION_CEILING,
  schedule: {
    phases: [
      {
        id: 'induction',
        label: 'Induction',
        stepIds: ['standard', 'escalated'],
        frequency: { kind: 'per-week', min: 3, max: 3 },
        weeks: { min: 3, max: 4 },
        citationIds: ['can-bind-2020'],
      },
      {
        id: 'maintenance-weekly',
        label: 'Maintenance: weekly',
        stepIds: ['standard', 'escalated'],
        frequency: { kind: 'every-n-weeks', weeks: 1 },
        months: { min: 1, max: 1 },
        citationIds: ['can-bind-2020'],
      },
      {
        id: 'maintenance-fortnightly',
        label: 'Maintenance: every 2 weeks',
        stepIds: ['standard', 'escalated'],
        frequency: { kind: 'every-n-weeks', weeks: 2 },
        months: { min: 2, max: 2 },
        citationIds: ['can-bind-2020'],
      },
      {
        id: 'maintenance-monthly',
        label: 'Maintenance: monthly',
        stepIds: ['standard', 'escalated'],
        frequency: { kind: 'every-n-months', months: 1 },
        months: { min: 3, max: 3 },
        citationIds: ['can-bind-2020'],
      },
    ],
    onRelapse: { returnToPhaseId: 'maintenance-fortnightly', citationIds: ['can-bind-2020'] },
  },
});

export const IV_PTSD_FEDER_2021: Protocol = defineProtocol({
  id: 'iv-ptsd-feder-2021',
  version: 1,
  name: 'IV ketamine for PTSD (Feder 2021 design)',
  indication: 'ptsd',
  route: 'iv',
  description: '6 infusions of 0.5 mg/kg over 2 consecutive weeks, 3 per week. The trial did not escalate.',
  steps: [
    {
      id: 'standard',
      label: '0.5 mg/kg over 40 min',
      kind: 'mg-per-kg',
      doseMgPerKg: 0.5,
      durationMin: 40,
      citationIds: ['feder-2021', 'feder-2014', 'infusion-time-40-min-assumed'],
    },
  ],
  escalation: [],
  // The trial design has no escalation, so the ceiling is the trial dose; escalating means revising.
  ceiling: { mgPerKg: 0.5, citationIds: ['feder-2021'] },
  schedule: {
    phases: [
      {
        id: 'induction',
        label: 'Two-week series',
        stepIds: ['standard'],
        frequency: { kind: 'per-week', min: 3, max: 3 },
        weeks: { min: 2, max: 2 },
        sessions: { min: 6, max: 6 },
        citationIds: ['feder-2021'],
      },
    ],
  },
});

export const IV_CHRONIC_PAIN: Protocol = defineProtocol({
  id: 'iv-chronic-pain',
  version: 1,
  name: 'IV ketamine for chronic pain (infusion 0.5–2 mg/kg/h)',
  indication: 'chronic-pain',
  route: 'iv',
  description:
    'Infusion 0.5–2 mg/kg/h (Cohen 2018). Default 0.5 mg/kg/h over 4 h; Cohen notes a dose–response with ≥ 80 mg over > 2 h.',
  steps: [
    {
      id: 'infusion',
      label: '0.5 mg/kg/h over 4 h (range 0.5–2 mg/kg/h)',
      kind: 'mg-per-kg-per-hour',
      doseMgPerKgPerHour: 0.5,
      durationMin: 240,
      doseRange: { min: 0.5, max: 2 },
      citationIds: ['cohen-2018', 'pain-infusion-time-4-h-assumed'],
      notes: 'The 4 h default follows the CRPS 0.35 mg/kg/h × 4 h regimen; Cohen gives no single duration.',
    },
  ],
  escalation: [],
  // 2 mg/kg/h is the top of the outpatient range; the 7 mg/kg/h figure is for refractory ICU cases only.
  ceiling: { mgPerKgPerHour: 2, citationIds: ['cohen-2018'] },
  schedule: {
    phases: [
      {
        id: 'course',
        label: 'Course set by the prescriber',
        stepIds: ['infusion'],
        frequency: { kind: 'as-prescribed' },
        citationIds: ['cohen-2018'],
        notes: 'Cohen 2018 gives no general schedule outside the CRPS and spinal-cord-injury regimens.',
      },
    ],
  },
});

export const IV_CRPS_DAILY_4H: Protocol = defineProtocol({
  id: 'iv-crps-daily-4h',
  version: 1,
  name: 'IV ketamine for CRPS: 0.35 mg/kg/h over 4 h daily for 10 days',
  indication: 'crps',
  route: 'iv',
  steps: [
    {
      id: 'daily-infusion',
      label: '0.35 mg/kg/h over 4 h',
      kind: 'mg-per-kg-per-hour',
      doseMgPerKgPerHour: 0.35,
      durationMin: 240,
      citationIds: ['cohen-2018'],
    },
  ],
  escalation: [],
  ceiling: { mgPerKgPerHour: 2, citationIds: ['cohen-2018'] },
  schedule: {
    phases: [
      {
        id: 'daily',
        label: 'Daily for 10 days',
        stepIds: ['daily-infusion'],
        frequency: { kind: 'per-week', min: 7, max: 7 },
        sessions: { min: 10, max: 10 },
        citationIds: ['cohen-2018'],
      },
    ],
  },
});

export const IV_CRPS_CONTINUOUS_22MG_H: Protocol = defineProtocol({
  id: 'iv-crps-continuous-22mg-h',
  version: 1,
  name: 'IV ketamine for CRPS: 22 mg/h continuous for 4 days',
  indication: 'crps',
  route: 'iv',
  description: 'Continuous infusion; one bag is prepared per 24 h, so one session is one day.',
  steps: [
    {
      id: 'day-bag',
      label: '22 mg/h for 24 h',
      kind: 'fixed-mg-per-hour',
      fixedMgPerHour: 22,
      durationMin: 1440,
      citationIds: ['cohen-2018'],
    },
  ],
  escalation: [],
  ceiling: { mgPerKgPerHour: 2, citationIds: ['cohen-2018'] },
  schedule: {
    phases: [
      {
        id: 'continuous',
        label: '4 consecutive days',
        stepIds: ['day-bag'],
        frequency: { kind: 'per-week', min: 7, max: 7 },
        sessions: { min: 4, max: 4 },
        citationIds: ['cohen-2018'],
      },
    ],
  },
});

const medscapeStep = (mgPerHour: number): ProtocolStep => ({
  id: `rate-${mgPerHour}`,
  label: `${mgPerHour} mg/h for 24 h`,
  kind: 'fixed-mg-per-hour',
  fixedMgPerHour: mgPerHour,
  durationMin: 1440,
  citationIds: ['medscape-crps'],
});

const MEDSCAPE_RATES = [20, 25, 30, 35, 40] as const;

export const IV_CRPS_INPATIENT_TITRATED: Protocol = defineProtocol({
  id: 'iv-crps-inpatient-titrated',
  version: 1,
  name: 'IV ketamine for CRPS, inpatient: 20 mg/h raised in 5 mg/h steps to 40 mg/h for 5 days',
  indication: 'crps',
  route: 'iv',
  description:
    'Adjuncts in the source (clonidine; lorazepam 1–2 mg for dysphoria) are not part of this dose plan.',
  steps: MEDSCAPE_RATES.map(medscapeStep),
  escalation: MEDSCAPE_RATES.slice(1).map((to, i) => ({
    id: `raise-to-${to}`,
    fromStepId: `rate-${MEDSCAPE_RATES[i] ?? 20}`,
    toStepId: `rate-${to}`,
    // The source raises the rate as tolerated, not after non-response sessions.
    minPriorSessionsWithoutResponse: 0,
    citationIds: ['medscape-crps'],
  })),
  ceiling: { totalMg: 40 * 24, mgPerKgPerHour: 2, citationIds: ['medscape-crps', 'cohen-2018'] },
  schedule: {
    phases: [
      {
        id: 'inpatient',
        label: '5 days',
        stepIds: MEDSCAPE_RATES.map((r) => `rate-${r}`),
        frequency: { kind: 'per-week', min: 7, max: 7 },
        sessions: { min: 5, max: 5 },
        citationIds: ['medscape-crps'],
      },
    ],
  },
});

export const IV_CRPS_OUTPATIENT: Protocol = defineProtocol({
  id: 'iv-crps-outpatient',
  version: 1,
  name: 'IV ketamine for CRPS, outpatient: 100–200 mg over 4 h',
  indication: 'crps',
  route: 'iv',
  steps: [
    {
      id: 'session',
      label: '100 mg over 4 h (range 100–200 mg)',
      kind: 'fixed-mg',
      fixedMg: 100,
      durationMin: 240,
      doseRange: { min: 100, max: 200 },
      citationIds: ['medscape-crps'],
    },
  ],
  escalation: [],
  ceiling: { totalMg: 200, mgPerKgPerHour: 2, citationIds: ['medscape-crps', 'cohen-2018'] },
  schedule: {
    phases: [
      {
        id: 'tapering',
        label: 'Sessions with tapering frequency',
        stepIds: ['session'],
        frequency: { kind: 'as-prescribed' },
        citationIds: ['medscape-crps'],
      },
    ],
  },
});

const device = (devices: number, id: string, label: string, citationIds: CitationId[]): ProtocolStep => ({
  id,
  label,
  kind: 'devices',
  devices,
  mgPerDevice: 28,
  minutesBetweenDevices: 5,
  citationIds,
});

const ESKETAMINE_TRD_PHASES = (stepIds: string[]) => [
  {
    id: 'induction',
    label: 'Weeks 1–4: twice weekly',
    stepIds,
    frequency: { kind: 'per-week' as const, min: 2, max: 2 },
    weeks: { min: 4, max: 4 },
    citationIds: ['spravato-pi'],
  },
  {
    id: 'optimisation',
    label: 'Weeks 5–8: weekly',
    stepIds,
    frequency: { kind: 'per-week' as const, min: 1, max: 1 },
    weeks: { min: 4, max: 4 },
    citationIds: ['spravato-pi'],
  },
  {
    id: 'maintenance',
    label: 'Week 9 onward: every 2 weeks or weekly (lowest frequency that maintains response)',
    stepIds,
    frequency: { kind: 'per-week' as const, min: 0.5, max: 1 },
    citationIds: ['spravato-pi'],
  },
];

export const ESKETAMINE_TRD: Protocol = defineProtocol({
  id: 'esketamine-trd',
  version: 1,
  name: 'Esketamine (SPRAVATO) for treatment-resistant depression, adults under 65',
  indication: 'treatment-resistant-depression',
  route: 'intranasal',
  description: '56 mg on day 1, then 56 or 84 mg. One device = 28 mg (2 sprays); 5 min between devices.',
  steps: [
    device(2, 'dose-56', '56 mg (2 devices)', ['spravato-pi']),
    device(3, 'dose-84', '84 mg (3 devices)', ['spravato-pi']),
  ],
  escalation: [
    {
      id: 'allow-84-after-day-1',
      fromStepId: 'dose-56',
      toStepId: 'dose-84',
      // The label chooses 56 or 84 mg after day 1 by efficacy and tolerability, not after sessions without
      // response. Day 1 being 56 mg counts sessions GIVEN, which the calculator's first-session rule checks
      // (src/domain/dosing/esketamine-label.ts).
      minPriorSessionsWithoutResponse: 0,
      citationIds: ['spravato-pi'],
    },
  ],
  ceiling: { totalMg: 84, citationIds: ['spravato-pi'] },
  schedule: { phases: ESKETAMINE_TRD_PHASES(['dose-56', 'dose-84']) },
});

export const ESKETAMINE_TRD_65_PLUS: Protocol = defineProtocol({
  id: 'esketamine-trd-65-plus',
  version: 1,
  name: 'Esketamine (SPRAVATO) for treatment-resistant depression, 65 and over',
  indication: 'treatment-resistant-depression',
  route: 'intranasal',
  description: 'Starts at 28 mg (secondary source: Hong Kong label via MIMS; check the current US PI).',
  steps: [
    device(1, 'dose-28', '28 mg (1 device)', ['spravato-elderly-mims']),
    // At 65 and over the 56 and 84 mg doses also rest on the secondary source's dosing for that age.
    device(2, 'dose-56', '56 mg (2 devices)', ['spravato-pi', 'spravato-elderly-mims']),
    device(3, 'dose-84', '84 mg (3 devices)', ['spravato-pi', 'spravato-elderly-mims']),
  ],
  // Raised by efficacy and tolerability, not after sessions without response; the 28 mg first session
  // counts sessions given (the calculator's first-session rule, start dose a clinic setting).
  escalation: [
    {
      id: 'raise-to-56',
      fromStepId: 'dose-28',
      toStepId: 'dose-56',
      minPriorSessionsWithoutResponse: 0,
      citationIds: ['spravato-elderly-mims'],
    },
    {
      id: 'raise-to-84',
      fromStepId: 'dose-56',
      toStepId: 'dose-84',
      minPriorSessionsWithoutResponse: 0,
      citationIds: ['spravato-elderly-mims'],
    },
  ],
  ceiling: { totalMg: 84, citationIds: ['spravato-pi'] },
  schedule: { phases: ESKETAMINE_TRD_PHASES(['dose-28', 'dose-56', 'dose-84']) },
});

export const ESKETAMINE_MDD_SUICIDAL: Protocol = defineProtocol({
  id: 'esketamine-mdd-suicidal',
  version: 1,
  name: 'Esketamine (SPRAVATO) for MDD with acute suicidal ideation or behaviour',
  indication: 'mdd-with-suicidal-ideation',
  route: 'intranasal',
  description: '84 mg twice weekly for 4 weeks; may be reduced to 56 mg. Does not replace hospitalisation.',
  steps: [
    device(3, 'dose-84', '84 mg (3 devices)', ['spravato-pi']),
    device(2, 'dose-56', '56 mg (2 devices), reduced dose', ['spravato-pi']),
  ],
  escalation: [],
  ceiling: { totalMg: 84, citationIds: ['spravato-pi'] },
  schedule: {
    phases: [
      {
        id: 'treatment',
        label: 'Twice weekly for 4 weeks',
        stepIds: ['dose-84', 'dose-56'],
        frequency: { kind: 'per-week', min: 2, max: 2 },
        weeks: { min: 4, max: 4 },
        citationIds: ['spravato-pi'],
      },
    ],
  },
});

export const PROTOCOL_LIBRARY: readonly Protocol[] = Object.freeze([
  IV_DEPRESSION,
  IV_DEPRESSION_CAN_BIND_MAINTENANCE,
  IV_PTSD_FEDER_2021,
  IV_CHRONIC_PAIN,
  IV_CRPS_DAILY_4H,
  IV_CRPS_CONTINUOUS_22MG_H,
  IV_CRPS_INPATIENT_TITRATED,
  IV_CRPS_OUTPATIENT,
  ESKETAMINE_TRD,
  ESKETAMINE_TRD_65_PLUS,
  ESKETAMINE_MDD_SUICIDAL,
]);

export function findLibraryProtocol(id: string): Protocol | undefined {
  return PROTOCOL_LIBRARY.find((p) => p.id === id);
}
