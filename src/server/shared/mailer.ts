import nodemailer from 'nodemailer';
import { asc, eq, sql } from 'drizzle-orm';
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
      let sent = 0;
      let failed = 0;
      const queued = await db
        .select()
        .from(messageOutbox)
        .where(
          sql`${messageOutbox.status} = 'queued' AND ${messageOutbox.channel} = 'email' AND ${messageOutbox.attempts} < ${maxDeliveryAttempts}`,
        )
        .orderBy(asc(messageOutbox.createdAt))
        .limit(50);
      for (const message of queued) {
        try {
          await transport.sendMail({
            from: options.from ?? 'Arbor <no-reply@localhost>',
            to: message.recipient,
            subject: message.subject ?? '',
            text: message.body,
          });
          await db
            .update(messageOutbox)
            .set({ status: 'sent', sentAt: new Date() })
            .where(eq(messageOutbox.id, message.id));
          sent += 1;
        } catch (error) {
          const attempts = message.attempts + 1;
          await db
            .update(messageOutbox)
            .set({
              attempts,
              status: attempts >= maxDeliveryAttempts ? 'failed' : 'queued',
              lastError: String(error).slice(0, 500),
            })
            .where(eq(messageOutbox.id, message.id));
          failed += 1;
        }
      }
      return { sent, failed };
    },
  };
}
