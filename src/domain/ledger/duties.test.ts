import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerDuties, type DutyInput } from './duties.js';
import { addDays } from './ledger-types.js';

const today = '2026-12-03';
const none: DutyInput = {
  today,
  settings: { countCadence: 'daily', inventoryIntervalMonths: 24 },
  locations: [],
  registrations: [],
  inventories: [],
  firstStockOn: null,
  lossReports: [],
};
const safe = (days: { date: string; moved: boolean; counts: number }[]) => ({
  id: 'safe-1',
  name: 'Safe A',
  days,
});
const kinds = (input: DutyInput) => ledgerDuties(input).map((d) => `${d.kind}:${d.state}:${d.dueOn}`);

describe('ledger duties', () => {
  it('asks nothing of a clinic that never held stock', () => {
    expect(ledgerDuties(none)).toEqual([]);
  });

  it('asks for a count on each day stock moved: today due, a missed day overdue, older than a week dropped', () => {
    const input = {
      ...none,
      locations: [
        safe([
          { date: today, moved: true, counts: 0 },
          { date: '2026-12-02', moved: true, counts: 1 },
          { date: '2026-12-01', moved: true, counts: 0 },
          { date: '2026-11-30', moved: false, counts: 0 },
          { date: '2026-11-20', moved: true, counts: 0 },
        ]),
      ],
    };
    expect(kinds(input)).toEqual(['count:overdue:2026-12-01', 'count:due:2026-12-03']);
    // Counting per shift needs two a day: the day with one count falls short too.
    expect(kinds({ ...input, settings: { ...input.settings, countCadence: 'shift' } })).toEqual([
      'count:overdue:2026-12-01',
      'count:overdue:2026-12-02',
      'count:due:2026-12-03',
    ]);
  });

  it('asks for the initial inventory once stock has been received, then for the next before it falls due', () => {
    expect(kinds({ ...none, firstStockOn: '2026-11-01' })).toEqual(['inventory:overdue:2026-11-01']);
    const taken = (takenOn: string) => ({
      ...none,
      firstStockOn: '2024-11-01',
      inventories: [{ kind: 'initial' as const, takenOn }],
    });
    expect(kinds(taken('2025-01-10'))).toEqual([]);
    expect(kinds(taken('2024-12-20'))).toEqual(['inventory:due:2026-12-20']);
    expect(kinds(taken('2024-11-01'))).toEqual(['inventory:overdue:2026-11-01']);
    // A state asking for a yearly inventory.
    const yearly = { ...taken('2025-12-20'), settings: { ...none.settings, inventoryIntervalMonths: 12 } };
    expect(kinds(yearly)).toEqual(['inventory:due:2026-12-20']);
  });

  it('warns 60 days before a registration lapses, and after', () => {
    const reg = (expiresOn: string) => ({
      ...none,
      registrations: [{ id: 'r', deaNumber: 'AM1234563', expiresOn }],
    });
    expect(kinds(reg('2027-02-02'))).toEqual([]);
    expect(kinds(reg('2027-01-31'))).toEqual(['registration:due:2027-01-31']);
    expect(kinds(reg('2026-12-02'))).toEqual(['registration:overdue:2026-12-02']);
  });

  it('keeps each loss report on the list until it is recorded as sent', () => {
    const loss = (writtenNoticeSent: boolean, form106Sent: boolean) => ({
      ...none,
      lossReports: [
        {
          discrepancyId: 'd',
          writtenNoticeBy: '2026-12-02',
          form106By: '2027-01-15',
          writtenNoticeSent,
          form106Sent,
        },
      ],
    });
    expect(kinds(loss(false, false))).toEqual([
      'written_notice:overdue:2026-12-02',
      'form_106:due:2027-01-15',
    ]);
    expect(kinds(loss(true, false))).toEqual(['form_106:due:2027-01-15']);
    expect(kinds(loss(true, true))).toEqual([]);
  });

  it('puts a pattern of small losses in front of those who judge losses', () => {
    const pattern = {
      productKey: 'ketamine-50-10',
      productName: 'Ketamine 50 mg/mL',
      discrepancyIds: ['a', 'b', 'c'],
      from: '2026-11-04',
      to: today,
      source: { section: 'docs/clinical-sources.md#dea-theft-loss', evidence: 'unverified' as const },
    };
    const [duty] = ledgerDuties({ ...none, lossPatterns: [pattern] });
    expect(duty).toMatchObject({ kind: 'loss_pattern', state: 'due', subject: 'Ketamine 50 mg/mL' });
    expect(duty!.message).toContain('3 count differences between 2026-11-04 and 2026-12-03');
  });

  it('asks for the addresses of patients given a dose without one on their chart, naming none of them', () => {
    expect(ledgerDuties({ ...none, patientsWithoutAddress: 0 })).toEqual([]);
    const [one] = ledgerDuties({ ...none, patientsWithoutAddress: 1 });
    expect(one).toMatchObject({ kind: 'patient_address', state: 'due', dueOn: today, subject: '1 patient' });
    const [two] = ledgerDuties({ ...none, patientsWithoutAddress: 2 });
    expect(two).toMatchObject({ subject: '2 patients', subjectId: null });
    expect(two!.message).toContain('no address on the chart');
  });

  it('never asks for a count on a day nothing moved, nor on one with enough counts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ back: fc.integer({ min: 0, max: 20 }), moved: fc.boolean(), counts: fc.nat(3) }),
        ),
        fc.constantFrom('daily' as const, 'shift' as const),
        (days, cadence) => {
          const required = cadence === 'shift' ? 2 : 1;
          const input: DutyInput = {
            ...none,
            settings: { ...none.settings, countCadence: cadence },
            locations: [
              safe(days.map((d) => ({ date: addDays(today, -d.back), moved: d.moved, counts: d.counts }))),
            ],
          };
          for (const duty of ledgerDuties(input)) {
            const day = days.find(
              (d) => addDays(today, -d.back) === duty.dueOn && d.moved && d.counts < required,
            );
            expect(day).toBeDefined();
            expect(day!.back).toBeLessThanOrEqual(7);
            expect(duty.state).toBe(day!.back === 0 ? 'due' : 'overdue');
          }
        },
      ),
    );
  });
});
