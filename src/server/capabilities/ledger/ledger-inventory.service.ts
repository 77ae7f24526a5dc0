import type { z } from 'zod';
import type {
  inventoryBody,
  InventorySheetView,
  InventoryStatusView,
  InventoryTakenView,
  InventoryView,
} from '../../../contracts/ledger.js';
import type { Executor } from '../../../db/client.js';
import {
  amountToUg,
  countSheet,
  INVENTORY_RECORD_CONTENTS,
  inventoryCountRule,
  inventoryRecord,
  nextInventoryDue,
  strengthLabel,
  viewQuantity,
  type ContainerBalance,
  type CountedLine,
  type InventoryLineInput,
  type InventoryRecord,
  type Product,
} from '../../../domain/ledger/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, conflict, notFound, type FieldProblem } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { reauthenticateUser } from '../auth/index.js';
import { discrepancyViews, settleCount } from './ledger-counts.service.js';
import { inventoryCsv, renderInventoryPdf } from './ledger-inventory-pdf.js';
import {
  findInventory,
  insertInventory,
  inventoriesOf,
  signerOf,
  type InventoryRow,
} from './ledger-inventory.queries.js';
import { clinicCalendar, ledgerSettingsFor, productsOf, toContainerBalance } from './ledger-state.js';
import {
  containersOf,
  insertCount,
  locationsOf,
  registrationsOf,
  usersOf,
  type DiscrepancyRow,
  type LocationRow,
} from './ledger.queries.js';

/**
 * Initial and biennial inventories (docs/clinical-sources.md#dea-inventory). The sheet lists every
 * container on hand at the chosen locations with its count rule and no expected quantity (blind). Taking
 * the inventory checks it with `inventoryRecord`, has the taker sign with their own password and TOTP
 * code, and stores, in one transaction, the record and one submitted count per location with stock: the
 * count's `count` events and discrepancies are the count service's own (`settleCount`), so a difference
 * found at an inventory is investigated like any other. An inventory is never changed (guard trigger).
 */

type Body = z.infer<typeof inventoryBody>;
type Registrant = InventoryRecord['registrant'];

/** How many days before the due date the status says "due soon" (engineering: a month to plan it). */
const DUE_SOON_DAYS = 30;

const DAY_MS = 86_400_000;
const INVENTORY_SOURCE = 'docs/clinical-sources.md#dea-inventory';

/** The chosen locations of this clinic and the registrant they are registered under (one DEA number). */
async function registrantFor(
  db: Executor,
  clinicId: string,
  locationIds: readonly string[],
): Promise<{ registrant: Registrant; locations: LocationRow[] }> {
  const all = await locationsOf(db, clinicId);
  const problems: FieldProblem[] = [];
  const locations: LocationRow[] = [];
  locationIds.forEach((id, i) => {
    const location = all.find((l) => l.id === id);
    if (!location)
      problems.push({ field: `body.locationIds[${i}]`, message: 'is not a storage location of this clinic' });
    else if (locations.some((l) => l.id === id))
      problems.push({ field: `body.locationIds[${i}]`, message: 'is listed twice' });
    else locations.push(location);
  });
  if (problems.length > 0) throw badRequest(problems);
  // Registrations are newest first; a renewal is a new row with the same DEA number.
  const registrations = await registrationsOf(db, clinicId);
  const numbers = new Set(
    locations.map((l) => registrations.find((r) => r.id === l.registrationId)?.deaNumber ?? ''),
  );
  if (numbers.size !== 1)
    throw badRequest([
      { field: 'body.locationIds', message: 'the locations must be under one DEA registration' },
    ]);
  const current = registrations.find((r) => r.deaNumber === [...numbers][0])!;
  return {
    registrant: { name: current.siteName, address: current.siteAddress, deaNumber: current.deaNumber },
    locations,
  };
}

/** The containers at the locations as the ledger rules read them; held `FOR UPDATE` inside a transaction. */
async function balancesAt(
  db: Executor,
  clinicId: string,
  locationIds: readonly string[],
  products: readonly Product[],
  forUpdate = false,
): Promise<ContainerBalance[]> {
  const balances: ContainerBalance[] = [];
  for (const locationId of locationIds)
    for (const r of await containersOf(db, clinicId, { locationId, forUpdate }))
      balances.push(toContainerBalance(r.container, r.balance, products));
  return balances;
}

