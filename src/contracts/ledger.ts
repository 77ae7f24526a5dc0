import { z } from 'zod';
import { calendarDate, isoInstant, itemList } from './common.js';

/**
 * The controlled-substance ledger over HTTP (docs/controlled-substance-ledger.md): registrations and
 * storage locations, the product catalogue, receipts confirmed by a second person, containers with their
 * balances, the movements of stock (open, administer, witnessed waste, transfer, return, expire, adjust,
 * correction), blind counts, discrepancies and the loss judgement, and the registrant's reports.
 *
 * Quantities are entered as a value and a unit (mg, mL or whole units) and converted to exact micrograms
 * by the ledger rules; every quantity shown carries µg and its mg / mL / units text.
 */

const text = (max = 200) => z.string().trim().min(1).max(max);
const deaNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}\d{7}$/, 'must be a DEA registration number: 2 letters and 7 digits');

export const registrantBody = z.object({ name: text(120), address: text(300), deaNumber }).strict();

export const amountBody = z
  .object({ value: z.number().positive().max(1_000_000), unit: z.enum(['mg', 'mL', 'unit']) })
  .strict();

export const quantityView = z.object({
  ug: z.number().int(),
  mg: z.string(),
  ml: z.string().nullable(),
  units: z.number().int().nullable(),
});

// --- Registrations and locations -------------------------------------------------------------------

export const registrationBody = z
  .object({
    deaNumber,
    schedules: z
      .array(z.enum(['II', 'IIN', 'III', 'IIIN', 'IV', 'V']))
      .min(1)
      .max(6),
    expiresOn: calendarDate,
    siteName: text(120),
    siteAddress: text(300),
    phone: z.string().trim().max(40).optional(),
    county: z.string().trim().max(80).optional(),
  })
  .strict();

export const registrationView = z.object({
  id: z.uuid(),
  deaNumber: z.string(),
  schedules: z.array(z.string()),
  expiresOn: calendarDate,
  siteName: z.string(),
  siteAddress: z.string(),
  phone: z.string().nullable(),
  county: z.string().nullable(),
  recordedAt: isoInstant,
  /** Days until the registration lapses (negative once it has). */
  daysToExpiry: z.number().int(),
  warning: z.string().nullable(),
});
export const registrationList = itemList(registrationView);

export const locationBody = z.object({ registrationId: z.uuid(), name: text(80) }).strict();
export const locationView = z.object({
  id: z.uuid(),
  registrationId: z.uuid(),
  name: z.string(),
  createdAt: isoInstant,
});
export const locationList = itemList(locationView);

// --- Products -------------------------------------------------------------------------------------

export const productBody = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'lowercase letters, digits and hyphens'),
    name: text(160),
    substance: z.enum(['ketamine_hcl', 'esketamine_hcl']),
    finishedForm: text(80),
    /** Drug per container in mg and volume per container in mL (null for a solid). */
    contentMg: z.number().positive().max(100_000),
    volumeMl: z.number().positive().max(10_000).nullable(),
    countAs: z.enum(['volume', 'unit']),
    containerLabel: text(120),
    ndc: z.string().trim().max(20).nullable(),
  })
  .strict();

export const productView = z.object({
  id: z.uuid().nullable(),
  key: z.string(),
  name: z.string(),
  substance: z.string(),
  finishedForm: z.string(),
  strength: z.string(),
  contentUg: z.number().int(),
  volumeUl: z.number().int().nullable(),
  countAs: z.enum(['volume', 'unit']),
  containerLabel: z.string(),
  schedule: z.string(),
  ndc: z.string().nullable(),
  /** 'catalogue': Arbor's starting catalogue; 'clinic': added by the clinic. */
  origin: z.enum(['catalogue', 'clinic']),
});
export const productList = itemList(productView);

// --- Receipts and containers ----------------------------------------------------------------------

