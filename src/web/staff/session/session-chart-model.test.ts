import { describe, expect, it } from 'vitest';
import type { SessionView } from './session-api';
import {
  chartHeight,
  chartMargin,
  chartSummary,
  chartWidth,
  sessionChartModel,
  ticks,
} from './session-chart-model';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const by = { id: uuid(99), label: 'Nurse' };

function reading(takenAt: string, systolic: number, diastolic: number, heartRate: number) {
  return {
    entryId: uuid(systolic),
    takenAt,
    recordedAt: takenAt,
    reading: { systolic, diastolic, heartRate, spo2: 98, respiratoryRate: null },
    alerts: [],
  };
}

function view(overrides: Partial<SessionView>): SessionView {
  return {
    checkedInAt: '2030-01-02T09:50:00.000Z',
    vitals: [],
    pk: null,
    entries: [],
    startedAt: null,
    stoppedAt: null,
    ...overrides,
  } as SessionView;
}

const started = [
  {
    id: uuid(1),
    clientEntryId: uuid(2),
    type: 'action',
    summary: 'start at 30 mg/h',
    eventAt: '2030-01-02T10:00:00.000Z',
    recordedAt: '2030-01-02T10:00:00.000Z',
    by,
  },
];

describe('the session chart model', () => {
  it('puts readings at minutes from the start, the baseline before zero', () => {
    const m = sessionChartModel(
      view({
        entries: started,
        startedAt: '2030-01-02T10:00:00.000Z',
        vitals: [
          reading('2030-01-02T10:20:00.000Z', 150, 95, 88),
          reading('2030-01-02T09:55:00.000Z', 130, 85, 72),
        ],
      }),
    );
    expect(m.started).toBe(true);
    expect(m.vitals.map((p) => p.t)).toEqual([-5, 20]);
    expect(m.tRange).toEqual([-5, 20]);
    expect(m.x(-5)).toBe(chartMargin.left);
    expect(m.x(20)).toBe(chartWidth - chartMargin.right);
  });

  it('counts from the check-in before the start and leaves the prediction out', () => {
    const m = sessionChartModel(
      view({
        vitals: [reading('2030-01-02T09:55:00.000Z', 130, 85, 72)],
        pk: {
          model: 'Domino',
          tMinutesFromStart: [0, 10],
          plasmaNgMl: [0, 200],
          effectSiteNgMl: [0, 100],
          weightKg: 70,
        },
      }),
    );
    expect(m.started).toBe(false);
    expect(m.origin).toBe('2030-01-02T09:50:00.000Z');
    expect(m.vitals[0]!.t).toBe(5);
    expect(m.pk).toEqual([]);
  });

  it('scales the vitals axis to the highest value and the PK axis to the peak', () => {
    const m = sessionChartModel(
      view({
        entries: started,
        startedAt: '2030-01-02T10:00:00.000Z',
        vitals: [reading('2030-01-02T10:10:00.000Z', 232, 120, 90)],
        pk: {
          model: 'Domino',
          tMinutesFromStart: [0, 20, 40],
          plasmaNgMl: [0, 180, 260],
          effectSiteNgMl: [0, 120, 240],
          weightKg: 70,
        },
      }),
    );
    expect(m.vitalsRange).toEqual([0, 260]);
    expect(m.pkRange).toEqual([0, 300]);
    expect(m.tRange).toEqual([0, 40]);
    expect(m.yVitals(0)).toBe(chartHeight - chartMargin.bottom);
    expect(m.yPk(300)).toBe(chartMargin.top);
    expect(m.pk[2]).toEqual({ t: 40, plasma: 260, effectSite: 240 });
  });

  it('keeps a sensible frame with no data', () => {
    const m = sessionChartModel(view({}));
    expect(m.tRange).toEqual([0, 10]);
    expect(m.vitalsRange).toEqual([0, 200]);
    expect(m.pkRange).toEqual([0, 100]);
    expect(chartSummary(m)).toBe('No vital signs charted yet.');
  });

  it('sums the chart up in words', () => {
    const m = sessionChartModel(
      view({
        entries: started,
        startedAt: '2030-01-02T10:00:00.000Z',
        vitals: [
          reading('2030-01-02T10:00:00.000Z', 140, 90, 80),
          reading('2030-01-02T10:10:00.000Z', 150, 95, 76),
        ],
        pk: {
          model: 'Domino',
          tMinutesFromStart: [0, 10],
          plasmaNgMl: [0, 212.4],
          effectSiteNgMl: [0, 90],
          weightKg: 70,
        },
      }),
    );
    expect(chartSummary(m)).toBe(
      '2 vital sign readings; systolic 140–150 mmHg; diastolic 90–95 mmHg; heart rate 76–80 per minute; predicted plasma ketamine peaks at 212 ng/mL at minute 10.',
    );
  });

  it('spaces five ticks evenly', () => {
    expect(ticks([0, 200])).toEqual([0, 50, 100, 150, 200]);
  });
});
