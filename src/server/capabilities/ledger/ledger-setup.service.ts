import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { locationBody, productBody, receiptBody, registrationBody } from '../../../contracts/ledger.js';
import {
  checkProduct,
  daysBetween,
  strengthLabel,
  UG_PER_MG,
  UL_PER_ML,
  type Product,
  type ReceiveEvent,
  applyEvent,
} from '../../../domain/ledger/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import {
  catalogueOf,
  clinicCalendar,
  productsOf,
  refused,
  refuseUnderLapsedRegistration,
} from './ledger-state.js';
import {
  appendLedgerEvent,
  confirmReceiptRow,
  containersOfReceipt,
  findLocation,
  findReceipt,
  findRegistration,
  insertBalance,
  insertContainer,
  insertLocation,
  insertProduct,
  insertReceipt,
  insertRegistration,
  labelTaken,
  locationsOf,
  registrationsOf,
  type ReceiptRow,
  type RegistrationRow,
} from './ledger.queries.js';

/**
 * The ledger's set-up and the arrival of stock: DEA registrations (with a warning before one lapses),
 * storage locations, the product catalogue, and receipts. A receipt is entered by one person and
 * confirmed by another; the confirmation creates each container, its balance and its `receive` event.
 */

/** Days before expiry from which a registration shows a warning (renewal takes weeks). */
const EXPIRY_WARNING_DAYS = 60;

function registrationView(row: RegistrationRow, today: string) {
  const daysToExpiry = daysBetween(today, row.expiresOn);
  return {
    id: row.id,
    deaNumber: row.deaNumber,
    schedules: row.schedules as string[],
    expiresOn: row.expiresOn,
    siteName: row.siteName,
    siteAddress: row.siteAddress,
    phone: row.phone,
    county: row.county,
    recordedAt: row.recordedAt.toISOString(),
    daysToExpiry,
    warning:
      daysToExpiry < 0
        ? `the registration lapsed on ${row.expiresOn}: no controlled substance may be handled under it`
        : daysToExpiry <= EXPIRY_WARNING_DAYS
          ? `the registration lapses on ${row.expiresOn}: renew it`
          : null,
  };
}

export async function recordRegistration(
  deps: AppDeps,
  actor: Actor,
  body: z.infer<typeof registrationBody>,
) {
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  return deps.db.transaction(async (tx) => {
    const row = await insertRegistration(tx, {
      clinicId: actor.clinicId,
      deaNumber: body.deaNumber,
      schedules: body.schedules,
      expiresOn: body.expiresOn,
      siteName: body.siteName,
      siteAddress: body.siteAddress,
      phone: body.phone ?? null,
      county: body.county ?? null,
      recordedBy: actor.userId,
      recordedAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'ledger.registration',
        entityId: row.id,
        detail: { schedules: body.schedules, expiresOn: body.expiresOn },
        outcome: 'success',
      },
    ]);
    return registrationView(row, calendar.dateOf(deps.now().getTime()));
  });
}

export async function listRegistrations(deps: AppDeps, actor: Actor) {
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  const today = calendar.dateOf(deps.now().getTime());
  const rows = await registrationsOf(deps.db, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.registration',
    detail: { returned: rows.length },
    outcome: 'success',
  });
  return { items: rows.map((r) => registrationView(r, today)) };
}

export async function createLocation(deps: AppDeps, actor: Actor, body: z.infer<typeof locationBody>) {
  return deps.db.transaction(async (tx) => {
    if (!(await findRegistration(tx, actor.clinicId, body.registrationId)))
      throw badRequest([{ field: 'body.registrationId', message: 'is not a registration of this clinic' }]);
    if ((await locationsOf(tx, actor.clinicId)).some((l) => l.name === body.name))
      throw conflict('A storage location of that name exists');
    const row = await insertLocation(tx, {
      clinicId: actor.clinicId,
      registrationId: body.registrationId,
      name: body.name,
      createdBy: actor.userId,
      createdAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'ledger.location',
        entityId: row.id,
        outcome: 'success',
      },
    ]);
    return { ...row, createdAt: row.createdAt.toISOString() };
  });
}

