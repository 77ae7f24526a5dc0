import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';
import { enrol, finishRecoveryCodes, setUpClinic, signOut, type Account } from './flows';
import { startArbor, type ArborServer } from './harness';
import { checkPage } from './page-check';

describe('roles', () => {
  let server: ArborServer;
  let browser: Browser;
  let adminPage: Page;
  const frontDesk: Account = {
    email: 'desk@example.test',
    password: 'lantern orchard velvet 42',
    displayName: 'Dana Desk',
  };

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    adminPage = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(adminPage, server.setupCode);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an administrator creates a front-desk account', async () => {
    await adminPage.getByRole('link', { name: 'Users & access' }).click();
    await adminPage.getByRole('heading', { name: 'Add a staff account' }).waitFor();
    await adminPage.getByLabel('Name').fill(frontDesk.displayName);
    await adminPage.getByLabel('Email').fill(frontDesk.email);
    await adminPage.getByLabel('Role', { exact: true }).selectOption('front_desk');
    await adminPage.getByLabel('Temporary password').fill(frontDesk.password);
    await adminPage.getByRole('button', { name: 'Create account' }).click();
    await adminPage.getByText('Account created for Dana Desk.').waitFor();
    await adminPage.getByRole('heading', { name: 'Dana Desk' }).waitFor();
    await checkPage(adminPage, 'users');

    // A destructive action asks first; cancelling changes nothing.
    const card = adminPage
      .getByRole('listitem')
      .filter({ has: adminPage.getByRole('heading', { name: 'Dana Desk' }) });
    await card.getByRole('button', { name: 'End sessions' }).click();
    await adminPage.getByRole('dialog').getByText('Dana Desk is signed out everywhere at once.').waitFor();
    await checkPage(adminPage, 'users-confirm');
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await adminPage.getByRole('dialog').count()).toBe(0);
    await signOut(adminPage);
  });

  it('front desk signs in, enrols, and sees neither Users nor Audit; direct visits get a 403', async () => {
    const page = await (await newContext(browser, server.url)).newPage();
    await page.goto('/app/');
    await page.getByLabel('Email').fill(frontDesk.email);
    await page.getByLabel('Password', { exact: true }).fill(frontDesk.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await enrol(page, frontDesk);
    await finishRecoveryCodes(page, frontDesk);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Patients' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Users & access' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit report' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Clinic settings' }).count()).toBe(0);
    await page.getByRole('banner').getByText('(Front desk)').waitFor();

    for (const [path, name] of [
      ['/app/users', 'users'],
      ['/app/audit', 'audit'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('alert').getByText('Access denied (403).').first().waitFor();
      await checkPage(page, `forbidden-${name}`);
    }
    expect((await page.request.get('/api/users')).status()).toBe(403);
    expect((await page.request.get('/api/audit')).status()).toBe(403);
    // Front desk still registers and finds patients.
    expect((await page.request.get('/api/patients')).status()).toBe(200);
  });
});
