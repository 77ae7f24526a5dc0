import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodObject } from 'zod';
import { can, staffRoles } from '../domain/auth/permissions.js';
import { clinicSettingsSchema } from '../domain/clinic/index.js';
import { clinics } from '../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../test/test-app.js';
import {
  seedMeasurementRecords,
  type SeededMeasurementRecords,
} from './capabilities/measurement/assessment-fixtures.js';
import type { AnyRoute } from './shared/http/define-route.js';
import { allRoutes } from './routes.js';
import { sampleBodies, sampleQueries } from './route-samples.js';

let ctx: TestContext;
let clinic: TestClinic;
let adminCookie: string;
let patientId: string;
let mbc: SeededMeasurementRecords;

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
    '\ud800',
    'a\udc00b',
    '1980-02-30',
    '0000-01-01',
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
  mbc = await seedMeasurementRecords(ctx.deps.db, clinic.id, patientId, clinic.users.physician.id);
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

  /** Every string in the body that reads as a date or instant, as a path of keys and indexes. */
  function datePathsIn(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}/.test(value) ? [path] : [];
    if (Array.isArray(value)) return value.flatMap((item, i) => datePathsIn(item, [...path, i]));
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([key, item]) => datePathsIn(item, [...path, key]));
    return [];
  }

  function withValueAt(body: unknown, path: Array<string | number>, value: string): unknown {
    const copy = structuredClone(body) as Record<string | number, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1]!] = value;
    return copy;
  }

  // The calendar's edges on every date field of every write route: the year 0000 (which PostgreSQL has
  // not), the first and last days the contracts accept and the days beyond them, and a day that does not
  // exist. Random mutation reaches these only sometimes; this sweep reaches each one every run.
  const edgeDates = ['0000-01-01', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01', '1980-02-30'];
  const edgeInstants = [
    '0000-01-01T00:00:00Z',
    '1900-01-01T00:00:00Z',
    '2199-12-31T23:59:59Z',
    '9999-12-31T23:59:59Z',
  ];
  // Never a date anywhere: a year that does not exist, a day that does not exist.
  const impossible = new Set(['0000-01-01', '1980-02-30', '0000-01-01T00:00:00Z']);
  it('every date field of every write route: the calendar edges are never a 5xx, and a refusal writes nothing', async () => {
    let probed = 0;
    for (const route of writeRoutes) {
      const valid = sampleBodies[`${route.method} ${route.path}`];
      // A role that holds the route's action, so the body reaches validation.
      const role = staffRoles.find((r) => !route.action || can(r, route.action)) ?? 'admin';
      for (const path of datePathsIn(valid)) {
        const original = path.reduce<unknown>(
          (at, key) => (at as Record<string | number, unknown>)[key],
          valid,
        );
        for (const edge of String(original).includes('T') ? edgeInstants : edgeDates) {
          const before = await rowCounts();
          const cookie = await ctx.cookieFor(clinic.users[role].id, clinic.id);
          const response = await ctx.request(route.path.replace(':id', patientId), {
            method: route.method.toUpperCase(),
            cookie,
            json: withValueAt(valid, path, edge),
          });
          const text = await response.text();
          const where = `${route.method} ${route.path} ${path.join('.')}=${edge}: ${text.slice(0, 200)}`;
          expect(response.status, where).toBeLessThan(500);
          if (response.status >= 400) expect(await rowCounts(), where).toEqual(before);
          if (impossible.has(edge)) expect(response.status, where).toBe(400);
          probed += 1;
        }
      }
    }
    expect(probed).toBeGreaterThan(20);
  });

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

// ---- Query strings -----------------------------------------------------------------------------

/** What a typo, a script or a curious person puts in a query parameter. */
const hostileQueryConstants = [
  '\u0000',
  'smith\u0000',
  '\ud800',
  'x\udfff',
  '\ud83d\ude00',
  '1e308',
  '-1e308',
  '9'.repeat(400),
  String(Number.MAX_SAFE_INTEGER + 2),
  '-1',
  '1.5',
  'NaN',
  'Infinity',
  '0x1F',
  '1980-02-30',
  '02/30/1980',
  '13/45/2020',
  'smith 1980-02-30',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '300000-01-01',
  '+300000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '0001-01-01 00:00',
  '1-1-1',
  '9999-12-31T23:59:60Z',
  '2024-01-01T24:00:00Z',
  '2024-13-01',
  'x'.repeat(5000),
  'a '.repeat(2000),
  "' OR 1=1 --",
  '%',
  '_',
  '\\',
  '',
];
const hostileQueryText = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileQueryConstants), weight: 4 },
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/**
 * A query value as a URL carries it. A lone surrogate has no UTF-8 form, so it goes as the bytes a
 * careless encoder would produce (CESU-8), which is what a hostile client can actually send.
 */