export const receiptBody = z
  .object({
    locationId: z.uuid(),
    supplier: registrantBody,
    invoiceNumber: text(60),
    receivedOn: calendarDate,
    containers: z
      .array(
        z
          .object({
            productKey: text(60),
            lotNumber: text(40),
            expiryDate: calendarDate,
            labelNumber: text(40),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const receiptView = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  supplier: z.object({ name: z.string(), address: z.string(), deaNumber: z.string() }),
  invoiceNumber: z.string(),
  receivedOn: calendarDate,
  receivedBy: z.uuid(),
  confirmedBy: z.uuid().nullable(),
  confirmedAt: isoInstant.nullable(),
  containers: z.array(
    z.object({
      productKey: z.string(),
      lotNumber: z.string(),
      expiryDate: calendarDate,
      labelNumber: z.string(),
      containerId: z.uuid().nullable(),
    }),
  ),
});

export const containerView = z.object({
  id: z.uuid(),
  productKey: z.string(),
  product: z.string(),
  lotNumber: z.string(),
  expiryDate: calendarDate,
  labelNumber: z.string(),
  locationId: z.uuid(),
  status: z.enum(['sealed', 'open', 'expired', 'quarantined', 'returned']),
  balance: quantityView,
  lastEventAt: isoInstant,
});
export const containerList = z.object({
  items: z.array(containerView),
  byProductLocation: z.array(
    z.object({
      productKey: z.string(),
      locationId: z.uuid(),
      balance: quantityView,
      containers: z.number().int(),
      sealed: z.number().int(),
      open: z.number().int(),
      outOfUse: z.number().int(),
    }),
  ),
});

// --- Events ---------------------------------------------------------------------------------------

const note = z.string().trim().max(500).optional();
/** When it happened, when earlier than now (a late entry); never in the future. */
const eventAt = isoInstant.optional();

export const openBody = z.object({ note, eventAt }).strict();

export const administerBody = z
  .object({ sessionId: z.uuid(), doseId: z.uuid(), quantity: amountBody, note, eventAt })
  .strict();

/** The witness confirms at the same screen with their own credentials. */
export const witnessBody = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    password: z.string().min(1).max(200),
    code: z.string().trim().max(10),
  })
  .strict();

export const wasteBody = z
  .object({
    quantity: amountBody,
    manner: text(200),
    sessionId: z.uuid().optional(),
    witness: witnessBody.optional(),
    note,
    eventAt,
  })
  .strict();

export const transferBody = z.object({ toLocationId: z.uuid(), note, eventAt }).strict();
export const returnBody = z.object({ distributor: registrantBody, note, eventAt }).strict();
export const expireBody = z.object({ reason: z.enum(['expired', 'quarantined']), note, eventAt }).strict();
export const adjustBody = z
  .object({
    /** Signed change in mg: negative for stock lost, positive for stock found. */
    deltaMg: z
      .number()
      .refine((v) => v !== 0, 'must not be 0')
      .refine((v) => Math.abs(v) <= 1_000_000, 'is too large'),
    reason: text(500),
    witness: witnessBody.optional(),
    note,
    eventAt,
  })
  .strict();
export const correctionBody = z.object({ reason: text(500), witness: witnessBody.optional(), note }).strict();

export const eventView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  type: z.string(),
  containerId: z.uuid(),
  productKey: z.string(),
  locationId: z.uuid(),
  delta: quantityView,
  balanceAfter: quantityView.nullable(),
  actorId: z.uuid(),
  witnessId: z.uuid().nullable(),
  sessionId: z.uuid().nullable(),
  doseId: z.uuid().nullable(),
  patientId: z.uuid().nullable(),
  correctsEventId: z.uuid().nullable(),
  eventAt: isoInstant,
  recordedAt: isoInstant,
  hash: z.string(),
});

// --- Counts and discrepancies ---------------------------------------------------------------------

export const countStartBody = z.object({ locationId: z.uuid(), mode: z.enum(['blind', 'open']) }).strict();

export const countSheetView = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  mode: z.enum(['blind', 'open']),
  startedAt: isoInstant,
  /** In blind mode there is no expected quantity here. */
  lines: z.array(
    z.object({
      containerId: z.uuid(),
      labelNumber: z.string(),
      productKey: z.string(),
      lotNumber: z.string(),
      expiryDate: z.string(),
      status: z.string(),
      countAs: z.enum(['volume', 'unit']),
      expected: quantityView.optional(),
    }),
  ),
});

