import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  administerBody,
  adjustBody,
  amountBody,
  correctionBody,
  expireBody,
  openBody,
  returnBody,
  transferBody,
  wasteBody,
  witnessBody,
} from '../../../contracts/ledger.js';
import { can } from '../../../domain/auth/index.js';
import {
  amountToUg,
  applyEvent,
  toThousandths,
  type ContainerBalance,
  type LedgerEvent,
  type Product,
} from '../../../domain/ledger/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { reauthenticateUser } from '../auth/index.js';
import {
  containerViewOf,
  deaNumberAt,
  domainEventOf,
  eventViewOf,
  ledgerClinicOf,
  refused,
  refuseUnderLapsedRegistration,
  toContainerBalance,
  type LedgerClinic,
} from './ledger-state.js';
import {
  appendLedgerEvent,
  correctionOf,
  findContainer,
  findDose,
  findEvent,
  findSessionLink,
  updateBalance,
} from './ledger.queries.js';

/**
 * Every movement of a container after its receipt, one use case per event type. Each runs in one
 * transaction that holds the container's balance row (`FOR UPDATE`), checks the event with the ledger
 * rules against the balance it holds, writes the new balance (the database's CHECK refuses a negative one
 * whatever happens), appends the event to the clinic's hash chain and writes the audit row. Two people
 * drawing from one vial at the same moment are served one after the other; the second sees what is left.
 *
 * A witness confirms on the same screen with their own email, password and TOTP code; a refusal (wrong
 * code, the actor witnessing their own entry, a witness without a licence) is audited and nothing is
 * written.
 */

type Witness = z.infer<typeof witnessBody>;

export interface MovementResult {
  container: ReturnType<typeof containerViewOf>;
  event: ReturnType<typeof eventViewOf>;
}

/** The instant of an event: now, or the earlier time a late entry names (never the future). */
function instantOf(deps: AppDeps, eventAt: string | undefined): number {
  const now = deps.now().getTime();
  if (!eventAt) return now;
  const at = new Date(eventAt).getTime();
  if (at > now) throw badRequest([{ field: 'body.eventAt', message: 'cannot be in the future' }]);
  return at;
}

function ugOf(amount: z.infer<typeof amountBody>, product: Product | undefined, field: string): number {
  if (!product) throw badRequest([{ field, message: 'the container’s product is not in the catalogue' }]);
  const result = amountToUg(amount, product.strength, field);
  if (!result.ok) throw badRequest(result.problems);
  return result.value;
}

/** A container of the caller's clinic, or the same 404 as a missing one (before anything else is checked). */
async function loadContainer(
  deps: AppDeps,
  actor: Actor,
  containerId: string,
  options: { handling?: boolean } = {},
) {
  const clinic = await ledgerClinicOf(deps.db, actor.clinicId);
  const found = await findContainer(deps.db, actor.clinicId, containerId);
  if (!found) throw notFound('Container');
  // Opening, giving and moving stock need a registration in force where it is kept.
  if (options.handling) await refuseLapsed(deps, actor, clinic, found.balance.locationId);
  const product = clinic.products.find((p) => p.key === found.container.productKey);
  return { clinic, products: clinic.products, product, locationId: found.balance.locationId };
}

async function refuseLapsed(deps: AppDeps, actor: Actor, clinic: LedgerClinic, locationId: string) {
  const today = clinic.calendar.dateOf(deps.now().getTime());
  await refuseUnderLapsedRegistration(deps.db, actor.clinicId, locationId, today);
}

/**
 * Checks a witness's credentials and standing: an active user of this clinic whose role may witness
 * (a licensed nurse or physician), not the actor. Refusals are audited against the container.
 */
