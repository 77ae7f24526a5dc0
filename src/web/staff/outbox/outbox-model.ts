import type { OutboxChannel, OutboxList, OutboxStatus } from '../../../contracts/outbox';

/** The outbox page's choices, labels and request paths (no React: tested on its own). */

export type OutboxFilter = OutboxStatus | 'all';

export const outboxPageSize = 50;

/** The status choices, failed first after "All": those are the ones that need someone. */
export const outboxFilters: { value: OutboxFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'failed', label: 'Failed' },
  { value: 'queued', label: 'Queued' },
  { value: 'sent', label: 'Sent' },
];

export const outboxStatusLabels: Record<OutboxStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
};

export const outboxChannelLabels: Record<OutboxChannel, string> = { email: 'Email', sms: 'SMS' };

/** A message in a sentence: "the email to j•••@example.com", "the text message to •••• 1234". */
export function messageNoun(message: { channel: OutboxChannel; recipient: string }): string {
  return `the ${message.channel === 'sms' ? 'text message' : 'email'} to ${message.recipient}`;
}

/** How many messages a filter shows, from the counts the list carries. */
export function filterCount(filter: OutboxFilter, counts: OutboxList['counts']): number {
  return filter === 'all' ? counts.queued + counts.sent + counts.failed : counts[filter];
}

/** Query keys of the outbox: everything read about it starts with 'outbox' (see query/query-keys.ts). */
const all = ['outbox'] as const;
export const outboxKeys = {
  all,
  list: (filter: OutboxFilter, offset: number) => [...all, 'list', { filter, offset }] as const,
  message: (id: string) => [...all, 'message', id] as const,
};

export function outboxListPath(filter: OutboxFilter, offset: number): string {
  const query = new URLSearchParams();
  if (filter !== 'all') query.set('status', filter);
  query.set('limit', String(outboxPageSize));
  if (offset > 0) query.set('offset', String(offset));
  return `/api/outbox?${query.toString()}`;
}

export const outboxMessagePath = (id: string) => `/api/outbox/${encodeURIComponent(id)}`;
export const outboxRetryPath = (id: string) => `/api/outbox/${encodeURIComponent(id)}/retry`;
