import type { ReactNode } from 'react';

/** The centred card used by every sign-in, setup and enrolment step. */
export function AuthLayout({
  title,
  children,
  wide,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="auth-header">
        <span className="brand">Arbor</span>
      </header>
      <main id="main" tabIndex={-1} className={`auth-card${wide ? ' auth-card--wide' : ''}`}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
