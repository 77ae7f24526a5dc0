import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../contracts/measurement';
import {
  dueStatusLabels,
  maintenanceStartIso,
  nextInfusionLabel,
  responsibleSuffix,
  visibleDueItems,
} from './schedule-model';

const now = Date.UTC(2030, 0, 31, 12);
const dueItem = (status: Schedule['due'][number]['status'], closesAt: string) =>
  ({ status, closesAt, key: `${status}-${closesAt}` }) as Schedule['due'][number];

describe('visibleDueItems', () => {
  it('keeps everything that is not missed, however old', () => {
    const old = dueItem('completed', '2029-01-01T00:00:00.000Z');
    expect(visibleDueItems([old], now)).toEqual([old]);
  });

  it('keeps missed items for fourteen days after they closed', () => {
    const recent = dueItem('missed', '2030-01-20T12:00:00.000Z');
    const stale = dueItem('missed', '2030-01-17T12:00:00.000Z');
    expect(visibleDueItems([recent, stale], now)).toEqual([recent]);
  });
});

describe('maintenanceStartIso', () => {
  it('defaults to four weeks from now', () => {
    expect(maintenanceStartIso('', now)).toBe('2030-02-28T12:00:00.000Z');
  });

  it('starts at 09:00 local time on a chosen date', () => {
    expect(maintenanceStartIso('2030-03-01', now)).toBe(new Date('2030-03-01T09:00').toISOString());
  });
});

describe('plan wording', () => {
  it('numbers the next infusion after the existing ones', () => {
    expect(nextInfusionLabel(0)).toBe('Infusion 1');
    expect(nextInfusionLabel(2)).toBe('Infusion 3');
  });

  it('names the responsible clinician, or a generic clinician when unknown', () => {
    const clinicians = [{ id: 'c1', displayName: 'Dr Ash', role: 'physician' }];
    expect(responsibleSuffix(clinicians, 'c1')).toBe(' · responsible: Dr Ash');
    expect(responsibleSuffix(clinicians, 'c2')).toBe(' · responsible: clinician');
    expect(responsibleSuffix(clinicians, null)).toBe('');
  });

  it('reads completed as done', () => {
    expect(dueStatusLabels.completed).toBe('done');
    expect(dueStatusLabels.overdue).toBe('overdue');
  });
});
