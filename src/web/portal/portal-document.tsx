import type { ReactNode } from 'react';

/**
 * The shell of every patient-facing page: no scripts (the signature pad's aside), one stylesheet, nothing but the page's own
 * content. Pages are rendered on the server, so they work on any phone and under the strict CSP.
 */
export function PortalDocument({
  title,
  children,
  kiosk = false,
  script,
}: {
  title: string;
  children: ReactNode;
  kiosk?: boolean;
  /** One script of Arbor's own, for the one page that needs it (the signature pad); none otherwise. */
  script?: string;
}) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* same-origin, not the server's no-referrer: under no-referrer Chromium sends "Origin: null" with a
            form post, which the server's cross-origin check refuses. The token still never leaves the origin. */}
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title}</title>
        <link rel="stylesheet" href="/portal/assets/portal.css" />
        {script ? <script src={script} defer /> : null}
      </head>
      <body className={kiosk ? 'portal portal--kiosk' : 'portal'}>
        <main id="main" className="portal-main">
          {children}
        </main>
      </body>
    </html>
  );
}
