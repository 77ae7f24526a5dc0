import { and, eq } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import type { ZodType } from 'zod';
import { can } from '../../../domain/auth/index.js';
import { patients } from '../../../db/schema.js';
import { isAuditedRefusal } from '../actor.js';
import type { AppDeps } from '../app-deps.js';
import { findLiveSession, readSessionCookie } from '../session.js';
import { ApiError, badRequest, fieldsFromZod, forbidden, unauthenticated } from '../api-error.js';
import { clientAddress } from './client-address.js';
import type { Actor, AnyRoute, PartialSession, RouteContext } from './define-route.js';
import { parseJsonStrict, printable, textProblem } from './parse-json.js';

function validate(schema: ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(fieldsFromZod(result.error, where));
  return result.data;
}

const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The query string as one value per name. A parameter given twice is ambiguous (HTTP parameter
 * pollution), a prototype key could reach object prototypes, and a NUL character or an unpaired
 * surrogate cannot be stored or compared by PostgreSQL: each is a 400 naming the parameter, for
 * every route, before any schema or query sees it.
 */
function singleValuedQuery(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    const keyProblem = textProblem(key);
    if (keyProblem) {
      throw badRequest([
        { field: 'query', message: `has a parameter name that ${keyProblem}: "${printable(key)}"` },
      ]);
    }
    if (prototypeKeys.has(key)) throw badRequest([{ field: `query.${key}`, message: 'is not allowed' }]);
    if (values.length > 1) throw badRequest([{ field: `query.${key}`, message: 'given more than once' }]);
    const value = values[0] ?? '';
    const problem = textProblem(value);
    if (problem) throw badRequest([{ field: `query.${key}`, message: problem }]);
    out[key] = value;
  }
  return out;
}

/** Path parameters are checked like query values (each route's schema then checks its format). */
function checkedParams(c: Context): Record<string, string> {
  const params = c.req.param() as Record<string, string>;
  for (const [key, value] of Object.entries(params)) {
    const problem = textProblem(value);
    if (problem) throw badRequest([{ field: `params.${key}`, message: problem }]);
  }
  return params;
}

const unsupportedMediaType = () =>
  new ApiError(415, 'unsupported_media_type', 'Send the request body as application/json', [
    { field: 'content-type', message: 'must be application/json' },
  ]);

/** The media type without its parameters: `application/json; charset=utf-8` is `application/json`. */
function mediaType(c: Context): string | undefined {
  const header = c.req.header('content-type');
  if (header === undefined) return undefined;
  return header.split(';')[0]!.trim().toLowerCase();
}

async function readBody(c: Context): Promise<unknown> {
  // Requiring JSON also defeats cross-site form posts: browsers cannot send it without CORS.
  if (mediaType(c) !== 'application/json') throw unsupportedMediaType();
  const text = await c.req.text();
  if (text.trim() === '') throw badRequest([{ field: 'body', message: 'is required' }]);
  return parseJsonStrict(text);
}

/**
 * A state-changing route that declares no body takes none: no body at all, or the empty JSON object
 * the staff app sends. A form, text or multipart body is a 415 whatever it holds, so a cross-site
 * HTML form (which can send only those) cannot trigger the route even when it carries no fields;
 * a JSON body with content is a 400, since nothing would read it.
 */
async function refuseUndeclaredBody(c: Context): Promise<void> {
  const type = mediaType(c);
  if (type !== undefined && type !== 'application/json') throw unsupportedMediaType();
  const text = await c.req.text();
  if (text.trim() === '') return;
  if (type === undefined) throw unsupportedMediaType();
  const value = parseJsonStrict(text);
  const empty =
    value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
  if (!empty) throw badRequest([{ field: 'body', message: 'this request takes no body' }]);
}

/** The host (name and port) of an origin such as `https://arbor.example`, if it is one. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A state-changing request from another origin is refused even before the session is read. The
 * request's own host is where it was sent: the Host header, or the proxy's X-Forwarded-Host only
 * when the proxy is trusted (ARBOR_TRUST_PROXY; anyone can send the header otherwise). The
 * configured public URL (ARBOR_PUBLIC_URL) is always Arbor's own origin.
 */
