import {
  administrationLog,
  administrationLogCsv,
  sumByProductLocation,
  viewQuantity,
  type AdministrationLogRow,
  type LedgerEvent,
} from '../../../domain/ledger/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import {
  clinicCalendar,
  containerViewOf,
  eventViewOf,
  productsOf,
  toContainerBalance,
} from './ledger-state.js';
import { containersOf, eventsOf, patientsByIds, usersOf } from './ledger.queries.js';

/**
 * What the ledger shows: containers with their balances (per container and per product and location),
 * the administration log a registrant must produce (patient name and address, date, quantity, who), and
 * the perpetual log of one product. Every read is audited.
 */

export async function listContainers(deps: AppDeps, actor: Actor) {
  const products = await productsOf(deps.db, actor.clinicId);
  const balances = (await containersOf(deps.db, actor.clinicId)).map((r) =>
    toContainerBalance(r.container, r.balance, products),
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.container',
    detail: { returned: balances.length },
    outcome: 'success',
  });
  return {
    items: balances.map((c) => containerViewOf(c, products)),
    byProductLocation: sumByProductLocation(balances).map((s) => {
      const strength = products.find((p) => p.key === s.productKey)?.strength ?? {
        contentUg: 1,
        volumeUl: null,
        countAs: 'unit' as const,
      };
      return {
        productKey: s.productKey,
        locationId: s.locationId,
        balance: viewQuantity(s.balanceUg, strength),
        containers: s.containers,
        sealed: s.sealed,
        open: s.open,
        outOfUse: s.outOfUse,
      };
    }),
  };
}

function addressText(address: unknown): string {
  if (!address || typeof address !== 'object') return '';
  const a = address as Record<string, unknown>;
  return ['line1', 'line2', 'address1', 'address2', 'city', 'state', 'region', 'postalCode', 'zip', 'country']
    .map((k) => a[k])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join(', ');
}

async function administrationRows(deps: AppDeps, actor: Actor, from: string, to: string) {
  if (to < from) throw badRequest([{ field: 'query.to', message: 'is before the start of the range' }]);
  const products = await productsOf(deps.db, actor.clinicId);
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  const rows = await eventsOf(deps.db, actor.clinicId, { types: ['receive', 'administer', 'correction'] });
  const events = rows.map((r) => r.event as LedgerEvent);
  const patientIds = [...new Set(rows.filter((r) => r.patientId).map((r) => r.patientId!))];
  const patients = new Map(
    (await patientsByIds(deps.db, actor.clinicId, patientIds)).map((p) => [
      p.id,
      { name: `${p.given} ${p.family}`, address: addressText(p.address) },
    ]),
  );
  const people = new Map((await usersOf(deps.db, actor.clinicId)).map((u) => [u.id, u.displayName]));
  const receipts = new Map(
    events.flatMap((e) => (e.type === 'receive' ? [[e.containerId, e] as const] : [])),
  );
  const log: AdministrationLogRow[] = administrationLog({
    events,
    from,
    to,
    localTimeOf: calendar.localTimeOf,
    patients: (id) => patients.get(id) ?? null,
    users: (id) => people.get(id) ?? null,
    containers: (id) => {
      const r = receipts.get(id);
      const product = r && products.find((p) => p.key === r.productKey);
      return r && product ? { product, labelNumber: r.labelNumber, lotNumber: r.lotNumber } : null;
    },
  });
  const ids = [...new Set(rows.filter((r) => r.type === 'administer').map((r) => r.patientId!))];
  await deps.audit.record({
    ...auditActor(actor),
    action: 'export',
    entity: 'ledger.administration-log',
    detail: { from, to, rows: log.length, patients: ids.length },
    outcome: 'success',
  });
  return log;
}

export async function administrationLogReport(deps: AppDeps, actor: Actor, from: string, to: string) {
  return {
    from,
    to,
    rows: (await administrationRows(deps, actor, from, to)) as unknown as Record<string, unknown>[],
  };
}

export async function administrationLogCsvReport(deps: AppDeps, actor: Actor, from: string, to: string) {
  return administrationLogCsv(await administrationRows(deps, actor, from, to));
}

/** Every event of one product in the ledger's order, with the product's balance after each. */
export async function perpetualLog(deps: AppDeps, actor: Actor, productKey: string) {
  const products = await productsOf(deps.db, actor.clinicId);
  const product = products.find((p) => p.key === productKey);
  if (!product) throw notFound('Product');
  const rows = await eventsOf(deps.db, actor.clinicId, { productKey });
  let total = 0;
  const events = rows.map((r) => {
    total += r.deltaUg;
    return eventViewOf(r, product.strength, total);
  });
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.perpetual-log',
    detail: { productKey, events: rows.length },
    outcome: 'success',
  });
  return { productKey, product: product.name, events };
}
