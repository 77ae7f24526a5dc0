import { ErrorBanner, NoticeBanner } from '../ui/error-banner';

/** The outcome of a ledger form under its button: the notice, or the server's words. */
export function ActionFeedback({ action }: { action: { notice: string; error: string | undefined } }) {
  return (
    <>
      <NoticeBanner>{action.notice}</NoticeBanner>
      {action.error ? <ErrorBanner>{action.error}</ErrorBanner> : null}
    </>
  );
}
