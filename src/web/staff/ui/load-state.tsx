import { ApiError, errorMessage } from '../api-client';
import { ErrorBanner } from './error-banner';

/** What a page shows while its data loads or when loading failed (403 gets its own wording). */
export function LoadState({ loading, error }: { loading: boolean; error: unknown }) {
  if (error instanceof ApiError && error.status === 403) {
    return (
      <div className="banner banner--error" role="alert">
        <strong>Access denied (403).</strong> {error.message}. Ask a clinic administrator if you need this.
      </div>
    );
  }
  if (error) return <ErrorBanner>{errorMessage(error)}</ErrorBanner>;
  if (loading)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  return null;
}
