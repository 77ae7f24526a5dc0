import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  InventorySheetView,
  InventoryStatusView,
  InventoryTakenView,
  InventoryView,
} from '../../../contracts/ledger.js';
import { auditLog, clinics, users } from '../../../db/schema.js';
import { ledgerEvents, ledgerInventories } from '../../../db/schema-ledger.js';
import { addMonths } from '../../../domain/ledger/index.js';
import {
  createTestContext,
  testPassword,
  type TestClinic,
  type TestContext,
} from '../../../test/test-app.js';
import { totpCodeAt } from '../auth/totp.js';
import { extractPages } from '../consent/pdf-text.test-helper.js';
import { json, problem } from '../scheduling/scheduling-test-setup.js';
import { sessionCookies } from '../session/session.test-helper.js';
import { inventoryStatus } from './ledger-inventory.service.js';

let ctx: TestContext;

const post = (path: string, who: string, body: unknown = {}) =>
  ctx.request(path, { method: 'POST', cookie: who, json: body });
const get = (path: string, who: string) => ctx.request(path, { cookie: who });

function addDay(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A day that is past in every time zone, so the inventory's date is never in the clinic's future. */
const yesterday = () => addDay(ctx.clock.now().toISOString().slice(0, 10), -1);

interface Ledger {
  clinic: TestClinic;
  cookie: Record<'nurse' | 'physician' | 'admin' | 'front_desk', string>;
  safeA: string;
  safeB: string;
}

async function ledgerClinic(name: string): Promise<Ledger> {
  const clinic = await ctx.seedClinic(name);
  const cookie = {
    ...(await sessionCookies(ctx, clinic)),
    admin: await ctx.cookieFor(clinic.users.admin.id, clinic.id),
  };
  const registration = await json<{ id: string }>(
    await post('/api/ledger/registrations', cookie.admin, {
      deaNumber: 'AM1234563',
      schedules: ['III'],
      expiresOn: '2030-12-31',
      siteName: 'Maple Street Clinic',
      siteAddress: '100 Example Street, Springfield, IL 62701',
    }),
    201,
  );
  const safe = async (safeName: string) =>
    (
      await json<{ id: string }>(
        await post('/api/ledger/locations', cookie.admin, {
          registrationId: registration.id,
          name: safeName,
        }),
        201,
      )
    ).id;
  return { clinic, cookie, safeA: await safe('Safe A'), safeB: await safe('Safe B') };
}

async function receive(l: Ledger, locationId: string, labels: string[]): Promise<string[]> {
  const receipt = await json<{ id: string }>(
    await post('/api/ledger/receipts', l.cookie.nurse, {
      locationId,
      supplier: { name: 'Henry Schein', address: '135 Duryea Rd, Melville, NY', deaNumber: 'RH0123456' },
      invoiceNumber: `INV-${labels[0]}`,
      receivedOn: yesterday(),
      containers: labels.map((labelNumber) => ({
        productKey: 'ketamine-50-10',
        lotNumber: 'LOT-7',
        expiryDate: '2030-06-30',
        labelNumber,
      })),
    }),
    201,
  );
  const confirmed = await json<{ containers: { containerId: string }[] }>(
    await post(`/api/ledger/receipts/${receipt.id}/confirm`, l.cookie.physician),
    200,
  );
  return confirmed.containers.map((c) => c.containerId);
}

/** The nurse's signature with a fresh code (a code is accepted once: the clock moves to the next step). */
async function nurseSignature(l: Ledger) {
  ctx.clock.advance(30_000);
  return {
    password: testPassword,
    code: await totpCodeAt(l.clinic.users.nurse.totpSecret, ctx.clock.now()),
  };
}

async function lastSeq(): Promise<number> {
  const rows = await ctx.deps.db.select({ seq: auditLog.seq }).from(auditLog);
  return Math.max(0, ...rows.map((r) => r.seq));
}

const inventoriesOf = (clinicId: string) =>
  ctx.deps.db.select().from(ledgerInventories).where(eq(ledgerInventories.clinicId, clinicId));

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('the initial inventory', () => {
  it('records zero when there is no stock, signed by the taker; a second initial one is refused', async () => {
    const l = await ledgerClinic('Inventory zero');
    const before = await json<{ status: InventoryStatusView; items: unknown[] }>(
      await get('/api/ledger/inventories', l.cookie.nurse),
      200,
    );
    expect(before.status).toMatchObject({ initialTaken: false, nextDueBy: null, state: 'initial_due' });

    const sheet = await json<InventorySheetView>(
      await post('/api/ledger/inventories/sheet', l.cookie.nurse, { locationIds: [l.safeA, l.safeB] }),
      200,
    );
    expect(sheet.lines).toEqual([]);
    expect(sheet.registrant).toEqual({
      name: 'Maple Street Clinic',
      address: '100 Example Street, Springfield, IL 62701',
      deaNumber: 'AM1234563',
    });

    const takenOn = yesterday();
    const body = {
      kind: 'initial',
      takenOn,
      timeOfDay: 'opening_of_business',
      locationIds: [l.safeA, l.safeB],
      lines: [],
    };
    const unsaid = await problem(
      await post('/api/ledger/inventories', l.cookie.nurse, { ...body, signature: await nurseSignature(l) }),
      400,
    );
    expect(unsaid.fields.map((f) => f.field)).toEqual(['body.lines']);

    const taken = await json<InventoryTakenView>(
      await post('/api/ledger/inventories', l.cookie.nurse, {
        ...body,
        zeroStock: true,
        signature: await nurseSignature(l),
      }),
      201,
    );
    expect(taken).toMatchObject({
      kind: 'initial',
      takenOn,
      zeroStock: true,
      products: [],
      countIds: [],
      signedBy: { id: l.clinic.users.nurse.id },
      discrepancies: [],
    });

    const after = await json<{ status: InventoryStatusView; items: InventoryView[] }>(
      await get('/api/ledger/inventories', l.cookie.physician),
      200,
    );
    expect(after.status).toMatchObject({
      initialTaken: true,
      lastTakenOn: takenOn,
      nextDueBy: addMonths(takenOn, 24),
      intervalMonths: 24,
      state: 'ok',
    });
    expect(after.items.map((i) => i.id)).toEqual([taken.id]);

    const again = await problem(
      await post('/api/ledger/inventories', l.cookie.nurse, {
        ...body,
        zeroStock: true,
        signature: await nurseSignature(l),
      }),
      409,
    );
    expect(again.message).toContain('initial inventory was taken');
    expect(await inventoriesOf(l.clinic.id)).toHaveLength(1);
  });

  it('refuses to record zero when there is stock on hand', async () => {
    const l = await ledgerClinic('Inventory stocked');
    await receive(l, l.safeA, ['S-1']);
    const refused = await problem(
      await post('/api/ledger/inventories', l.cookie.nurse, {
        kind: 'initial',
        takenOn: yesterday(),
        timeOfDay: 'opening_of_business',
        locationIds: [l.safeA],
        lines: [],
        zeroStock: true,
        signature: await nurseSignature(l),
      }),
      400,
    );
    expect(refused.fields).toEqual([
      { field: 'body.zeroStock', message: 'there is stock on hand: count it' },
    ]);
    expect(await inventoriesOf(l.clinic.id)).toHaveLength(0);
  });
});

describe('what an inventory covers', () => {
  it('refuses a date to come, another clinic’s location and locations of two registrations', async () => {
    const l = await ledgerClinic('Inventory scope');
    const other = await ledgerClinic('Inventory other');
    const second = await json<{ id: string }>(
      await post('/api/ledger/registrations', l.cookie.admin, {
        deaNumber: 'BM7654321',
        schedules: ['III'],
        expiresOn: '2030-12-31',
        siteName: 'Oak Street Clinic',
        siteAddress: '200 Example Street, Springfield, IL 62701',
      }),
      201,
    );
    const oakSafe = await json<{ id: string }>(
      await post('/api/ledger/locations', l.cookie.admin, { registrationId: second.id, name: 'Oak safe' }),
      201,
    );
    const body = {
      kind: 'initial',
      takenOn: yesterday(),
      timeOfDay: 'close_of_business',
      lines: [],
      zeroStock: true,
    };
    const take = async (over: object) =>
      post('/api/ledger/inventories', l.cookie.nurse, {
        ...body,
        ...over,
        signature: await nurseSignature(l),
      });
    const future = await problem(
      await take({ locationIds: [l.safeA], takenOn: addDay(yesterday(), 3) }),
      400,
    );
    expect(future.fields.map((f) => f.field)).toEqual(['body.takenOn']);
    const foreign = await problem(await take({ locationIds: [l.safeA, other.safeA] }), 400);
    expect(foreign.fields).toEqual([
      { field: 'body.locationIds[1]', message: 'is not a storage location of this clinic' },
    ]);
    const mixed = await problem(await take({ locationIds: [l.safeA, oakSafe.id] }), 400);
    expect(mixed.fields.map((f) => f.field)).toEqual(['body.locationIds']);
    expect(await inventoriesOf(l.clinic.id)).toHaveLength(0);
  });
});

describe('a biennial inventory', () => {
  let l: Ledger;
  let opened: string;
  let sealed: string;
  let taken: InventoryTakenView;

  beforeAll(async () => {
    l = await ledgerClinic('Inventory biennial');
    [opened, sealed] = (await receive(l, l.safeA, ['B-1', 'B-2'])) as [string, string];
    await json(await post(`/api/ledger/containers/${opened}/open`, l.cookie.nurse), 201);
  });

  const take = async (lines: unknown[], signature?: object) =>
    post('/api/ledger/inventories', l.cookie.nurse, {
      kind: 'biennial',
      takenOn: yesterday(),
      timeOfDay: 'close_of_business',
      locationIds: [l.safeA],
      lines,
      signature: signature ?? (await nurseSignature(l)),
    });

  it('shows what to count and how, never how much should be there', async () => {
    const sheet = await json<InventorySheetView>(
      await post('/api/ledger/inventories/sheet', l.cookie.nurse, { locationIds: [l.safeA] }),
      200,
    );
    expect(sheet.lines.map((x) => [x.labelNumber, x.status, x.rule])).toEqual([
      ['B-1', 'open', 'estimate_allowed'],
      ['B-2', 'sealed', 'exact'],
    ]);
    expect(sheet.contents).toHaveLength(5);
    // No key carries a quantity: a blind sheet.
    expect(JSON.stringify(sheet.lines)).not.toMatch(/"(expected|balance|counted|quantity)\w*":/i);
    expect(
      (await post('/api/ledger/inventories/sheet', l.cookie.admin, { locationIds: [l.safeA] })).status,
    ).toBe(403);
  });

  it('refuses an estimated sealed vial and a container not counted, naming the field', async () => {
    const estimated = await problem(
      await take([
        { containerId: opened, counted: { value: 10, unit: 'mL' }, estimated: true },
        { containerId: sealed, present: true, estimated: true },
      ]),
      400,
    );
    expect(estimated.fields).toEqual([
      { field: 'body.lines[1].estimated', message: 'a sealed container is counted exactly, not estimated' },
    ]);
    const missing = await problem(await take([{ containerId: sealed, present: true }]), 400);
    expect(missing.fields).toEqual([{ field: 'body.lines', message: `container ${opened} was not counted` }]);
    const unanswered = await problem(await take([{ containerId: opened }, { containerId: sealed }]), 400);
    expect(unanswered.fields.map((f) => f.field)).toEqual(['body.lines[0].counted', 'body.lines[1].present']);
    expect(await inventoriesOf(l.clinic.id)).toHaveLength(0);
  });

  it('refuses a wrong code, audits it and stores nothing', async () => {
    const seq = await lastSeq();
    const eventsBefore = await ctx.deps.db
      .select()
      .from(ledgerEvents)
      .where(eq(ledgerEvents.containerId, sealed));
    const wrong = await problem(
      await take(
        [
          { containerId: opened, counted: { value: 9.5, unit: 'mL' }, estimated: true },
          { containerId: sealed, present: true },
        ],
        { password: testPassword, code: '000000' },
      ),
      400,
    );
    expect(wrong.fields).toEqual([{ field: 'body.signature.code', message: 'not accepted' }]);
    const refusals = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(
        and(gt(auditLog.seq, seq), eq(auditLog.entity, 'ledger.inventory'), eq(auditLog.outcome, 'failure')),
      );
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({
      userId: l.clinic.users.nurse.id,
      detail: { reason: 'signature-code-not-accepted' },
    });
    expect(await inventoriesOf(l.clinic.id)).toHaveLength(0);
    expect(
      await ctx.deps.db.select().from(ledgerEvents).where(eq(ledgerEvents.containerId, sealed)),
    ).toHaveLength(eventsBefore.length);
  });

  it('counts a sealed vial exactly and an opened one by estimate; a difference opens a discrepancy', async () => {
    taken = await json<InventoryTakenView>(
      await take([
        { containerId: opened, counted: { value: 9.5, unit: 'mL' }, estimated: true },
        { containerId: sealed, present: true },
      ]),
      201,
    );
    expect(taken.products).toEqual([
      expect.objectContaining({
        productKey: 'ketamine-50-10',
        sealedContainers: 1,
        opened: [
          expect.objectContaining({
            containerId: opened,
            labelNumber: 'B-1',
            estimated: true,
            counted: expect.objectContaining({ ug: 475_000, ml: '9.5' }),
          }),
        ],
        total: expect.objectContaining({ ug: 975_000 }),
      }),
    ]);
    expect(taken.lines.map((x) => [x.labelNumber, x.expectedUg, x.countedUg, x.differenceUg])).toEqual([
      ['B-1', 500_000, 475_000, 25_000],
      ['B-2', 500_000, 500_000, 0],
    ]);
    expect(taken.countIds).toHaveLength(1);
    expect(taken.discrepancies).toEqual([
      expect.objectContaining({
        countId: taken.countIds[0],
        productKey: 'ketamine-50-10',
        differenceUg: 25_000,
        status: 'open',
      }),
    ]);
    const countEvents = await ctx.deps.db
      .select()
      .from(ledgerEvents)
      .where(and(eq(ledgerEvents.countId, taken.countIds[0]!), eq(ledgerEvents.type, 'count')));
    expect(countEvents.map((e) => e.containerId).sort()).toEqual([opened, sealed].sort());
    const listed = await json<{ items: { id: string }[] }>(
      await get('/api/ledger/discrepancies', l.cookie.physician),
      200,
    );
    expect(listed.items.map((d) => d.id)).toContain(taken.discrepancies[0]!.id);
    const read = await json<InventoryView>(
      await get(`/api/ledger/inventories/${taken.id}`, l.cookie.nurse),
      200,
    );
    expect(read.lines).toEqual(taken.lines);
    expect((await get(`/api/ledger/inventories/${taken.id}`, l.cookie.front_desk)).status).toBe(403);
  });

  it('prints the record with every element and the signature, and exports it as CSV', async () => {
    const pdf = await get(`/api/ledger/inventories/${taken.id}/inventory.pdf`, l.cookie.physician);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // Lines the PDF wraps are joined again: the test reads the words, not the layout.
    const text = (await extractPages(new Uint8Array(await pdf.arrayBuffer()))).join(' ').replace(/\s+/g, ' ');
    const [nurse] = await ctx.deps.db.select().from(users).where(eq(users.id, l.clinic.users.nurse.id));
    for (const part of [
      'Biennial inventory of Schedule III controlled substances',
      'Registrant: Maple Street Clinic',
      '100 Example Street, Springfield, IL 62701',
      'DEA registration number: AM1234563',
      `Taken on ${taken.takenOn}, at the close of business`,
      'Sealed containers: 1',
      'Opened container B-1: 475 mg (9.5 mL), estimated',
      `Signed electronically by ${nurse!.displayName} at`,
    ])
      expect(text).toContain(part);
    expect(text).toContain(taken.products[0]!.name);

    const csv = await get(`/api/ledger/inventories/${taken.id}/inventory.csv`, l.cookie.nurse);
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trimEnd().split('\r\n');
    expect(rows[0]).toContain('dea_number');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(',B-1,Safe A,open,475000,true,500000,25000,');
    expect(rows[2]).toContain(',B-2,Safe A,sealed,500000,false,500000,0,');
  });

  it('takes its due date from the clinic’s interval setting', async () => {
    const status = async () =>
      (await json<{ status: InventoryStatusView }>(await get('/api/ledger/inventories', l.cookie.nurse), 200))
        .status;
    expect((await status()).nextDueBy).toBe(addMonths(taken.takenOn, 24));
    await ctx.deps.db
      .update(clinics)
      .set({
        settings: sql`${clinics.settings} || jsonb_build_object('ledger', jsonb_build_object('inventoryIntervalMonths', 12))`,
      })
      .where(eq(clinics.id, l.clinic.id));
    expect(await status()).toMatchObject({ intervalMonths: 12, nextDueBy: addMonths(taken.takenOn, 12) });
  });

  it('cannot be changed or deleted in PostgreSQL', async () => {
    const run = (statement: string) => ctx.deps.db.execute(sql.raw(statement));
    await expect(
      run(`UPDATE ledger_inventories SET kind = 'other' WHERE id = '${taken.id}'`),
    ).rejects.toThrow();
    await expect(run(`DELETE FROM ledger_inventories WHERE id = '${taken.id}'`)).rejects.toThrow();
    expect(await inventoriesOf(l.clinic.id)).toHaveLength(1);
  });
});

describe('the inventory status', () => {
  it('is due soon within 30 days of the due date and overdue after it', () => {
    const rows = [
      { kind: 'initial', takenOn: '2024-03-01' },
      { kind: 'biennial', takenOn: '2025-01-15' },
    ];
    expect(inventoryStatus(rows, 24, '2026-12-01')).toMatchObject({
      initialTaken: true,
      lastTakenOn: '2025-01-15',
      nextDueBy: '2027-01-15',
      state: 'ok',
      daysLeft: 45,
    });
    expect(inventoryStatus(rows, 24, '2026-12-16')).toMatchObject({ state: 'due_soon', daysLeft: 30 });
    expect(inventoryStatus(rows, 12, '2026-01-16')).toMatchObject({
      nextDueBy: '2026-01-15',
      state: 'overdue',
      daysLeft: -1,
    });
    expect(inventoryStatus([{ kind: 'other', takenOn: '2026-01-01' }], 24, '2026-02-01')).toMatchObject({
      initialTaken: false,
      state: 'ok',
    });
  });
});
