import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';
import { setUpClinic, signIn, signOut, type Account } from './flows';
import { startArbor, type ArborServer } from './harness';
import { checkPage } from './page-check';
import { nextTotp } from './totp';

describe('sign-in with MFA', () => {
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

  it('signs out, then signs in again with a new TOTP code', async () => {
    await signOut(page);
    await checkPage(page, 'sign-in');

    // A wrong password gets the server's generic message.
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').getByText('Email or password is incorrect').waitFor();

    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await checkPage(page, 'sign-in-code');

    await page.getByLabel('6-digit code from your authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/code is not valid/)
      .waitFor();

    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.getByLabel('Recovery code').waitFor();
    await page.getByRole('button', { name: 'Use my authenticator app instead' }).click();
    await page.getByLabel('6-digit code from your authenticator app').fill(await nextTotp(account.secret!));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  });

  it('returns to sign-in with a message when the session ends, then back to the same page', async () => {
    await page.getByRole('link', { name: 'Audit report' }).click();
    await page.getByRole('heading', { name: 'Audit report' }).waitFor();
    // The server forgets the session (as after 15 idle minutes); the next call gets a 401.
    await page.context().clearCookies();
    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByText('Your session ended. Sign in again to continue.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await signIn(page, account);
  });
});
