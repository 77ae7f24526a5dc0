import type { z } from 'zod';
import type {
  containerHistoryView,
  LedgerDutiesView,
  adjustBody,
  administerBody,
  administrationLogView,
  containerList,
  correctionBody,
  countResultView,
  countSheetView,
  countStartBody,
  countSubmitBody,
  discrepancyJudgeBody,
  inventoryBody,
  inventoryList,
  lossFilingBody,
  discrepancyList,
  expireBody,
  locationBody,
  locationView,
  openBody,
  perpetualLogView,
  productBody,
  productView,
  receiptBody,
  receiptView,
  registrationBody,
  registrationView,
  returnBody,
  transferBody,
  wasteBody,
  ContainerView,
  DiscrepancyView,
  EventView,
  InventorySheetView,
  InventoryStatusView,
  InventoryTakenView,
  InventoryView,
} from '../../../contracts/ledger';
import { apiGet, apiPost } from '../api-client';
import { toQueryString } from '../query-string';

/** The controlled-substance ledger API as the staff screens call it: request paths, types and query keys. */

export type { ContainerView, DiscrepancyView, EventView };
export type ContainerList = z.infer<typeof containerList>;
export type ProductLocationTotal = ContainerList['byProductLocation'][number];
export type RegistrationView = z.infer<typeof registrationView>;
export type LocationView = z.infer<typeof locationView>;
export type ProductView = z.infer<typeof productView>;
export type ReceiptView = z.infer<typeof receiptView>;
export type CountSheetView = z.infer<typeof countSheetView>;
export type CountResultView = z.infer<typeof countResultView>;
export type DiscrepancyListView = z.infer<typeof discrepancyList> & { patterns: unknown[] };
export type AdministrationLogView = z.infer<typeof administrationLogView>;
export type PerpetualLogView = z.infer<typeof perpetualLogView>;
/** A page of a product's perpetual log: a range of dates, from `offset`, at most `limit` events. */
export interface PerpetualPage {
  from: string;
  to: string;
  /** One registered location's records; every registration's when empty or absent. */
  deaNumber?: string;
  offset: number;
  limit: number;
}

export type RegistrationRequest = z.input<typeof registrationBody>;
export type LocationRequest = z.input<typeof locationBody>;
export type ProductRequest = z.input<typeof productBody>;
export type ReceiptRequest = z.input<typeof receiptBody>;
export type CountStartRequest = z.input<typeof countStartBody>;
export type CountSubmitRequest = z.input<typeof countSubmitBody>;
export type JudgementRequest = z.input<typeof discrepancyJudgeBody>;
export type WitnessRequest = NonNullable<z.input<typeof wasteBody>['witness']>;

/** Each movement of a container and the body it takes. */
export interface MovementRequests {
  open: z.input<typeof openBody>;
  waste: z.input<typeof wasteBody>;
  transfer: z.input<typeof transferBody>;
  return: z.input<typeof returnBody>;
  expire: z.input<typeof expireBody>;
  adjust: z.input<typeof adjustBody>;
}
export type MovementVerb = keyof MovementRequests;
export type CorrectionRequest = z.input<typeof correctionBody>;
export type AdministerRequest = z.input<typeof administerBody>;
export interface MovementResult {
  container: unknown;
  event: EventView;
}

const id = encodeURIComponent;

export const ledgerPaths = {
  registrations: '/api/ledger/registrations',
  locations: '/api/ledger/locations',
  products: '/api/ledger/products',
  receipts: '/api/ledger/receipts',
  confirmReceipt: (receiptId: string) => `/api/ledger/receipts/${id(receiptId)}/confirm`,
  containers: '/api/ledger/containers',
  movement: (containerId: string, verb: MovementVerb) => `/api/ledger/containers/${id(containerId)}/${verb}`,
  administer: (containerId: string) => `/api/ledger/containers/${id(containerId)}/administer`,
  correction: (eventId: string) => `/api/ledger/events/${id(eventId)}/correction`,
  counts: '/api/ledger/counts',
  submitCount: (countId: string) => `/api/ledger/counts/${id(countId)}/submit`,
  discrepancies: '/api/ledger/discrepancies',
  discrepancyNotes: (discrepancyId: string) => `/api/ledger/discrepancies/${id(discrepancyId)}/notes`,
  resolve: (discrepancyId: string) => `/api/ledger/discrepancies/${id(discrepancyId)}/resolve`,
  judgement: (discrepancyId: string) => `/api/ledger/discrepancies/${id(discrepancyId)}/judgement`,
  administrationLog: (page: {
    from: string;
    to: string;
    deaNumber?: string;
    offset?: number;
    limit?: number;
  }) => `/api/ledger/reports/administrations${toQueryString(page)}`,
  administrationLogCsv: (range: { from: string; to: string }) =>
    `/api/ledger/reports/administrations.csv${toQueryString(range)}`,
  perpetualLog: (productKey: string, page: PerpetualPage) =>
    `/api/ledger/reports/perpetual${toQueryString({ productKey, ...page })}`,
  containerHistory: (containerId: string) => `/api/ledger/containers/${id(containerId)}/history`,
  sessionAdministrations: (sessionId: string) => `/api/ledger/sessions/${id(sessionId)}/administrations`,
};

