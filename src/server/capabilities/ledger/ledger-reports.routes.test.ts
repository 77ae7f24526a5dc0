import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema.js';
import { ledgerReceipts } from '../../../db/schema-ledger.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { extractPages } from '../consent/pdf-text.test-helper.js';
import { json, problem } from '../scheduling/scheduling-test-setup.js';
import { seedSession } from '../session/session-fixtures.js';
import { readyPatient } from '../session/session.test-helper.js';
import { seedLedger } from './ledger-fixtures.js';
import { appendLedgerEvent } from './ledger.queries.js';
import { NO_ADDRESS } from './ledger-reports.service.js';
import {
  ledgerClinic,
  OAK_SITE,
  registerSite,
  physicianWitness,
  receiveStock,
  seedOtherScheduleStock,
  SUPPLIER,
  type LedgerClinic,
} from './ledger-reports.test-helper.js';

let ctx: TestContext;
let l: LedgerClinic;
let range: string;
let wasteSessionId: string;
let awaitingId: string;
let foreignAwaitingId: string;

const DISTRIBUTOR = { name: 'Returns Co', address: '9 Dock Rd, Joliet, IL 60431', deaNumber: 'RR7654321' };
const FORMULA_INVOICE = '=HYPERLINK("http://evil.example")';

const post = (path: string, who: string, body: unknown = {}) =>
  ctx.request(path, { method: 'POST', cookie: who, json: body });
const get = (path: string, who: string) => ctx.request(path, { cookie: who });

async function lastSeq(): Promise<number> {
  const rows = await ctx.deps.db.select({ seq: auditLog.seq }).from(auditLog);
  return Math.max(0, ...rows.map((r) => r.seq));
}

async function auditSince(seq: number) {
  return ctx.deps.db.select().from(auditLog).where(gt(auditLog.seq, seq));
}

async function pdfText(path: string): Promise<string> {
  const response = await get(path, l.cookie.physician);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  // A cell wrapped onto two lines reads back as two text items: compare with the spacing collapsed.
  return (await extractPages(new Uint8Array(await response.arrayBuffer()))).join('\n').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  ctx = await createTestContext();
  l = await ledgerClinic(ctx, 'Reports');
  const day = ctx.clock.now().toISOString().slice(0, 10);
  const shift = (d: number) => new Date(Date.parse(day) + d * 86_400_000).toISOString().slice(0, 10);
  range = `from=${shift(-1)}&to=${shift(1)}`;

  // Two vials received and confirmed; the invoice number is one a spreadsheet would run as a formula.
  const { containerIds } = await receiveStock(ctx, l, ['R-001', 'R-002', 'R-003'], {
    invoiceNumber: FORMULA_INVOICE,
  });
  const [vial, spare, damaged] = containerIds as [string, string, string];
  // One receipt entered and left for a second person.
  awaitingId = (await receiveStock(ctx, l, ['R-100'], { invoiceNumber: 'INV-WAIT', confirm: false }))
    .receiptId;

  // Administer and waste the remainder of the session's vial, witnessed; return one; quarantine one.
  const { patientId, doseId } = await readyPatient(ctx, l.clinic, l.cookie);
  wasteSessionId = await seedSession(ctx.deps.db, l.clinic.id, patientId, l.clinic.users.nurse.id);
  await json(await post(`/api/ledger/containers/${vial}/open`, l.cookie.nurse), 201);
  await json(
    await post(`/api/ledger/containers/${vial}/administer`, l.cookie.nurse, {
      sessionId: wasteSessionId,
      doseId,
      quantity: { value: 35, unit: 'mg' },
    }),
    201,
  );
  await json(
    await post(`/api/ledger/containers/${vial}/waste`, l.cookie.nurse, {
      quantity: { value: 15, unit: 'mg' },
      manner: 'poured into the pharmaceutical waste container',
      sessionId: wasteSessionId,
      witness: await physicianWitness(ctx, l.clinic),
    }),
    201,
  );
  await json(
    await post(`/api/ledger/containers/${spare}/return`, l.cookie.nurse, { distributor: DISTRIBUTOR }),
    201,
  );
  await json(
    await post(`/api/ledger/containers/${damaged}/expire`, l.cookie.nurse, { reason: 'quarantined' }),
    201,
  );

  // A product of another schedule in the same clinic, and another clinic's receipt awaiting confirmation.
  await seedOtherScheduleStock(ctx, l, 'INV-MIDAZ');
  const other = await ctx.seedClinic('Other');
  const foreign = await seedLedger(ctx.deps.db, other.id, other.users.nurse.id, other.users.physician.id);
  const [row] = await ctx.deps.db
    .insert(ledgerReceipts)
    .values({
      clinicId: other.id,
      locationId: foreign.locationId,
      supplier: SUPPLIER,
      invoiceNumber: 'F-WAIT',
      receivedOn: day,
      lines: [],
      receivedBy: other.users.nurse.id,
      receivedAt: ctx.clock.now(),
    })
    .returning();
  foreignAwaitingId = row!.id;
});
afterAll(async () => {
  await ctx.close();
});

