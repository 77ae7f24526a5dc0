import { and, desc, eq, gt } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { refuseMissingRecord, type Actor } from '../actor.js';
import { ApiError, conflict, notFound } from '../api-error.js';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, idParam, type AnyRoute } from './define-route.js';
import { mountRoutes } from './mount-routes.js';

/** A public route needs no database, so these deps are enough to exercise the pipeline itself. */
function appWith(payload: unknown, checkResponses: boolean): Hono {
  const app = new Hono();
  const route = defineRoute({
    method: 'get',
    path: '/api/probe',
    summary: 'probe',
    tag: 'test',
    auth: 'public',
    response: z.object({ total: z.number(), items: z.array(z.string()) }).strict(),
    handler: async () => payload,
  });
  mountRoutes(app, [route], { checkResponses, trustProxy: false } as AppDeps);
  app.onError((error, c) => c.json({ error: error.message }, 500));
  return app;
}

describe('response contracts', () => {
  it('passes a response that matches its route contract', async () => {
    const response = await appWith({ total: 1, items: ['a'] }, true).request('/api/probe');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ total: 1, items: ['a'] });
  });

  it('fails a response that drifts from its contract, naming the route and the field', async () => {
    const response = await appWith({ total: '1', items: ['a'], extra: true }, true).request('/api/probe');
    expect(response.status).toBe(500);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain('GET /api/probe broke its response contract');
    expect(error).toContain('total');
  });

  it('leaves responses alone when checking is off (production)', async () => {
    const response = await appWith({ total: '1', items: [] }, false).request('/api/probe');
    expect(response.status).toBe(200);
  });
});

describe('refusals on staff routes are audited once, here', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let cookie: string;
  const recordId = '5b0c2f6e-8a51-4e1e-9d7b-3f1f8f3c2a10';

  function probe(
    path: string,
    handler: (input: { actor: Actor; params: { id: string } }) => Promise<unknown>,
  ): AnyRoute {
    return defineRoute({
      method: 'get',
      path,
      summary: 'probe',
      tag: 'test',
      auth: 'staff',
      action: 'patient.read',
      params: idParam,
      handler,
    });
  }

  const app = () => {
    const hono = new Hono();
    mountRoutes(
      hono,
      [
        probe('/api/probe/missing/:id', async () => {
          throw notFound('Probe');
        }),
        probe('/api/probe/service-audited/:id', async ({ actor, params }) =>
          refuseMissingRecord(ctx.deps, actor, { entity: 'probe', id: params.id, label: 'Probe' }),
        ),
        probe('/api/probe/fields/:id', async () => {
          throw new ApiError(403, 'forbidden', 'No', [{ field: 'body.changes.conditions', message: 'no' }]);
        }),
        probe('/api/probe/conflict/:id', async () => {
          throw conflict('Changed');
        }),
      ],
      ctx.deps,
    );
    hono.onError((error, c) =>
      c.json(
        { status: error instanceof ApiError ? error.status : 500 },
        error instanceof ApiError ? error.status : 500,
      ),
    );
    return hono;
  };

  async function rowsAfter(seq: number) {
    return ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.seq, seq), eq(auditLog.entityId, recordId)));
  }

  async function lastSeq() {
    const [row] = await ctx.deps.db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return row?.seq ?? 0;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    clinic = await ctx.seedClinic('Probe');
    cookie = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
  });
  afterAll(async () => {
    await ctx.close();
  });

  const get = (path: string) => app().request(`http://localhost${path}/${recordId}`, { headers: { cookie } });

  it('writes one failure row for a 404 naming the route, the method, the id asked for and the actor', async () => {
    const before = await lastSeq();
    expect((await get('/api/probe/missing')).status).toBe(404);
    const rows = await rowsAfter(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      clinicId: clinic.id,
      userId: clinic.users.nurse.id,
      action: 'access-denied',
      entity: 'patient.read',
      outcome: 'failure',
      detail: { method: 'get', path: '/api/probe/missing/:id', status: 404, reason: 'not-found-in-clinic' },
    });
    expect(rows[0]!.clientIp).toBeTruthy();
  });

  it('does not write a second row for a miss the service already audited', async () => {
    const before = await lastSeq();
    expect((await get('/api/probe/service-audited')).status).toBe(404);
    const rows = await rowsAfter(before);
    expect(rows.map((r) => [r.action, r.entity])).toEqual([['read', 'probe']]);
  });

  it('names the refused fields of a 403', async () => {
    const before = await lastSeq();
    expect((await get('/api/probe/fields')).status).toBe(403);
    const rows = await rowsAfter(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toMatchObject({ status: 403, fields: ['body.changes.conditions'] });
  });

  it('writes nothing for other errors (a conflict is not a refusal)', async () => {
    const before = await lastSeq();
    expect((await get('/api/probe/conflict')).status).toBe(409);
    expect(await rowsAfter(before)).toHaveLength(0);
  });
});