/** Every ledger read starts with 'ledger', so one invalidation refreshes what a write changed. */
const all = ['ledger'] as const;
export const ledgerKeys = {
  all,
  registrations: [...all, 'registrations'] as const,
  locations: [...all, 'locations'] as const,
  products: [...all, 'products'] as const,
  containers: [...all, 'containers'] as const,
  discrepancies: [...all, 'discrepancies'] as const,
  administrationLog: (page: PerpetualPage | { from: string; to: string }) =>
    [...all, 'administration-log', ...Object.values(page)] as const,
  perpetualLog: (productKey: string, page: PerpetualPage) =>
    [
      ...all,
      'perpetual',
      productKey,
      page.from,
      page.to,
      page.deaNumber ?? '',
      page.offset,
      page.limit,
    ] as const,
  containerHistory: (containerId: string) => [...all, 'container-history', containerId] as const,
  sessionAdministrations: (sessionId: string) => [...all, 'session', sessionId] as const,
};

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : undefined);

export const fetchRegistrations = (signal?: AbortSignal) =>
  apiGet<{ items: RegistrationView[] }>(ledgerPaths.registrations, withSignal(signal));
export const fetchLocations = (signal?: AbortSignal) =>
  apiGet<{ items: LocationView[] }>(ledgerPaths.locations, withSignal(signal));
export const fetchProducts = (signal?: AbortSignal) =>
  apiGet<{ items: ProductView[] }>(ledgerPaths.products, withSignal(signal));
export const fetchContainers = (signal?: AbortSignal) =>
  apiGet<ContainerList>(ledgerPaths.containers, withSignal(signal));
export const fetchDiscrepancies = (signal?: AbortSignal) =>
  apiGet<DiscrepancyListView>(ledgerPaths.discrepancies, withSignal(signal));
export const fetchAdministrationLog = (
  page: { from: string; to: string; offset?: number; limit?: number },
  signal?: AbortSignal,
) => apiGet<AdministrationLogView>(ledgerPaths.administrationLog(page), withSignal(signal));
export const fetchPerpetualLog = (productKey: string, page: PerpetualPage, signal?: AbortSignal) =>
  apiGet<PerpetualLogView>(ledgerPaths.perpetualLog(productKey, page), withSignal(signal));
export const fetchContainerHistory = (containerId: string, signal?: AbortSignal) =>
  apiGet<z.infer<typeof containerHistoryView>>(ledgerPaths.containerHistory(containerId), withSignal(signal));

export const recordRegistration = (body: RegistrationRequest) =>
  apiPost<RegistrationView>(ledgerPaths.registrations, body);
export const createLocation = (body: LocationRequest) => apiPost<LocationView>(ledgerPaths.locations, body);
export const addProduct = (body: ProductRequest) => apiPost<ProductView>(ledgerPaths.products, body);
export const enterReceipt = (body: ReceiptRequest) => apiPost<ReceiptView>(ledgerPaths.receipts, body);
export const confirmReceipt = (receiptId: string) =>
  apiPost<ReceiptView>(ledgerPaths.confirmReceipt(receiptId), {});
export const recordMovement = <V extends MovementVerb>(
  containerId: string,
  verb: V,
  body: MovementRequests[V],
) => apiPost<MovementResult>(ledgerPaths.movement(containerId, verb), body);
/** An administration from a container, against the session's dose. */
export const administerFrom = (containerId: string, body: AdministerRequest) =>
  apiPost<MovementResult>(ledgerPaths.administer(containerId), body);
export const correctEvent = (eventId: string, body: CorrectionRequest) =>
  apiPost<MovementResult>(ledgerPaths.correction(eventId), body);
export const startCount = (body: CountStartRequest) => apiPost<CountSheetView>(ledgerPaths.counts, body);
export const submitCount = (countId: string, body: CountSubmitRequest) =>
  apiPost<CountResultView>(ledgerPaths.submitCount(countId), body);
export const addDiscrepancyNote = (discrepancyId: string, text: string) =>
  apiPost<DiscrepancyView>(ledgerPaths.discrepancyNotes(discrepancyId), { text });
export const resolveDiscrepancy = (discrepancyId: string, reason: string) =>
  apiPost<DiscrepancyView>(ledgerPaths.resolve(discrepancyId), { reason });