interface ReceiptsReport {
  receipts: {
    receiptId: string;
    invoiceNumber: string;
    receivedOn: string;
    supplier: typeof SUPPLIER;
    receivedBy: string;
    confirmedBy: string | null;
    confirmedAt: string | null;
    containers: Record<string, string>[];
  }[];
}
interface DisposalsReport {
  rows: Record<string, string>[];
}

describe('receipts report', () => {
  it('holds the supplier, invoice, date, each container, who received it and who confirmed it', async () => {
    const report = await json<ReceiptsReport>(
      await get(`/api/ledger/reports/receipts?${range}`, l.cookie.nurse),
      200,
    );
    const confirmed = report.receipts.find((r) => r.invoiceNumber === FORMULA_INVOICE)!;
    expect(confirmed).toMatchObject({
      supplier: SUPPLIER,
      receivedOn: ctx.clock.now().toISOString().slice(0, 10),
      receivedBy: l.names.nurse,
      confirmedBy: l.names.physician,
    });
    expect(confirmed.confirmedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(confirmed.containers.map((c) => c.labelNumber)).toEqual(['R-001', 'R-002', 'R-003']);
    expect(confirmed.containers[0]).toMatchObject({
      productKey: 'ketamine-50-10',
      finishedForm: expect.any(String),
      strength: '50 mg/mL, 10 mL',
      lotNumber: 'LOT-7',
      expiryDate: '2030-06-30',
      ndc: expect.any(String),
    });
    expect(confirmed.containers[0]!.product).toContain('Ketamine');
    const waiting = report.receipts.find((r) => r.invoiceNumber === 'INV-WAIT')!;
    expect(waiting).toMatchObject({ confirmedBy: null, confirmedAt: null });
  });

  it('leaves out a product that is not Schedule III, on screen, in the CSV and in the PDF', async () => {
    const report = await json<ReceiptsReport>(
      await get(`/api/ledger/reports/receipts?${range}`, l.cookie.nurse),
      200,
    );
    expect(report.receipts.map((r) => r.invoiceNumber)).not.toContain('INV-MIDAZ');
    const csv = await (await get(`/api/ledger/reports/receipts.csv?${range}`, l.cookie.nurse)).text();
    expect(csv).not.toMatch(/INV-MIDAZ|Midazolam/);
    const disposals = await json<DisposalsReport>(
      await get(`/api/ledger/reports/disposals?${range}`, l.cookie.nurse),
      200,
    );
    expect(disposals.rows.map((r) => r.manner)).not.toContain('midazolam wasted');
    for (const kind of ['receipts', 'disposals'])
      expect(await pdfText(`/api/ledger/reports/${kind}.pdf?${range}`)).not.toMatch(/Midazolam|MZ-001/);
  });

  it('writes the CSV one line per container with the formula guard', async () => {
    const response = await get(`/api/ledger/reports/receipts.csv?${range}`, l.cookie.nurse);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'received_on,invoice,supplier_name,supplier_address,supplier_dea_number,product,ndc,finished_form,strength,lot,expiry,container_label,received_by,confirmed_by,confirmed_at,receipt_id',
    );
    const guarded = lines.filter((line) => line.includes('R-00'));
    expect(guarded).toHaveLength(3);
    for (const line of guarded) expect(line).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines.some((line) => line.includes(',=HYPERLINK'))).toBe(false);
  });

  it('prints the heading, the registrant, the range, the rows and page numbers in the PDF', async () => {
    const text = await pdfText(`/api/ledger/reports/receipts.pdf?${range}`);
    expect(text).toContain('Schedule III controlled substances - Receipts');
    expect(text).toContain('Reports');
    expect(text).toContain('DEA AM1234563');
    expect(text).toContain('Maple Street Clinic');
    expect(text).toMatch(/Range: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('R-002');
    expect(text).toContain('Henry Schein');
    expect(text).toContain('RH0123456');
    expect(text).toContain(`by ${l.names.physician}`);
    expect(text).toMatch(/Page 1 of \d+/);
  });
});