describe('what the pipeline refuses before any handler runs', () => {
  const handled: string[] = [];
  function pipelineApp(deps: Partial<AppDeps> = {}): Hono {
    const app = new Hono();
    const probe = (method: 'get' | 'post', path: string, extra: Partial<AnyRoute> = {}) =>
      defineRoute({
        method,
        path,
        summary: 'probe',
        tag: 'test',
        auth: 'public',
        handler: async () => {
          handled.push(path);
          return { ok: true };
        },
        ...extra,
      } as AnyRoute);
    mountRoutes(
      app,
      [
        probe('get', '/api/probe/search', {
          query: z.object({ q: z.string().max(100).optional(), action: z.string().optional() }).strict(),
        }),
        probe('post', '/api/probe/write', { body: z.object({ note: z.string() }).passthrough() }),
        probe('post', '/api/probe/bodyless'),
        probe('post', '/api/probe/form', { formBody: true }),
      ],
      { checkResponses: false, trustProxy: false, ...deps } as AppDeps,
    );
    app.onError((error, c) =>
      error instanceof ApiError
        ? c.json({ code: error.code, fields: error.fields }, error.status)
        : c.json({ error: 'server error' }, 500),
    );
    return app;
  }

  async function refusal(response: Response) {
    return { status: response.status, ...((await response.json()) as { fields: Array<{ field: string }> }) };
  }

  it('refuses a NUL character in a query value or name with a 400 naming the parameter', async () => {
    const app = pipelineApp();
    const value = await refusal(await app.request('http://localhost/api/probe/search?q=smith%00'));
    expect(value.status).toBe(400);
    expect(value.fields.map((f) => f.field)).toEqual(['query.q']);
    const action = await refusal(await app.request('http://localhost/api/probe/search?action=%00'));
    expect(action.fields.map((f) => f.field)).toEqual(['query.action']);
    const name = await refusal(await app.request('http://localhost/api/probe/search?a%00b=1'));
    expect(name.status).toBe(400);
    expect(name.fields[0]!.field).toMatch(/^query/);
    expect(handled).not.toContain('/api/probe/search');
  });

  it('refuses prototype keys in a query string', async () => {
    const response = await pipelineApp().request('http://localhost/api/probe/search?__proto__=x');
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('__proto__');
  });

  it('refuses NUL keys and lone surrogates anywhere in a JSON body, naming the field by its path', async () => {
    const app = pipelineApp();
    const post = (raw: string) =>
      app.request('http://localhost/api/probe/write', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: raw,
      });
    const cases: Array<[string, string]> = [
      ['{"note":"a","settings":{"site":{"x\\u0000y":1}}}', 'body.settings.site'],
      ['{"note":"\\ud800"}', 'body.note'],
      ['{"note":"a","list":["ok","\\udc00x"]}', 'body.list.1'],
      ['{"note":"a","settings":{"\\ud83d":true}}', 'body.settings'],
      ['{"note":"a","deep":{"name":"A\\u0000B"}}', 'body.deep.name'],
    ];
    for (const [raw, field] of cases) {
      const answer = await refusal(await post(raw));
      expect(answer.status, raw).toBe(400);
      expect(answer.fields[0]!.field.startsWith(field), `${raw}: ${answer.fields[0]!.field}`).toBe(true);
    }
    // A well-formed pair of surrogates is an ordinary character (an emoji).
    expect((await post('{"note":"\\ud83d\\ude00"}')).status).toBe(200);
  });

  it('does not trust X-Forwarded-Host for the origin check unless the proxy is trusted', async () => {
    const forged = {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
      },
      body: '{"note":"a"}',
    };
    const untrusted = await pipelineApp().request('http://arbor.example/api/probe/write', forged);
    expect(untrusted.status).toBe(403);
    const trusted = await pipelineApp({ trustProxy: true }).request(
      'http://127.0.0.1:3000/api/probe/write',
      forged,
    );
    expect(trusted.status).toBe(200);
  });

  it('accepts the configured public URL as the origin, and refuses a request from another site', async () => {
    const app = pipelineApp({ publicUrl: 'https://arbor.example' });
    const from = (origin: string, extra: Record<string, string> = {}) =>
      app.request('http://127.0.0.1:3000/api/probe/write', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, ...extra },
        body: '{"note":"a"}',
      });
    expect((await from('https://arbor.example')).status).toBe(200);
    expect((await from('https://evil.example')).status).toBe(403);
    expect((await from('null')).status).toBe(403);
  });

  it('refuses a state change a browser marks as sent from another site, even without an Origin header', async () => {
    const app = pipelineApp();
    const send = (site: string) =>
      app.request('http://localhost/api/probe/write', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': site },
        body: '{"note":"a"}',
      });
    expect((await send('cross-site')).status).toBe(403);
    expect((await send('same-origin')).status).toBe(200);
  });

  it('refuses a form or text body on a route that takes no body (no cross-site form can trigger it)', async () => {
    const app = pipelineApp();
    const post = (headers: Record<string, string>, body?: string) =>
      app.request('http://localhost/api/probe/bodyless', { method: 'POST', headers, body });
    handled.length = 0;
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1')).status).toBe(415);
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' }, '')).status).toBe(415);
    expect((await post({ 'content-type': 'text/plain' }, '{}')).status).toBe(415);
    expect((await post({ 'content-type': 'multipart/form-data; boundary=x' }, '--x--')).status).toBe(415);
    expect((await post({ 'content-type': 'application/jsonp' }, '{}')).status).toBe(415);
    const withData = await refusal(await post({ 'content-type': 'application/json' }, '{"role":"admin"}'));
    expect(withData.status).toBe(400);
    expect(withData.fields.map((f) => f.field)).toEqual(['body']);
    expect(handled).toEqual([]);
    // What the staff app and command-line clients send.
    expect((await post({ 'content-type': 'application/json' }, '{}')).status).toBe(200);
    expect((await post({ 'content-type': 'application/json; charset=utf-8' }, '')).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it('leaves the body of a route that reads its own form (the patient pages) to its handler', async () => {
    const response = await pipelineApp().request('http://localhost/api/probe/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'item1=2',
    });
    expect(response.status).toBe(200);
  });
});
