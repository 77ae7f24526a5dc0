import { NoticeBanner } from '../ui/error-banner';
import { ProblemBanner } from './problem-banner';
import type { SchedulingWrite } from './use-scheduling-write';

/** The outcome of the last write, shown in the section it was made from (writes named "<prefix>:…"). */
export function WriteMessages({ write, prefix }: { write: SchedulingWrite; prefix: string }) {
  if (!write.last?.startsWith(`${prefix}:`)) return null;
  return (
    <>
      <NoticeBanner>{write.notice}</NoticeBanner>
      <ProblemBanner error={write.error} />
    </>
  );
}
