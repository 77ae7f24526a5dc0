import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';
import { admin, enrol, fillSetup, finishRecoveryCodes } from './flows';
import { startArbor, type ArborServer } from './harness';
import { checkPage } from './page-check';

describe('first-run setup', () => {
  let server: ArborServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    page = await (await newContext(browser, server.url)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the clinic and administrator, enrols TOTP and shows recovery codes once', async () => {
    const account = admin();
    // The staff app lives under /app/ (the public site may own /).
    await page.goto('/app/');
    await fillSetup(page, 'WRONG-CODE', account);
    await checkPage(page, 'setup');
    await page.getByRole('button', { name: 'Create clinic and continue' }).click();
    await page
      .getByRole('alert')
      .getByText(/setup code is not valid/i)
      .waitFor();

    await page.getByLabel('Setup code').fill(server.setupCode);
    await page.getByRole('button', { name: 'Create clinic and continue' }).click();
    await page.getByRole('heading', { name: 'Set up your authenticator' }).waitFor();
    // The QR code is an image from a data: URI, never markup injected into the page.
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await checkPage(page, 'enrol');

    const codes = await enrol(page, account);
    expect(codes).toHaveLength(10);
    await checkPage(page, 'recovery-codes');
    const continueButton = page.getByRole('button', { name: 'Continue to Arbor' });
    expect(await continueButton.isDisabled()).toBe(true);
    await finishRecoveryCodes(page);

    await page.getByRole('banner').getByText('Maple Street Clinic').waitFor();
    await page.getByRole('banner').getByText('Alex Admin').waitFor();
    for (const item of ['Patients', 'Users & access', 'Audit report', 'Clinic settings']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: item }).waitFor();
    }
    await page.getByText('No patients match.').waitFor();
    await checkPage(page, 'patients-empty');

    // Nothing about the session or its data is kept in web storage.
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);
  });

  it('validates clinic settings on the server and saves a valid change', async () => {
    await page.getByRole('link', { name: 'Clinic settings' }).click();
    await page.getByRole('heading', { name: 'Clinic settings' }).waitFor();
    const idle = page.getByLabel('Sign out after inactivity (minutes)');
    await idle.waitFor();
    expect(await idle.inputValue()).toBe('15');
    await idle.fill('45');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.field__error').first().waitFor();
    expect(await page.locator('.field--invalid').count()).toBeGreaterThan(0);
    await checkPage(page, 'settings-error');

    await idle.fill('20');
    await page.getByLabel('Clinic name').fill('Maple Street Ketamine Clinic');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByRole('banner').getByText('Maple Street Ketamine Clinic').waitFor();
  });
});
