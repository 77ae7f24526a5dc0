import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';
import { setUpClinic, signIn, signOut, type Account } from './flows';
import { startArbor, type ArborServer } from './harness';
import { checkPage } from './page-check';
import { nextTotp } from './totp';

describe('your account', () => {
  let server: ArborServer;
  let browser: Browser;
  let page: Page;
  let account: Account;

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    page = await (await newContext(browser, server.url)).newPage();
    account = await setUpClinic(page, server.setupCode);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('changes the password after re-authenticating, and the new password signs in', async () => {
    await page.getByRole('link', { name: account.displayName }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await checkPage(page, 'account');

    await page.getByLabel('Current password', { exact: true }).fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a completely new passphrase');
    await page.getByLabel('Code from your authenticator app').fill(await nextTotp(account.secret!));
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('alert')
      .getByText(/current password or the code is not right/)
      .waitFor();

    await page.getByLabel('Current password', { exact: true }).fill(account.password);
    await page.getByLabel('Code from your authenticator app').fill(await nextTotp(account.secret!));
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    expect(await page.getByLabel('Current password', { exact: true }).inputValue()).toBe('');

    await signOut(page);
    // Sign-in returns to the page one was on; start from the patient list.
    await page.goto('/app/');
    await signIn(page, { ...account, password: 'a completely new passphrase' });
  });
});
