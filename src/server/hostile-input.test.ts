import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffRoles } from '../domain/auth/permissions.js';
import { createTestContext, type TestClinic, type TestContext } from '../test/test-app.js';
import { allRoutes } from './routes.js';
import { sampleBodies } from './route-samples.js';

let ctx: TestContext;
let clinic: TestClinic;
let adminCookie: string;
let patientId: string;

const countedTables = ['patients', 'patient_history', 'users', 'clinics', 'message_outbox', 'recovery_codes'];

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of countedTables) {
    const { rows } = await ctx.deps.db.execute<{ n: string }>(sql.raw(`SELECT count(*) AS n FROM ${table}`));
    out[table] = Number(rows[0]?.n);
  }
  return out;
}

/** Values a hostile or careless client might send in place of any field. */
const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    '<script>alert(1)</script>',
    "'; DROP TABLE patients; --",
    '\u0000',
    '\r\nX-Injected: 1',
    '\u001b[31m',
    'javascript:alert(1)',
    '9'.repeat(400),
    '',
  ),
  fc.constantFrom(-1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2, 1.5),
);

/** A valid body with one field replaced, removed or added, or the body replaced entirely. */
function mutatedBody(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  const added = fc
    .record({ key: fc.string({ maxLength: 12 }), value: hostileValue })
    .map(({ key, value }) => ({ ...valid, [key]: value }));
  // A route whose body is empty can only get extra keys or a different body altogether.
  if (keys.length === 0) return fc.oneof(added, hostileValue);
  return fc.oneof(
    fc
      .record({ key: fc.constantFrom(...keys), value: hostileValue })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc
      .constantFrom(...keys)
      .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    added,
    hostileValue,
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Hostile');
  adminCookie = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
  const created = await ctx.request('/api/patients', {
    method: 'POST',
    cookie: adminCookie,
    json: sampleBodies['post /api/patients'],
  });
  patientId = ((await created.json()) as { id: string }).id;
});
afterAll(async () => {
  await ctx.close();
});

describe('hostile JSON on every write route', () => {
  const writeRoutes = allRoutes.filter((r) => r.body && r.auth === 'staff');
  for (const route of writeRoutes) {
    it(`${route.method} ${route.path}: never a 5xx, never a stack trace, nothing written on rejection`, async () => {
      const valid = sampleBodies[`${route.method} ${route.path}`] as Record<string, unknown>;
      await fc.assert(
        fc.asyncProperty(mutatedBody(valid), async (body) => {
          const before = await rowCounts();
          const cookie = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
          const response = await ctx.request(route.path.replace(':id', patientId), {
            method: route.method.toUpperCase(),
            cookie,
            json: body,
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          expect(text).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
          if (response.status >= 400) {
            const after = await rowCounts();
            expect(after).toEqual(before);
            expect((JSON.parse(text) as { error: { message: string } }).error.message).toBeTruthy();
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it('refuses prototype-pollution keys anywhere in the body, naming the key', async () => {
    for (const raw of [
      '{"__proto__":{"isAdmin":true},"legalGivenName":"A"}',
      '{"legalGivenName":"A","address":{"constructor":{"prototype":{"x":1}}}}',
    ]) {
      const response = await ctx.request('/api/patients', {
        method: 'POST',
        cookie: adminCookie,
        headers: { 'content-type': 'application/json' },
        body: raw,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/__proto__|constructor|prototype/);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses a NUL character in any text field with a 400 naming it', async () => {
    const response = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: adminCookie,
      json: {
        legalGivenName: 'A\u0000B',
        legalFamilyName: 'C',
        birthDate: '1980-01-01',
        sexAtBirth: 'female',
      },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('legalGivenName');
  });

  it('refuses malformed JSON, deep nesting and oversized bodies with clear 4xx answers', async () => {
    const malformed = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: adminCookie,
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(malformed.status).toBe(400);
    const deep = '['.repeat(200) + ']'.repeat(200);
    const nested = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: adminCookie,
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(nested.status).toBe(400);
    const huge = JSON.stringify({ legalGivenName: 'x'.repeat(2 * 1024 * 1024) });
    const large = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: adminCookie,
      headers: { 'content-type': 'application/json', 'content-length': String(huge.length) },
      body: huge,
    });
    expect(large.status).toBe(413);
  });

  it('keeps every role to 4xx on hostile query strings', async () => {
    for (const role of staffRoles) {
      const cookie = await ctx.cookieFor(clinic.users[role].id, clinic.id);
      for (const query of [
        'limit=-1',
        'limit=abc',
        'offset=1e9',
        'careStatus=bogus',
        'q=' + encodeURIComponent("' OR 1=1"),
        'sort=seq;DROP',
      ]) {
        const response = await ctx.request(`/api/patients?${query}`, { cookie });
        expect(response.status).toBeLessThan(500);
        const audit = await ctx.request(`/api/audit?${query}`, { cookie });
        expect(audit.status).toBeLessThan(500);
      }
    }
  });
});
