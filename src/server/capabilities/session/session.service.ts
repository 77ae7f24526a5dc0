import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { checkInBody, SessionEntryBody, SessionView } from '../../../contracts/session.js';
import type { Tx } from '../../../db/client.js';
import { auditActor, type Actor } from '../../shared/actor.js';
import { badRequest, conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { loadClinicPatient } from '../../shared/patient-access.js';
import type { AppointmentAction } from '../../../domain/scheduling/index.js';
import { sessionLedgerFacts } from '../ledger/index.js';
import { followTreatmentSession } from '../scheduling/index.js';
import { entryOutcome } from './session-entry-rules.js';
import { loadSessionFacts, withEntry } from './session-facts.js';
import { buildSessionView } from './session-view.js';
import {
  advanceSession,
  entryByClientId,
  findAppointment,
  findSession,
  insertEntry,
  insertSession,
  notifySessionChange,
  sessionForAppointment,
  sessionsOfPatient,
  type SessionRow,
} from './session.queries.js';

/**
 * The treatment session's use cases: check in, chart one entry, read a session, list a patient's
 * sessions. Each write runs in one transaction holding the session row, records the entry with the
 * state it leads to, moves the session on by one version, writes the audit row and tells every Arbor
 * process (chair boards) that the session changed.
 */

async function viewOf(deps: AppDeps, db: Tx | AppDeps['db'], actor: Actor, session: SessionRow) {
  return buildSessionView(await loadSessionFacts(db, session, deps.now()), actor.role);
}

async function loadSession(
  deps: AppDeps,
  db: Tx | AppDeps['db'],
  actor: Actor,
  id: string,
  forUpdate = false,
) {
  const session = await findSession(db, actor.clinicId, id, { forUpdate });
  if (!session) throw notFound('Session');
  return session;
}

export async function checkIn(
  deps: AppDeps,
  actor: Actor,
  body: z.infer<typeof checkInBody>,
): Promise<SessionView> {
  return deps.db.transaction(async (tx) => {
    await loadClinicPatient(tx, actor.clinicId, body.patientId, { forUpdate: true });
    if (body.appointmentId) {
      const appointment = await findAppointment(tx, actor.clinicId, body.appointmentId);
      if (!appointment || appointment.patientId !== body.patientId)
        throw badRequest([{ field: 'body.appointmentId', message: 'is not an appointment of this patient' }]);
      if (appointment.status === 'cancelled' || appointment.status === 'no_show')
        throw conflict(`This appointment is ${appointment.status.replace('_', '-')}`);
      const existing = await sessionForAppointment(tx, actor.clinicId, body.appointmentId);
      if (existing) throw conflict('This appointment already has a session', { sessionId: existing.id });
    }
    const now = deps.now();
    const session = await insertSession(tx, {
      clinicId: actor.clinicId,
      patientId: body.patientId,
      appointmentId: body.appointmentId ?? null,
      kind: body.kind,
      chairLabel: body.chairLabel ?? null,
      checkedInAt: now,
      checkedInBy: actor.userId,
      updatedAt: now,
    });
    await insertEntry(tx, {
      clinicId: actor.clinicId,
      sessionId: session.id,
      patientId: body.patientId,
      clientEntryId: randomUUID(),
      type: 'action',
      payload: { action: 'check_in', appointmentId: body.appointmentId ?? null },
      eventAt: now,
      recordedAt: now,
      recordedBy: actor.userId,
      stateAfter: 'checked_in',
      version: 1,
    });
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: body.patientId,
        action: 'create',
        entity: 'session',
        entityId: session.id,
        detail: { kind: body.kind, appointment: body.appointmentId ?? null },
        outcome: 'success',
      },
    ]);
    if (body.appointmentId) await followTreatmentSession(tx, deps, actor, body.appointmentId, ['check_in']);
    await notifySessionChange(tx, { clinicId: actor.clinicId, sessionId: session.id, version: 1 });
    return viewOf(deps, tx, actor, session);
  });
}

/** How the booked appointment follows the session's steps (the calendar shows who is in the chair). */
const APPOINTMENT_FOLLOWS: Partial<Record<string, AppointmentAction[]>> = {
  start: ['check_in', 'seat'],
  stop: ['start_recovery'],
  discharge: ['complete'],
  end_early: ['complete'],
  transfer_out: ['complete'],
};

