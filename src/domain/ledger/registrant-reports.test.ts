import { describe, expect, it } from 'vitest';
import { csvDocument } from './csv.js';
import type { LedgerEvent } from './events.js';
import { administer, base, receive, SUPPLIER, VIAL } from './ledger.test-helper.js';
import {
  disposalLog,
  disposalReportTable,
  receiptContainerOf,
  receiptReportTable,
} from './registrant-reports.js';

const at = (d: number, h: number) => Date.UTC(2026, 2, d, h, 0);
const distributor = { name: 'Returns Co', address: '9 Dock Rd, Joliet, IL', deaNumber: 'RR7654321' };
const events: LedgerEvent[] = [
  receive('v1', { at: at(1, 9) }),
  receive('v2', { at: at(1, 9) }),
  receive('v3', { at: at(1, 9) }),
  receive('x1', { at: at(1, 9), productKey: 'not-schedule-iii' }),
  { ...base('open', 'o1', 'v1', at(2, 9)), type: 'open' },
  administer('a1', 'v1', 35_000, at(2, 10)),
  {
    ...base('waste', 'w1', 'v1', at(2, 11)),
    type: 'waste',
    quantityUg: 15_000,
    manner: 'into the waste container',
    witnessId: 'physician-a',
    sessionId: 's1',
  },
  { ...base('return', 'r1', 'v2', at(3, 12)), type: 'return', quantityUg: 500_000, distributor },
  { ...base('expire', 'e1', 'v3', at(4, 8)), type: 'expire', reason: 'quarantined' },
  {
    ...base('waste', 'w2', 'x1', at(2, 11)),
    type: 'waste',
    quantityUg: 1,
    manner: 'x',
    witnessId: null,
    sessionId: null,
  },
  {
    ...base('correction', 'c1', 'v1', at(5, 9)),
    type: 'correction',
    correctsEventId: 'w1',
    reason: 'entered twice',
    witnessId: 'physician-a',
  },
];

const log = (from: string, to: string) =>
  disposalLog({
    events,
    from,
    to,
    localTimeOf: (t) => new Date(t).toISOString(),
    users: (id) => ({ 'nurse-a': 'A. Nurse', 'physician-a': 'P. Doctor' })[id] ?? null,
    containers: (id) => (id === 'x1' ? null : { product: VIAL, labelNumber: `K-${id}`, lotNumber: 'L123' }),
  });

describe('disposalLog', () => {
  it('lists waste with its witness and session, returns with the distributor, and stock out of use', () => {
    const rows = log('2026-03-01', '2026-03-31');
    expect(rows.map((r) => [r.eventId, r.kind, r.quantityMg, r.quantityMl, r.status])).toEqual([
      ['w1', 'waste', '15', '0.3', 'corrected by c1'],
      ['r1', 'return', '500', '10', 'recorded'],
      ['e1', 'quarantined', '500', '10', 'recorded'],
    ]);
    expect(rows[0]).toMatchObject({
      manner: 'into the waste container',
      witness: 'P. Doctor',
      sessionId: 's1',
      recordedBy: 'A. Nurse',
      containerLabel: 'K-v1',
      date: '2026-03-02',
      time: '11:00',
    });
    expect(rows[1]).toMatchObject({
      distributorName: 'Returns Co',
      distributorAddress: '9 Dock Rd, Joliet, IL',
      distributorDeaNumber: 'RR7654321',
    });
  });

  it('keeps to the date range and leaves out containers of unknown products', () => {
    expect(log('2026-03-03', '2026-03-03').map((r) => r.eventId)).toEqual(['r1']);
    expect(log('2026-03-01', '2026-03-31').some((r) => r.eventId === 'w2')).toBe(false);
  });

  it('makes one table row per disposal, quantities marked numeric', () => {
    const table = disposalReportTable(log('2026-03-01', '2026-03-31'));
    expect(table.rows).toHaveLength(3);
    expect(table.columns.filter((c) => c.numeric).map((c) => c.key)).toEqual(['quantity_mg', 'quantity_ml']);
    expect(table.rows.every((r) => r.length === table.columns.length)).toBe(true);
  });
});

describe('receiptReportTable', () => {
  it('repeats the receipt on each container row and marks one awaiting confirmation', () => {
    const container = receiptContainerOf(
      { productKey: VIAL.key, lotNumber: 'L1', expiryDate: '2030-01-01', labelNumber: '=K-1' },
      VIAL,
    );
    const table = receiptReportTable([
      {
        receiptId: 'r-1',
        invoiceNumber: 'INV-9',
        receivedOn: '2026-03-01',
        supplier: SUPPLIER,
        location: 'Safe A',
        receivedBy: 'A. Nurse',
        receivedAt: '2026-03-01T10:00:00.000Z',
        confirmedBy: null,
        confirmedAt: null,
        containers: [container, { ...container, labelNumber: 'K-2' }],
      },
    ]);
    expect(table.rows.map((r) => r[table.columns.findIndex((c) => c.key === 'container_label')])).toEqual([
      '=K-1',
      'K-2',
    ]);
    expect(table.rows[0]).toContain('awaiting confirmation');
    expect(table.rows[0]).toContain(SUPPLIER.deaNumber);
    expect(
      csvDocument(
        table.columns.map((c) => c.key),
        table.rows,
      ),
    ).toContain(",'=K-1,");
  });
});
