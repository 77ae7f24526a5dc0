import { and, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, clinics, messageOutbox } from '../../../db/schema.js';
import { enquiries } from '../../../db/schema-site.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { createApp } from '../../app.js';
import { mountSite } from './mount-site.js';

let ctx: TestContext;
let site: Hono;
let home: TestClinic;
let other: TestClinic;
let ipCounter = 0;

// Each test posts from its own address, so the per-address rate limit only bites where tested.
const nextIp = () => `203.0.113.${++ipCounter}`;

function post(body: BodyInit, type: string, ip = nextIp(), extra: Record<string, string> = {}) {
  return site.request('http://localhost/site/consultation', {
    method: 'POST',
    body,
    headers: { 'content-type': type, 'x-forwarded-for': ip, ...extra },
  });
}

const json = (value: unknown, ip?: string) => post(JSON.stringify(value), 'application/json', ip);
const form = (value: Record<string, string>, ip?: string) =>
  post(new URLSearchParams(value).toString(), 'application/x-www-form-urlencoded', ip);

beforeAll(async () => {
  ctx = await createTestContext();
  // Client addresses come from X-Forwarded-For only behind a trusted proxy; the test plays that proxy.
  site = createApp({ ...ctx.deps, trustProxy: true }, { extend: mountSite });
  home = await ctx.seedClinic('Home');
  other = await ctx.seedClinic('Other');
});
afterAll(async () => ctx?.close());

