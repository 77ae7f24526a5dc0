import type { Context, Hono } from 'hono';
import type { ZodType } from 'zod';
import { can } from '../../domain/auth/index.js';
import type { AppDeps } from '../shared/app-deps.js';
import { findLiveSession, readSessionCookie } from '../shared/session.js';
import { ApiError, badRequest, fieldsFromZod, forbidden, unauthenticated } from '../shared/api-error.js';
import { clientAddress } from './client-address.js';
import type { Actor, AnyRoute, PartialSession, RouteContext } from './define-route.js';
import { parseJsonStrict } from './parse-json.js';

function validate(schema: ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(fieldsFromZod(result.error, where));
  return result.data;
}

/** A query parameter given twice is ambiguous (HTTP parameter pollution): refuse it. */
function singleValuedQuery(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) throw badRequest([{ field: `query.${key}`, message: 'given more than once' }]);
    out[key] = values[0] ?? '';
  }
  return out;
}

async function readBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  // Requiring JSON also defeats cross-site form posts: browsers cannot send it without CORS.
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the request body as application/json', [
      { field: 'content-type', message: 'must be application/json' },
    ]);
  }
  const text = await c.req.text();
  if (text.trim() === '') throw badRequest([{ field: 'body', message: 'is required' }]);
  return parseJsonStrict(text);
}

/** A state-changing request from another origin is refused even before the session is read. */
function checkOrigin(c: Context): void {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
  const origin = c.req.header('origin');
  if (!origin) return;
  const expected = new URL(c.req.url);
  const forwardedHost = c.req.header('x-forwarded-host');
  const host = forwardedHost ?? expected.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden();
  }
  if (originHost !== host) throw new ApiError(403, 'cross_origin', 'Cross-origin request refused');
}

/** A response that breaks its contract is a server bug: say where, so the test that hit it names it. */
function checkResponse(route: AnyRoute, payload: unknown): void {
  const result = route.response!.safeParse(payload);
  if (result.success) return;
  const where = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(
    `${route.method.toUpperCase()} ${route.path} broke its response contract: ${where.join('; ')}`,
  );
}

export function mountRoutes(app: Hono, routes: AnyRoute[], deps: AppDeps): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      checkOrigin(c);
      const ctx: RouteContext = {
        deps,
        c,
        clientIp: clientAddress(c, deps.trustProxy),
        userAgent: c.req.header('user-agent') ?? '',
      };
      let actor: Actor | undefined;
      let partial: PartialSession | undefined;
      if (route.auth !== 'public') {
        const token = readSessionCookie(c, deps.trustProxy);
        const session = token ? await findLiveSession(deps.db, token, deps.now()) : undefined;
        if (!session) throw unauthenticated();
        if (route.auth === 'staff') {
          if (session.stage !== 'full') throw unauthenticated();
          actor = {
            userId: session.userId,
            clinicId: session.clinicId,
            role: session.role,
            label: session.label,
            sessionTokenHash: session.tokenHash,
            clientIp: ctx.clientIp,
          };
          if (!route.action || !can(session.role, route.action)) {
            await deps.audit.record({
              clinicId: session.clinicId,
              userId: session.userId,
              userLabel: session.label,
              action: 'access-denied',
              entity: route.action ?? 'unknown',
              detail: { method: route.method, path: route.path },
              outcome: 'failure',
              clientIp: ctx.clientIp,
            });
            throw forbidden();
          }
        } else {
          if (session.stage === 'full')
            throw new ApiError(409, 'already_signed_in', 'You are already signed in');
          partial = {
            userId: session.userId,
            clinicId: session.clinicId,
            stage: session.stage,
            tokenHash: session.tokenHash,
          };
        }
      }
      const params = validate(route.params, c.req.param(), 'params');
      const query = validate(route.query ?? undefined, singleValuedQuery(c), 'query');
      const body = route.body ? validate(route.body, await readBody(c), 'body') : undefined;
      const result = await route.handler({
        params: params as never,
        query: query as never,
        body: body as never,
        ctx,
        actor: actor as never,
        partial: partial as never,
      });
      if (result instanceof Response) return result;
      const payload = (result ?? { ok: true }) as object;
      if (deps.checkResponses && route.response) checkResponse(route, payload);
      return c.json(payload, route.successStatus ?? 200);
    });
  }
}