const loneSurrogateIn = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function encodeQueryText(text: string): string {
  // A surrogate pair is one character and is encoded as such; only a lone half gets the bytes of its
  // code unit, which is not valid UTF-8 (the server then sees the text undecoded).
  return text
    .split(/([\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff])/)
    .map((part) =>
      /^[\ud800-\udfff]$/.test(part)
        ? (() => {
            const code = part.charCodeAt(0);
            return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
              .map((b) => `%${b.toString(16).toUpperCase()}`)
              .join('');
          })()
        : encodeURIComponent(part),
    )
    .join('');
}

const keyOf = (route: AnyRoute) => `${route.method} ${route.path}`;

function queryKeysOf(route: AnyRoute): string[] {
  const shape = (route.query as ZodObject | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** A record of the kind the route addresses, in the test clinic where one exists. */
function pathFor(route: AnyRoute): string {
  const idFor = (path: string) => {
    if (path.startsWith('/api/patients/')) return patientId;
    if (path.startsWith('/api/assessments/')) return mbc.responseId;
    if (path.startsWith('/api/safety-alerts/')) return mbc.alertId;
    if (path.startsWith('/api/measurement-plans/')) return mbc.planId;
    if (path.startsWith('/api/anchors/')) return mbc.anchorId;
    if (path.startsWith('/api/self-report-links/')) return mbc.linkId;
    return '00000000-0000-4000-8000-000000000000';
  };
  return route.path.replace(':id', idFor(route.path)).replace(':token', 'A'.repeat(43));
}

/** The route's sample query with one parameter replaced, removed or added, or a hostile one alone. */
function mutatedQuery(route: AnyRoute) {
  const valid = sampleQueries[keyOf(route)] ?? {};
  const keys = [...new Set([...queryKeysOf(route), ...Object.keys(valid)])];
  const anyKey = keys.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 4 }, fc.string({ maxLength: 8 }))
    : fc.string();
  return fc.oneof(
    fc
      .record({ key: anyKey, value: hostileQueryText })
      .map(({ key, value }) => ({ entries: { ...valid, [key]: value }, key, value })),
    fc
      .record({
        key: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '__proto__', 'constructor'),
        value: fc.string(),
      })
      .map(({ key, value }) => ({ entries: { ...valid, [key]: value }, key, value })),
  );
}

function queryString(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([k, v]) => `${encodeQueryText(k)}=${encodeQueryText(v)}`)
    .join('&');
}

