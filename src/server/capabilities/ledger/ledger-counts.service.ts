import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  countStartBody,
  countSubmitBody,
  discrepancyJudgeBody,
  DiscrepancyView,
  lossFilingBody,
} from '../../../contracts/ledger.js';
import type { Executor } from '../../../db/client.js';
import {
  amountToUg,
  compareCount,
  countSheet,
  deadlineState,
  federalHolidayDatesAround,
  form106Data,
  formatMg,
  judgeLoss,
  lostProductsFromCount,
  smallLossPatterns,
  viewQuantity,
  type ContainerBalance,
  type CountComparison,
  type CountLineInput,
  type CountSheetLine,
  type LossDeadlines,
} from '../../../domain/ledger/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { ApiError, badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { clinicCalendar, ledgerSettingsFor, productsOf, toContainerBalance } from './ledger-state.js';
import {
  appendLedgerEvent,
  closeDiscrepancy,
  containersOf,
  discrepanciesOf,
  countersOf,
  findCount,
  findDiscrepancy,
  findLocation,
  findRegistration,
  insertCount,
  insertDiscrepancy,
  insertDiscrepancyNote,
  insertLossFiling,
  lossFilingsOf,
  notesOf,
  registrationsOf,
  submitCountRow,
  updateBalance,
  type CountRow,
  type DiscrepancyRow,
} from './ledger.queries.js';

/**
 * Counts and discrepancies. A count starts with a sheet of the containers at a location; in blind mode
 * the sheet carries no expected quantities, and they are shown only in the answer to the submitted count.
 * The submission appends one `count` event per container and opens a discrepancy per product whose
 * count differs. A discrepancy gathers investigation notes and is either resolved with a reason or judged
 * with the DEA's significance factors; a theft or a significant loss gets its two deadlines and the data
 * for Form 106. The one business day skips weekends and the observed US federal holidays.
 */

export async function startCount(deps: AppDeps, actor: Actor, body: z.infer<typeof countStartBody>) {
  const products = await productsOf(deps.db, actor.clinicId);
  return deps.db.transaction(async (tx) => {
    if (!(await findLocation(tx, actor.clinicId, body.locationId)))
      throw badRequest([{ field: 'body.locationId', message: 'is not a storage location of this clinic' }]);
    const balances = (await containersOf(tx, actor.clinicId, { locationId: body.locationId })).map((r) =>
      toContainerBalance(r.container, r.balance, products),
    );
    const sheet = countSheet(balances, body.locationId);
    const now = deps.now();
    const row = await insertCount(tx, {
      clinicId: actor.clinicId,
      locationId: body.locationId,
      mode: body.mode,
      sheet,
      startedBy: actor.userId,
      startedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'ledger.count',
        entityId: row.id,
        detail: { mode: body.mode, containers: sheet.length },
        outcome: 'success',
      },
    ]);
    return {
      id: row.id,
      locationId: row.locationId,
      mode: body.mode,
      startedAt: now.toISOString(),
      lines: sheet.map((line) => {
        const c = balances.find((b) => b.containerId === line.containerId)!;
        return body.mode === 'open' ? { ...line, expected: viewQuantity(c.balanceUg, c.strength) } : line;
      }),
    };
  });
}

