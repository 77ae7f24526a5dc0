import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';
import { createPatient, setUpClinic } from './flows';
import { startArbor, type ArborServer } from './harness';
import { checkPage } from './page-check';

describe('editing a record someone else changed', () => {
  let server: ArborServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
    await setUpClinic(await context.newPage(), server.setupCode);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses the stale save with a conflict message, then reloads, re-applies and saves', async () => {
    const first = await context.newPage();
    const { id } = await createPatient(first, { given: 'Mei', family: 'Tanaka', birthDate: '1979-11-23' });
    const second = await context.newPage();
    await first.goto(`/app/patients/${id}/edit`);
    await second.goto(`/app/patients/${id}/edit`);
    await first.getByLabel('Pronouns').waitFor();
    await second.getByLabel('Pronouns').waitFor();

    await first.getByLabel('Pronouns').fill('she/her');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first.getByText('Saved. The record is now version 2.').waitFor();

    await second.getByLabel('Phone', { exact: true }).fill('555-0177');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await second.getByText('This record was changed by someone else').waitFor();
    await checkPage(second, 'chart-edit-conflict');

    await second.getByRole('button', { name: 'Reload and re-apply my changes' }).click();
    await second.getByText(/Reloaded version 2/).waitFor();
    // Both people's changes are there: the other person's pronouns and this person's phone.
    expect(await second.getByLabel('Pronouns').inputValue()).toBe('she/her');
    expect(await second.getByLabel('Phone', { exact: true }).inputValue()).toBe('555-0177');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await second.getByText('Saved. The record is now version 3.').waitFor();

    await second.getByRole('link', { name: 'Summary' }).click();
    await second.getByText('555-0177').waitFor();
    await second.getByText('she/her').first().waitFor();
  });
});
