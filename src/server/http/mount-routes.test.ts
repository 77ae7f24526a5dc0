import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppDeps } from '../shared/app-deps.js';
import { defineRoute } from './define-route.js';
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