export async function listLocations(deps: AppDeps, actor: Actor) {
  const rows = await locationsOf(deps.db, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.location',
    detail: { returned: rows.length },
    outcome: 'success',
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      registrationId: r.registrationId,
      name: r.name,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

function productView(entry: { product: Product; id: string | null; origin: 'catalogue' | 'clinic' }) {
  const p = entry.product;
  return {
    id: entry.id,
    key: p.key,
    name: p.name,
    substance: p.substance,
    finishedForm: p.finishedForm,
    strength: strengthLabel(p),
    contentUg: p.strength.contentUg,
    volumeUl: p.strength.volumeUl,
    countAs: p.strength.countAs,
    containerLabel: p.containerLabel,
    schedule: p.schedule,
    ndc: p.ndc,
    origin: entry.origin,
  };
}

/** Adds a product, or replaces a starting catalogue entry of the same key (to give it the package's NDC). */
export async function addProduct(deps: AppDeps, actor: Actor, body: z.infer<typeof productBody>) {
  const contentUg = Math.round(body.contentMg * UG_PER_MG);
  const volumeUl = body.volumeMl === null ? null : Math.round(body.volumeMl * UL_PER_ML);
  const checked = checkProduct({
    key: body.key,
    name: body.name,
    substance: body.substance,
    finishedForm: body.finishedForm,
    strength: { contentUg, volumeUl, countAs: body.countAs },
    containerLabel: body.containerLabel,
    schedule: 'III',
    ndc: body.ndc,
    ndcStatus: body.ndc ? 'verified' : 'enter_from_package',
    packages: [],
    source: { section: null, evidence: 'engineering', note: 'entered by the clinic from the package' },
  });
  if (!checked.ok)
    throw badRequest(
      checked.problems.map((p) => ({
        field: p.field.startsWith('strength.contentUg')
          ? 'body.contentMg'
          : p.field.startsWith('strength.volumeUl')
            ? 'body.volumeMl'
            : `body.${p.field}`,
        message: p.message,
      })),
    );
  return deps.db.transaction(async (tx) => {
    const existing = (await catalogueOf(tx, actor.clinicId)).find((e) => e.product.key === body.key);
    if (existing?.origin === 'clinic') throw conflict('The clinic already has a product with this key');
    const row = await insertProduct(tx, {
      clinicId: actor.clinicId,
      key: body.key,
      product: checked.value,
      createdBy: actor.userId,
      createdAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'ledger.product',
        entityId: row.id,
        detail: { key: body.key, ndc: checked.value.ndc },
        outcome: 'success',
      },
    ]);
    return productView({ product: checked.value, id: row.id, origin: 'clinic' });
  });
}

export async function listProducts(deps: AppDeps, actor: Actor) {
  const entries = await catalogueOf(deps.db, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.product',
    detail: { returned: entries.length },
    outcome: 'success',
  });
  return { items: entries.map(productView) };
}

// --- Receipts -----------------------------------------------------------------------------------

interface ReceiptLine {
  productKey: string;
  lotNumber: string;
  expiryDate: string;
  labelNumber: string;
}

async function receiptView(db: AppDeps['db'], row: ReceiptRow) {
  const containers = row.confirmedBy ? await containersOfReceipt(db, row.id) : [];
  return {
    id: row.id,
    locationId: row.locationId,
    supplier: row.supplier as { name: string; address: string; deaNumber: string },
    invoiceNumber: row.invoiceNumber,
    receivedOn: row.receivedOn,
    receivedBy: row.receivedBy,
    confirmedBy: row.confirmedBy,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    containers: (row.lines as ReceiptLine[]).map((line) => ({
      ...line,
      containerId: containers.find((c) => c.labelNumber === line.labelNumber)?.id ?? null,
    })),
  };
}

