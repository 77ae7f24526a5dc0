import { Component, Suspense, type ReactNode } from 'react';

/** While a page's code loads: a status line (announced politely), no heading yet. */
export function PageLoading() {
  return (
    <p className="muted page-loading" role="status" aria-live="polite">
      Loading page…
    </p>
  );
}

/** A page's code could not be fetched (connection lost, or Arbor was updated since this tab opened). */
export function PageLoadFailed() {
  return (
    <div className="banner banner--error" role="alert">
      <h1>This page could not be loaded</h1>
      <p>Check the connection and reload. If Arbor was just updated, reloading fetches the new version.</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** The address: opening another page clears a failure shown for the last one. */
  resetKey: string;
}

class PageErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

/** Wraps the current page: the loading state while its code arrives, a plain message if it cannot. */
export function PageBoundary({ children, resetKey }: BoundaryProps) {
  return (
    <PageErrorBoundary resetKey={resetKey}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}