describe('disposals report', () => {
  it('holds the waste with its witness and session, the return with the distributor, the quarantine', async () => {
    const report = await json<DisposalsReport>(
      await get(`/api/ledger/reports/disposals?${range}`, l.cookie.physician),
      200,
    );
    expect(report.rows.map((r) => r.kind)).toEqual(['waste', 'return', 'quarantined']);
    expect(report.rows[0]).toMatchObject({
      quantityMg: '15',
      quantityMl: '0.3',
      manner: 'poured into the pharmaceutical waste container',
      witness: l.names.physician,
      sessionId: wasteSessionId,
      containerLabel: 'R-001',
      recordedBy: l.names.nurse,
    });
    expect(report.rows[1]).toMatchObject({
      quantityMg: '500',
      distributorName: DISTRIBUTOR.name,
      distributorAddress: DISTRIBUTOR.address,
      distributorDeaNumber: DISTRIBUTOR.deaNumber,
      containerLabel: 'R-002',
    });
    expect(report.rows[2]).toMatchObject({ quantityMg: '500', containerLabel: 'R-003' });
    const csv = await (await get(`/api/ledger/reports/disposals.csv?${range}`, l.cookie.nurse)).text();
    expect(csv.split('\r\n')).toHaveLength(5);
    expect(csv).toContain(DISTRIBUTOR.deaNumber);
    const text = await pdfText(`/api/ledger/reports/disposals.pdf?${range}`);
    expect(text).toContain('Schedule III controlled substances - Disposals');
    expect(text).toContain(DISTRIBUTOR.name);
    expect(text).toContain(l.names.physician);
  });
});

describe('administration and perpetual logs as PDF', () => {
  it('prints the patient of each administration, and a product’s events with balances', async () => {
    const log = await pdfText(`/api/ledger/reports/administrations.pdf?${range}`);
    expect(log).toContain('Schedule III controlled substances - Administration log');
    expect(log).toContain('Wren Hollis');
    expect(log).toContain('DEA AM1234563');
    // Her chart has no address: the record names the gap instead of leaving the cell blank.
    const onScreen = await json<{ rows: { patientName: string; patientAddress: string }[] }>(
      await get(`/api/ledger/reports/administrations?${range}`, l.cookie.physician),
      200,
    );
    expect(onScreen.rows).toEqual([
      expect.objectContaining({ patientName: 'Wren Hollis', patientAddress: NO_ADDRESS }),
    ]);
    const perpetual = await pdfText(`/api/ledger/reports/perpetual.pdf?productKey=ketamine-50-10&${range}`);
    expect(perpetual).toContain('Schedule III controlled substances - Perpetual log');
    expect(perpetual).toContain('administer');
    expect(perpetual).toContain('R-003');
    const perpetualCsv = await get(
      `/api/ledger/reports/perpetual.csv?productKey=ketamine-50-10&${range}`,
      l.cookie.nurse,
    );
    expect(perpetualCsv.status).toBe(200);
    const csvLines = (await perpetualCsv.text()).trim().split('\r\n');
    expect(csvLines[0]).toBe(
      'seq,date,time,event,container_label,change_mg,change_ml,balance_mg,balance_ml,by,witness,corrects',
    );
    // Each event with the product's balance after it: 1,500 mg received, 35 mg given.
    expect(csvLines.some((line) => /,administer,R-001,-35,-0\.7,1465,29\.3,/.test(line))).toBe(true);
    const unknown = await get(
      `/api/ledger/reports/perpetual.pdf?productKey=midazolam-5-1&${range}`,
      l.cookie.nurse,
    );
    expect(unknown.status).toBe(404);
  });
});

