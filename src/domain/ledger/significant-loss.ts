import type { LedgerSettings } from './ledger-settings.js';
import {
  addDays,
  daysBetween,
  fail,
  isFilled,
  isInstant,
  isLocalDate,
  isoWeekday,
  ok,
  type LocalDate,
  type Problem,
  type Result,
  type SourceRef,
} from './ledger-types.js';
import { strengthLabel, type Product } from './products.js';
import { formatMg, formatMl, type Strength } from './quantities.js';

/**
 * Theft and significant loss (docs/clinical-sources.md#dea-theft-loss). A theft, or a loss the registrant
 * judges significant, must be reported to the DEA Field Division in writing within one business day of
 * discovery, and on DEA Form 106 (filed online) within 45 days. The regulation gives factors for judging
 * significance, not a threshold, so no number here decides it: the user answers each factor, and the
 * registrant records the judgement and the reasons. A continuing pattern of small losses should be
 * considered significant; the pattern detector below surfaces one, with a count and a window that are
 * settings because no source sets them.
 */

const THEFT_LOSS: SourceRef = { section: 'docs/clinical-sources.md#dea-theft-loss', evidence: 'primary' };

export const SIGNIFICANCE_FACTORS = [
  {
    id: 'quantity_vs_business',
    question: 'How large is the quantity lost compared with what this clinic usually handles?',
  },
  { id: 'substance', question: 'Which controlled substance was lost?' },
  {
    id: 'individuals_or_activities',
    question: 'Can the loss be tied to access by particular people, or to a particular activity?',
  },
  {
    id: 'pattern',
    question:
      'Is there a pattern of losses over time, do they look random, and what came of efforts to resolve them?',
  },
  { id: 'diversion_candidate', question: 'Is this substance a likely candidate for diversion?' },
  { id: 'local_trends', question: 'Do local trends or other signs point to diversion of this substance?' },
] as const;

export type SignificanceFactorId = (typeof SIGNIFICANCE_FACTORS)[number]['id'];

export interface FactorAnswer {
  factor: SignificanceFactorId;
  /** Whether this factor points toward a significant loss. */
  pointsToSignificance: 'yes' | 'no' | 'unsure';
  note: string;
}

export interface LossJudgementInput {
  kind: 'theft' | 'loss';
  discoveredOn: LocalDate;
  answers: readonly FactorAnswer[];
  /** The registrant's judgement; a theft is reported whatever it says. */
  judgement: 'significant' | 'not_significant';
  rationale: string;
  judgedBy: string;
  judgedAt: number;
  /** Whether the small-loss pattern detector flagged this product. */
  patternDetected: boolean;
}

export interface LossJudgement extends LossJudgementInput {
  /** A theft, or a loss judged significant: both reports are due. */
  reportable: boolean;
  deadlines: LossDeadlines | null;
  warnings: string[];
  source: SourceRef;
}

