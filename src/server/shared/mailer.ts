import nodemailer from 'nodemailer';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database, Executor } from '../../db/client.js';
import { messageOutbox } from '../../db/schema.js';

export interface OutgoingMessage {
  clinicId?: string | null;
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  body: string;
}

/**
 * An email whose delivery fails this many times is marked `failed` and left alone until an
 * administrator retries it from the outbox page (src/server/capabilities/outbox).
 */
export const maxDeliveryAttempts = 5;

/**
 * Mail and SMS always go through the outbox table, in the caller's transaction, so a message is
 * queued exactly when the change that caused it commits. A driver then delivers queued messages:
 * `outbox` leaves them queued for administrators to see on the outbox page (development, demos),
 * `smtp` sends email through nodemailer: `sent` on success; after `maxDeliveryAttempts` failures, `failed`.
 */
export interface Mailer {
  enqueue: (tx: Executor, message: OutgoingMessage) => Promise<string>;
  deliverQueued: () => Promise<{ sent: number; failed: number }>;
}

/** At most this many messages per delivery run; the next run (10 s later) takes the rest. */
const deliveryBatch = 50;

/**
 * Claims the oldest deliverable email with FOR UPDATE SKIP LOCKED, sends it and records the result
 * in the same transaction: two Arbor servers on one database never send the same message, because
 * the second skips the row the first holds and, once the first commits, the row is no longer queued.
 * A crash between sending and committing leaves the row queued, so delivery is at least once.
 */
async function deliverNext(
  tx: Executor,
  transport: Transporter,
  from: string | undefined,
  tried: string[],
): Promise<'sent' | 'failed' | 'none'> {
  const [message] = await tx
    .select()
    .from(messageOutbox)
    .where(
      and(
        sql`${messageOutbox.status} = 'queued' AND ${messageOutbox.channel} = 'email' AND ${messageOutbox.attempts} < ${maxDeliveryAttempts}`,
        tried.length > 0 ? notInArray(messageOutbox.id, tried) : undefined,
      ),
    )
    .orderBy(asc(messageOutbox.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!message) return 'none';
  tried.push(message.id);
  try {
    await transport.sendMail({
      from: from ?? 'Arbor <no-reply@localhost>',
      to: message.recipient,
      subject: message.subject ?? '',
      text: message.body,
    });
    await tx
      .update(messageOutbox)
      .set({ status: 'sent', sentAt: new Date() })
      .where(eq(messageOutbox.id, message.id));
    return 'sent';
  } catch (error) {
    const attempts = message.attempts + 1;
    await tx
      .update(messageOutbox)
      .set({
        attempts,
        status: attempts >= maxDeliveryAttempts ? 'failed' : 'queued',
        lastError: String(error).slice(0, 500),
      })
      .where(eq(messageOutbox.id, message.id));
    return 'failed';
  }
}

export function createMailer(
  db: Database,
  options: { driver: 'outbox' | 'smtp'; smtpUrl?: string; from?: string },
): Mailer {
  const transport =
    options.driver === 'smtp' && options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  return {
    async enqueue(tx, message) {
      const [row] = await tx
        .insert(messageOutbox)
        .values({
          clinicId: message.clinicId ?? null,
          channel: message.channel,
          recipient: message.to,
          subject: message.subject ?? null,
          body: message.body,
        })
        .returning({ id: messageOutbox.id });
      return row!.id;
    },
    async deliverQueued() {
      if (!transport) return { sent: 0, failed: 0 };
      const totals = { sent: 0, failed: 0 };
      // A message that failed is tried again in the next run, not again in this one.
      const tried: string[] = [];
      for (let i = 0; i < deliveryBatch; i += 1) {
        const outcome = await db.transaction((tx) => deliverNext(tx, transport, options.from, tried));
        if (outcome === 'none') break;
        totals[outcome] += 1;
      }
      return totals;
    },
  };
}