describe('hostile query strings on every GET route', () => {
  it('has a sample query for every GET route that declares a query schema', () => {
    for (const route of allRoutes.filter((r) => r.method === 'get' && r.query)) {
      expect(sampleQueries[keyOf(route)], `sample query for ${keyOf(route)}`).toBeDefined();
    }
  });

  /** The body as text; an event stream never ends, so it is closed unread once its headers arrive. */
  const bodyText = async (response: Response) => {
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) return response.text();
    await response.body?.cancel();
    return '';
  };
  const getRoutes = allRoutes.filter((r) => r.method === 'get');
  for (const route of getRoutes) {
    it(`${keyOf(route)}: never a 5xx, never a stack trace; NUL and unpaired surrogates are a 400 naming the parameter`, async () => {
      // A role that holds the route's action, so the query reaches validation and the handler.
      const role = staffRoles.find((r) => !route.action || can(r, route.action)) ?? 'admin';
      const cookie = await ctx.cookieFor(clinic.users[role].id, clinic.id);
      const path = pathFor(route);
      const valid = await ctx.request(`${path}?${queryString(sampleQueries[keyOf(route)] ?? {})}`, {
        cookie,
      });
      expect(valid.status, `${keyOf(route)} with its sample query`).not.toBe(400);
      expect(valid.status).toBeLessThan(500);
      const check = async ({
        entries,
        key,
        value,
      }: {
        entries: Record<string, string>;
        key: string;
        value: string;
      }) => {
        const response = await ctx.request(`${path}?${queryString(entries)}`, { cookie });
        const text = await bodyText(response);
        expect(response.status, text).toBeLessThan(500);
        expect(text).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
        // A value with a lone surrogate is not valid UTF-8 once encoded, so the server never decodes it
        // into a NUL; it must still never be a 5xx (checked above).
        const decodable = !loneSurrogateIn.test(value);
        if (
          decodable &&
          value.includes('\u0000') &&
          /^[\w.]+$/.test(key) &&
          !['__proto__', 'constructor'].includes(key)
        ) {
          expect(response.status).toBe(400);
          expect(text).toContain(`query.${key}`);
        }
        if (key.includes('\u0000')) expect(response.status).toBe(400);
      };
      // Every declared parameter with every listed value, then random mixtures.
      const sample = sampleQueries[keyOf(route)] ?? {};
      for (const key of queryKeysOf(route)) {
        for (const value of hostileQueryConstants)
          await check({ entries: { ...sample, [key]: value }, key, value });
      }
      await fc.assert(fc.asyncProperty(mutatedQuery(route), check), { numRuns: 30 });
    });
  }

  async function fieldsOf(response: Response): Promise<string[]> {
    const body = (await response.json()) as { error: { fields?: Array<{ field: string }> } };
    return (body.error.fields ?? []).map((f) => f.field);
  }

  it('answers a search by an impossible date of birth with a 400 naming query.q', async () => {
    for (const q of ['1980-02-30', 'smith 02/30/1980', '0000-01-01', '2023-02-29']) {
      const response = await ctx.request(`/api/patients?q=${encodeURIComponent(q)}`, { cookie: adminCookie });
      expect(response.status, q).toBe(400);
      expect(await fieldsOf(response)).toEqual(['query.q']);
    }
    // A real date still searches.
    expect((await ctx.request('/api/patients?q=2024-02-29', { cookie: adminCookie })).status).toBe(200);
  });

  it('answers a NUL in a search or an audit filter with a 400 naming the parameter', async () => {
    const search = await ctx.request('/api/patients?q=smi%00th', { cookie: adminCookie });
    expect(search.status).toBe(400);
    expect(await fieldsOf(search)).toEqual(['query.q']);
    const audit = await ctx.request('/api/audit?action=read%00', { cookie: adminCookie });
    expect(audit.status).toBe(400);
    expect(await fieldsOf(audit)).toEqual(['query.action']);
  });

  it('answers audit dates that are not real or that PostgreSQL cannot hold with a 400 naming them', async () => {
    for (const [name, value] of [
      ['from', '0000-01-01'],
      ['from', '0000-01-01T00:00:00Z'],
      ['to', '300000-01-01'],
      ['to', '+275760-09-13T00:00:00Z'],
      ['from', '-000001-01-01T00:00:00Z'],
      ['from', '1980-02-30'],
      ['to', '2024-01-01T24:00:00Z'],
      ['from', '0001-01-01 00:00'],
      ['from', '1-1-1'],
    ] as const) {
      for (const path of ['/api/audit', '/api/audit.csv']) {
        const response = await ctx.request(`${path}?${name}=${encodeURIComponent(value)}`, {
          cookie: adminCookie,
        });
        expect(response.status, `${path} ${name}=${value}`).toBe(400);
        expect(await fieldsOf(response)).toEqual([`query.${name}`]);
      }
    }
    for (const value of [
      '0001-01-01',
      '9999-12-31',
      '2024-03-10T02:30:00-05:00',
      '2024-03-10T07:30:00.123Z',
    ]) {
      const response = await ctx.request(`/api/audit?from=${encodeURIComponent(value)}`, {
        cookie: adminCookie,
      });
      expect(response.status, value).toBe(200);
    }
  });
});

// ---- Clinic settings ---------------------------------------------------------------------------

const sectionNames = Object.keys(clinicSettingsSchema.shape);
/** Every [section, field] of the settings schema (a top-level setting such as timeZone has no field). */
const settingsFields = sectionNames.flatMap((section): Array<[string, string | undefined]> => {
  const schema = (clinicSettingsSchema.shape as Record<string, unknown>)[section] as {
    unwrap?: () => { shape?: Record<string, unknown> };
  };
  const fields = Object.keys(schema.unwrap?.().shape ?? {});
  return fields.length ? fields.map((field): [string, string] => [section, field]) : [[section, undefined]];
});
const settingsFieldNames = settingsFields.flatMap(([, field]) => (field ? [field] : []));

const hostileKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('\u0000', 'a\u0000', '\ud800', 'x\udc00', '__proto__', 'constructor', 'k'.repeat(300)),
);

const hostileSettingsValue = fc.oneof(
  hostileValue,
  fc.constantFrom(
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/book',
    'http://evil.example',
    'javascript:alert(1)',
    'Mars/Olympus',
    'America/New_York',
    '0001-01-01',
    '\ud800',
  ),
);