/** Records the answers and the judgement; computes the deadlines when the loss is reportable. */
export function judgeLoss(input: LossJudgementInput, holidays: readonly LocalDate[]): Result<LossJudgement> {
  const problems: Problem[] = [];
  if (input.kind !== 'theft' && input.kind !== 'loss')
    problems.push({ field: 'kind', message: "must be 'theft' or 'loss'" });
  if (!isLocalDate(input.discoveredOn))
    problems.push({ field: 'discoveredOn', message: 'must be a date (YYYY-MM-DD)' });
  if (input.judgement !== 'significant' && input.judgement !== 'not_significant')
    problems.push({ field: 'judgement', message: "must be 'significant' or 'not_significant'" });
  if (!isFilled(input.judgedBy)) problems.push({ field: 'judgedBy', message: 'is required' });
  if (!isInstant(input.judgedAt)) problems.push({ field: 'judgedAt', message: 'must be an instant' });
  if (!isFilled(input.rationale))
    problems.push({ field: 'rationale', message: 'record the reasons for the judgement' });
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    if (!SIGNIFICANCE_FACTORS.some((f) => f.id === a.factor))
      problems.push({ field: `answers[${i}].factor`, message: 'is not one of the factors' });
    else if (seen.has(a.factor))
      problems.push({ field: `answers[${i}].factor`, message: 'is answered twice' });
    seen.add(a.factor);
    if (!['yes', 'no', 'unsure'].includes(a.pointsToSignificance))
      problems.push({
        field: `answers[${i}].pointsToSignificance`,
        message: "must be 'yes', 'no' or 'unsure'",
      });
  });
  if (input.kind === 'loss')
    for (const f of SIGNIFICANCE_FACTORS)
      if (!seen.has(f.id)) problems.push({ field: 'answers', message: `answer the factor '${f.id}'` });
  if (problems.length > 0) return fail(problems);

  const reportable = input.kind === 'theft' || input.judgement === 'significant';
  const warnings: string[] = [];
  if (input.kind === 'loss' && input.judgement === 'not_significant' && input.patternDetected)
    warnings.push(
      'a continuing pattern of small losses should be considered significant; the judgement records why it is not',
    );
  if (
    input.kind === 'loss' &&
    input.judgement === 'not_significant' &&
    input.answers.some((a) => a.pointsToSignificance === 'yes')
  )
    warnings.push('at least one factor points toward significance');
  return ok({
    ...input,
    reportable,
    deadlines: reportable ? lossReportDeadlines(input.discoveredOn, holidays) : null,
    warnings,
    source: THEFT_LOSS,
  });
}

/** True on Saturday, Sunday or a listed holiday. */
export function isNonBusinessDay(date: LocalDate, holidays: readonly LocalDate[]): boolean {
  return isoWeekday(date) >= 6 || holidays.includes(date);
}

/** The first business day after `date` (weekends and the listed federal holidays skipped). */
export function nextBusinessDay(date: LocalDate, holidays: readonly LocalDate[]): LocalDate {
  let d = addDays(date, 1);
  while (isNonBusinessDay(d, holidays)) d = addDays(d, 1);
  return d;
}

export interface LossDeadlines {
  discoveredOn: LocalDate;
  /** Written notice to the DEA Field Division: by the end of the next business day after discovery. */
  writtenNoticeBy: LocalDate;
  /** DEA Form 106, filed online: 45 calendar days after discovery. */
  form106By: LocalDate;
  source: SourceRef;
}

/**
 * The two clocks that start at discovery. "Within one business day" is read as by the end of the first
 * business day after the day of discovery; US federal holidays are data the caller passes in (observed
 * dates). The 45 days are calendar days.
 */
export function lossReportDeadlines(discoveredOn: LocalDate, holidays: readonly LocalDate[]): LossDeadlines {
  return {
    discoveredOn,
    writtenNoticeBy: nextBusinessDay(discoveredOn, holidays),
    form106By: addDays(discoveredOn, 45),
    source: THEFT_LOSS,
  };
}

export type DeadlineState = 'open' | 'due_today' | 'overdue' | 'done';

/** Where one deadline stands on `today` (clinic-local), given when it was met (null: not yet). */
export function deadlineState(due: LocalDate, today: LocalDate, doneOn: LocalDate | null): DeadlineState {
  if (doneOn !== null) return 'done';
  if (today > due) return 'overdue';
  return today === due ? 'due_today' : 'open';
}

// ---------------------------------------------------------------------------------------------------------
// Small losses over time

export interface DiscrepancyRecord {
  id: string;
  productKey: string;
  discoveredOn: LocalDate;
  /** expected − counted, µg. */
  differenceUg: number;
}

export interface SmallLossPattern {
  productKey: string;
  /** The discrepancies in the window, oldest first. */
  discrepancyIds: string[];
  from: LocalDate;
  to: LocalDate;
  source: SourceRef;
}