export async function discrepancyViews(
  db: Executor,
  rows: DiscrepancyRow[],
  now: Date = new Date(),
): Promise<DiscrepancyView[]> {
  const ids = rows.map((r) => r.id);
  const notes = await notesOf(db, ids);
  const filings = await lossFilingsOf(db, ids);
  const counters = await countersOf(
    db,
    rows.map((r) => r.countId),
  );
  const today =
    rows.length > 0
      ? (await clinicCalendar(db, rows[0]!.clinicId)).dateOf(now.getTime())
      : now.toISOString().slice(0, 10);
  return rows.map((r) => ({
    id: r.id,
    countId: r.countId,
    countedBy: counters.find((c) => c.id === r.countId)?.submittedBy ?? null,
    locationId: r.locationId,
    productKey: r.productKey,
    expectedUg: r.expectedUg,
    countedUg: r.countedUg,
    differenceUg: r.differenceUg,
    difference: { mg: formatMg(r.differenceUg) },
    discoveredOn: r.discoveredOn,
    status: r.status as DiscrepancyView['status'],
    notes: notes
      .filter((n) => n.discrepancyId === r.id)
      .map((n) => ({ text: n.text, writtenBy: n.writtenBy, writtenAt: n.writtenAt.toISOString() })),
    ...filingsView(
      r,
      filings.filter((f) => f.discrepancyId === r.id),
      today,
    ),
    outcome: r.outcome ?? null,
    closedBy: r.closedBy,
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}

/** The filings recorded for a discrepancy and, when it is reportable, where each deadline stands. */
function filingsView(
  r: DiscrepancyRow,
  filings: Awaited<ReturnType<typeof lossFilingsOf>>,
  today: string,
): Pick<DiscrepancyView, 'filings' | 'deadlines'> {
  const filedOn = (kind: string) => filings.find((f) => f.kind === kind)?.filedOn ?? null;
  const deadlines = reportableDeadlines(r);
  return {
    filings: filings.map((f) => ({
      kind: f.kind as 'written_notice' | 'form_106',
      filedOn: f.filedOn,
      reference: f.reference,
      recordedBy: f.recordedBy,
      recordedAt: f.recordedAt.toISOString(),
    })),
    deadlines: deadlines
      ? {
          writtenNotice: {
            due: deadlines.writtenNoticeBy,
            state: deadlineState(deadlines.writtenNoticeBy, today, filedOn('written_notice')),
          },
          form106: {
            due: deadlines.form106By,
            state: deadlineState(deadlines.form106By, today, filedOn('form_106')),
          },
        }
      : null,
  };
}

/** The deadlines stored with a judged theft or significant loss; null for anything else. */
export function reportableDeadlines(r: Pick<DiscrepancyRow, 'status' | 'outcome'>): LossDeadlines | null {
  if (r.status !== 'significant') return null;
  const outcome = r.outcome as { judgement?: { deadlines?: LossDeadlines | null } } | null;
  return outcome?.judgement?.deadlines ?? null;
}

/**
 * Settles a started count inside the caller's transaction: compares the counted lines with the balances
 * held (`FOR UPDATE`), appends one `count` event per container, opens a discrepancy per product that
 * differs and stores the comparison on the count. Shared by a count's submission and an inventory, which
 * is recorded as one count per location so that its differences are handled like any count's.
 */
export async function settleCount(
  tx: Executor,
  actor: Actor,
  count: CountRow,
  balances: readonly ContainerBalance[],
  lines: readonly CountLineInput[],
  at: { now: Date; discoveredOn: string },
): Promise<{ comparison: CountComparison; opened: DiscrepancyRow[] }> {
  const { now, discoveredOn } = at;
  const compared = compareCount(
    {
      countId: count.id,
      locationId: count.locationId,
      mode: count.mode as 'blind' | 'open',
      countedAt: now.getTime(),
      expectedShownAt: null,
      lines,
    },
    balances,
  );
  if (!compared.ok)
    throw badRequest(compared.problems.map((p) => ({ field: `body.${p.field}`, message: p.message })));
  for (const line of compared.value.lines) {
    const c = balances.find((b) => b.containerId === line.containerId)!;
    const event = {
      id: randomUUID(),
      type: 'count' as const,
      clinicId: actor.clinicId,
      locationId: c.locationId,
      containerId: c.containerId,
      actorId: actor.userId,
      at: now.getTime(),
      countId: count.id,
      countedUg: line.countedUg,
      mode: count.mode as 'blind' | 'open',
      estimated: line.estimated,
    };
    await updateBalance(tx, c.containerId, {
      balanceUg: c.balanceUg,
      status: c.status,
      locationId: c.locationId,
      lastEventId: event.id,
      lastEventAt: now,
    });
    await appendLedgerEvent(tx, event, { productKey: c.productKey, recordedAt: now });
  }
  const opened: DiscrepancyRow[] = [];
  for (const d of compared.value.discrepancies)
    opened.push(
      await insertDiscrepancy(tx, {
        clinicId: actor.clinicId,
        countId: count.id,
        locationId: count.locationId,
        productKey: d.productKey,
        expectedUg: d.expectedUg,
        countedUg: d.countedUg,
        differenceUg: d.differenceUg,
        lines: compared.value.lines.filter((l) => l.productKey === d.productKey),
        discoveredOn,
        openedAt: now,
      }),
    );
  await submitCountRow(tx, count.id, {
    submittedBy: actor.userId,
    submittedAt: now,
    comparison: compared.value,
  });
  return { comparison: compared.value, opened };
}

/**
 * Submits what was counted: compared with the balances held in this transaction, one `count` event per
 * container, a discrepancy per product that differs. The expected values appear only in this answer.
 */
export async function submitCount(
  deps: AppDeps,
  actor: Actor,
  countId: string,
  body: z.infer<typeof countSubmitBody>,
) {
  const products = await productsOf(deps.db, actor.clinicId);
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  return deps.db.transaction(async (tx) => {
    const count = await findCount(tx, actor.clinicId, countId, true);
    if (!count) throw notFound('Count');
    if (count.submittedAt) throw conflict('This count was already submitted');
    const held = await containersOf(tx, actor.clinicId, { locationId: count.locationId, forUpdate: true });
    const balances = held.map((r) => toContainerBalance(r.container, r.balance, products));
    const problems: { field: string; message: string }[] = [];
    const lines = body.lines.map((line, i) => {
      const c = balances.find((b) => b.containerId === line.containerId);
      let countedUg = 0;
      if (c && line.counted.value > 0) {
        const ug = amountToUg(line.counted, c.strength, `body.lines[${i}].counted`);
        if (ug.ok) countedUg = ug.value;
        else problems.push(...ug.problems);
      }
      return { containerId: line.containerId, countedUg, estimated: line.estimated };
    });
    if (problems.length > 0) throw badRequest(problems);
    const now = deps.now();
    const { comparison, opened } = await settleCount(tx, actor, count, balances, lines, {
      now,
      discoveredOn: calendar.dateOf(now.getTime()),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'ledger.count',
        entityId: count.id,
        detail: { submitted: true, lines: lines.length, discrepancies: opened.length },
        outcome: 'success',
      },
    ]);
    return {
      id: count.id,
      locationId: count.locationId,
      mode: count.mode as 'blind' | 'open',
      submittedAt: now.toISOString(),
      lines: comparison.lines,
      discrepancies: await discrepancyViews(tx, opened, deps.now()),
    };
  });
}

export async function listDiscrepancies(deps: AppDeps, actor: Actor) {
  const rows = await discrepanciesOf(deps.db, actor.clinicId);
  const calendar = await clinicCalendar(deps.db, actor.clinicId);
  const patterns = smallLossPatterns(
    rows.filter((r) => r.differenceUg > 0),
    await ledgerSettingsFor(deps.db, actor.clinicId),
    calendar.dateOf(deps.now().getTime()),
  );
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.discrepancy',
    detail: { returned: rows.length },
    outcome: 'success',
  });
  return { items: await discrepancyViews(deps.db, rows, deps.now()), patterns };
}

