import {
  outboxStatuses,
  type OutboxChannel,
  type OutboxList,
  type OutboxMessage,
  type OutboxMessageDetail,
  type OutboxStatus,
} from '../../../contracts/outbox.js';
import { auditActor, refuseMissingRecord, type Actor } from '../../shared/actor.js';
import { conflict, notFound } from '../../shared/api-error.js';
import type { AppDeps } from '../../shared/app-deps.js';
import { appendAudit } from '../../shared/audit.js';
import { maxDeliveryAttempts } from '../../shared/mailer.js';
import { maskRecipient, redactMessageText } from './outbox-redaction.js';
import {
  countByStatus,
  countOutboxRows,
  findOutboxRow,
  listOutboxRows,
  requeueOutboxRow,
  type OutboxRow,
} from './outbox.queries.js';

/**
 * The outbox as an administrator sees it: list, read one message (its text redacted) and put a
 * failed one back in the queue. Recipients are patients and enquirers, so every read is audited.
 */

const auditEntity = 'outbox.message';

function statusOf(row: OutboxRow): OutboxStatus {
  if (row.status === 'queued') return row.attempts >= maxDeliveryAttempts ? 'failed' : 'queued';
  return row.status === 'sent' ? 'sent' : 'failed';
}

/** Only the mailer's two channels are ever queued; anything else is shown as email (masked as one). */
function channelOf(row: OutboxRow): OutboxChannel {
  return row.channel === 'sms' ? 'sms' : 'email';
}

/** Never the recipient in full, never the message text, never a link token. */
export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  const channel = channelOf(row);
  return {
    id: row.id,
    channel,
    recipient: maskRecipient(channel, row.recipient),
    subject: row.subject === null ? null : redactMessageText(row.subject, channel, row.recipient),
    status: statusOf(row),
    attempts: row.attempts,
    lastError: row.lastError === null ? null : redactMessageText(row.lastError, channel, row.recipient),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export async function listOutbox(
  deps: AppDeps,
  actor: Actor,
  query: { status?: OutboxStatus | undefined; limit: number; offset: number },
): Promise<OutboxList> {
  const rows = await listOutboxRows(deps.db, actor.clinicId, query);
  const total = await countOutboxRows(deps.db, actor.clinicId, query.status);
  const byStatus = await countByStatus(deps.db, actor.clinicId);
  await deps.audit.record({
    ...auditActor(actor),
    action: 'query',
    entity: auditEntity,
    detail: { status: query.status ?? 'all', returned: rows.length, ids: rows.map((r) => r.id) },
    outcome: 'success',
  });
  const counts = Object.fromEntries(outboxStatuses.map((s) => [s, byStatus[s] ?? 0])) as OutboxList['counts'];
  return { items: rows.map(toOutboxMessage), total, counts };
}

export async function readOutboxMessage(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<OutboxMessageDetail> {
  const row = await findOutboxRow(deps.db, actor.clinicId, id);
  if (!row) return refuseMissingRecord(deps, actor, { entity: auditEntity, id, label: 'Message' });
  await deps.audit.record({
    ...auditActor(actor),
    action: 'read',
    entity: auditEntity,
    entityId: id,
    outcome: 'success',
  });
  return { ...toOutboxMessage(row), body: redactMessageText(row.body, channelOf(row), row.recipient) };
}

/**
 * Puts a failed message back in the queue with a fresh attempt count: the SMTP driver sends it on its
 * next round. A message that is queued or sent is left as it is (409), so a double click sends nothing twice.
 */
export async function retryOutboxMessage(deps: AppDeps, actor: Actor, id: string): Promise<OutboxMessage> {
  return deps.db.transaction(async (tx) => {
    const current = await findOutboxRow(tx, actor.clinicId, id, { forUpdate: true });
    if (!current) throw notFound('Message');
    const status = statusOf(current);
    if (status !== 'failed') throw conflict(`Only a failed message can be retried; this one is ${status}.`);
    const row = await requeueOutboxRow(tx, id);
    await appendAudit(tx, [
      {
        ...auditActor(actor),
        action: 'update',
        entity: auditEntity,
        entityId: id,
        detail: {
          retry: true,
          channel: channelOf(current),
          from: 'failed',
          to: 'queued',
          previousAttempts: current.attempts,
        },
        outcome: 'success',
      },
    ]);
    return toOutboxMessage(row);
  });
}
