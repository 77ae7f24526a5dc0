import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  ledgerContainerBalances,
  ledgerContainers,
  ledgerProducts,
  ledgerReceipts,
} from '../../../db/schema-ledger.js';
import { users } from '../../../db/schema.js';
import { DEFAULT_PRODUCTS } from '../../../domain/ledger/index.js';
import { testPassword, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { totpCodeAt } from '../auth/totp.js';
import { json, problem } from '../scheduling/scheduling-test-setup.js';
import { sessionCookies } from '../session/session.test-helper.js';
import { appendLedgerEvent } from './ledger.queries.js';

/** A clinic with a DEA registration and one safe, and a cookie per role, for the ledger's report tests. */
export interface LedgerClinic {
  clinic: TestClinic;
  cookie: Record<'nurse' | 'physician' | 'admin' | 'front_desk', string>;
  safeId: string;
  /** Each role's user's display name, as the reports print it. */
  names: Record<'nurse' | 'physician', string>;
}

export const SUPPLIER = {
  name: 'Henry Schein',
  address: '135 Duryea Rd, Melville, NY',
  deaNumber: 'RH0123456',
};

/** The registered sites the ledger tests use: valid DEA numbers (their check digit holds). */
export const MAPLE_SITE = {
  deaNumber: 'AM1234563',
  siteName: 'Maple Street Clinic',
  siteAddress: '100 Example Street, Springfield, IL 62701',
};
export const OAK_SITE = {
  deaNumber: 'BM7654329',
  siteName: 'Oak Avenue Clinic',
  siteAddress: '9 Oak Avenue, Springfield, IL 62704',
};

/** Records, as an administrator, a DEA registration (Schedule III, expiring 2030-12-31) and a storage location under it. */
export async function registerSite(
  ctx: TestContext,
  adminCookie: string,
  site: typeof MAPLE_SITE,
  locationName: string,
): Promise<{ registrationId: string; locationId: string }> {
  const post = (path: string, body: unknown) =>
    ctx.request(path, { method: 'POST', cookie: adminCookie, json: body });
  const registration = await json<{ id: string }>(
    await post('/api/ledger/registrations', { ...site, schedules: ['III', 'IIIN'], expiresOn: '2030-12-31' }),
    201,
  );
  const location = await json<{ id: string }>(
    await post('/api/ledger/locations', { registrationId: registration.id, name: locationName }),
    201,
  );
  return { registrationId: registration.id, locationId: location.id };
}

export async function ledgerClinic(ctx: TestContext, name: string): Promise<LedgerClinic> {
  const clinic = await ctx.seedClinic(name);
  const cookie = {
    ...(await sessionCookies(ctx, clinic)),
    admin: await ctx.cookieFor(clinic.users.admin.id, clinic.id),
  };
  const { locationId } = await registerSite(ctx, cookie.admin, MAPLE_SITE, 'Safe A');
  const nameOf = async (id: string) =>
    (await ctx.deps.db.select().from(users).where(eq(users.id, id)))[0]!.displayName;
  const names = {
    nurse: await nameOf(clinic.users.nurse.id),
    physician: await nameOf(clinic.users.physician.id),
  };
  return { clinic, cookie, safeId: locationId, names };
}

/** Enters a receipt as the nurse; the physician confirms it unless `confirm` is false. */
export async function receiveStock(
  ctx: TestContext,
  l: LedgerClinic,
  labels: string[],
  options: {
    invoiceNumber?: string;
    supplier?: typeof SUPPLIER;
    confirm?: boolean;
    locationId?: string;
  } = {},
): Promise<{ receiptId: string; containerIds: string[] }> {
  const post = (path: string, cookie: string, body: unknown = {}) =>
    ctx.request(path, { method: 'POST', cookie, json: body });
  const receipt = await json<{ id: string }>(
    await post('/api/ledger/receipts', l.cookie.nurse, {
      locationId: options.locationId ?? l.safeId,
      supplier: options.supplier ?? SUPPLIER,
      invoiceNumber: options.invoiceNumber ?? `INV-${labels[0]}`,
      receivedOn: ctx.clock.now().toISOString().slice(0, 10),
      containers: labels.map((labelNumber) => ({
        productKey: 'ketamine-50-10',
        lotNumber: 'LOT-7',
        expiryDate: '2030-06-30',
        labelNumber,
      })),
    }),
    201,
  );
  if (options.confirm === false) return { receiptId: receipt.id, containerIds: [] };
  await problem(await post(`/api/ledger/receipts/${receipt.id}/confirm`, l.cookie.nurse), 409);
  const confirmed = await json<{ containers: { containerId: string }[] }>(
    await post(`/api/ledger/receipts/${receipt.id}/confirm`, l.cookie.physician),
    200,
  );
  return { receiptId: receipt.id, containerIds: confirmed.containers.map((c) => c.containerId) };
}

/** The physician as a witness, confirming with their password and current TOTP code. */
export async function physicianWitness(ctx: TestContext, clinic: TestClinic) {
  expect(clinic.users.physician.totpSecret).toBeTruthy();
  return {
    email: clinic.users.physician.email,
    password: testPassword,
    code: await totpCodeAt(clinic.users.physician.totpSecret, ctx.clock.now()),
  };
}

/**
 * A product that is not Schedule III written straight to the tables (the API refuses one), with a
 * confirmed receipt, its container and a receive and a waste event: what the reports must leave out.
 */
export async function seedOtherScheduleStock(ctx: TestContext, l: LedgerClinic, invoiceNumber: string) {
  const db = ctx.deps.db;
  const now = ctx.clock.now();
  const base = DEFAULT_PRODUCTS.find((p) => p.key === 'ketamine-50-10')!;
  const key = 'midazolam-5-1';
  await db.insert(ledgerProducts).values({
    clinicId: l.clinic.id,
    key,
    product: { ...base, key, name: 'Midazolam 5 mg/mL vial', schedule: 'IV' },
    createdBy: l.clinic.users.physician.id,
    createdAt: now,
  });
  const line = { productKey: key, lotNumber: 'MZ-1', expiryDate: '2030-01-01', labelNumber: 'MZ-001' };
  const [receipt] = await db
    .insert(ledgerReceipts)
    .values({
      clinicId: l.clinic.id,
      locationId: l.safeId,
      supplier: SUPPLIER,
      invoiceNumber,
      receivedOn: now.toISOString().slice(0, 10),
      lines: [line],
      receivedBy: l.clinic.users.nurse.id,
      receivedAt: now,
      confirmedBy: l.clinic.users.physician.id,
      confirmedAt: now,
    })
    .returning();
  const containerId = randomUUID();
  const receiveId = randomUUID();
  await db
    .insert(ledgerContainers)
    .values({ id: containerId, clinicId: l.clinic.id, receiptId: receipt!.id, ...line, receivedAt: now });
  await db.insert(ledgerContainerBalances).values({
    containerId,
    clinicId: l.clinic.id,
    locationId: l.safeId,
    status: 'open',
    balanceUg: 5_000,
    lastEventId: receiveId,
    lastEventAt: now,
  });
  const common = {
    clinicId: l.clinic.id,
    locationId: l.safeId,
    containerId,
    actorId: l.clinic.users.nurse.id,
    at: now.getTime(),
  };
  await appendLedgerEvent(
    db,
    {
      ...common,
      id: receiveId,
      type: 'receive',
      quantityUg: 5_000,
      ...line,
      supplier: SUPPLIER,
      invoiceNumber,
      confirmedById: l.clinic.users.physician.id,
    },
    { productKey: key, recordedAt: now },
  );
  await appendLedgerEvent(
    db,
    {
      ...common,
      id: randomUUID(),
      type: 'waste',
      quantityUg: 1_000,
      manner: 'midazolam wasted',
      witnessId: l.clinic.users.physician.id,
      sessionId: null,
    },
    { productKey: key, recordedAt: now },
  );
}
