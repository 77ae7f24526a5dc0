import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktop, launchBrowser, newContext, phone } from '../browser';
import { setUpClinic } from '../flows';
import { startArbor, type ArborServer } from '../harness';
import { checkPage } from '../page-check';

const pages = [
  ['/', 'home'],
  ['/what-is-ketamine', 'what-is-ketamine'],
  ['/what-it-treats', 'what-it-treats'],
  ['/how-it-works', 'how-it-works'],
  ['/your-treatment', 'your-treatment'],
  ['/am-i-a-candidate', 'self-check'],
  ['/consultation', 'consultation'],
  ['/consultation/thanks', 'consultation-thanks'],
  ['/evidence', 'evidence'],
  ['/contact', 'contact'],
  ['/privacy', 'privacy'],
] as const;

describe('the public education site', () => {
  let server: ArborServer;
  let browser: Browser;
  let staff: Page;
  let visitor: BrowserContext;
  let consoleProblems: string[];

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    // A real (non-demo) clinic is the one the site serves and the one that receives the leads.
    staff = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(staff, server.setupCode);
    visitor = await newContext(browser, server.url);
    consoleProblems = [];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const watch = (page: Page) => {
    page.on(
      'console',
      (m) =>
        (m.type() === 'error' || m.type() === 'warning') &&
        consoleProblems.push(`${page.url()}: ${m.text()}`),
    );
    page.on('pageerror', (e) => consoleProblems.push(`${page.url()}: ${e.message}`));
    return page;
  };

  it('serves every page, navigable from the menu, axe-clean at 375 and 1280 px, with no console or CSP errors', async () => {
    const page = watch(await visitor.newPage());
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Maple Street Clinic' }).waitFor();
    for (const label of [
      'What is ketamine',
      'What it treats',
      'How it works',
      'Your treatment',
      'Self-check',
      'Consultation',
      'Contact',
      'Evidence',
    ]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
      await page.waitForLoadState('load');
      expect(await page.locator('h1').count(), label).toBe(1);
    }
    for (const [path, name] of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await checkPage(page, `site-${name}`);
    }
    expect(consoleProblems).toEqual([]);
  });

  it('shows the crisis line the moment PHQ-9 item 9 is answered, and puts it first in the results', async () => {
    const page = watch(await visitor.newPage());
    await page.setViewportSize(phone);
    await page.goto('/am-i-a-candidate');
    await expect(page.locator('#self-check-crisis').isVisible()).resolves.toBe(false);
    const answer = async (prefix: string, count: number, value: (i: number) => number) => {
      for (let i = 1; i <= count; i++) await page.locator(`#${prefix}-item${i}-${value(i)}`).check();
    };
    // Items 1–8 at "more than half the days"; nothing about crisis yet.
    for (let i = 1; i <= 8; i++) await page.locator(`#phq9-item${i}-2`).check();
    expect(await page.locator('#item9-crisis').isVisible()).toBe(false);
    await page.locator('#phq9-item9-1').check();
    // Before any score: the notice beside the question and the panel at the top of the page.
    await page.locator('#item9-crisis').waitFor({ state: 'visible' });
    expect(await page.locator('#self-check-crisis').isVisible()).toBe(true);
    expect(
      await page.locator('#item9-crisis').getByRole('link', { name: '988' }).first().getAttribute('href'),
    ).toBe('tel:988');
    await answer('gad7', 7, () => 1);
    await page.getByRole('button', { name: 'See my results' }).click();
    const results = page.locator('#self-check-results');
    await results.waitFor({ state: 'visible' });
    const firstBlock = results.locator('[data-results] > *').first();
    expect(await firstBlock.getAttribute('class')).toBe('crisis');
    await expect(results.textContent()).resolves.toMatch(/PHQ-9[\s\S]*17 out of 27: moderately severe/);
    await expect(results.textContent()).resolves.toMatch(/GAD-7[\s\S]*7 out of 21: mild/);
    await checkPage(page, 'site-self-check-results');

    // Ask for a consultation from the results, choosing to include the scores.
    await results.getByLabel('Your name').fill('Sam Selfcheck');
    await results.getByLabel('Email address').fill('sam.selfcheck@example.test');
    await results.getByLabel(/Include my self-check scores/).check();
    await results.getByLabel(/I agree that/).check();
    await results.getByRole('button', { name: 'Send my request' }).click();
    await page.waitForURL('**/consultation/thanks');
    expect(new URL(page.url()).search).toBe('');
    expect(consoleProblems).toEqual([]);
  });

  it('takes a consultation request without JavaScript, naming a missing field first', async () => {
    const noJs = await browser.newContext({
      baseURL: server.url,
      viewport: desktop,
      javaScriptEnabled: false,
    });
    const page = await noJs.newPage();
    await page.goto('/consultation');
    await page.getByLabel('Your name').fill('Nora NoScript');
    await page.getByLabel('Email address').fill('nora@example.test');
    await page.getByLabel('What would you like help with?').selectOption('chronic-pain');
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByText('Tick the box to agree that we may contact you').first().waitFor();
    expect(await page.getByLabel('Email address').inputValue()).toBe('nora@example.test');
    await page.getByLabel(/I agree that/).check();
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.waitForURL('**/consultation/thanks');
    expect(new URL(page.url()).search).toBe('');
    await noJs.close();
  });

  it('puts both requests in the staff inbox, with the self-check flag on the one that had it', async () => {
    await staff.goto('/app/enquiries');
    await staff.getByRole('heading', { level: 1, name: 'Enquiries' }).waitFor();
    const sam = staff.getByRole('listitem', { name: /Sam Selfcheck/ });
    await sam.waitFor();
    await expect(sam.textContent()).resolves.toMatch(/PHQ-9 17 of 27, GAD-7 7 of 21/);
    await expect(sam.textContent()).resolves.toMatch(/question 9/);
    const nora = staff.getByRole('listitem', { name: /Nora NoScript/ });
    await expect(nora.textContent()).resolves.toMatch(/Chronic pain/);
    await checkPage(staff, 'staff-enquiries');
    await nora.getByRole('button', { name: 'Mark contacted' }).click();
    await staff.getByRole('listitem', { name: /Nora NoScript/ }).waitFor({ state: 'detached' });
    const list = (await (await staff.request.get('/api/enquiries')).json()) as {
      items: Array<{ name: string; status: string }>;
    };
    expect(list.items.find((i) => i.name === 'Nora NoScript')?.status).toBe('contacted');
  });
});