export async function inventorySheet(
  deps: AppDeps,
  actor: Actor,
  body: { locationIds: string[] },
): Promise<InventorySheetView> {
  const products = await productsOf(deps.db, actor.clinicId);
  const { registrant } = await registrantFor(deps.db, actor.clinicId, body.locationIds);
  const balances = await balancesAt(deps.db, actor.clinicId, body.locationIds, products);
  const lines = body.locationIds.flatMap((locationId) =>
    countSheet(balances, locationId).map((line) => {
      const c = balances.find((b) => b.containerId === line.containerId)!;
      const product = products.find((p) => p.key === c.productKey);
      const rule = inventoryCountRule(c);
      return {
        containerId: c.containerId,
        labelNumber: c.labelNumber,
        productKey: c.productKey,
        product: product?.name ?? c.productKey,
        strength: product ? strengthLabel(product) : '',
        lotNumber: c.lotNumber,
        expiryDate: c.expiryDate,
        locationId: c.locationId,
        status: c.status,
        countAs: c.strength.countAs,
        rule: rule.rule,
        ruleReason: rule.reason,
      };
    }),
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'read',
    entity: 'ledger.inventory',
    detail: { sheet: true, locations: body.locationIds.length, containers: lines.length },
    outcome: 'success',
  });
  return { locationIds: body.locationIds, registrant, contents: [...INVENTORY_RECORD_CONTENTS], lines };
}

/**
 * The counted quantity of each line in µg: a sealed container is there (its full content) or missing; an
 * opened one is what was entered. A line naming no container on hand is left to the inventory rules.
 */
function countedLines(body: Body, balances: readonly ContainerBalance[]): InventoryLineInput[] {
  const problems: FieldProblem[] = [];
  const lines = body.lines.map((line, i) => {
    const c = balances.find((b) => b.containerId === line.containerId);
    const at = (field: string) => `body.lines[${i}].${field}`;
    let countedUg = 0;
    if (c?.status === 'sealed') {
      if (line.present === undefined)
        problems.push({ field: at('present'), message: 'say whether the sealed container is there' });
      else countedUg = line.present ? c.strength.contentUg : 0;
    } else if (c) {
      if (!line.counted)
        problems.push({ field: at('counted'), message: 'enter what the opened container holds' });
      else if (line.counted.value > 0) {
        const ug = amountToUg(line.counted, c.strength, at('counted'));
        if (ug.ok) countedUg = ug.value;
        else problems.push(...ug.problems);
      }
    }
    return { containerId: line.containerId, countedUg, estimated: line.estimated };
  });
  if (problems.length > 0) throw badRequest(problems);
  return lines;
}

/** A rule's problem as the request field it is about. */
function bodyField(field: string): string {
  return `body.${field.replace(/\.countedUg$/, '.counted').replace(/^signed(By|At)$/, 'signature')}`;
}

/** Builds the record from the request and the balances; a refusal is a 400 naming the request's fields. */
function checkedRecord(
  body: Body,
  registrant: Registrant,
  balances: readonly ContainerBalance[],
  products: readonly Product[],
  signer: { userId: string; at: Date },
): { record: InventoryRecord; lines: InventoryLineInput[] } {
  const lines = countedLines(body, balances);
  const built = inventoryRecord(
    {
      kind: body.kind,
      takenOn: body.takenOn,
      timeOfDay: body.timeOfDay,
      registrant,
      locationIds: body.locationIds,
      lines,
      zeroStock: body.zeroStock,
      signedBy: signer.userId,
      signedAt: signer.at.getTime(),
    },
    balances,
    products,
  );
  if (!built.ok)
    throw badRequest(
      built.problems.map((p) => ({ field: bodyField(p.field), message: p.message })),
      'The inventory is not complete',
    );
  return { record: built.value, lines };
}

/** Refusals that need no stock: a second initial inventory, a date still to come. */
function checkKindAndDate(body: Body, rows: readonly InventoryRow[], today: string): void {
  const initial = rows.find((r) => r.kind === 'initial');
  if (body.kind === 'initial' && initial)
    throw conflict(`The initial inventory was taken on ${initial.takenOn}; take a biennial one`);
  if (body.takenOn > today)
    throw badRequest([{ field: 'body.takenOn', message: 'is in the future: take the inventory on the day' }]);
}

/**
 * The taker signs with their own password and current code. A refusal is audited and nothing is stored;
 * it is checked after the inventory itself so that a mistake in the counts does not spend a code.
 */
async function verifySignature(deps: AppDeps, actor: Actor, signature: Body['signature']): Promise<void> {
  const signer = await signerOf(deps.db, actor.clinicId, actor.userId);
  const result = signer
    ? await reauthenticateUser(deps, actor.clinicId, { email: signer.email, ...signature })
    : ({ ok: false, field: 'password' } as const);
  if (result.ok && result.user.id === actor.userId) return;
  const field = result.ok ? 'password' : result.field;
  await deps.audit.record({
    ...auditActor(actor),
    action: 'create',
    entity: 'ledger.inventory',
    detail: { reason: field === 'code' ? 'signature-code-not-accepted' : 'signature-password-not-accepted' },
    outcome: 'failure',
  });
  throw badRequest(
    [{ field: `body.signature.${field}`, message: 'not accepted' }],
    'The signature was not accepted',
  );
}

