import { useState } from 'react';
import type { OutboxList } from '../../../contracts/outbox';
import { apiGet, errorMessage } from '../api-client';
import { useApiQuery, useInvalidate } from '../query/use-api-query';
import { useCan } from '../session-context';
import { ErrorBanner, NoticeBanner } from '../ui/error-banner';
import { LoadState } from '../ui/load-state';
import { Pagination } from '../ui/pagination';
import {
  filterCount,
  outboxFilters,
  outboxKeys,
  outboxListPath,
  outboxPageSize,
  type OutboxFilter,
} from './outbox-model';
import { OutboxTable } from './outbox-table';
import { useOutboxRetry } from './use-outbox-retry';
import './outbox.css';

/**
 * Email and SMS the clinic has queued, with their delivery status. Recipients come masked and message
 * text with its links hidden; every load and every opened message is audited by the server.
 */
export function OutboxPage() {
  const can = useCan();
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const [offset, setOffset] = useState(0);
  const [opened, setOpened] = useState<string>();
  const { data, error, isPending } = useApiQuery(outboxKeys.list(filter, offset), (signal) =>
    apiGet<OutboxList>(outboxListPath(filter, offset), { signal }),
  );
  const reload = useInvalidate(outboxKeys.all);
  const retry = useOutboxRetry(reload);

  const choose = (next: OutboxFilter) => {
    setFilter(next);
    setOffset(0);
    setOpened(undefined);
  };

  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">
        Email and text messages the clinic has sent or is about to send. Recipients are shortened and links
        are hidden. Without an email server configured, messages stay queued here.
      </p>
      <fieldset className="outbox-filter">
        <legend>Show</legend>
        {outboxFilters.map((f) => (
          <label key={f.value}>
            <input
              type="radio"
              name="outbox-status"
              value={f.value}
              checked={filter === f.value}
              onChange={() => choose(f.value)}
            />{' '}
            {f.label}
            {data ? ` (${filterCount(f.value, data.counts)})` : ''}
          </label>
        ))}
      </fieldset>
      <NoticeBanner>{retry.notice}</NoticeBanner>
      <ErrorBanner>{retry.error ? errorMessage(retry.error) : null}</ErrorBanner>
      <LoadState loading={isPending} error={error} />
      {data ? (
        <section aria-labelledby="outbox-list-title">
          <h2 id="outbox-list-title">
            {outboxFilters.find((f) => f.value === filter)?.label} messages ({data.total})
          </h2>
          {data.items.length === 0 ? (
            <p>No messages here.</p>
          ) : (
            <OutboxTable
              items={data.items}
              canRetry={can('outbox.retry')}
              onRetry={retry.retry}
              retrying={retry.retrying}
              opened={opened}
              onOpen={setOpened}
            />
          )}
          <Pagination
            total={data.total}
            offset={offset}
            pageSize={outboxPageSize}
            onOffset={setOffset}
            label="Outbox pages"
          />
        </section>
      ) : null}
    </>
  );
}