/**
 * Separation of duties: whoever took the count that found a difference does not close it; someone else
 * resolves or judges it.
 */
async function refuseOwnCount(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await findDiscrepancy(deps.db, actor.clinicId, id);
  if (!row) throw notFound('Discrepancy');
  const count = await findCount(deps.db, actor.clinicId, row.countId);
  // The route layer audits the 403 as an access denied on this discrepancy.
  if (count?.submittedBy !== actor.userId) return;
  throw new ApiError(
    403,
    'forbidden',
    'You took the count that found this difference: someone else resolves or judges it',
  );
}

async function openDiscrepancy(tx: Executor, actor: Actor, id: string) {
  const row = await findDiscrepancy(tx, actor.clinicId, id, true);
  if (!row) throw notFound('Discrepancy');
  return row;
}

export async function addDiscrepancyNote(deps: AppDeps, actor: Actor, id: string, text: string) {
  return deps.db.transaction(async (tx) => {
    const row = await openDiscrepancy(tx, actor, id);
    await insertDiscrepancyNote(tx, {
      clinicId: actor.clinicId,
      discrepancyId: row.id,
      text,
      writtenBy: actor.userId,
      writtenAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'ledger.discrepancy',
        entityId: row.id,
        detail: { note: true },
        outcome: 'success',
      },
    ]);
    return (await discrepancyViews(tx, [row], deps.now()))[0]!;
  });
}

/**
 * Records that the written notice or Form 106 about a reportable theft or loss was sent, with its date
 * and reference; each is recorded once (a UNIQUE index holds it under concurrency) and stops its clock.
 */
export async function recordLossFiling(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof lossFilingBody>,
) {
  const today = (await clinicCalendar(deps.db, actor.clinicId)).dateOf(deps.now().getTime());
  return deps.db.transaction(async (tx) => {
    const row = await openDiscrepancy(tx, actor, id);
    if (!reportableDeadlines(row))
      throw conflict('Only a theft or significant loss judged reportable is filed with the DEA');
    if (body.filedOn > today)
      throw badRequest([{ field: 'body.filedOn', message: 'cannot be in the future' }]);
    if (body.filedOn < row.discoveredOn)
      throw badRequest([
        { field: 'body.filedOn', message: `cannot be before the discovery (${row.discoveredOn})` },
      ]);
    if ((await lossFilingsOf(tx, [row.id])).some((f) => f.kind === body.kind))
      throw conflict('This filing was already recorded');
    await insertLossFiling(tx, {
      clinicId: actor.clinicId,
      discrepancyId: row.id,
      kind: body.kind,
      filedOn: body.filedOn,
      reference: body.reference,
      recordedBy: actor.userId,
      recordedAt: deps.now(),
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'ledger.loss-filing',
        entityId: row.id,
        detail: { kind: body.kind, filedOn: body.filedOn },
        outcome: 'success',
      },
    ]);
    return (await discrepancyViews(tx, [row], deps.now()))[0]!;
  });
}