async function verifiedWitness(
  deps: AppDeps,
  actor: Actor,
  witness: Witness | undefined,
  required: boolean,
  audit: { entity: string; entityId: string },
): Promise<string | null> {
  if (!witness) {
    if (!required) return null;
    throw badRequest([{ field: 'body.witness', message: 'a second licensed person must witness this' }]);
  }
  const refuse = async (field: string, message: string, reason: string, witnessId: string | null) => {
    await deps.audit.record({
      ...auditActor(actor),
      action: 'create',
      entity: audit.entity,
      entityId: audit.entityId,
      detail: { reason, witnessId },
      outcome: 'failure',
    });
    throw badRequest([{ field, message }], 'The witness was not accepted');
  };
  const result = await reauthenticateUser(deps, actor.clinicId, witness);
  if (!result.ok)
    return refuse(
      `body.witness.${result.field}`,
      'not accepted',
      result.field === 'code' ? 'witness-code-not-accepted' : 'witness-password-not-accepted',
      result.userId,
    );
  if (result.user.id === actor.userId)
    return refuse('body.witness', 'no one witnesses their own entry', 'self-witness', result.user.id);
  if (!can(result.user.role, 'ledger.witness'))
    return refuse(
      'body.witness',
      'must be a licensed nurse or physician of the clinic',
      'witness-not-licensed',
      result.user.id,
    );
  return result.user.id;
}

interface MovementInput {
  containerId: string;
  /** The audit entity of this kind of event, e.g. 'ledger.administer'. */
  entity: string;
  /** Builds the event from the container as it stands (inside the transaction). */
  build: (c: ContainerBalance, base: BaseFields) => LedgerEvent;
  original?: LedgerEvent | null;
  patientId?: string | null;
  /** Checks inside the transaction before the rules run (links to the chart). */
  check?: (tx: Parameters<Parameters<AppDeps['db']['transaction']>[0]>[0]) => Promise<void>;
  detail?: Record<string, unknown>;
  /** The clinic as the use case read it: catalogue, calendar, settings (the witness rule it stamped). */
  clinic: LedgerClinic;
}

interface BaseFields {
  id: string;
  clinicId: string;
  locationId: string;
  containerId: string;
  actorId: string;
  at: number;
}

async function recordMovement(
  deps: AppDeps,
  actor: Actor,
  at: number,
  input: MovementInput,
): Promise<MovementResult> {
  const { products, calendar, settings } = input.clinic;
  return deps.db.transaction(async (tx) => {
    const found = await findContainer(tx, actor.clinicId, input.containerId, { forUpdate: true });
    if (!found) throw notFound('Container');
    const container = toContainerBalance(found.container, found.balance, products);
    await input.check?.(tx);
    const event = input.build(container, {
      id: randomUUID(),
      clinicId: actor.clinicId,
      locationId: container.locationId,
      containerId: container.containerId,
      actorId: actor.userId,
      at,
    });
    const original = input.original ?? null;
    const next = applyEvent(container, event, {
      settings,
      original: original ? { event: original, corrected: false } : null,
      localDate: calendar.dateOf(at),
    });
    if (!next.ok) throw refused(next.problems);
    const now = deps.now();
    await updateBalance(tx, container.containerId, {
      balanceUg: next.value.balanceUg,
      status: next.value.status,
      locationId: next.value.locationId,
      lastEventId: event.id,
      lastEventAt: new Date(at),
    });
    const row = await appendLedgerEvent(tx, event, {
      productKey: container.productKey,
      original,
      recordedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: input.patientId ?? null,
        action: 'create',
        entity: input.entity,
        entityId: container.containerId,
        detail: { event: event.id, deltaUg: row.deltaUg, ...input.detail },
        outcome: 'success',
      },
    ]);
    return {
      container: containerViewOf(next.value, products),
      event: eventViewOf(row, container.strength, next.value.balanceUg),
    };
  });
}

export async function openContainer(
  deps: AppDeps,
  actor: Actor,
  containerId: string,
  body: z.infer<typeof openBody>,
) {
  const { clinic } = await loadContainer(deps, actor, containerId, { handling: true });
  return recordMovement(deps, actor, instantOf(deps, body.eventAt), {
    clinic,
    containerId,
    entity: 'ledger.open',
    build: (_c, base) => ({ ...base, type: 'open', note: body.note ?? null }),
  });
}

/**
 * An administration from a container, linked to a treatment session of this clinic and the dose ordered
 * for that session's patient: the chart and the ledger agree by construction.
 */
