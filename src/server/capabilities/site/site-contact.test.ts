import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinics } from '../../../db/schema.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { createApp } from '../../app.js';
import { mountSite } from './mount-site.js';

let ctx: TestContext;
let site: Hono;
let home: TestClinic;

const placeholders = ['(555) 010-0199', 'hello@demo.arbor.test', '100 Example Street', 'Springfield'];

async function page(path: string): Promise<string> {
  const response = await site.request(`http://localhost${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  ctx = await createTestContext();
  site = createApp(ctx.deps, { extend: mountSite });
  home = await ctx.seedClinic('Riverside Ketamine Care');
});
afterAll(async () => ctx?.close());

describe('the public site of a clinic that has not set its contact details', () => {
  it('shows no placeholder contact details, names the clinic in the header and says what is missing', async () => {
    for (const path of ['/', '/contact']) {
      const html = await page(path);
      for (const placeholder of placeholders) expect(html).not.toContain(placeholder);
      const header = /<header class="site-header">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
      expect(header).toContain('Riverside Ketamine Care');
      expect(header).not.toMatch(/>Arbor</);
      expect(html).toContain('Contact details have not been added yet');
    }
    expect(await page('/contact')).toContain('Opening hours have not been added yet');
  });

  it('shows the contact details, hours and logo once the clinic sets them', async () => {
    await ctx.deps.db
      .update(clinics)
      .set({
        settings: {
          site: {
            phone: '(312) 555-0142',
            email: 'care@riverside.example',
            address: '7 Mill Lane, Riverside',
            hours: 'Tuesday to Saturday 9 am – 6 pm',
            logoText: 'Riverside',
          },
        },
      })
      .where(eq(clinics.id, home.id));
    const html = await page('/contact');
    expect(html).toContain('(312) 555-0142');
    expect(html).toContain('care@riverside.example');
    expect(html).toContain('7 Mill Lane, Riverside');
    expect(html).toContain('Tuesday to Saturday 9 am – 6 pm');
    expect(html).toContain('<span class="logo-text">Riverside</span>');
    expect(html).not.toContain('Contact details have not been added yet');
    expect(html).not.toContain('Opening hours have not been added yet');
  });
});
