import { conditionCatalog } from './conditions.js';
import type { PatientFields } from './patient-fields.js';

/**
 * Synthetic treatment courses for the demo clinic: an induction of six infusions over two to three
 * weeks, then (in maintenance) a booster every three weeks, with PHQ-9 scores (and GAD-7 / PCL-5 where
 * the chart's condition calls for them) over the last eight to ten weeks. Pure and deterministic: the
 * same random source, patient and clock give the same course on every machine.
 */

export type CourseOutcome = 'remitter' | 'responder' | 'partial-responder' | 'non-responder';
export type CourseInstrument = 'phq9' | 'gad7' | 'pcl5';

export interface SyntheticResponse {
  instrumentId: CourseInstrument;
  /** ISO instant. */
  administeredAt: string;
  answers: Record<string, number>;
  total: number;
}

export interface SyntheticCourse {
  outcome: CourseOutcome;
  /** Infusion dates (measurement anchors), oldest first. */
  infusions: Array<{ at: string; label: string }>;
  /** Responses, oldest first. */
  responses: SyntheticResponse[];
  /** Whether the latest PHQ-9 answers item 9 (thoughts of death or self-harm) with at least 1. */
  selfHarmItem: boolean;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Care statuses of patients who have been treated, so have a course to show. */
const treatedStatuses = new Set(['in_treatment', 'maintenance', 'discharged']);

export function hasSyntheticCourse(patient: Pick<PatientFields, 'careStatus'>): boolean {
  return treatedStatuses.has(patient.careStatus);
}

/** The category of a course from its first and latest PHQ-9 totals (response = a drop of at least 50%). */
export function courseOutcomeOf(baseline: number, latest: number): CourseOutcome {
  const drop = baseline > 0 ? (baseline - latest) / baseline : 0;
  if (drop >= 0.5 && latest < 5) return 'remitter';
  if (drop >= 0.5) return 'responder';
  if (drop >= 0.25) return 'partial-responder';
  return 'non-responder';
}

/** Outcomes in the order treated patients are given them: every category appears among the first four. */
const outcomeCycle: readonly CourseOutcome[] = [
  'remitter',
  'responder',
  'partial-responder',
  'non-responder',
  'responder',
  'partial-responder',
  'responder',
  'non-responder',
];

export function courseOutcomeFor(position: number): CourseOutcome {
  return outcomeCycle[position % outcomeCycle.length]!;
}

const between = (random: () => number, min: number, max: number) => min + random() * (max - min);
const intBetween = (random: () => number, min: number, max: number) =>
  Math.floor(between(random, min, max + 1));

/** The latest PHQ-9 total that puts a baseline in the outcome's category. */
function latestTotal(random: () => number, outcome: CourseOutcome, baseline: number): number {
  switch (outcome) {
    case 'remitter':
      return intBetween(random, 1, 4);
    case 'responder':
      return intBetween(random, 5, Math.floor(baseline / 2));
    case 'partial-responder':
      return intBetween(random, Math.floor(baseline / 2) + 1, Math.floor(baseline * 0.75));
    case 'non-responder':
      return intBetween(random, Math.floor(baseline * 0.75) + 1, baseline);
  }
}

/** Spreads a total over items (each 0..max) at random; `fixed` items keep their given value. */
function itemAnswers(
  random: () => number,
  itemCount: number,
  max: number,
  total: number,
  fixed: Record<string, number> = {},
): Record<string, number> {
  const answers: Record<string, number> = {};
  const free: string[] = [];
  let left = total;
  for (let i = 1; i <= itemCount; i++) {
    const id = `item${i}`;
    if (id in fixed) {
      answers[id] = fixed[id]!;
      left -= fixed[id]!;
    } else {
      answers[id] = 0;
      free.push(id);
    }
  }
  left = Math.max(0, Math.min(left, free.length * max));
  while (left > 0) {
    const open = free.filter((id) => answers[id]! < max);
    const id = open[Math.floor(random() * open.length)]!;
    answers[id] = answers[id]! + 1;
    left -= 1;
  }
  return answers;
}

const phqDifficulty = (total: number) => (total < 5 ? 0 : total < 10 ? 1 : total < 20 ? 2 : 3);

function conditionGroups(patient: Pick<PatientFields, 'conditions'>): Set<string> {
  return new Set(
    patient.conditions.map((c) => conditionCatalog.find((entry) => entry.code === c.code)?.group ?? 'other'),
  );
}

export interface CourseOptions {
  /** The clock's now: the course ends before it. */
  now: Date;
  outcome: CourseOutcome;
  /** Whether the latest PHQ-9 answers item 9 with 1 (and so opens a safety alert when stored). */
  selfHarmItem?: boolean;
}

/** One treated patient's course: infusion dates and scored answers over the last 8–10 weeks. */
export function syntheticCourse(
  random: () => number,
  patient: Pick<PatientFields, 'conditions' | 'careStatus'>,
  options: CourseOptions,
): SyntheticCourse {
  const { now, outcome } = options;
  const selfHarmItem = options.selfHarmItem ?? false;
  const groups = conditionGroups(patient);
  const withGad7 = groups.has('anxiety') || random() < 0.3;
  const withPcl5 = groups.has('ptsd');

  // Day 0 of the course, at 09:00–12:00 UTC, 8–10 weeks ago.
  const startDay = Math.floor(now.getTime() / DAY_MS) - intBetween(random, 56, 70);
  const infusionHour = intBetween(random, 9, 12);
  const dayAt = (day: number, hourOffset = 0) =>
    new Date((startDay + day) * DAY_MS + (infusionHour + hourOffset) * HOUR_MS);
  // Induction: six infusions over 14–18 days (two to three weeks).
  const span = intBetween(random, 14, 18);
  const infusionDays = [0, 1, 2, 3, 4, 5].map((i) => Math.round((i * span) / 5));
  const infusions = infusionDays.map((day, i) => ({
    at: dayAt(day).toISOString(),
    label: `Induction infusion ${i + 1} of 6`,
  }));
  if (patient.careStatus === 'maintenance') {
    for (let day = span + 21, n = 1; dayAt(day).getTime() < now.getTime(); day += 21, n++) {
      infusions.push({ at: dayAt(day).toISOString(), label: `Maintenance infusion ${n}` });
    }
  }

  // PHQ-9 two hours before infusions 1, 3 and 5 and the last of the induction, then weekly.
  const scoreDays: Array<{ at: Date; day: number }> = [0, 2, 4, 5].map((i) => ({
    at: dayAt(infusionDays[i]!, -2),
    day: infusionDays[i]!,
  }));
  const lastScoreAt = now.getTime() - intBetween(random, 1, 4) * DAY_MS;
  for (let day = span + 7; dayAt(day, -2).getTime() <= lastScoreAt; day += 7) {
    scoreDays.push({ at: dayAt(day, -2), day });
  }

  const baseline = intBetween(random, 15, 24);
  const latest = latestTotal(random, outcome, baseline);
  // Improvement follows an exponential approach towards the latest score, with a little noise.
  const tau = between(random, 5, 12);
  const lastDay = scoreDays[scoreDays.length - 1]!.day;
  const curve = (day: number) => Math.exp(-day / tau) - Math.exp(-lastDay / tau) * (day / lastDay);
  const fraction = (day: number) => Math.max(0, Math.min(1, curve(day) / curve(0)));
  const gadBaseline = intBetween(random, 10, 18);
  const pclBaseline = intBetween(random, 38, 58);
  const responses: SyntheticResponse[] = [];
  scoreDays.forEach(({ at, day }, i) => {
    const first = i === 0;
    const last = i === scoreDays.length - 1;
    const noise = first || last ? 0 : intBetween(random, -2, 2);
    const ratio = fraction(day);
    const phq = Math.max(0, Math.min(24, Math.round(latest + (baseline - latest) * ratio) + noise));
    const total = first ? baseline : last ? latest : phq;
    const item9 = last && selfHarmItem ? 1 : 0;
    const answers = itemAnswers(random, 9, 3, total, { item9 });
    responses.push({
      instrumentId: 'phq9',
      administeredAt: at.toISOString(),
      answers: { ...answers, difficulty: phqDifficulty(total) },
      total: Object.values(answers).reduce((a, b) => a + b, 0),
    });
    // The other instruments move with the PHQ-9 (same relative change), measured at the same visit.
    const relative = baseline > 0 ? total / baseline : 1;
    if (withGad7) {
      const gad = Math.max(0, Math.min(21, Math.round(gadBaseline * relative)));
      const gadAnswers = itemAnswers(random, 7, 3, gad);
      responses.push({
        instrumentId: 'gad7',
        administeredAt: at.toISOString(),
        answers: gadAnswers,
        total: gad,
      });
    }
    if (withPcl5 && (i % 2 === 0 || last)) {
      const pcl = Math.max(0, Math.min(80, Math.round(pclBaseline * relative)));
      const pclAnswers = itemAnswers(random, 20, 4, pcl);
      responses.push({
        instrumentId: 'pcl5',
        administeredAt: at.toISOString(),
        answers: pclAnswers,
        total: pcl,
      });
    }
  });
  return { outcome, infusions, responses, selfHarmItem };
}