describe('POST /site/consultation', () => {
  it('stores an enquiry from a plain HTML form, audits it, queues the confirmation email and redirects without data in the URL', async () => {
    const response = await form({
      name: 'Ada Form',
      email: 'ada.form@example.test',
      consent: 'yes',
      concern: 'depression',
      message: 'low mood',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/consultation/thanks');
    const [enquiry] = await ctx.deps.db
      .select()
      .from(enquiries)
      .where(eq(enquiries.email, 'ada.form@example.test'));
    // The first non-demo clinic serves the site.
    expect(enquiry).toMatchObject({
      clinicId: home.id,
      status: 'new',
      concern: 'depression',
      selfCheck: null,
    });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'lead'), eq(auditLog.entityId, enquiry!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', clinicId: home.id, userLabel: 'public site' });
    const [mail] = await ctx.deps.db
      .select()
      .from(messageOutbox)
      .where(eq(messageOutbox.recipient, 'ada.form@example.test'));
    expect(mail?.subject).toMatch(/We received your request/);
    expect(mail?.body).not.toMatch(/low mood|depression/i);
  });

  it('accepts JSON with self-check totals the visitor chose to include', async () => {
    const response = await json({
      name: 'Jay Json',
      email: 'jay@example.test',
      consent: true,
      contactPreference: 'phone',
      phone: '+1 555 010 0100',
      selfCheck: { phq9Total: 14, gad7Total: 9, phq9Item9Positive: true },
    });
    expect(response.status).toBe(201);
    const [enquiry] = await ctx.deps.db
      .select()
      .from(enquiries)
      .where(eq(enquiries.email, 'jay@example.test'));
    expect(enquiry?.selfCheck).toEqual({ phq9Total: 14, gad7Total: 9, phq9Item9Positive: true });
  });

  it('answers a 400 that names the field, for JSON and for the form', async () => {
    const bad = await json({ name: 'X', email: 'nope', consent: true });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual([{ field: 'body.email', message: expect.any(String) }]);
    const page = await form({ name: 'X', email: 'x@example.test' });
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('id="c-consent-error"');
    expect(html).toContain('value="x@example.test"');
  });

  it('keeps nothing from a bot that fills the honeypot, but answers as if it worked', async () => {
    const response = await json({
      name: 'Bot',
      email: 'bot@example.test',
      consent: true,
      website: 'http://spam.example',
    });
    expect(response.status).toBe(201);
    expect(
      await ctx.deps.db.select().from(enquiries).where(eq(enquiries.email, 'bot@example.test')),
    ).toHaveLength(0);
  });

  it('limits requests per address', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await json({ name: `R${i}`, email: `r${i}@example.test`, consent: true }, ip)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await json({ name: 'Other address', email: 'other@example.test', consent: true })).status).toBe(
      201,
    );
  });

  it('refuses a cross-site post and unknown content types', async () => {
    const cross = await post(
      JSON.stringify({ name: 'A', email: 'a@example.test', consent: true }),
      'application/json',
      nextIp(),
      {
        origin: 'https://evil.example',
      },
    );
    expect(cross.status).toBe(403);
    const crossSite = await post(
      JSON.stringify({ name: 'A', email: 'a@example.test', consent: true }),
      'application/json',
      nextIp(),
      {
        'sec-fetch-site': 'cross-site',
      },
    );
    expect(crossSite.status).toBe(403);
    // A same-origin form post under Referrer-Policy no-referrer: Origin null, Sec-Fetch-Site same-origin.
    const sameSite = await post(
      new URLSearchParams({ name: 'A', email: 'a.same@example.test', consent: 'yes' }).toString(),
      'application/x-www-form-urlencoded',
      nextIp(),
      {
        origin: 'null',
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(sameSite.status).toBe(303);
    expect((await post('x', 'text/plain')).status).toBe(415);
  });
});

describe('the site pages', () => {
  it('serves / as the home page with the clinic name, robots and a sitemap', async () => {
    const home = await site.request('http://localhost/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<h1>Home</h1>');
    const robots = await (await site.request('http://localhost/robots.txt')).text();
    expect(robots).toContain('Sitemap: http://localhost/sitemap.xml');
    const sitemap = await (await site.request('http://localhost/sitemap.xml')).text();
    expect(sitemap).toContain('<loc>http://localhost/how-it-works</loc>');
    expect(sitemap).not.toContain('thanks');
  });

  it('serves versioned assets with a year-long cache', async () => {
    const html = await (await site.request('http://localhost/am-i-a-candidate')).text();
    const href = /src="(\/site\/assets\/self-check\.js\?v=[0-9a-f]+)"/.exec(html)?.[1];
    const asset = await site.request(`http://localhost${href}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('takes colours from settings into the stylesheet', async () => {
    await ctx.deps.db
      .update(clinics)
      .set({ settings: { site: { primaryColour: '#123456' } } })
      .where(eq(clinics.id, home.id));
    const html = await (await site.request('http://localhost/')).text();
    const href = /href="(\/site\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(html)?.[1];
    expect(await (await site.request(`http://localhost${href}`)).text()).toContain('--primary:#123456');
  });
});

describe('the enquiries API', () => {
  let enquiryId: string;
  let otherEnquiryId: string;

  beforeAll(async () => {
    const [mine] = await ctx.deps.db
      .select()
      .from(enquiries)
      .where(eq(enquiries.email, 'ada.form@example.test'));
    enquiryId = mine!.id;
    const [foreign] = await ctx.deps.db
      .insert(enquiries)
      .values({ clinicId: other.id, name: 'Foreign', email: 'foreign@example.test', consentAt: new Date() })
      .returning();
    otherEnquiryId = foreign!.id;
  });

  it('lists only the caller clinic’s enquiries and audits the query', async () => {
    const cookie = await ctx.cookieFor(home.users.front_desk.id, home.id);
    const response = await ctx.request('/api/enquiries?status=new', { cookie });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.items.map((i: { email: string }) => i.email)).toContain('ada.form@example.test');
    expect(body.items.map((i: { email: string }) => i.email)).not.toContain('foreign@example.test');
    expect(body.newCount).toBeGreaterThan(0);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'lead'), eq(auditLog.action, 'query')));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('returns 404 for another clinic’s enquiry, for read and update', async () => {
    const cookie = await ctx.cookieFor(home.users.admin.id, home.id);
    expect((await ctx.request(`/api/enquiries/${otherEnquiryId}`, { cookie })).status).toBe(404);
    const patch = await ctx.request(`/api/enquiries/${otherEnquiryId}`, {
      method: 'PATCH',
      cookie,
      json: { version: 1, status: 'closed' },
    });
    expect(patch.status).toBe(404);
  });

  it('lets the front desk mark an enquiry contacted, with optimistic concurrency and an audit entry', async () => {
    const cookie = await ctx.cookieFor(home.users.front_desk.id, home.id);
    const updated = await ctx.request(`/api/enquiries/${enquiryId}`, {
      method: 'PATCH',
      cookie,
      json: { version: 1, status: 'contacted', staffNote: 'Left a voicemail' },
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      status: 'contacted',
      version: 2,
      staffNote: 'Left a voicemail',
    });
    const stale = await ctx.request(`/api/enquiries/${enquiryId}`, {
      method: 'PATCH',
      cookie,
      json: { version: 1, status: 'closed' },
    });
    expect(stale.status).toBe(409);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, enquiryId), eq(auditLog.action, 'status-change')));
    expect(audit[0]?.detail).toMatchObject({ from: 'new', to: 'contacted' });
  });

  it('lets nurses read but not update', async () => {
    const cookie = await ctx.cookieFor(home.users.nurse.id, home.id);
    expect((await ctx.request(`/api/enquiries/${enquiryId}`, { cookie })).status).toBe(200);
    expect(
      (
        await ctx.request(`/api/enquiries/${enquiryId}`, {
          method: 'PATCH',
          cookie,
          json: { version: 2, status: 'closed' },
        })
      ).status,
    ).toBe(403);
  });
});
