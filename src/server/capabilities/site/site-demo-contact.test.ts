import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinics } from '../../../db/schema.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { createApp } from '../../app.js';
import { mountSite } from './mount-site.js';

let ctx: TestContext;
let site: Hono;

beforeAll(async () => {
  ctx = await createTestContext();
  site = createApp(ctx.deps, { extend: mountSite });
  const demo = await ctx.seedClinic('Demo clinic');
  await ctx.deps.db.update(clinics).set({ isDemo: true }).where(eq(clinics.id, demo.id));
});
afterAll(async () => ctx?.close());

describe('the public site of the demo clinic', () => {
  it('keeps the demo contact details where the demo clinic has set none', async () => {
    const html = await (await site.request('http://localhost/contact')).text();
    expect(html).toContain('(555) 010-0199');
    expect(html).toContain('hello@demo.arbor.test');
    expect(html).not.toContain('Contact details have not been added yet');
  });
});
