import { describe, expect, it } from 'vitest';
import { administrationLog, administrationLogCsv } from './administration-log.js';
import type { LedgerEvent } from './events.js';
import { administer, base, VIAL } from './ledger.test-helper.js';

const at = (d: number, h: number) => Date.UTC(2026, 2, d, h, 30);
const events: LedgerEvent[] = [
  administer('a2', 'v1', 40_000, at(3, 15)),
  administer('a1', 'v1', 35_000, at(2, 14)),
  administer('a3', 'v1', 20_000, at(5, 9)),
  {
    ...base('correction', 'x1', 'v1', at(3, 16)),
    type: 'correction',
    correctsEventId: 'a2',
    reason: 'wrong patient',
    witnessId: 'nurse-b',
  },
];

const log = (from: string, to: string) =>
  administrationLog({
    events,
    from,
    to,
    localTimeOf: (t) => new Date(t).toISOString(),
    patients: (id) =>
      id === 'p1' ? { name: '=HYPERLINK("x")', address: '1 Elm St, Apt 2\nSpringfield' } : null,
    users: (id) => (id === 'nurse-a' ? 'A. Nurse, RN' : null),
    containers: () => ({ product: VIAL, labelNumber: 'K-7', lotNumber: 'L123' }),
  });

describe('administrationLog', () => {
  it('lists administrations in the date range, oldest first, with the patient, quantity and who gave it', () => {
    const rows = log('2026-03-02', '2026-03-03');
    expect(rows.map((r) => [r.eventId, r.date, r.time, r.quantityMg, r.quantityMl, r.status])).toEqual([
      ['a1', '2026-03-02', '14:30', '35', '0.7', 'recorded'],
      ['a2', '2026-03-03', '15:30', '40', '0.8', 'corrected by x1'],
    ]);
    expect(rows[0]).toMatchObject({
      patientName: '=HYPERLINK("x")',
      administeredBy: 'A. Nurse, RN',
      product: 'Ketamine HCl injection 50 mg/mL, 10 mL vial',
      strength: '50 mg/mL, 10 mL',
      sessionId: 's1',
      doseOrderId: 'd1',
    });
  });

  it('renders CSV with quoting and the formula guard', () => {
    const csv = administrationLogCsv(log('2026-03-02', '2026-03-02'));
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'date,time,patient_name,patient_address,product,ndc,strength,container_label,lot,quantity_mg,quantity_ml,administered_by,session_id,dose_order_id,event_id,status',
    );
    expect(row).toContain(`"'=HYPERLINK(""x"")","1 Elm St, Apt 2\nSpringfield"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