export const countSubmitBody = z
  .object({
    lines: z
      .array(
        z
          .object({
            containerId: z.uuid(),
            counted: z
              .object({ value: z.number().min(0).max(1_000_000), unit: z.enum(['mg', 'mL', 'unit']) })
              .strict(),
            estimated: z.boolean().default(false),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();

export const discrepancyView = z.object({
  id: z.uuid(),
  countId: z.uuid(),
  /** Who took the count: they may not resolve or judge it (separation of duties). */
  countedBy: z.uuid().nullable(),
  locationId: z.uuid(),
  productKey: z.string(),
  expectedUg: z.number().int(),
  countedUg: z.number().int(),
  differenceUg: z.number().int(),
  difference: z.object({ mg: z.string() }),
  discoveredOn: calendarDate,
  status: z.enum(['open', 'resolved', 'significant']),
  notes: z.array(z.object({ text: z.string(), writtenBy: z.uuid(), writtenAt: isoInstant })),
  /** The written notice and Form 106 as recorded once sent; each stops its deadline. */
  filings: z.array(
    z.object({
      kind: z.enum(['written_notice', 'form_106']),
      filedOn: calendarDate,
      reference: z.string(),
      recordedBy: z.uuid(),
      recordedAt: isoInstant,
    }),
  ),
  /** For a reportable theft or loss: each deadline and where it stands today (clinic-local). */
  deadlines: z
    .object({
      writtenNotice: z.object({ due: calendarDate, state: z.enum(['open', 'due_today', 'overdue', 'done']) }),
      form106: z.object({ due: calendarDate, state: z.enum(['open', 'due_today', 'overdue', 'done']) }),
    })
    .nullable(),
  outcome: z.unknown().nullable(),
  closedBy: z.uuid().nullable(),
  closedAt: isoInstant.nullable(),
});
export const discrepancyList = itemList(discrepancyView);

export const countResultView = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  mode: z.enum(['blind', 'open']),
  submittedAt: isoInstant,
  lines: z.array(
    z.object({
      containerId: z.uuid(),
      productKey: z.string(),
      expectedUg: z.number().int(),
      countedUg: z.number().int(),
      differenceUg: z.number().int(),
      estimated: z.boolean(),
    }),
  ),
  discrepancies: z.array(discrepancyView),
});

export const discrepancyNoteBody = z.object({ text: text(2000) }).strict();
export const discrepancyResolveBody = z.object({ reason: text(2000) }).strict();
/** Records that the written notice or Form 106 about a reportable theft or loss was sent. */
export const lossFilingBody = z
  .object({
    kind: z.enum(['written_notice', 'form_106']),
    filedOn: calendarDate,
    /** How it was sent and the reference received, e.g. the Form 106 confirmation number. */
    reference: text(300),
  })
  .strict();
export const discrepancyJudgeBody = z
  .object({
    kind: z.enum(['theft', 'loss']),
    judgement: z.enum(['significant', 'not_significant']),
    rationale: text(2000),
    answers: z
      .array(
        z
          .object({
            factor: z.enum([
              'quantity_vs_business',
              'substance',
              'individuals_or_activities',
              'pattern',
              'diversion_candidate',
              'local_trends',
            ]),
            pointsToSignificance: z.enum(['yes', 'no', 'unsure']),
            note: z.string().trim().max(1000).default(''),
          })
          .strict(),
      )
      .max(6),
    lossType: z
      .enum([
        'night_break_in',
        'armed_robbery',
        'employee_pilferage',
        'customer_theft',
        'lost_in_transit',
        'other',
      ])
      .nullable()
      .default(null),
    policeNotified: z.boolean().nullable().default(null),
    policeDepartment: z.string().trim().max(120).nullable().default(null),
    policePhone: z.string().trim().max(40).nullable().default(null),
  })
  .strict();

// --- Reports --------------------------------------------------------------------------------------

/**
 * A report's range of clinic-local dates, optionally for one registered location: records are kept
 * separately for each, so a report may be asked for the locations under one DEA number.
 */
export const dateRangeQuery = z
  .object({ from: calendarDate, to: calendarDate, deaNumber: deaNumber.optional() })
  .strict();

/** The administration log on screen: a range, optionally a page of it (CSV and PDF are always whole). */
export const administrationLogQuery = z
  .object({
    from: calendarDate,
    to: calendarDate,
    deaNumber: deaNumber.optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();
export const administrationLogView = z.object({
  from: calendarDate,
  to: calendarDate,
  /** How many administrations the range holds; `rows` are those from `offset`. */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(z.record(z.string(), z.unknown())),
});

/** A product's perpetual log on screen: the events of a range of dates, a page at a time. */
export const perpetualLogQuery = z
  .object({
    productKey: text(60),
    from: calendarDate,
    to: calendarDate,
    deaNumber: deaNumber.optional(),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
/** A container's events, oldest first, each with the container's balance after it. */
export const containerHistoryView = z.object({ container: containerView, events: z.array(eventView) });
export const perpetualLogView = z.object({
  productKey: z.string(),
  product: z.string(),
  from: calendarDate,
  to: calendarDate,
  /** How many events the range holds; `events` is the page from `offset`. */
  total: z.number().int(),
  offset: z.number().int(),
  events: z.array(eventView),
});

/**
 * What the ledger holds for one treatment session: whether the clinic keeps its ledger here (the note's
 * signature waits for the ledger only then) and the session's administrations no correction reversed.
 */
export const sessionAdministrationsView = z.object({
  kept: z.boolean(),
  items: z.array(
    z.object({
      eventId: z.uuid(),
      at: isoInstant,
      labelNumber: z.string(),
      product: z.string(),
      quantity: quantityView,
    }),
  ),
});
export type SessionAdministrationsView = z.infer<typeof sessionAdministrationsView>;

export type ContainerView = z.infer<typeof containerView>;
export type EventView = z.infer<typeof eventView>;
export type DiscrepancyView = z.infer<typeof discrepancyView>;

// --- Inventories ----------------------------------------------------------------------------------
// Initial and biennial inventories (docs/clinical-sources.md#dea-inventory): the sheet is blind (no
// expected quantities); the taker signs with their own password and TOTP code.

export const inventoryKind = z.enum(['initial', 'biennial', 'other']);
export const inventoryTimeOfDay = z.enum(['opening_of_business', 'close_of_business']);
const inventoryLocations = z.array(z.uuid()).min(1).max(50);

export const inventorySheetBody = z.object({ locationIds: inventoryLocations }).strict();

export const inventorySheetView = z.object({
  locationIds: z.array(z.uuid()),
  /** The registrant the inventory will name, from the locations' DEA registration. */
  registrant: z.object({ name: z.string(), address: z.string(), deaNumber: z.string() }),
  /** What the record must contain, in words. */
  contents: z.array(z.string()),
  /** One line per container on hand; no expected quantity. */
  lines: z.array(
    z.object({
      containerId: z.uuid(),
      labelNumber: z.string(),
      productKey: z.string(),
      product: z.string(),
      strength: z.string(),
      lotNumber: z.string(),
      expiryDate: z.string(),
      locationId: z.uuid(),
      status: z.string(),
      countAs: z.enum(['volume', 'unit']),
      rule: z.enum(['exact', 'estimate_allowed']),
      ruleReason: z.string(),
    }),
  ),
});

/** The taker confirms the signature with their own password and current TOTP code. */
export const inventorySignatureBody = z
  .object({ password: z.string().min(1).max(200), code: z.string().trim().max(10) })
  .strict();

export const inventoryLineBody = z
  .object({
    containerId: z.uuid(),
    /** A sealed container: whether it is there (it holds its full content) or missing. */
    present: z.boolean().optional(),
    /** An opened container: what is in it. */
    counted: z
      .object({ value: z.number().min(0).max(1_000_000), unit: z.enum(['mg', 'mL', 'unit']) })
      .strict()
      .optional(),
    estimated: z.boolean().default(false),
  })
  .strict();

export const inventoryBody = z
  .object({
    kind: inventoryKind,
    takenOn: calendarDate,
    timeOfDay: inventoryTimeOfDay,
    locationIds: inventoryLocations,
    lines: z.array(inventoryLineBody).max(1000).default([]),
    /** An inventory with no stock on hand says so (an initial inventory records zero). */
    zeroStock: z.boolean().default(false),
    signature: inventorySignatureBody,
  })
  .strict();

export const inventoryView = z.object({
  id: z.uuid(),
  kind: inventoryKind,
  takenOn: calendarDate,
  timeOfDay: inventoryTimeOfDay,
  registrant: z.object({ name: z.string(), address: z.string(), deaNumber: z.string() }),
  locations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  zeroStock: z.boolean(),
  products: z.array(
    z.object({
      productKey: z.string(),
      name: z.string(),
      finishedForm: z.string(),
      strength: z.string(),
      sealedContainers: z.number().int(),
      opened: z.array(
        z.object({
          containerId: z.uuid(),
          labelNumber: z.string(),
          counted: quantityView,
          estimated: z.boolean(),
        }),
      ),
      total: quantityView,
    }),
  ),
  /** Per container: what the ledger expected and what was counted. */
  lines: z.array(
    z.object({
      containerId: z.uuid(),
      labelNumber: z.string(),
      productKey: z.string(),
      locationId: z.uuid(),
      status: z.string(),
      expectedUg: z.number().int(),
      countedUg: z.number().int(),
      differenceUg: z.number().int(),
      estimated: z.boolean(),
    }),
  ),
  countIds: z.array(z.uuid()),
  signedBy: z.object({ id: z.uuid(), name: z.string() }),
  signedAt: isoInstant,
  source: z.string(),
});

export const inventoryTakenView = inventoryView.extend({ discrepancies: z.array(discrepancyView) });

export const inventoryStatusView = z.object({
  initialTaken: z.boolean(),
  lastTakenOn: calendarDate.nullable(),
  /** The last date the next inventory may be taken; null until the initial inventory. */
  nextDueBy: calendarDate.nullable(),
  intervalMonths: z.number().int(),
  state: z.enum(['initial_due', 'ok', 'due_soon', 'overdue']),
  /** Days from today to `nextDueBy` (negative when overdue). */
  daysLeft: z.number().int().nullable(),
  source: z.string(),
});

export const inventoryList = z.object({ status: inventoryStatusView, items: z.array(inventoryView) });

export type InventorySheetView = z.infer<typeof inventorySheetView>;
export type InventoryView = z.infer<typeof inventoryView>;
export type InventoryTakenView = z.infer<typeof inventoryTakenView>;
export type InventoryStatusView = z.infer<typeof inventoryStatusView>;
export type InventoryBody = z.input<typeof inventoryBody>;

// --- Registrant's reports: receipts, disposals, PDFs; receipts awaiting confirmation ---------------
// Schedule III records only (docs/clinical-sources.md#dea-records-retention: readily retrievable).

/** The date range of a report with its PDF: clinic-local dates, both inclusive. */
export const perpetualLogRangeQuery = z
  .object({ productKey: text(60), from: calendarDate, to: calendarDate, deaNumber: deaNumber.optional() })
  .strict();

const registrant = z.object({ name: z.string(), address: z.string(), deaNumber: z.string() });

export const receiptsReportView = z.object({
  from: calendarDate,
  to: calendarDate,
  receipts: z.array(
    z.object({
      receiptId: z.uuid(),
      invoiceNumber: z.string(),
      receivedOn: calendarDate,
      supplier: registrant,
      location: z.string(),
      receivedBy: z.string(),
      receivedAt: isoInstant,
      confirmedBy: z.string().nullable(),
      confirmedAt: isoInstant.nullable(),
      containers: z.array(
        z.object({
          productKey: z.string(),
          product: z.string(),
          ndc: z.string(),
          finishedForm: z.string(),
          strength: z.string(),
          lotNumber: z.string(),
          expiryDate: calendarDate,
          labelNumber: z.string(),
        }),
      ),
    }),
  ),
});

export const disposalsReportView = z.object({
  from: calendarDate,
  to: calendarDate,
  rows: z.array(
    z.object({
      eventId: z.uuid(),
      date: calendarDate,
      time: z.string(),
      kind: z.enum(['waste', 'return', 'expired', 'quarantined']),
      product: z.string(),
      ndc: z.string(),
      strength: z.string(),
      containerLabel: z.string(),
      lotNumber: z.string(),
      quantityMg: z.string(),
      quantityMl: z.string(),
      manner: z.string(),
      witness: z.string(),
      sessionId: z.string(),
      distributorName: z.string(),
      distributorAddress: z.string(),
      distributorDeaNumber: z.string(),
      recordedBy: z.string(),
      status: z.string(),
    }),
  ),
});

export const awaitingReceiptView = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  location: z.string(),
  supplier: registrant,
  invoiceNumber: z.string(),
  receivedOn: calendarDate,
  containers: z.number().int(),
  receivedBy: z.uuid(),
  receivedByName: z.string(),
  receivedAt: isoInstant,
});
export const awaitingReceiptList = itemList(awaitingReceiptView);

export type ReceiptsReportView = z.infer<typeof receiptsReportView>;
export type DisposalsReportView = z.infer<typeof disposalsReportView>;
export type AwaitingReceiptView = z.infer<typeof awaitingReceiptView>;

/** What the ledger asks of the clinic today (src/domain/ledger/duties.ts). */
export const ledgerDutiesView = z.object({
  today: calendarDate,
  countCadence: z.enum(['shift', 'daily']),
  items: z.array(
    z.object({
      kind: z.enum([
        'count',
        'inventory',
        'registration',
        'written_notice',
        'form_106',
        'loss_pattern',
        'patient_address',
      ]),
      state: z.enum(['due', 'overdue']),
      dueOn: calendarDate,
      subject: z.string(),
      subjectId: z.string().nullable(),
      message: z.string(),
      source: z.object({ section: z.string(), evidence: z.string() }),
    }),
  ),
});
export type LedgerDutiesView = z.infer<typeof ledgerDutiesView>;
