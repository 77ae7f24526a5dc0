import type { ReactNode } from 'react';
import { Router, type AroundNavHandler } from 'wouter';
import { navigate } from './navigation';
import { appBase } from './routes';

/** wouter's links and `useLocation` navigate through the app's own `navigate` (same-page check, scroll). */
const aroundNav: AroundNavHandler = (_navigate, to, options) => navigate(to, { replace: options?.replace });

/** The staff app's router: wouter with its base at /app. */
export function AppRouter({ children }: { children: ReactNode }) {
  return (
    <Router base={appBase} aroundNav={aroundNav}>
      {children}
    </Router>
  );
}
