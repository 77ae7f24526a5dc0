import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { routePath } from 'hono/route';
import { sql } from 'drizzle-orm';
import type { AppDeps } from './shared/app-deps.js';
import { ApiError } from './shared/api-error.js';
import { createLogger, type Logger } from './shared/logger.js';
import { mountRoutes } from './shared/http/mount-routes.js';
import { buildOpenApi } from './shared/http/openapi.js';
import { securityHeaders } from './shared/http/security-headers.js';
import { allRoutes } from './routes.js';

export interface AppOptions {
  /** Folder with the built staff web app (index.html and assets); absent in API-only tests. */
  webRoot?: string;
  /** Extra pages mounted before the staff app (the public site). */
  extend?: (app: Hono, deps: AppDeps) => void;
  /** The structured server log (shared/logger.ts); by default its JSON lines go to `deps.log`. */
  logger?: Logger;
}

const maxBodyBytes = 1024 * 1024;

function errorBody(error: ApiError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.fields.length ? { fields: error.fields } : {}),
      ...error.extra,
    },
  };
}

export function createApp(deps: AppDeps, options: AppOptions = {}): Hono {
  const app = new Hono();
  const logger = options.logger ?? createLogger({ write: (line) => deps.log(line) });
  app.use(
    '*',
    securityHeaders({
      isTls: (url, forwardedProto) =>
        url.protocol === 'https:' || (deps.trustProxy && forwardedProto === 'https'),
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json(
          errorBody(
            new ApiError(413, 'payload_too_large', `The request body is larger than ${maxBodyBytes} bytes`, [
              { field: 'body', message: 'too large' },
            ]),
          ),
          413,
        ),
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await deps.db.execute(sql`SELECT 1`);
      return c.json({ status: 'ok', database: 'up', time: deps.now().toISOString() });
    } catch {
      return c.json({ status: 'unavailable', database: 'down' }, 503);
    }
  });

  const openApi = buildOpenApi(allRoutes);
  app.get('/api/openapi.json', (c) => c.json(openApi));
  mountRoutes(app, allRoutes, deps);
  app.all('/api/*', (c) => c.json(errorBody(new ApiError(404, 'not_found', 'No such API route')), 404));

  options.extend?.(app, deps);

  if (options.webRoot && existsSync(path.join(options.webRoot, 'index.html'))) {
    const webRoot = options.webRoot;
    const indexHtml = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    app.use(
      '/app/assets/*',
      serveStatic({ root: webRoot, rewriteRequestPath: (p) => p.replace(/^\/app/, '') }),
    );
    app.get('/app', (c) => c.redirect('/app/'));
    // The staff app routes on the client; every /app/ path gets the same shell.
    app.get('/app/*', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.html(indexHtml);
    });
  }

  app.notFound((c) => c.json(errorBody(new ApiError(404, 'not_found', 'Not found')), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return c.json(errorBody(error), error.status);
    }
    // Never a stack trace to the client (ASVS 16.5.1); the id ties the log line to the report.
    // The log names the route template, never the URL (its query holds names and birth dates),
    // and the error's class, frames and PostgreSQL code only (see shared/logger.ts).
    const errorId = randomUUID();
    logger.error({ errorId, method: c.req.method, route: routePath(c), err: error }, 'request failed');
    return c.json(
      { error: { code: 'internal_error', message: 'Something went wrong. The error was logged.', errorId } },
      500,
    );
  });
  return app;
}