export const judgeDiscrepancy = (discrepancyId: string, body: JudgementRequest) =>
  apiPost<DiscrepancyView>(ledgerPaths.judgement(discrepancyId), body);

/** Records that the written notice or Form 106 about a reportable loss was sent. */
export type LossFilingRequest = z.input<typeof lossFilingBody>;
export const recordLossFiling = (discrepancyId: string, body: LossFilingRequest) =>
  apiPost<DiscrepancyView>(`/api/ledger/discrepancies/${encodeURIComponent(discrepancyId)}/filings`, body);

// --- Inventories (initial and biennial) ---------------------------------------------------------

export type { InventorySheetView, InventoryStatusView, InventoryTakenView, InventoryView };
export type InventoryRequest = z.input<typeof inventoryBody>;
export type InventoryListView = z.infer<typeof inventoryList>;

export const inventoryPaths = {
  list: '/api/ledger/inventories',
  sheet: '/api/ledger/inventories/sheet',
  pdf: (inventoryId: string) => `/api/ledger/inventories/${id(inventoryId)}/inventory.pdf`,
  csv: (inventoryId: string) => `/api/ledger/inventories/${id(inventoryId)}/inventory.csv`,
};

/** Under `ledgerKeys.all`, so the ledger's one invalidation after a write refreshes it too. */
export const inventoryKeys = { list: [...ledgerKeys.all, 'inventories'] as const };

export const fetchInventories = (signal?: AbortSignal) =>
  apiGet<InventoryListView>(inventoryPaths.list, withSignal(signal));
export const fetchInventorySheet = (locationIds: string[]) =>
  apiPost<InventorySheetView>(inventoryPaths.sheet, { locationIds });
export const takeInventory = (body: InventoryRequest) =>
  apiPost<InventoryTakenView>(inventoryPaths.list, body);

// --- Registrant's reports and receipts awaiting confirmation ---------------------------------------

import type {
  AwaitingReceiptView,
  DisposalsReportView,
  ReceiptsReportView,
  SessionAdministrationsView,
} from '../../../contracts/ledger';

export type { AwaitingReceiptView, DisposalsReportView, ReceiptsReportView };

/** The reports on the Reports tab; each has a JSON view and a PDF, all but the perpetual log a CSV. */
export type ReportKind = 'administrations' | 'receipts' | 'disposals' | 'perpetual';
/** A report's dates and, optionally, the DEA number of the one registered location it is for. */
export type ReportRange = { from: string; to: string; deaNumber?: string };

export const reportPaths = {
  awaitingReceipts: '/api/ledger/receipts/awaiting',
  receipts: (range: ReportRange) => `/api/ledger/reports/receipts${toQueryString(range)}`,
  disposals: (range: ReportRange) => `/api/ledger/reports/disposals${toQueryString(range)}`,
  csv: (kind: ReportKind, range: ReportRange, productKey = '') =>
    `/api/ledger/reports/${kind}.csv${toQueryString(kind === 'perpetual' ? { productKey, ...range } : range)}`,
  pdf: (kind: ReportKind, range: ReportRange, productKey = '') =>
    `/api/ledger/reports/${kind}.pdf${toQueryString(kind === 'perpetual' ? { productKey, ...range } : range)}`,
};

export const reportKeys = {
  awaitingReceipts: [...all, 'receipts', 'awaiting'] as const,
  receipts: (range: ReportRange) =>
    [...all, 'receipts-report', range.from, range.to, range.deaNumber ?? ''] as const,
  disposals: (range: ReportRange) =>
    [...all, 'disposals-report', range.from, range.to, range.deaNumber ?? ''] as const,
};

export const fetchAwaitingReceipts = (signal?: AbortSignal) =>
  apiGet<{ items: AwaitingReceiptView[] }>(reportPaths.awaitingReceipts, withSignal(signal));
export const fetchReceiptsReport = (range: ReportRange, signal?: AbortSignal) =>
  apiGet<ReceiptsReportView>(reportPaths.receipts(range), withSignal(signal));
export const fetchDisposalsReport = (range: ReportRange, signal?: AbortSignal) =>
  apiGet<DisposalsReportView>(reportPaths.disposals(range), withSignal(signal));

/** What the ledger asks of the clinic today; under `ledgerKeys.all`, so every ledger action refreshes it. */
export const ledgerDutiesKey = [...ledgerKeys.all, 'duties'] as const;
export const fetchLedgerDuties = (signal?: AbortSignal) =>
  apiGet<LedgerDutiesView>('/api/ledger/duties', withSignal(signal));

export const fetchSessionAdministrations = (sessionId: string, signal?: AbortSignal) =>
  apiGet<SessionAdministrationsView>(ledgerPaths.sessionAdministrations(sessionId), withSignal(signal));
