import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('HTTP surface', () => {
  it('sends a strict CSP, nosniff, frame denial and no-store on the API', async () => {
    const response = await ctx.request('/api/setup');
    const csp = response.headers.get('content-security-policy')!;
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "script-src 'self'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('adds HSTS only when served over TLS', async () => {
    expect((await ctx.request('/api/setup')).headers.get('strict-transport-security')).toBeNull();
    const tls = await ctx.app.request('https://arbor.example/api/setup');
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('answers /healthz with JSON while the database answers', async () => {
    const response = await ctx.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('describes every route in the OpenAPI document, with its permission', async () => {
    const doc = (await (await ctx.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-arbor-permission'?: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/patients/{id}']?.patch?.['x-arbor-permission']).toBe('patient.update');
    expect(doc.paths['/api/audit']?.get?.['x-arbor-permission']).toBe('audit.read');
  });

  it('answers unknown API paths with a JSON 404, never HTML or a stack trace', async () => {
    const response = await ctx.request('/api/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
