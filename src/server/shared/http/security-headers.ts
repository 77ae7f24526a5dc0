import type { MiddlewareHandler } from 'hono';

/**
 * Headers from OWASP ASVS 5.0 §3.4 (docs/security.md): a strict CSP with object-src and base-uri
 * 'none' and frame-ancestors 'none', nosniff, HSTS when served over TLS, and no-store on the API
 * so no patient data stays in browser or proxy caches (ASVS 14.3.2).
 */
export function securityHeaders(options: {
  isTls: (url: URL, forwardedProto?: string) => boolean;
}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('Content-Security-Policy')) {
      h.set(
        'Content-Security-Policy',
        [
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "font-src 'self'",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'",
        ].join('; '),
      );
    }
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    const url = new URL(c.req.url);
    if (options.isTls(url, c.req.header('x-forwarded-proto'))) {
      h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    if (url.pathname.startsWith('/api/') || url.pathname === '/healthz') {
      h.set('Cache-Control', 'no-store');
      h.set('Pragma', 'no-cache');
    }
  };
}