function checkOrigin(c: Context, deps: AppDeps): void {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
  const refused = () => new ApiError(403, 'cross_origin', 'Cross-origin request refused');
  // Sent by browsers on every request: a page on another site never reaches a state change.
  if (c.req.header('sec-fetch-site') === 'cross-site') throw refused();
  const origin = c.req.header('origin');
  if (!origin) return;
  const originHost = hostOf(origin);
  if (!originHost) throw refused();
  const forwardedHost = deps.trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const ownHosts = [forwardedHost || new URL(c.req.url).host, deps.publicUrl && hostOf(deps.publicUrl)];
  if (!ownHosts.includes(originHost)) throw refused();
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

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The patient a refused request named, if the route addresses a patient (`/api/patients/:id…`) and
 * the id is one of the caller's clinic's patients, so the report finds the refusal under that patient.
 * Another clinic's id is kept only as the record id asked for: no clinic's trail names another
 * clinic's patient.
 */
async function ownPatientOf(deps: AppDeps, route: AnyRoute, clinicId: string, id: string | null) {
  if (!id || !route.path.startsWith('/api/patients/:id') || !uuidPattern.test(id)) return null;
  const [row] = await deps.db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.id, id), eq(patients.clinicId, clinicId)))
    .limit(1);
  return row?.id ?? null;
}

/**
 * A refused staff request, audited once, here, for every route (ASTM E2147; 45 CFR 164.312(b)): a
 * role without the route's action (403), a field the role may not change (403, its fields named),
 * or a record the caller's clinic does not hold (404: another clinic's id looks like a missing one).
 * The row names the route, the method and the id asked for, with the actor and address. A refusal
 * a service has already audited (`refuseMissingRecord`) is not written twice.
 */
async function auditRefusal(
  deps: AppDeps,
  route: AnyRoute,
  c: Context,
  actor: Actor,
  refusal: { status: 403 | 404; reason: string; fields?: string[] },
): Promise<void> {
  const id = c.req.param('id') || null;
  await deps.audit.record({
    clinicId: actor.clinicId,
    userId: actor.userId,
    userLabel: actor.label,
    clientIp: actor.clientIp,
    patientId: await ownPatientOf(deps, route, actor.clinicId, id),
    action: 'access-denied',
    entity: route.action ?? 'unknown',
    entityId: id,
    detail: {
      method: route.method,
      path: route.path,
      status: refusal.status,
      reason: refusal.reason,
      ...(refusal.fields?.length ? { fields: refusal.fields } : {}),
    },
    outcome: 'failure',
  });
}

function refusalOf(error: unknown): { status: 403 | 404; reason: string; fields: string[] } | undefined {
  if (!(error instanceof ApiError) || isAuditedRefusal(error)) return undefined;
  if (error.status !== 403 && error.status !== 404) return undefined;
  return {
    status: error.status,
    reason: error.status === 404 ? 'not-found-in-clinic' : error.code,
    fields: error.fields.map((f) => f.field),
  };
}

export function mountRoutes(app: Hono, routes: AnyRoute[], deps: AppDeps): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      checkOrigin(c, deps);
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
            await auditRefusal(deps, route, c, actor, { status: 403, reason: 'role-lacks-action' });
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
      const params = validate(route.params, checkedParams(c), 'params');
      const query = validate(route.query ?? undefined, singleValuedQuery(c), 'query');
      let body: unknown;
      if (route.body) body = validate(route.body, await readBody(c), 'body');
      else if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !route.formBody)
        await refuseUndeclaredBody(c);
      let result: unknown;
      try {
        result = await route.handler({
          params: params as never,
          query: query as never,
          body: body as never,
          ctx,
          actor: actor as never,
          partial: partial as never,
        });
      } catch (error) {
        const refusal = actor ? refusalOf(error) : undefined;
        if (actor && refusal) await auditRefusal(deps, route, c, actor, refusal);
        throw error;
      }
      if (result instanceof Response) return result;
      const payload = (result ?? { ok: true }) as object;
      if (deps.checkResponses && route.response) checkResponse(route, payload);
      return c.json(payload, route.successStatus ?? 200);
    });
  }
}