/** When the entry happened: the server's clock, or the earlier time a late entry names (never the future). */
function eventTimeOf(body: SessionEntryBody, session: SessionRow, now: Date): Date {
  if (!body.eventAt) return now;
  const at = new Date(body.eventAt);
  if (at.getTime() > now.getTime())
    throw badRequest([{ field: 'body.eventAt', message: 'cannot be in the future' }]);
  if (at.getTime() < session.checkedInAt.getTime())
    throw badRequest([{ field: 'body.eventAt', message: 'cannot be before the check-in' }]);
  return at;
}

/**
 * Charts one entry. A repeat of an entry already recorded (same client id) changes nothing and
 * answers with the session as it is (`replayed`), so a tablet retrying after a lost answer never
 * charts twice.
 */
export async function recordEntry(
  deps: AppDeps,
  actor: Actor,
  sessionId: string,
  body: SessionEntryBody,
): Promise<{ view: SessionView; replayed: boolean }> {
  return deps.db.transaction(async (tx) => {
    const session = await loadSession(deps, tx, actor, sessionId, true);
    if (await entryByClientId(tx, session.id, body.clientEntryId))
      return { view: await viewOf(deps, tx, actor, session), replayed: true };
    const now = deps.now();
    const eventAt = eventTimeOf(body, session, now);
    const facts = await loadSessionFacts(tx, session, now);
    // Signing the note checks the ledger against the chart; no other entry reads it.
    if (body.type === 'note_sign') facts.ledger = await sessionLedgerFacts(tx, session.clinicId, session);
    const outcome = entryOutcome(body, facts, actor.role, eventAt.getTime());
    const version = session.version + 1;
    const entry = await insertEntry(tx, {
      clinicId: session.clinicId,
      sessionId: session.id,
      patientId: session.patientId,
      clientEntryId: body.clientEntryId,
      type: body.type,
      payload: outcome.payload,
      eventAt,
      recordedAt: now,
      recordedBy: actor.userId,
      stateAfter: outcome.stateAfter,
      version,
    });
    const updated = await advanceSession(tx, session, {
      state: outcome.stateAfter,
      updatedAt: now,
      ...(outcome.doseId ? { doseId: outcome.doseId } : {}),
    });
    const appointmentMoves = body.type === 'action' ? APPOINTMENT_FOLLOWS[body.action] : undefined;
    if (session.appointmentId && appointmentMoves)
      await followTreatmentSession(tx, deps, actor, session.appointmentId, appointmentMoves);
    // The answer is built from the facts already loaded plus the new entry, before the audit row: the
    // audit chain's lock is shared by every writer, so it is taken last, just before the commit.
    const stored = { ...entry, payload: outcome.payload, recordedByLabel: actor.label };
    const view = buildSessionView(withEntry(facts, updated, stored), actor.role);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        patientId: session.patientId,
        action: 'create',
        entity: 'session.entry',
        entityId: session.id,
        detail: {
          type: body.type,
          ...(body.type === 'action' ? { action: body.action } : {}),
          state: outcome.stateAfter,
          version,
          ...(body.eventAt ? { lateBySeconds: Math.round((now.getTime() - eventAt.getTime()) / 1000) } : {}),
        },
        outcome: 'success',
      },
    ]);
    await notifySessionChange(tx, { clinicId: session.clinicId, sessionId: session.id, version });
    return { view, replayed: false };
  });
}

export async function readSession(deps: AppDeps, actor: Actor, id: string): Promise<SessionView> {
  const session = await loadSession(deps, deps.db, actor, id);
  const view = await viewOf(deps, deps.db, actor, session);
  await deps.audit.record({
    ...auditActor(actor),
    patientId: session.patientId,
    action: 'read',
    entity: 'session',
    entityId: session.id,
    detail: { version: session.version },
    outcome: 'success',
  });
  return view;
}

export async function listPatientSessions(deps: AppDeps, actor: Actor, patientId: string) {
  await loadClinicPatient(deps.db, actor.clinicId, patientId);
  const rows = await sessionsOfPatient(deps.db, actor.clinicId, patientId);
  await deps.audit.record({
    ...auditActor(actor),
    patientId,
    action: 'query',
    entity: 'session',
    detail: { returned: rows.length },
    outcome: 'success',
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as 'iv_ketamine' | 'esketamine',
      state: r.state as SessionView['state'],
      checkedInAt: r.checkedInAt.toISOString(),
    })),
  };
}
