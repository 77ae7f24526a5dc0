import { nextInventoryDue } from './inventory.js';
import type { SmallLossPattern } from './significant-loss.js';
import type { LedgerSettings } from './ledger-settings.js';
import { addDays, daysBetween, type LocalDate, type SourceRef } from './ledger-types.js';

/**
 * What the ledger asks of the clinic today: counts not yet taken, an inventory coming due or overdue, a
 * DEA registration about to lapse, a loss report not yet sent. Shown on the ledger's first page and sent
 * once a day to the people accountable for the registration. Pure: every date is clinic-local and passed in.
 *
 * Counts: a count is due on each day a location's stock was handled (any movement other than a count) —
 * one a day with the `daily` cadence, two (opening and close) with `shift`. No federal rule sets a
 * cadence; it is the clinic's setting (docs/clinical-sources.md#controlled-substance-logs-in-practice).
 * A day in the last week whose counts fell short is shown as missed until a week has passed.
 */

export type DutyKind =
  'count' | 'inventory' | 'registration' | 'written_notice' | 'form_106' | 'loss_pattern' | 'patient_address';
export type DutyState = 'due' | 'overdue';

/** Each kind of duty in words, as the to-do list and the daily reminder title it. */
export const DUTY_TITLES: Record<DutyKind, string> = {
  count: 'Count',
  inventory: 'Inventory',
  registration: 'DEA registration',
  written_notice: 'Written notice of a loss',
  form_106: 'DEA Form 106',
  loss_pattern: 'Pattern of small losses',
  patient_address: 'Patient addresses for the administration log',
};

export interface Duty {
  kind: DutyKind;
  state: DutyState;
  /** The date it is (or was) due. */
  dueOn: LocalDate;
  /** What it is about, in words: a location, a DEA number, a discrepancy. */
  subject: string;
  /** The id of what it is about (location, registration, discrepancy), when there is one. */
  subjectId: string | null;
  message: string;
  source: SourceRef;
}

export interface LocationActivity {
  id: string;
  name: string;
  /** Per clinic-local date in the window: whether stock moved, and how many counts were submitted. */
  days: readonly { date: LocalDate; moved: boolean; counts: number }[];
}

export interface DutyInput {
  today: LocalDate;
  settings: Pick<LedgerSettings, 'countCadence' | 'inventoryIntervalMonths'>;
  locations: readonly LocationActivity[];
  /** The latest row of each DEA registration. */
  registrations: readonly { id: string; deaNumber: string; expiresOn: LocalDate }[];
  /** Inventories taken (initial, biennial, other). */
  inventories: readonly { kind: 'initial' | 'biennial' | 'other'; takenOn: LocalDate }[];
  /** The first date stock was received; null while the clinic has never held any. */
  firstStockOn: LocalDate | null;
  /** Reportable thefts and losses with their deadlines and what was sent. */
  lossReports: readonly {
    discrepancyId: string;
    writtenNoticeBy: LocalDate;
    form106By: LocalDate;
    writtenNoticeSent: boolean;
    form106Sent: boolean;
  }[];
  /** Products whose small losses make a pattern (smallLossPatterns), with the product's name. */
  lossPatterns?: readonly (SmallLossPattern & { productName: string })[];
  /**
   * How many patients given a Schedule III product in the last ADDRESS_WINDOW_DAYS have no address on
   * their chart (a number only: the list and the daily mail name no patient).
   */
  patientsWithoutAddress?: number;
}

/** How far back a missed count is still shown. */
export const MISSED_COUNT_WINDOW_DAYS = 7;
/** Days before an inventory is due from which it is shown. */
export const INVENTORY_NOTICE_DAYS = 30;
/** Days before a registration lapses from which it is shown (renewal takes weeks). */
export const REGISTRATION_NOTICE_DAYS = 60;
/** How far back administrations are checked for a patient without an address. */
export const ADDRESS_WINDOW_DAYS = 30;

const PRACTICE: SourceRef = {
  section: 'docs/clinical-sources.md#controlled-substance-logs-in-practice',
  evidence: 'secondary',
};
const INVENTORY: SourceRef = { section: 'docs/clinical-sources.md#dea-inventory', evidence: 'secondary' };
const REGISTRATION: SourceRef = {
  section: 'docs/clinical-sources.md#dea-records-content',
  evidence: 'primary',
};
const THEFT_LOSS: SourceRef = { section: 'docs/clinical-sources.md#dea-theft-loss', evidence: 'primary' };

export function countsRequiredPerDay(cadence: LedgerSettings['countCadence']): number {
  return cadence === 'shift' ? 2 : 1;
}