export async function administer(
  deps: AppDeps,
  actor: Actor,
  containerId: string,
  body: z.infer<typeof administerBody>,
) {
  const { clinic, product } = await loadContainer(deps, actor, containerId, { handling: true });
  const quantityUg = ugOf(body.quantity, product, 'body.quantity');
  const session = await findSessionLink(deps.db, actor.clinicId, body.sessionId);
  if (!session) throw badRequest([{ field: 'body.sessionId', message: 'is not a session of this clinic' }]);
  return recordMovement(deps, actor, instantOf(deps, body.eventAt), {
    clinic,
    containerId,
    entity: 'ledger.administer',
    patientId: session.patientId,
    detail: { sessionId: session.id, doseId: body.doseId },
    check: async (tx) => {
      const dose = await findDose(tx, actor.clinicId, body.doseId);
      if (!dose || dose.patientId !== session.patientId)
        throw badRequest([
          { field: 'body.doseId', message: 'is not a dose ordered for this session’s patient' },
        ]);
      if (session.doseId && session.doseId !== dose.id)
        throw badRequest([{ field: 'body.doseId', message: 'is not the dose given in this session' }]);
      if (dose.status === 'cancelled') throw badRequest([{ field: 'body.doseId', message: 'was cancelled' }]);
    },
    build: (_c, base) => ({
      ...base,
      type: 'administer',
      quantityUg,
      patientId: session.patientId,
      sessionId: session.id,
      doseOrderId: body.doseId,
      note: body.note ?? null,
    }),
  });
}

/** Wastes a remainder; a witness confirms with their own password and TOTP code when the setting says so. */
export async function waste(
  deps: AppDeps,
  actor: Actor,
  containerId: string,
  body: z.infer<typeof wasteBody>,
) {
  const { clinic, product, products } = await loadContainer(deps, actor, containerId);
  const { settings } = clinic;
  const quantityUg = ugOf(body.quantity, product, 'body.quantity');
  if (body.sessionId && !(await findSessionLink(deps.db, actor.clinicId, body.sessionId)))
    throw badRequest([{ field: 'body.sessionId', message: 'is not a session of this clinic' }]);
  const at = instantOf(deps, body.eventAt);
  // The quantity and the container are checked before the witness spends a code on it.
  const found = await findContainer(deps.db, actor.clinicId, containerId);
  const current = toContainerBalance(found!.container, found!.balance, products);
  const dryRun = applyEvent(
    current,
    {
      id: randomUUID(),
      type: 'waste',
      clinicId: actor.clinicId,
      locationId: current.locationId,
      containerId,
      actorId: actor.userId,
      at,
      quantityUg,
      // The witness is checked next, once the rest holds: the dry run leaves it out.
      witnessId: null,
      witnessRequired: false,
      manner: body.manner,
      sessionId: body.sessionId ?? null,
    },
    { localDate: null },
  );
  if (!dryRun.ok) throw refused(dryRun.problems);
  const witnessId = await verifiedWitness(deps, actor, body.witness, settings.wasteWitnessRequired, {
    entity: 'ledger.waste',
    entityId: containerId,
  });
  return recordMovement(deps, actor, at, {
    clinic,
    containerId,
    entity: 'ledger.waste',
    detail: { witnessId, manner: body.manner },
    build: (_c, base) => ({
      ...base,
      type: 'waste',
      quantityUg,
      witnessId,
      witnessRequired: settings.wasteWitnessRequired,
      manner: body.manner,
      sessionId: body.sessionId ?? null,
      note: body.note ?? null,
    }),
  });
}

export async function transfer(
  deps: AppDeps,
  actor: Actor,
  containerId: string,
  body: z.infer<typeof transferBody>,
) {
  const { clinic, locationId } = await loadContainer(deps, actor, containerId, { handling: true });
  const [here, there] = await Promise.all([
    deaNumberAt(deps.db, actor.clinicId, locationId),
    deaNumberAt(deps.db, actor.clinicId, body.toLocationId),
  ]);
  if (there === undefined)
    throw badRequest([{ field: 'body.toLocationId', message: 'is not a storage location of this clinic' }]);
  // Records are kept separately for each registered location (docs/clinical-sources.md#dea-records-content):
  // a move between two registrations is a distribution each records (a disposal at one, a receipt at the
  // other), never an internal transfer that would leave one registration's records short.
  if (there !== here)
    throw badRequest([
      {
        field: 'body.toLocationId',
        message: `is kept under DEA registration ${there}, and this container under ${here}: stock moves between registered locations as a distribution both record, not as a transfer`,
      },
    ]);
  await refuseLapsed(deps, actor, clinic, body.toLocationId);
  return recordMovement(deps, actor, instantOf(deps, body.eventAt), {
    clinic,
    containerId,
    entity: 'ledger.transfer',
    detail: { toLocationId: body.toLocationId },
    build: (_c, base) => ({
      ...base,
      type: 'transfer',
      toLocationId: body.toLocationId,
      note: body.note ?? null,
    }),
  });
}

