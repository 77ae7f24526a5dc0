import { useState } from 'react';
import { apiGet, apiPost } from '../api-client';
import { formatDateTime } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { LoadState } from '../ui/load-state';
import { NoticeBanner } from '../ui/error-banner';
import { ProblemBanner } from './problem-banner';
import {
  schedulingKeys,
  schedulingPaths,
  type CalendarFeedCreated,
  type CalendarFeedStatus,
} from './scheduling-api';
import { useRefreshSchedule } from './use-scheduling-queries';
import './scheduling.css';

/**
 * A private calendar address for one's own appointments in a phone or desktop calendar. The address is the
 * key: it is shown once, when made; making a new one or stopping the feed ends the old one.
 */
export function CalendarFeedSection() {
  const status = useApiQuery(schedulingKeys.feed, (signal) =>
    apiGet<CalendarFeedStatus>(schedulingPaths.feed, { signal }),
  );
  const refresh = useRefreshSchedule();
  const [created, setCreated] = useState<CalendarFeedCreated>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    setNotice('');
    try {
      await work();
      setNotice(done);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const create = () =>
    act(async () => {
      setCreated(await apiPost<CalendarFeedCreated>(schedulingPaths.feed));
    }, 'Your new feed address is below. Copy it now: it is not shown again.');
  const stop = () =>
    act(async () => {
      await apiPost(schedulingPaths.revokeFeed);
      setCreated(undefined);
    }, 'Your calendar feed is stopped. Calendars using it stop updating.');
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setNotice('Copied the feed address.');
    } catch {
      setNotice('Copying is not allowed here: select the address and copy it yourself.');
    }
  };

  const active = status.data?.active ?? false;
  return (
    <section className="panel calendar-feed" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">Your calendar feed</h2>
      <p>
        Subscribe to your own appointments in a calendar app. Anyone with the address can read it, so keep it
        private; patients are shown by initials unless the clinic allows names.
      </p>
      <LoadState loading={status.isPending} error={status.error} />
      {status.data ? (
        <p>
          {active && status.data.createdAt
            ? `Your feed is on (address made ${formatDateTime(status.data.createdAt)}).`
            : 'You have no calendar feed.'}
        </p>
      ) : null}
      <NoticeBanner>{notice}</NoticeBanner>
      <ProblemBanner error={error} />
      {created ? (
        <div className="inline-add calendar-feed__url">
          <div className="field">
            <label htmlFor="calendar-feed-url">Feed address (shown once)</label>
            <input
              id="calendar-feed-url"
              type="text"
              readOnly
              value={created.url}
              onFocus={(event) => event.target.select()}
            />
          </div>
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            Copy
          </button>
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void create()}>
          {active ? 'Make a new feed address' : 'Create feed address'}
        </button>
        {active ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void stop()}
          >
            Stop feed
          </button>
        ) : null}
      </div>
      {active && !created ? (
        <p className="muted">A new address replaces the old one, which stops working.</p>
      ) : null}
    </section>
  );
}
