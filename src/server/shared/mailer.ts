import nodemailer from 'nodemailer';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { messageOutbox } from '../../db/schema.js';
import type { SmsSender } from './sms-sender.js';

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
 * queued exactly when the change that caused it commits. Drivers then deliver queued messages per
 * channel: without one a channel's messages stay queued for administrators to see on the outbox page
 * (development, demos); `smtp` sends email through nodemailer and an SMS sender (sms-sender.ts) sends
 * text messages: `sent` on success; after `maxDeliveryAttempts` failures, `failed`.
 */
export interface Mailer {
  enqueue: (tx: Executor, message: OutgoingMessage) => Promise<string>;
  deliverQueued: () => Promise<{ sent: number; failed: number }>;
}

type MessageRow = typeof messageOutbox.$inferSelect;
type Send = (message: MessageRow) => Promise<void>;

/** At most this many messages per delivery run; the next run (10 s later) takes the rest. */
const deliveryBatch = 50;

/**
 * Claims the oldest deliverable message of a channel that has a driver with FOR UPDATE SKIP LOCKED,
 * sends it and records the result in the same transaction: two Arbor servers on one database never
 * send the same message, because the second skips the row the first holds and, once the first
 * commits, the row is no longer queued. A crash between sending and committing leaves the row queued,
 * so delivery is at least once.
 */
async function deliverNext(
  tx: Executor,
  senders: Partial<Record<OutgoingMessage['channel'], Send>>,
  tried: string[],
): Promise<'sent' | 'failed' | 'none'> {
  const channels = Object.keys(senders);
  const [message] = await tx
    .select()
    .from(messageOutbox)
    .where(
      and(
        sql`${messageOutbox.status} = 'queued' AND ${messageOutbox.attempts} < ${maxDeliveryAttempts}`,
        inArray(messageOutbox.channel, channels),
        tried.length > 0 ? notInArray(messageOutbox.id, tried) : undefined,
      ),
    )
    .orderBy(asc(messageOutbox.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!message) return 'none';
  tried.push(message.id);
  try {
    await senders[message.channel as OutgoingMessage['channel']]!(message);
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

export interface MailerOptions {
  driver: 'outbox' | 'smtp';
  smtpUrl?: string;
  from?: string;
  /** Sends text messages; without it they stay queued. */
  sms?: SmsSender;
}

export function createMailer(db: Database, options: MailerOptions): Mailer {
  const senders: Partial<Record<OutgoingMessage['channel'], Send>> = {};
  if (options.driver === 'smtp' && options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    senders.email = async (message) => {
      await transport.sendMail({
        from: options.from ?? 'Arbor <no-reply@localhost>',
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.body,
      });
    };
  }
  if (options.sms) {
    const sms = options.sms;
    senders.sms = (message) => sms(message.recipient, message.body);
  }
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
      const totals = { sent: 0, failed: 0 };
      if (Object.keys(senders).length === 0) return totals;
      // A message that failed is tried again in the next run, not again in this one.
      const tried: string[] = [];
      for (let i = 0; i < deliveryBatch; i += 1) {
        const outcome = await db.transaction((tx) => deliverNext(tx, senders, tried));
        if (outcome === 'none') break;
        totals[outcome] += 1;
      }
      return totals;
    },
  };
}