/**
 * One submitted count per location with stock, through the count service: its `count` events and a
 * discrepancy per product that differs.
 */
async function countsOf(
  tx: Executor,
  actor: Actor,
  balances: readonly ContainerBalance[],
  lines: readonly InventoryLineInput[],
  at: { now: Date; discoveredOn: string; locationIds: readonly string[] },
): Promise<{ countIds: string[]; counted: CountedLine[]; opened: DiscrepancyRow[] }> {
  const result = { countIds: [] as string[], counted: [] as CountedLine[], opened: [] as DiscrepancyRow[] };
  for (const locationId of at.locationIds) {
    const sheet = countSheet(balances, locationId);
    if (sheet.length === 0) continue;
    const count = await insertCount(tx, {
      clinicId: actor.clinicId,
      locationId,
      mode: 'blind',
      sheet,
      startedBy: actor.userId,
      startedAt: at.now,
    });
    const here = new Set(sheet.map((l) => l.containerId));
    const settled = await settleCount(
      tx,
      actor,
      count,
      balances,
      lines.filter((l) => here.has(l.containerId)),
      at,
    );
    result.countIds.push(count.id);
    result.counted.push(...settled.comparison.lines);
    result.opened.push(...settled.opened);
  }
  return result;
}

interface StoredLine {
  containerId: string;
  labelNumber: string;
  productKey: string;
  locationId: string;
  status: string;
  expectedUg: number;
  countedUg: number;
  differenceUg: number;
  estimated: boolean;
}

function storedLines(counted: readonly CountedLine[], balances: readonly ContainerBalance[]): StoredLine[] {
  return counted.map((l) => {
    const c = balances.find((b) => b.containerId === l.containerId)!;
    return { ...l, labelNumber: c.labelNumber, locationId: c.locationId, status: c.status };
  });
}

