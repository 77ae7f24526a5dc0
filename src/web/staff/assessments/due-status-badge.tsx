import type { DueStatus } from '../../../domain/measurement/index';

/** A due item's status as a coloured badge (the colour comes from the status class). */
export function DueStatusBadge({ status, children }: { status: DueStatus; children: string }) {
  return <span className={`badge mbc-status mbc-status--${status}`}>{children}</span>;
}