/** A settings change: known and unknown sections, known and hostile field names, hostile values. */
const settingsChange = fc.dictionary(
  fc.oneof(fc.constantFrom(...sectionNames), hostileKey),
  fc.oneof(
    hostileSettingsValue,
    fc.dictionary(fc.oneof(fc.constantFrom(...settingsFieldNames), hostileKey), hostileSettingsValue, {
      maxKeys: 3,
    }),
  ),
  { maxKeys: 3 },
);

async function storedSettings(): Promise<unknown> {
  const [row] = await ctx.deps.db
    .select({ settings: clinics.settings })
    .from(clinics)
    .where(eq(clinics.id, clinic.id));
  return row!.settings;
}

describe('hostile settings on PATCH /api/clinic', () => {
  async function check(settings: unknown): Promise<void> {
    const before = await storedSettings();
    const cookie = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
    const response = await ctx.request('/api/clinic', { method: 'PATCH', cookie, json: { settings } });
    const text = await response.text();
    expect(response.status, text).toBeLessThan(500);
    expect(text).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
    if (response.status >= 400) {
      expect(await storedSettings()).toEqual(before);
      return;
    }
    const read = await ctx.request('/api/clinic', { cookie });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { storedSettingsProblems: unknown[] }).storedSettingsProblems).toEqual([]);
  }

  it('never a 5xx; a refusal stores nothing; whatever is stored reads back without problems', async () => {
    // Every setting with each value that has caused trouble, then random changes.
    for (const [section, field] of settingsFields) {
      for (const value of ['\ud800', 'a\u0000b', '//evil.example', 'x'.repeat(5000), 1e308, -1, null, {}]) {
        await check(field ? { [section]: { [field]: value } } : { [section]: value });
      }
    }
    await fc.assert(fc.asyncProperty(settingsChange, check), { numRuns: 80 });
  });

  it('refuses NUL keys and unpaired surrogates anywhere in the settings with a 400 naming the field', async () => {
    for (const [raw, field] of [
      ['{"settings":{"site":{"\\u0000":"x"}}}', 'body.settings.site'],
      ['{"settings":{"\\u0000":{}}}', 'body.settings'],
      ['{"settings":{"site":{"tagline":"\\ud800"}}}', 'body.settings.site.tagline'],
      ['{"settings":{"\\udc00x":1}}', 'body.settings'],
      [
        '{"settings":{"site":{"locations":[{"name":"A","address":"B\\ud800"}]}}}',
        'body.settings.site.locations.0.address',
      ],
    ] as const) {
      const before = await storedSettings();
      const response = await ctx.request('/api/clinic', {
        method: 'PATCH',
        cookie: adminCookie,
        headers: { 'content-type': 'application/json' },
        body: raw,
      });
      expect(response.status, raw).toBe(400);
      const { error } = (await response.json()) as { error: { fields: Array<{ field: string }> } };
      expect(
        error.fields.map((f) => f.field),
        raw,
      ).toEqual([field]);
      expect(await storedSettings()).toEqual(before);
    }
  });
});

// ---- Cross-site requests -----------------------------------------------------------------------

describe('cross-site requests on every state-changing route', () => {
  const bodyless = allRoutes.filter((r) => r.method !== 'get' && !r.body && !r.formBody);

  it('refuses a form or text body on each route that takes no body, before it runs', async () => {
    expect(bodyless.length).toBeGreaterThan(0);
    for (const route of bodyless) {
      const role = staffRoles.find((r) => !route.action || can(r, route.action)) ?? 'admin';
      // A partial route is reached by a session still enrolling its authenticator.
      const stage = route.auth === 'partial' ? 'enrol' : 'full';
      const cookie = await ctx.cookieFor(clinic.users[role].id, clinic.id, stage);
      for (const [type, body] of [
        ['application/x-www-form-urlencoded', ''],
        ['text/plain', '{}'],
        ['multipart/form-data; boundary=x', '--x--'],
      ] as const) {
        const before = await rowCounts();
        const response = await ctx.request(pathFor(route), {
          method: route.method.toUpperCase(),
          cookie,
          headers: { 'content-type': type },
          body,
        });
        expect(response.status, `${keyOf(route)} with ${type}`).toBe(415);
        expect(await rowCounts()).toEqual(before);
      }
    }
  });

  it('does not take X-Forwarded-Host as the request’s own host when the proxy is not trusted', async () => {
    const response = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: adminCookie,
      headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
      json: sampleBodies['post /api/patients'],
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('cross_origin');
  });
});