/** Enters a receipt; nothing is in stock until a second person confirms it. */
export async function enterReceipt(deps: AppDeps, actor: Actor, body: z.infer<typeof receiptBody>) {
  const products = await productsOf(deps.db, actor.clinicId);
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  const today = calendar.dateOf(deps.now().getTime());
  const problems: { field: string; message: string }[] = [];
  if (body.receivedOn > today)
    problems.push({ field: 'body.receivedOn', message: 'cannot be in the future' });
  const labels = new Set<string>();
  body.containers.forEach((line, i) => {
    if (!products.some((p) => p.key === line.productKey))
      problems.push({
        field: `body.containers[${i}].productKey`,
        message: 'is not a product in the catalogue',
      });
    if (line.expiryDate < today)
      problems.push({
        field: `body.containers[${i}].expiryDate`,
        message: 'the container has already expired',
      });
    if (labels.has(line.labelNumber))
      problems.push({ field: `body.containers[${i}].labelNumber`, message: 'is used twice in this receipt' });
    labels.add(line.labelNumber);
  });
  return deps.db.transaction(async (tx) => {
    if (!(await findLocation(tx, actor.clinicId, body.locationId)))
      problems.push({ field: 'body.locationId', message: 'is not a storage location of this clinic' });
    else await refuseUnderLapsedRegistration(tx, actor.clinicId, body.locationId, today);
    for (const label of await labelTaken(tx, actor.clinicId, [...labels]))
      problems.push({
        field: `body.containers[${body.containers.findIndex((c) => c.labelNumber === label)}].labelNumber`,
        message: 'is the label of a container already in the ledger',
      });
    if (problems.length > 0) throw badRequest(problems);
    const row = await insertReceipt(tx, {
      clinicId: actor.clinicId,
      locationId: body.locationId,
      supplier: body.supplier,
      invoiceNumber: body.invoiceNumber,
      receivedOn: body.receivedOn,
      lines: body.containers,
      receivedBy: actor.userId,
      receivedAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'ledger.receipt',
        entityId: row.id,
        detail: { containers: body.containers.length, invoice: body.invoiceNumber },
        outcome: 'success',
      },
    ]);
    return receiptView(deps.db, row);
  });
}

/**
 * A second person confirms a receipt: each container gets its identity, a balance row and a `receive`
 * event chained into the ledger, all in one transaction.
 */
export async function confirmReceipt(deps: AppDeps, actor: Actor, receiptId: string) {
  const products = await productsOf(deps.db, actor.clinicId);
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  return deps.db.transaction(async (tx) => {
    const receipt = await findReceipt(tx, actor.clinicId, receiptId, true);
    if (!receipt) throw notFound('Receipt');
    if (receipt.confirmedBy) throw conflict('This receipt was already confirmed');
    if (receipt.receivedBy === actor.userId)
      throw conflict('A receipt is confirmed by someone other than the person who entered it', {
        field: 'confirmedBy',
      });
    const now = deps.now();
    await refuseUnderLapsedRegistration(
      tx,
      actor.clinicId,
      receipt.locationId,
      calendar.dateOf(now.getTime()),
    );
    const at = now.getTime();
    const supplier = receipt.supplier as { name: string; address: string; deaNumber: string };
    for (const [i, line] of (receipt.lines as ReceiptLine[]).entries()) {
      const product = products.find((p) => p.key === line.productKey) ?? null;
      const containerId = randomUUID();
      const event: ReceiveEvent = {
        id: randomUUID(),
        type: 'receive',
        clinicId: actor.clinicId,
        locationId: receipt.locationId,
        containerId,
        actorId: receipt.receivedBy,
        at,
        productKey: line.productKey,
        quantityUg: product?.strength.contentUg ?? 0,
        lotNumber: line.lotNumber,
        expiryDate: line.expiryDate,
        labelNumber: line.labelNumber,
        supplier,
        invoiceNumber: receipt.invoiceNumber,
        confirmedById: actor.userId,
      };
      const next = applyEvent(null, event, {
        product,
        localDate: calendar.dateOf(at),
      });
      if (!next.ok)
        throw refused(
          next.problems.map((p) => ({ ...p, field: `containers[${i}].${p.field}` })),
          'body',
        );
      await insertContainer(tx, {
        id: containerId,
        clinicId: actor.clinicId,
        receiptId: receipt.id,
        productKey: line.productKey,
        lotNumber: line.lotNumber,
        expiryDate: line.expiryDate,
        labelNumber: line.labelNumber,
        receivedAt: now,
      });
      await insertBalance(tx, {
        containerId,
        clinicId: actor.clinicId,
        locationId: receipt.locationId,
        status: next.value.status,
        balanceUg: next.value.balanceUg,
        lastEventId: event.id,
        lastEventAt: now,
      });
      await appendLedgerEvent(tx, event, { productKey: line.productKey, recordedAt: now });
    }
    await confirmReceiptRow(tx, receipt.id, actor.userId, now);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'ledger.receipt',
        entityId: receipt.id,
        detail: { confirmed: true, containers: (receipt.lines as ReceiptLine[]).length },
        outcome: 'success',
      },
    ]);
    return receiptView(tx as unknown as AppDeps['db'], (await findReceipt(tx, actor.clinicId, receipt.id))!);
  });
}