function countDuties(input: DutyInput): Duty[] {
  const required = countsRequiredPerDay(input.settings.countCadence);
  const oldest = addDays(input.today, -MISSED_COUNT_WINDOW_DAYS);
  const duties: Duty[] = [];
  for (const location of input.locations)
    for (const day of location.days) {
      if (!day.moved || day.counts >= required || day.date < oldest || day.date > input.today) continue;
      const today = day.date === input.today;
      duties.push({
        kind: 'count',
        state: today ? 'due' : 'overdue',
        dueOn: day.date,
        subject: location.name,
        subjectId: location.id,
        message: today
          ? `${required - day.counts} of ${required} count${required > 1 ? 's' : ''} still to take today`
          : `stock was handled on ${day.date} and ${day.counts} of ${required} count${required > 1 ? 's were' : ' was'} taken`,
        source: PRACTICE,
      });
    }
  return duties;
}

function inventoryDuties(input: DutyInput): Duty[] {
  if (input.firstStockOn === null && input.inventories.length === 0) return [];
  const initial = input.inventories.find((i) => i.kind === 'initial');
  if (!initial)
    return [
      {
        kind: 'inventory',
        state: 'overdue',
        dueOn: input.firstStockOn ?? input.today,
        subject: 'Initial inventory',
        subjectId: null,
        message: 'an initial inventory is taken on the first day controlled substances are handled',
        source: INVENTORY,
      },
    ];
  const latest = input.inventories.reduce((a, b) => (b.takenOn > a.takenOn ? b : a)).takenOn;
  const { dueBy } = nextInventoryDue(latest, input.settings.inventoryIntervalMonths);
  const left = daysBetween(input.today, dueBy);
  if (left > INVENTORY_NOTICE_DAYS) return [];
  return [
    {
      kind: 'inventory',
      state: left < 0 ? 'overdue' : 'due',
      dueOn: dueBy,
      subject: 'Biennial inventory',
      subjectId: null,
      message: `the last inventory was taken on ${latest}; the next is due by ${dueBy}`,
      source: INVENTORY,
    },
  ];
}

function registrationDuties(input: DutyInput): Duty[] {
  return input.registrations.flatMap((r): Duty[] => {
    const left = daysBetween(input.today, r.expiresOn);
    if (left > REGISTRATION_NOTICE_DAYS) return [];
    return [
      {
        kind: 'registration',
        state: left < 0 ? 'overdue' : 'due',
        dueOn: r.expiresOn,
        subject: r.deaNumber,
        subjectId: r.id,
        message:
          left < 0
            ? `lapsed on ${r.expiresOn}: no controlled substance may be handled under it`
            : `lapses on ${r.expiresOn}: renew it`,
        source: REGISTRATION,
      },
    ];
  });
}

function lossReportDuties(input: DutyInput): Duty[] {
  return input.lossReports.flatMap((l) => {
    const report = (kind: 'written_notice' | 'form_106', due: LocalDate, what: string): Duty => ({
      kind,
      state: input.today > due ? 'overdue' : 'due',
      dueOn: due,
      subject: 'Theft or significant loss',
      subjectId: l.discrepancyId,
      message: `${what} due by ${due}`,
      source: THEFT_LOSS,
    });
    return [
      ...(l.writtenNoticeSent
        ? []
        : [report('written_notice', l.writtenNoticeBy, 'written notice to the DEA Field Division')]),
      ...(l.form106Sent ? [] : [report('form_106', l.form106By, 'DEA Form 106')]),
    ];
  });
}

/**
 * A pattern of small losses of one product: the DEA says such a pattern should be treated as significant,
 * so it is put in front of those who judge losses until the window passes.
 */
function lossPatternDuties(input: DutyInput): Duty[] {
  return (input.lossPatterns ?? []).map((p) => ({
    kind: 'loss_pattern',
    state: 'due',
    dueOn: input.today,
    subject: p.productName,
    subjectId: null,
    message: `${p.discrepancyIds.length} count differences between ${p.from} and ${p.to}: consider whether together they are a significant loss`,
    source: p.source,
  }));
}

/**
 * Each administration's record carries the patient's address (docs/clinical-sources.md#dea-records-content);
 * patients given a dose without one on their chart are a gap in the log until the chart is completed.
 */
function patientAddressDuties(input: DutyInput): Duty[] {
  const n = input.patientsWithoutAddress ?? 0;
  if (n === 0) return [];
  return [
    {
      kind: 'patient_address',
      state: 'due',
      dueOn: input.today,
      subject: `${n} patient${n === 1 ? '' : 's'}`,
      subjectId: null,
      message: `given a controlled substance in the last ${ADDRESS_WINDOW_DAYS} days with no address on the chart: the administration log must carry it`,
      source: REGISTRATION,
    },
  ];
}

/** Everything due or overdue, overdue first, then by date. */
export function ledgerDuties(input: DutyInput): Duty[] {
  return [
    ...countDuties(input),
    ...inventoryDuties(input),
    ...registrationDuties(input),
    ...lossReportDuties(input),
    ...lossPatternDuties(input),
    ...patientAddressDuties(input),
  ].sort(
    (a, b) =>
      (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) ||
      (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0),
  );
}
