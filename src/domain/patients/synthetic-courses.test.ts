import { describe, expect, it } from 'vitest';
import { scoreResponse } from '../instruments/index.js';
import {
  courseOutcomeFor,
  courseOutcomeOf,
  hasSyntheticCourse,
  syntheticCourse,
  type CourseOutcome,
} from './synthetic-courses.js';
import { seededRandom } from './synthetic-patients.js';

const now = new Date('2026-06-15T14:00:00Z');
const DAY_MS = 86_400_000;
const outcomes: CourseOutcome[] = ['remitter', 'responder', 'partial-responder', 'non-responder'];
const depression = {
  conditions: [{ code: 'F33.1', display: 'MDD', onsetDate: null, status: 'active' as const }],
};
const ptsd = {
  conditions: [{ code: 'F43.12', display: 'PTSD', onsetDate: null, status: 'active' as const }],
};

describe('synthetic treatment courses', () => {
  it('classify response by the drop from the first PHQ-9 (≥ 50% response, < 5 remission)', () => {
    expect(courseOutcomeOf(20, 4)).toBe('remitter');
    expect(courseOutcomeOf(20, 10)).toBe('responder');
    expect(courseOutcomeOf(20, 11)).toBe('partial-responder');
    expect(courseOutcomeOf(20, 15)).toBe('partial-responder');
    expect(courseOutcomeOf(20, 16)).toBe('non-responder');
  });

  it('give every category among the first four treated patients', () => {
    expect(new Set([0, 1, 2, 3].map(courseOutcomeFor))).toEqual(new Set(outcomes));
    expect(hasSyntheticCourse({ careStatus: 'in_treatment' })).toBe(true);
    expect(hasSyntheticCourse({ careStatus: 'referred' })).toBe(false);
  });

  it.each(outcomes)('follow a %s trajectory after six induction infusions in 2–3 weeks', (outcome) => {
    for (let seed = 1; seed <= 40; seed++) {
      const course = syntheticCourse(
        seededRandom(seed),
        { ...depression, careStatus: 'maintenance' },
        {
          now,
          outcome,
        },
      );
      const induction = course.infusions.slice(0, 6).map((i) => Date.parse(i.at));
      const spanDays = (induction[5]! - induction[0]!) / DAY_MS;
      expect(spanDays).toBeGreaterThanOrEqual(14);
      expect(spanDays).toBeLessThanOrEqual(21);
      expect(course.infusions.length).toBeGreaterThan(6); // maintenance boosters
      const phq = course.responses.filter((r) => r.instrumentId === 'phq9');
      expect(phq.length).toBeGreaterThanOrEqual(8);
      const first = Date.parse(phq[0]!.administeredAt);
      const last = Date.parse(phq[phq.length - 1]!.administeredAt);
      expect((now.getTime() - first) / DAY_MS).toBeGreaterThanOrEqual(56);
      expect((now.getTime() - first) / DAY_MS).toBeLessThanOrEqual(71);
      expect(last).toBeLessThan(now.getTime());
      for (const r of course.responses) {
        const scored = scoreResponse(r.instrumentId, r.answers);
        expect(scored.ok, JSON.stringify(scored)).toBe(true);
        if (scored.ok) expect(scored.result.total).toBe(r.total);
        if (r.instrumentId === 'phq9') expect(r.answers.item9).toBe(0);
      }
      expect(courseOutcomeOf(phq[0]!.total, phq[phq.length - 1]!.total)).toBe(outcome);
    }
  });

  it('answers PHQ-9 item 9 only on the latest response when asked to, and PCL-5 for PTSD', () => {
    const course = syntheticCourse(
      seededRandom(7),
      { ...ptsd, careStatus: 'in_treatment' },
      {
        now,
        outcome: 'non-responder',
        selfHarmItem: true,
      },
    );
    const phq = course.responses.filter((r) => r.instrumentId === 'phq9');
    expect(phq.map((r) => r.answers.item9)).toEqual([...phq.slice(1).map(() => 0), 1]);
    expect(course.responses.some((r) => r.instrumentId === 'pcl5')).toBe(true);
    expect(course.infusions).toHaveLength(6);
  });

  it('are the same for the same seed', () => {
    const make = () =>
      syntheticCourse(
        seededRandom(3),
        { ...depression, careStatus: 'in_treatment' },
        { now, outcome: 'responder' },
      );
    expect(make()).toEqual(make());
  });
});
