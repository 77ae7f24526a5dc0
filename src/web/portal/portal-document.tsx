import type { ReactNode } from 'react';

/**
 * The shell of every patient-facing page: no scripts, one stylesheet, nothing but the page's own
 * content. Pages are rendered on the server, so they work on any phone and under the strict CSP.
 */
export function PortalDocument({
  title,
  children,
  kiosk = false,
}: {
  title: string;
  children: ReactNode;
  kiosk?: boolean;
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
      </head>
      <body className={kiosk ? 'portal portal--kiosk' : 'portal'}>
        <main id="main" className="portal-main">
          {children}
        </main>
      </body>
    </html>
  );
}