describe('who may read the reports, and the range', () => {
  it('refuses a range that ends before it starts naming query.to, and a malformed date naming query.from', async () => {
    for (const kind of ['receipts', 'disposals', 'administrations', 'receipts.csv', 'disposals.pdf']) {
      const backwards = await problem(
        await get(`/api/ledger/reports/${kind}?from=2026-03-10&to=2026-03-01`, l.cookie.nurse),
        400,
      );
      expect(
        backwards.fields.map((f) => f.field),
        kind,
      ).toEqual(['query.to']);
      const malformed = await problem(
        await get(`/api/ledger/reports/${kind}?from=2026-13-01&to=2026-03-01`, l.cookie.nurse),
        400,
      );
      expect(
        malformed.fields.map((f) => f.field),
        kind,
      ).toEqual(['query.from']);
      // A date PostgreSQL cannot hold (there is no year 0) is a 400, never a 500.
      const ancient = await problem(
        await get(`/api/ledger/reports/${kind}?from=0000-01-01&to=9999-12-31`, l.cookie.nurse),
        400,
      );
      expect(
        ancient.fields.map((f) => f.field),
        kind,
      ).toEqual(['query.from', 'query.to']);
    }
  });

  it('refuses the front desk and the administrator, and audits the refusal and every report read', async () => {
    const before = await lastSeq();
    for (const kind of ['receipts', 'disposals.csv', 'receipts.pdf']) {
      expect((await get(`/api/ledger/reports/${kind}?${range}`, l.cookie.front_desk)).status).toBe(403);
      expect((await get(`/api/ledger/reports/${kind}?${range}`, l.cookie.admin)).status).toBe(403);
    }
    expect((await get('/api/ledger/receipts/awaiting', l.cookie.front_desk)).status).toBe(403);
    const refusals = (await auditSince(before)).filter((r) => r.outcome === 'failure');
    expect(refusals.filter((r) => r.userId === l.clinic.users.front_desk.id)).toHaveLength(4);
    expect(refusals.filter((r) => r.userId === l.clinic.users.admin.id)).toHaveLength(3);

    const reads = await lastSeq();
    await json(await get(`/api/ledger/reports/receipts?${range}`, l.cookie.nurse), 200);
    await get(`/api/ledger/reports/disposals.csv?${range}`, l.cookie.nurse);
    await pdfText(`/api/ledger/reports/receipts.pdf?${range}`);
    const rows = (await auditSince(reads)).filter((r) => r.outcome === 'success');
    expect(rows.map((r) => [r.entity, (r.detail as { format: string }).format, r.clinicId])).toEqual([
      ['ledger.receipts-report', 'json', l.clinic.id],
      ['ledger.disposals-report', 'csv', l.clinic.id],
      ['ledger.receipts-report', 'pdf', l.clinic.id],
    ]);
  });
});

describe('receipts awaiting confirmation', () => {
  it('lists only this clinic’s unconfirmed receipts with who entered them, and drops one once confirmed', async () => {
    const list = async () =>
      (
        await json<{
          items: { id: string; receivedBy: string; receivedByName: string; containers: number }[];
        }>(await get('/api/ledger/receipts/awaiting', l.cookie.admin), 200)
      ).items;
    const before = await lastSeq();
    const items = await list();
    expect(items.map((r) => r.id)).toEqual([awaitingId]);
    expect(items.map((r) => r.id)).not.toContain(foreignAwaitingId);
    expect(items[0]).toMatchObject({
      receivedBy: l.clinic.users.nurse.id,
      receivedByName: l.names.nurse,
      containers: 1,
    });
    const [audited] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.seq, before), eq(auditLog.entity, 'ledger.receipt')));
    expect(audited).toMatchObject({ action: 'query', userId: l.clinic.users.admin.id });

    await json(await post(`/api/ledger/receipts/${awaitingId}/confirm`, l.cookie.physician), 200);
    expect(await list()).toEqual([]);
  });
});

