import type { ReactNode } from 'react';

/** An alert region: screen readers announce it as soon as it appears. */
export function ErrorBanner({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="banner banner--error" role="alert">
      {children}
    </div>
  );
}

export function NoticeBanner({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="banner banner--notice" role="status">
      {children}
    </div>
  );
}
