import {
  inventoryBody,
  inventoryList,
  inventorySheetBody,
  inventorySheetView,
  inventoryTakenView,
  inventoryView,
} from '../../../contracts/ledger.js';
import { defineRoute, idParam, type AnyRoute } from '../../shared/http/define-route.js';
import {
  inventoryCsvReport,
  inventoryPdf,
  inventorySheet,
  listInventories,
  readInventory,
  takeInventory,
} from './ledger-inventory.service.js';

const tag = 'ledger';

/** Initial and biennial inventories (docs/controlled-substance-ledger.md#inventories). */
export const ledgerInventoryRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/api/ledger/inventories',
    summary: 'Inventories taken, newest first, and when the next one is due',
    tag,
    auth: 'staff',
    action: 'ledger.read',
    response: inventoryList,
    handler: async ({ actor, ctx }) => listInventories(ctx.deps, actor),
  }),
  defineRoute({
    method: 'post',
    path: '/api/ledger/inventories/sheet',
    summary:
      'What to count at the chosen locations, with each container’s count rule (no expected quantities)',
    tag,
    auth: 'staff',
    action: 'ledger.record',
    body: inventorySheetBody,
    response: inventorySheetView,
    handler: async ({ body, actor, ctx }) => inventorySheet(ctx.deps, actor, body),
  }),
  defineRoute({
    method: 'post',
    path: '/api/ledger/inventories',
    summary:
      'Take an inventory, signed with the taker’s password and TOTP code; differences open discrepancies',
    tag,
    auth: 'staff',
    action: 'ledger.record',
    body: inventoryBody,
    response: inventoryTakenView,
    successStatus: 201,
    handler: async ({ body, actor, ctx }) => takeInventory(ctx.deps, actor, body),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger/inventories/:id',
    summary: 'One inventory: the record, and expected against counted per container',
    tag,
    auth: 'staff',
    action: 'ledger.read',
    params: idParam,
    response: inventoryView,
    handler: async ({ params, actor, ctx }) => readInventory(ctx.deps, actor, params.id),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger/inventories/:id/inventory.pdf',
    summary: 'One inventory as a printable PDF',
    tag,
    auth: 'staff',
    action: 'ledger.read',
    params: idParam,
    produces: 'application/pdf',
    handler: async ({ params, actor, ctx }) =>
      new Response(Buffer.from(await inventoryPdf(ctx.deps, actor, params.id)), {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="inventory-${params.id}.pdf"`,
        },
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/ledger/inventories/:id/inventory.csv',
    summary: 'One inventory as CSV: a row per container counted',
    tag,
    auth: 'staff',
    action: 'ledger.read',
    params: idParam,
    produces: 'text/csv',
    handler: async ({ params, actor, ctx }) =>
      new Response(await inventoryCsvReport(ctx.deps, actor, params.id), {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="inventory-${params.id}.csv"`,
        },
      }),
  }),
];
