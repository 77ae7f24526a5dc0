import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';
import { createPatient, setUpClinic } from './flows';
import { startArbor, type ArborServer } from './harness';
import { checkPage } from './page-check';

describe('patients', () => {
  let server: ArborServer;
  let browser: Browser;
  let page: Page;
  let created: { id: string; mrn: string };

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    page = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(page, server.setupCode);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the server’s field errors beside the fields', async () => {
    await page.getByRole('link', { name: 'New patient' }).click();
    await page.getByRole('heading', { name: 'New patient' }).waitFor();
    await page.getByLabel('Legal given name').fill('Ada');
    await page.getByLabel('Date of birth').fill('2999-01-01');
    await page.getByLabel('Contact phone').fill('555-0199');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('alert').getByText('Some fields are invalid').waitFor();
    expect(await page.locator('.field--invalid').count()).toBeGreaterThanOrEqual(2);
    await checkPage(page, 'patient-new-errors');
  });

  it('registers a patient with conditions and an alert', async () => {
    await page.goto('/app/patients/new');
    await page.getByLabel('Legal given name').fill('Rosalind');
    await page.getByLabel('Legal family name').fill('Okonkwo-Franklin');
    await page.getByLabel('Preferred name').fill('Roz');
    await page.getByLabel('Date of birth').fill('1984-03-12');
    await page.getByLabel('Sex assigned at birth').selectOption('female');
    await page.getByLabel('Pronouns').fill('she/her');
    await page.getByLabel('Add from the catalog').selectOption('F33.1');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Other ICD-10-CM code').fill('f43.12');
    await page.getByLabel('Description').fill('PTSD, chronic');
    await page.getByRole('button', { name: 'Add code' }).click();
    await page.getByLabel('New alert').fill('Hypertension: check BP before each infusion');
    await page.getByLabel('Severity').selectOption('critical');
    await page.getByRole('button', { name: 'Add alert' }).click();
    await page.getByLabel('Care status').selectOption('screening');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.waitForURL(/\/app\/patients\/[0-9a-f-]{36}$/);
    created = {
      id: page.url().split('/').pop()!,
      mrn: (await page.locator('.chart-banner dt:text-is("MRN") + dd').innerText()).trim(),
    };
    expect(created.mrn).toMatch(/^A\d{7}$/);
    const banner = page.locator('.chart-banner');
    await banner.getByText('“Roz”').waitFor();
    await banner.getByText('Critical: Hypertension: check BP before each infusion').waitFor();
    await banner.getByText('Screening').waitFor();
    await page.getByText('F43.12').waitFor();
    await checkPage(page, 'chart-summary');
  });

  it('finds the patient by name, by date of birth and by MRN', async () => {
    // Another patient, so a search has to pick the right one.
    await createPatient(page, { given: 'Tomas', family: 'Lindqvist', birthDate: '1990-07-01' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    const search = page.getByLabel('Search by name, date of birth or MRN');
    const rows = page.getByRole('region', { name: 'Search results' }).locator('tbody tr');
    await page.getByText('2 patients').waitFor();

    for (const query of ['okonkwo', 'roz', '1984-03-12', '03/12/1984', created.mrn]) {
      await search.fill(query);
      await page.getByText('1 patient', { exact: true }).waitFor();
      expect(await rows.count()).toBe(1);
      await rows.first().getByText('Okonkwo-Franklin, Rosalind').waitFor();
    }
    await rows.first().getByText('Mar 12, 1984 (').waitFor();
    await checkPage(page, 'patients-results');

    await search.fill('zzzz-no-such-person');
    await page.getByText('No patients match.').waitFor();

    // Keyboard: "/" focuses the search box, Enter opens the first result.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('patient-search');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('lindqvist');
    await page.keyboard.press('Enter');
    await page.locator('.chart-banner').getByText('Lindqvist, Tomas').waitFor();
  });

  it('shows history with a diff, and moves care status and deactivates with a reason', async () => {
    await page.goto(`/app/patients/${created.id}/edit`);
    await page.getByLabel('Phone', { exact: true }).fill('555-0142');
    await page.getByLabel('Reason for the change (optional)').fill('Patient gave a new number');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved. The record is now version 2.').waitFor();
    await checkPage(page, 'chart-edit');

    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Version 2' }).waitFor();
    const diff = page.getByRole('region', { name: 'Changed fields' });
    await diff.getByText('555-0142').waitFor();
    await page.getByText('Patient gave a new number').waitFor();
    await checkPage(page, 'chart-history');
    await page.getByRole('button', { name: 'Version 1' }).click();
    await page.getByText('Changes in version 1 (the record as created)').waitFor();

    await page.getByRole('link', { name: 'Status' }).click();
    await page.getByRole('button', { name: 'Move to Eligible' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
    await page.getByText('Care status is now Eligible.').waitFor();
    await checkPage(page, 'chart-status');

    await page.getByRole('button', { name: 'Deactivate record' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByText('Give a reason of at least 3 characters').waitFor();
    await dialog.getByLabel('Reason (required)').fill('Duplicate registration');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await page.locator('.chart-banner').getByText('Inactive record').waitFor();

    // An inactive record is hidden from search unless asked for.
    await page.goto('/app/patients');
    const search = page.getByLabel('Search by name, date of birth or MRN');
    await search.fill('okonkwo');
    await page.getByText('No patients match.').waitFor();
    await page.getByLabel('Include inactive records').check();
    await page.getByText('1 patient', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Search results' }).getByText('Inactive').waitFor();
  });
});