/**
 * Products with at least `smallLossPatternCount` non-zero discrepancies in the `smallLossPatternDays` days
 * ending on `asOf` (inclusive). Both numbers are settings tagged unverified: the DEA names a pattern as a
 * factor but sets no count or window.
 */
export function smallLossPatterns(
  records: readonly DiscrepancyRecord[],
  settings: Pick<LedgerSettings, 'smallLossPatternCount' | 'smallLossPatternDays'>,
  asOf: LocalDate,
): SmallLossPattern[] {
  const from = addDays(asOf, -(settings.smallLossPatternDays - 1));
  const byProduct = new Map<string, DiscrepancyRecord[]>();
  for (const r of records) {
    if (r.differenceUg === 0 || r.discoveredOn < from || r.discoveredOn > asOf) continue;
    const list = byProduct.get(r.productKey) ?? [];
    list.push(r);
    byProduct.set(r.productKey, list);
  }
  const out: SmallLossPattern[] = [];
  for (const [productKey, list] of [...byProduct].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (list.length < settings.smallLossPatternCount) continue;
    list.sort((a, b) => daysBetween(b.discoveredOn, a.discoveredOn) || (a.id < b.id ? -1 : 1));
    out.push({
      productKey,
      discrepancyIds: list.map((r) => r.id),
      from,
      to: asOf,
      source: { section: 'docs/clinical-sources.md#dea-theft-loss', evidence: 'unverified' },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Form 106

/** Types of theft or loss on the form. */
export const FORM_106_LOSS_TYPES = [
  'night_break_in',
  'armed_robbery',
  'employee_pilferage',
  'customer_theft',
  'lost_in_transit',
  'other',
] as const;
export type Form106LossType = (typeof FORM_106_LOSS_TYPES)[number];

export interface Form106Registrant {
  name: string;
  address: string;
  phone: string | null;
  deaNumber: string;
  county: string | null;
  /** The form's business type for this registration (a practitioner, or a hospital or clinic). */
  businessType: 'practitioner' | 'hospital_clinic' | 'other' | null;
}

/** One product lost: whole containers and, from opened containers, a partial quantity. */
export interface LostProduct {
  product: Product;
  wholeContainers: number;
  /** Lost from opened containers, µg. */
  partialUg: number;
}

export interface Form106Input {
  registrant: Form106Registrant;
  discoveredOn: LocalDate;
  lossType: Form106LossType | null;
  policeNotified: boolean | null;
  policeDepartment: string | null;
  policePhone: string | null;
  /** Thefts and losses reported in the past 24 months (the ledger can count the ones it holds). */
  lossesPast24Months: number | null;
  items: readonly LostProduct[];
}

export interface Form106Field {
  key: string;
  label: string;
  value: string | number | boolean | null;
  /** Who supplies it: the ledger, the clinic's registration, or the user completing the template. */
  from: 'ledger' | 'registration' | 'user';
}

export interface Form106Drug {
  ndc: string | null;
  name: string;
  strength: string;
  dosageForm: string;
  wholeContainers: number;
  partial: string | null;
  totalMg: string;
}

export interface Form106Data {
  fields: Form106Field[];
  drugs: Form106Drug[];
  /** Keys (or `drugs[i].ndc`) the user still has to complete before filing. */
  toComplete: string[];
  source: SourceRef;
}

function partialText(ug: number, s: Strength): string | null {
  if (ug === 0) return null;
  const ml = formatMl(ug, s);
  return `${formatMg(ug)} mg${ml ? ` (${ml} mL)` : ''}`;
}

/**
 * The data for the online theft/loss report. The online form asks for each product's NDC and fills in
 * the product, form, strength and package size from it; the other questions follow the paper form.
 * Only the fields the form asks for are produced: whatever the ledger cannot know (how it happened,
 * police, value, injuries, transit details) is a template field the user completes on the form.
 */
export function form106Data(input: Form106Input): Form106Data {
  const r = input.registrant;
  const fields: Form106Field[] = [
    { key: 'registrantName', label: 'Registrant name', value: r.name, from: 'registration' },
    { key: 'registrantAddress', label: 'Registrant address', value: r.address, from: 'registration' },
    { key: 'phone', label: 'Telephone', value: r.phone, from: 'registration' },
    { key: 'deaNumber', label: 'DEA registration number', value: r.deaNumber, from: 'registration' },
    { key: 'county', label: 'County', value: r.county, from: 'registration' },
    { key: 'businessType', label: 'Type of business', value: r.businessType, from: 'registration' },
    {
      key: 'dateOfDiscovery',
      label: 'Date of discovery of the theft or loss',
      value: input.discoveredOn,
      from: 'ledger',
    },
    { key: 'lossType', label: 'Type of theft or loss', value: input.lossType, from: 'user' },
    { key: 'policeNotified', label: 'Police notified', value: input.policeNotified, from: 'user' },
    { key: 'policeDepartment', label: 'Police department', value: input.policeDepartment, from: 'user' },
    { key: 'policePhone', label: 'Police telephone', value: input.policePhone, from: 'user' },
    {
      key: 'lossesPast24Months',
      label: 'Thefts and losses in the past 24 months',
      value: input.lossesPast24Months,
      from: 'ledger',
    },
    { key: 'injuries', label: 'Anyone killed or injured', value: null, from: 'user' },
    {
      key: 'purchaseValue',
      label: 'Purchase value of the controlled substances taken',
      value: null,
      from: 'user',
    },
    { key: 'otherItems', label: 'Other items taken', value: null, from: 'user' },
    {
      key: 'inTransitDetails',
      label: 'If lost in transit: carrier and shipment details',
      value: null,
      from: 'user',
    },
  ];
  const optional = new Set(['policeDepartment', 'policePhone', 'otherItems', 'inTransitDetails']);
  const toComplete = fields
    .filter((f) => (f.value === null || f.value === '') && !optional.has(f.key))
    .map((f) => f.key);
  if (input.policeNotified === true) {
    if (!input.policeDepartment) toComplete.push('policeDepartment');
    if (!input.policePhone) toComplete.push('policePhone');
  }
  if (input.lossType === 'lost_in_transit') toComplete.push('inTransitDetails');
  const drugs = input.items.map((item, i): Form106Drug => {
    const p = item.product;
    if (!p.ndc) toComplete.push(`drugs[${i}].ndc`);
    return {
      ndc: p.ndc,
      name: p.name,
      strength: strengthLabel(p),
      dosageForm: p.finishedForm,
      wholeContainers: item.wholeContainers,
      partial: partialText(item.partialUg, p.strength),
      totalMg: formatMg(item.wholeContainers * p.strength.contentUg + item.partialUg),
    };
  });
  return {
    fields,
    drugs,
    toComplete,
    source: { section: 'docs/clinical-sources.md#dea-form-106', evidence: 'primary' },
  };
}

/**
 * What a count found missing, per product, for the form: a container counted empty that was full is a
 * whole container; anything else missing is a partial quantity. Stock found (a negative difference) is
 * not a loss.
 */
export function lostProductsFromCount(
  lines: readonly { productKey: string; expectedUg: number; countedUg: number }[],
  products: readonly Product[],
): LostProduct[] {
  const byKey = new Map<string, LostProduct>();
  for (const line of lines) {
    const missing = line.expectedUg - line.countedUg;
    if (missing <= 0) continue;
    const product = products.find((p) => p.key === line.productKey);
    if (!product) continue;
    const item = byKey.get(product.key) ?? { product, wholeContainers: 0, partialUg: 0 };
    if (line.countedUg === 0 && line.expectedUg === product.strength.contentUg) item.wholeContainers += 1;
    else item.partialUg += missing;
    byKey.set(product.key, item);
  }
  return [...byKey.values()].sort((a, b) => (a.product.key < b.product.key ? -1 : 1));
}