describe('one registered location’s records', () => {
  it('gives every report for one DEA number, with that registration’s own balance, and names only it in the PDF', async () => {
    const oakSafe = (await registerSite(ctx, l.cookie.admin, OAK_SITE, 'Oak safe')).locationId;
    await receiveStock(ctx, l, ['O-001'], { locationId: oakSafe, invoiceNumber: 'INV-OAK' });
    const report = async <T>(path: string) => json<T>(await get(path, l.cookie.physician), 200);
    const invoices = async (dea: string) =>
      (
        await report<{ receipts: { invoiceNumber: string }[] }>(
          `/api/ledger/reports/receipts?${range}${dea && `&deaNumber=${dea}`}`,
        )
      ).receipts.map((r) => r.invoiceNumber);
    expect(await invoices('BM7654329')).toEqual(['INV-OAK']);
    expect(await invoices('AM1234563')).not.toContain('INV-OAK');
    expect(await invoices('AM1234563')).toContain(FORMULA_INVOICE);
    expect(await invoices('')).toEqual(expect.arrayContaining(['INV-OAK', FORMULA_INVOICE]));

    const disposals = (dea: string) =>
      report<{ rows: unknown[] }>(`/api/ledger/reports/disposals?${range}&deaNumber=${dea}`);
    expect((await disposals('BM7654329')).rows).toEqual([]);
    expect((await disposals('AM1234563')).rows.length).toBeGreaterThan(0);
    const administered = (dea: string) =>
      report<{ total: number }>(`/api/ledger/reports/administrations?${range}&deaNumber=${dea}`);
    expect((await administered('BM7654329')).total).toBe(0);
    expect((await administered('AM1234563')).total).toBe(1);

    // The perpetual log of one registration counts its own stock: the Oak vial is all it holds.
    type Perpetual = { events: { type: string; balanceAfter: { ug: number } | null }[] };
    const perpetual = (extra: string) =>
      report<Perpetual>(`/api/ledger/reports/perpetual?productKey=ketamine-50-10&${range}${extra}`);
    const oakLog = await perpetual('&deaNumber=BM7654329');
    expect(oakLog.events.map((e) => [e.type, e.balanceAfter?.ug])).toEqual([['receive', 500_000]]);
    const whole = await perpetual('');
    expect(whole.events.at(-1)!.balanceAfter!.ug).toBeGreaterThan(500_000);
    const csv = await (
      await get(
        `/api/ledger/reports/perpetual.csv?productKey=ketamine-50-10&${range}&deaNumber=BM7654329`,
        l.cookie.physician,
      )
    ).text();
    expect(csv).toContain('O-001');
    expect(csv).not.toContain('R-001');

    const pdf = await pdfText(`/api/ledger/reports/receipts.pdf?${range}&deaNumber=BM7654329`);
    expect(pdf).toContain('DEA BM7654329');
    expect(pdf).toContain('INV-OAK');
    expect(pdf).not.toContain('AM1234563');

    const unknown = await problem(
      await get(`/api/ledger/reports/receipts?${range}&deaNumber=FX1234563`, l.cookie.physician),
      400,
    );
    expect(unknown.fields.map((f) => f.field)).toEqual(['query.deaNumber']);

    // A transfer between the two registrations, as one could be recorded before they were refused: one
    // registration's records can no longer be separated, so a report for one is refused, naming why.
    const { containerIds } = await receiveStock(ctx, l, ['R-X1']);
    const now = ctx.clock.now();
    await appendLedgerEvent(
      ctx.deps.db,
      {
        id: randomUUID(),
        type: 'transfer',
        clinicId: l.clinic.id,
        locationId: l.safeId,
        containerId: containerIds[0]!,
        actorId: l.clinic.users.nurse.id,
        at: now.getTime(),
        toLocationId: oakSafe,
        note: null,
      },
      { productKey: 'ketamine-50-10', recordedAt: now },
    );
    const crossed = await problem(
      await get(`/api/ledger/reports/receipts?${range}&deaNumber=BM7654329`, l.cookie.physician),
      409,
    );
    expect(crossed.message).toMatch(/^1 transfer in this ledger moved stock from one DEA registration/);
    expect((await get(`/api/ledger/reports/receipts?${range}`, l.cookie.physician)).status).toBe(200);
  });
});
