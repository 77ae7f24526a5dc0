import { navigate as browserNavigate, usePathname as useBrowserPathname } from 'wouter/use-browser-location';

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (and keep the scroll position). */
  replace?: boolean;
}

/**
 * Goes to another page of the app through wouter's history location, so every `usePathname`, wouter
 * `Route` and `Link` sees the change. Every in-app navigation ends here, links included (see `AppRouter`).
 */
export function navigate(to: string, options: NavigateOptions = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  browserNavigate(to, { replace: options.replace ?? false });
  // A new page starts at the top, like a normal link would.
  if (!options.replace) window.scrollTo(0, 0);
}

/** The full path in the address bar (e.g. `/app/patients/abc`), re-rendering on every navigation. */
export function usePathname(): string {
  return useBrowserPathname();
}
