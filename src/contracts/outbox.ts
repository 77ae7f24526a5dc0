import { z } from 'zod';
import { isoInstant, page } from './common.js';

/**
 * The outbox: email and SMS the clinic has queued (self-report links, enquiry confirmations), as an
 * administrator sees them. Minimum necessary (45 CFR 164.502(b)): a recipient is always masked
 * (`j•••@example.com`, `•••• 1234`), the list carries no message text, and the one-message view
 * carries the text with every link token replaced, so no live link ever reaches the page.
 */

export const outboxStatuses = ['queued', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxChannels = ['email', 'sms'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

export const outboxListQuery = z
  .object({
    status: z.enum(outboxStatuses).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export type OutboxListQuery = z.input<typeof outboxListQuery>;

export const outboxMessage = z.object({
  id: z.string(),
  channel: z.enum(outboxChannels),
  /** Masked: the first letter and the domain of an address, the last four digits of a number. */
  recipient: z.string(),
  subject: z.string().nullable(),
  status: z.enum(outboxStatuses),
  /** Delivery attempts since the message was queued (or last retried). */
  attempts: z.number().int().min(0),
  /** The last delivery error, with addresses masked and link tokens removed. */
  lastError: z.string().nullable(),
  createdAt: isoInstant,
  sentAt: isoInstant.nullable(),
});

/** One message with its text; every self-report link token in it is replaced by `[link hidden]`. */
export const outboxMessageDetail = outboxMessage.extend({ body: z.string() });

export const outboxListResponse = page(outboxMessage).extend({
  /** How many of the clinic's messages are in each status, whatever the filter. */
  counts: z.object({
    queued: z.number().int().min(0),
    sent: z.number().int().min(0),
    failed: z.number().int().min(0),
  }),
});

export type OutboxMessage = z.infer<typeof outboxMessage>;
export type OutboxMessageDetail = z.infer<typeof outboxMessageDetail>;
export type OutboxList = z.infer<typeof outboxListResponse>;