/** Two initial inventories submitted at once: the unique index lets one in; the other is told why. */
function secondInitial(error: unknown): never {
  const code =
    (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (code === '23505') throw conflict('The initial inventory was just taken; take a biennial one');
  throw error;
}

export async function takeInventory(deps: AppDeps, actor: Actor, body: Body): Promise<InventoryTakenView> {
  const products = await productsOf(deps.db, actor.clinicId);
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  const { registrant } = await registrantFor(deps.db, actor.clinicId, body.locationIds);
  checkKindAndDate(body, await inventoriesOf(deps.db, actor.clinicId), calendar.dateOf(deps.now().getTime()));
  // Checked once before the signature (no code is spent on an incomplete inventory), again on the held rows.
  const unheld = await balancesAt(deps.db, actor.clinicId, body.locationIds, products);
  checkedRecord(body, registrant, unheld, products, { userId: actor.userId, at: deps.now() });
  await verifySignature(deps, actor, body.signature);
  const row = await deps.db
    .transaction(async (tx) => {
      const now = deps.now();
      checkKindAndDate(body, await inventoriesOf(tx, actor.clinicId), calendar.dateOf(now.getTime()));
      const balances = await balancesAt(tx, actor.clinicId, body.locationIds, products, true);
      const { record, lines } = checkedRecord(body, registrant, balances, products, {
        userId: actor.userId,
        at: now,
      });
      const counts = await countsOf(tx, actor, balances, lines, {
        now,
        discoveredOn: calendar.dateOf(now.getTime()),
        locationIds: body.locationIds,
      });
      const inserted = await insertInventory(tx, {
        clinicId: actor.clinicId,
        kind: body.kind,
        takenOn: body.takenOn,
        timeOfDay: body.timeOfDay,
        registrant,
        locationIds: body.locationIds,
        zeroStock: body.zeroStock,
        record,
        lines: storedLines(counts.counted, balances),
        countIds: counts.countIds,
        signedBy: actor.userId,
        signedAt: now,
      });
      await appendAudit(tx, [
        {
          ...auditActor(actor),
          action: 'create',
          entity: 'ledger.inventory',
          entityId: inserted.id,
          detail: {
            kind: body.kind,
            containers: lines.length,
            counts: counts.countIds.length,
            discrepancies: counts.opened.length,
          },
          outcome: 'success',
        },
      ]);
      return { inserted, discrepancies: await discrepancyViews(tx, counts.opened) };
    })
    .catch(secondInitial);
  const [view] = await inventoryViews(deps.db, actor.clinicId, [row.inserted], products);
  return { ...view!, discrepancies: row.discrepancies };
}

/** Stored inventories as sent back: locations and the signer by name, quantities in mg and mL. */
async function inventoryViews(
  db: Executor,
  clinicId: string,
  rows: readonly InventoryRow[],
  products: readonly Product[],
): Promise<InventoryView[]> {
  const locations = await locationsOf(db, clinicId);
  const staff = await usersOf(db, clinicId);
  return rows.map((row) => {
    const record = row.record as InventoryRecord;
    const lines = row.lines as StoredLine[];
    const strengthOf = (key: string) => products.find((p) => p.key === key)!.strength;
    const label = (id: string) => lines.find((l) => l.containerId === id)?.labelNumber ?? id;
    return {
      id: row.id,
      kind: row.kind as InventoryView['kind'],
      takenOn: row.takenOn,
      timeOfDay: row.timeOfDay as InventoryView['timeOfDay'],
      registrant: row.registrant as Registrant,
      locations: (row.locationIds as string[]).map((id) => ({
        id,
        name: locations.find((l) => l.id === id)?.name ?? id,
      })),
      zeroStock: row.zeroStock,
      products: record.products.map((p) => ({
        productKey: p.productKey,
        name: p.name,
        finishedForm: p.finishedForm,
        strength: p.strength,
        sealedContainers: p.sealedContainers,
        opened: p.opened.map((o) => ({
          containerId: o.containerId,
          labelNumber: label(o.containerId),
          counted: viewQuantity(o.countedUg, strengthOf(p.productKey)),
          estimated: o.estimated,
        })),
        total: viewQuantity(p.totalUg, strengthOf(p.productKey)),
      })),
      lines,
      countIds: row.countIds as string[],
      signedBy: { id: row.signedBy, name: staff.find((u) => u.id === row.signedBy)?.displayName ?? '' },
      signedAt: row.signedAt.toISOString(),
      source: record.source.section ?? INVENTORY_SOURCE,
    };
  });
}

/** Whether the initial inventory was taken and when the next one is due, by the clinic's interval. */
export function inventoryStatus(
  rows: readonly Pick<InventoryRow, 'kind' | 'takenOn'>[],
  intervalMonths: number,
  today: string,
): InventoryStatusView {
  const last = rows.reduce<string | null>(
    (max, r) => (max === null || r.takenOn > max ? r.takenOn : max),
    null,
  );
  const base = { initialTaken: rows.some((r) => r.kind === 'initial'), lastTakenOn: last, intervalMonths };
  if (last === null)
    return {
      ...base,
      nextDueBy: null,
      state: 'initial_due',
      daysLeft: null,
      source: INVENTORY_SOURCE,
    };
  const due = nextInventoryDue(last, intervalMonths);
  const daysLeft = Math.round((Date.parse(due.dueBy) - Date.parse(today)) / DAY_MS);
  const state = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'ok';
  return { ...base, nextDueBy: due.dueBy, state, daysLeft, source: due.source.section ?? INVENTORY_SOURCE };
}

export async function listInventories(deps: AppDeps, actor: Actor) {
  const products = await productsOf(deps.db, actor.clinicId);
  const settings = await ledgerSettingsFor(deps.db, actor.clinicId);
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  const rows = await inventoriesOf(deps.db, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.inventory',
    detail: { returned: rows.length },
    outcome: 'success',
  });
  return {
    status: inventoryStatus(rows, settings.inventoryIntervalMonths, calendar.dateOf(deps.now().getTime())),
    items: await inventoryViews(deps.db, actor.clinicId, rows, products),
  };
}

/** One inventory of the caller's clinic (another clinic's is the same 404 as a missing one); audited. */
export async function readInventory(
  deps: AppDeps,
  actor: Actor,
  id: string,
  action: 'read' | 'export' = 'read',
  format: 'json' | 'pdf' | 'csv' = 'json',
): Promise<InventoryView> {
  const row = await findInventory(deps.db, actor.clinicId, id);
  if (!row) throw notFound('Inventory');
  const products = await productsOf(deps.db, actor.clinicId);
  const [view] = await inventoryViews(deps.db, actor.clinicId, [row], products);
  await deps.audit.record({
    ...auditActor(actor),
    action,
    entity: 'ledger.inventory',
    entityId: id,
    detail: { format },
    outcome: 'success',
  });
  return view!;
}

export async function inventoryPdf(deps: AppDeps, actor: Actor, id: string): Promise<Uint8Array> {
  const view = await readInventory(deps, actor, id, 'export', 'pdf');
  return renderInventoryPdf(view, deps.now().toISOString());
}

export async function inventoryCsvReport(deps: AppDeps, actor: Actor, id: string): Promise<string> {
  return inventoryCsv(await readInventory(deps, actor, id, 'export', 'csv'));
}