export async function resolveDiscrepancy(deps: AppDeps, actor: Actor, id: string, reason: string) {
  await refuseOwnCount(deps, actor, id);
  return deps.db.transaction(async (tx) => {
    const row = await openDiscrepancy(tx, actor, id);
    if (row.status !== 'open') throw conflict(`This discrepancy is already ${row.status}`);
    const now = deps.now();
    await closeDiscrepancy(tx, row.id, {
      status: 'resolved',
      outcome: { reason },
      closedBy: actor.userId,
      closedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'ledger.discrepancy',
        entityId: row.id,
        detail: { status: 'resolved' },
        outcome: 'success',
      },
    ]);
    return (
      await discrepancyViews(tx, [(await findDiscrepancy(tx, actor.clinicId, row.id))!], deps.now())
    )[0]!;
  });
}

/**
 * Judges a discrepancy with the DEA's significance factors. A theft, or a loss judged significant, is
 * reportable: the two deadlines start from the day it was discovered and the Form 106 data are stored with
 * the judgement. A loss judged not significant is closed as resolved, its judgement kept.
 */
export async function judgeDiscrepancy(
  deps: AppDeps,
  actor: Actor,
  id: string,
  body: z.infer<typeof discrepancyJudgeBody>,
) {
  await refuseOwnCount(deps, actor, id);
  const products = await productsOf(deps.db, actor.clinicId);
  const settings = await ledgerSettingsFor(deps.db, actor.clinicId);
  return deps.db.transaction(async (tx) => {
    const row = await openDiscrepancy(tx, actor, id);
    if (row.status !== 'open') throw conflict(`This discrepancy is already ${row.status}`);
    const all = await discrepanciesOf(tx, actor.clinicId);
    const patternDetected = smallLossPatterns(
      all.filter((r) => r.differenceUg > 0),
      settings,
      row.discoveredOn,
    ).some((p) => p.productKey === row.productKey);
    const now = deps.now();
    const judged = judgeLoss(
      {
        kind: body.kind,
        discoveredOn: row.discoveredOn,
        answers: body.answers,
        judgement: body.judgement,
        rationale: body.rationale,
        judgedBy: actor.userId,
        judgedAt: now.getTime(),
        patternDetected,
      },
      federalHolidayDatesAround(row.discoveredOn),
    );
    if (!judged.ok)
      throw badRequest(judged.problems.map((p) => ({ field: `body.${p.field}`, message: p.message })));
    let form106 = null;
    if (judged.value.reportable) {
      const location = await findLocation(tx, actor.clinicId, row.locationId);
      const registration =
        (location && (await findRegistration(tx, actor.clinicId, location.registrationId))) ??
        (await registrationsOf(tx, actor.clinicId))[0];
      const since = new Date(now.getTime() - 730 * 86_400_000);
      form106 = form106Data({
        registrant: {
          name: registration?.siteName ?? '',
          address: registration?.siteAddress ?? '',
          phone: registration?.phone ?? null,
          deaNumber: registration?.deaNumber ?? '',
          county: registration?.county ?? null,
          businessType: null,
        },
        discoveredOn: row.discoveredOn,
        lossType: body.lossType,
        policeNotified: body.policeNotified,
        policeDepartment: body.policeDepartment,
        policePhone: body.policePhone,
        lossesPast24Months: all.filter(
          (r) => r.status === 'significant' && r.closedAt !== null && r.closedAt >= since,
        ).length,
        items: lostProductsFromCount(
          row.lines as { productKey: string; expectedUg: number; countedUg: number }[],
          products,
        ),
      });
    }
    const status = judged.value.reportable ? 'significant' : 'resolved';
    await closeDiscrepancy(tx, row.id, {
      status,
      outcome: { judgement: judged.value, form106 },
      closedBy: actor.userId,
      closedAt: now,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'update',
        entity: 'ledger.discrepancy',
        entityId: row.id,
        detail: { status, kind: body.kind, judgement: body.judgement },
        outcome: 'success',
      },
    ]);
    return (
      await discrepancyViews(tx, [(await findDiscrepancy(tx, actor.clinicId, row.id))!], deps.now())
    )[0]!;
  });
}

export type { CountSheetLine };
