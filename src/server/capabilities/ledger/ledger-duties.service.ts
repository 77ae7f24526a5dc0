import { can } from '../../../domain/auth/index.js';
import {
  DUTY_TITLES,
  ledgerDuties,
  smallLossPatterns,
  ADDRESS_WINDOW_DAYS,
  MISSED_COUNT_WINDOW_DAYS,
  type Duty,
  type DutyInput,
  type LocationActivity,
} from '../../../domain/ledger/index.js';
import type { StaffRole } from '../../../domain/auth/index.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import type { Executor } from '../../../db/client.js';
import { reportableDeadlines } from './ledger-counts.service.js';
import { clinicCalendar, ledgerSettingsFor, productsOf } from './ledger-state.js';
import {
  activeStaffOf,
  claimReminder,
  clinicsWithLedger,
  firstStockOn,
  inventoryDatesOf,
  locationDays,
  patientsGivenWithoutAddress,
  remindedOn,
} from './ledger-duties.queries.js';
import { discrepanciesOf, lossFilingsOf, registrationsOf } from './ledger.queries.js';

/**
 * The ledger's duties (src/domain/ledger/duties.ts): counts due on days stock moved, the initial and the
 * next inventory, a registration about to lapse, loss reports not yet sent. Shown on the ledger's first
 * page; once a day, one reminder through the outbox to each person accountable for the registration
 * (whose role may close discrepancies), claimed per clinic and day so that several processes send one.
 */

async function dutyInput(db: Executor, clinicId: string, now: Date): Promise<DutyInput> {
  const calendar = await clinicCalendar(db, clinicId);
  const today = calendar.dateOf(now.getTime());
  const since = new Date(now.getTime() - (MISSED_COUNT_WINDOW_DAYS + 2) * 86_400_000);
  const addressSince = new Date(now.getTime() - ADDRESS_WINDOW_DAYS * 86_400_000);
  const [settings, activity, registrations, inventories, firstStock, discrepancies, withoutAddress] =
    await Promise.all([
      ledgerSettingsFor(db, clinicId),
      locationDays(db, clinicId, calendar.timeZone, since),
      registrationsOf(db, clinicId),
      inventoryDatesOf(db, clinicId),
      firstStockOn(db, clinicId),
      discrepanciesOf(db, clinicId),
      patientsGivenWithoutAddress(db, clinicId, addressSince),
    ]);
  const reportable = discrepancies.flatMap((d) => {
    const deadlines = reportableDeadlines(d);
    return deadlines ? [{ id: d.id, deadlines }] : [];
  });
  const filings = await lossFilingsOf(
    db,
    reportable.map((r) => r.id),
  );
  const sent = (id: string, kind: string) => filings.some((f) => f.discrepancyId === id && f.kind === kind);
  const patterns = smallLossPatterns(
    discrepancies.filter((d) => d.differenceUg > 0),
    settings,
    today,
  );
  const products = patterns.length > 0 ? await productsOf(db, clinicId) : [];
  const latestPerDea = new Map<string, (typeof registrations)[number]>();
  for (const r of registrations) if (!latestPerDea.has(r.deaNumber)) latestPerDea.set(r.deaNumber, r);
  return {
    today,
    settings,
    locations: activity.locations.map((l): LocationActivity => {
      const days = new Set(activity.moved.filter((m) => m.locationId === l.id).map((m) => m.day));
      const counted = activity.counted.filter((c) => c.locationId === l.id);
      for (const c of counted) days.add(c.day);
      return {
        ...l,
        days: [...days].map((date) => ({
          date,
          moved: activity.moved.some((m) => m.locationId === l.id && m.day === date),
          counts: counted.find((c) => c.day === date)?.counts ?? 0,
        })),
      };
    }),
    registrations: [...latestPerDea.values()],
    inventories: inventories.map((i) => ({
      kind: i.kind as 'initial' | 'biennial' | 'other',
      takenOn: i.takenOn,
    })),
    firstStockOn: firstStock,
    lossReports: reportable.map((r) => ({
      discrepancyId: r.id,
      writtenNoticeBy: r.deadlines.writtenNoticeBy,
      form106By: r.deadlines.form106By,
      writtenNoticeSent: sent(r.id, 'written_notice'),
      form106Sent: sent(r.id, 'form_106'),
    })),
    patientsWithoutAddress: withoutAddress,
    lossPatterns: patterns.map((p) => ({
      ...p,
      productName: products.find((x) => x.key === p.productKey)?.name ?? p.productKey,
    })),
  };
}

export async function listLedgerDuties(deps: AppDeps, actor: Actor) {
  const input = await dutyInput(deps.db, actor.clinicId, deps.now());
  const items = ledgerDuties(input);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: 'ledger.duty',
    detail: { returned: items.length },
    outcome: 'success',
  });
  return { today: input.today, countCadence: input.settings.countCadence, items };
}

const dutyLine = (d: Duty) =>
  `- ${d.state === 'overdue' ? 'OVERDUE' : 'Due'} ${d.dueOn} · ${DUTY_TITLES[d.kind]} · ${d.subject}: ${d.message}`;

/**
 * Once a day per clinic, when anything is due or overdue: one message to each active user whose role
 * may close discrepancies. The ledger names no patient, so neither does the message.
 */
export async function sendLedgerReminders(deps: AppDeps, now: Date): Promise<number> {
  let sent = 0;
  for (const clinicId of await clinicsWithLedger(deps.db)) {
    try {
      sent += await remindClinic(deps, clinicId, now);
    } catch (error) {
      // One clinic's failure does not stop the others' reminders; the message names no record.
      deps.log(`ledger reminders failed for clinic ${clinicId}: ${(error as Error).name}`);
    }
  }
  return sent;
}

async function remindClinic(deps: AppDeps, clinicId: string, now: Date): Promise<number> {
  // The tick runs every minute: a clinic already reminded today costs one lookup, not the duties.
  const today = (await clinicCalendar(deps.db, clinicId)).dateOf(now.getTime());
  if (await remindedOn(deps.db, clinicId, today)) return 0;
  const input = await dutyInput(deps.db, clinicId, now);
  const duties = ledgerDuties(input);
  if (duties.length === 0) return 0;
  const staff = (await activeStaffOf(deps.db, clinicId)).filter((u) =>
    can(u.role as StaffRole, 'ledger.discrepancy'),
  );
  let sent = 0;
  await deps.db.transaction(async (tx) => {
    if (!(await claimReminder(tx, { clinicId, day: input.today, duties, sentAt: now }))) return;
    const overdue = duties.filter((d) => d.state === 'overdue').length;
    for (const user of staff)
      await deps.mailer.enqueue(tx, {
        clinicId,
        channel: 'email',
        to: user.email,
        subject: overdue
          ? `Controlled-substance ledger: ${overdue} overdue`
          : `Controlled-substance ledger: ${duties.length} due`,
        body: `${duties.map(dutyLine).join('\n')}\n\nOpen Arbor, Controlled substances, to act on them.`,
      });
    sent += staff.length;
    await appendAudit(tx, [
      {
        clinicId,
        userLabel: 'system (ledger reminders)',
        action: 'create',
        entity: 'ledger.reminder',
        entityId: null,
        detail: { day: input.today, duties: duties.length, overdue, to: staff.map((u) => u.id) },
        outcome: 'success',
      },
    ]);
  });
  return sent;
}