/** Returns a container's whole balance to a reverse distributor. */
export async function returnContainer(
  deps: AppDeps,
  actor: Actor,
  containerId: string,
  body: z.infer<typeof returnBody>,
) {
  const { clinic } = await loadContainer(deps, actor, containerId);
  return recordMovement(deps, actor, instantOf(deps, body.eventAt), {
    clinic,
    containerId,
    entity: 'ledger.return',
    detail: { distributor: body.distributor.deaNumber },
    build: (c, base) => ({
      ...base,
      type: 'return',
      quantityUg: c.balanceUg,
      distributor: body.distributor,
      note: body.note ?? null,
    }),
  });
}

export async function expire(
  deps: AppDeps,
  actor: Actor,
  containerId: string,
  body: z.infer<typeof expireBody>,
) {
  const { clinic } = await loadContainer(deps, actor, containerId);
  return recordMovement(deps, actor, instantOf(deps, body.eventAt), {
    clinic,
    containerId,
    entity: 'ledger.expire',
    detail: { reason: body.reason },
    build: (_c, base) => ({ ...base, type: 'expire', reason: body.reason, note: body.note ?? null }),
  });
}

export async function adjust(
  deps: AppDeps,
  actor: Actor,
  containerId: string,
  body: z.infer<typeof adjustBody>,
) {
  const { clinic } = await loadContainer(deps, actor, containerId);
  const deltaUg = toThousandths(body.deltaMg);
  if (deltaUg === null)
    throw badRequest([{ field: 'body.deltaMg', message: 'mg may have at most three decimals (1 µg)' }]);
  const { settings } = clinic;
  const witnessId = await verifiedWitness(deps, actor, body.witness, settings.adjustmentWitnessRequired, {
    entity: 'ledger.adjust',
    entityId: containerId,
  });
  return recordMovement(deps, actor, instantOf(deps, body.eventAt), {
    clinic,
    containerId,
    entity: 'ledger.adjust',
    detail: { witnessId, reason: body.reason },
    build: (_c, base) => ({
      ...base,
      type: 'adjust',
      deltaUg,
      reason: body.reason,
      witnessId,
      witnessRequired: settings.adjustmentWitnessRequired,
      relatesToEventId: null,
      note: body.note ?? null,
    }),
  });
}

/** Reverses an administration, a waste or an adjustment with a new event that names it. */
export async function correct(
  deps: AppDeps,
  actor: Actor,
  eventId: string,
  body: z.infer<typeof correctionBody>,
) {
  const row = await findEvent(deps.db, actor.clinicId, eventId);
  if (!row) throw notFound('Ledger event');
  if (await correctionOf(deps.db, eventId)) throw conflict('This event was already corrected');
  const clinic = await ledgerClinicOf(deps.db, actor.clinicId);
  const { settings } = clinic;
  const witnessId = await verifiedWitness(deps, actor, body.witness, settings.adjustmentWitnessRequired, {
    entity: 'ledger.correction',
    entityId: eventId,
  });
  const original = domainEventOf(row);
  return recordMovement(deps, actor, deps.now().getTime(), {
    clinic,
    containerId: row.containerId,
    entity: 'ledger.correction',
    original,
    patientId: row.patientId,
    detail: { correctsEventId: eventId, witnessId },
    build: (_c, base) => ({
      ...base,
      type: 'correction',
      correctsEventId: eventId,
      reason: body.reason,
      witnessId,
      witnessRequired: settings.adjustmentWitnessRequired,
      note: body.note ?? null,
    }),
  });
}
