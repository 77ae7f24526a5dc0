import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './browser';
import { createPatient, setUpClinic } from './flows';
import { startArbor, type ArborServer } from './harness';
import { checkPage } from './page-check';

describe('audit report', () => {
  let server: ArborServer;
  let browser: Browser;
  let page: Page;
  let patientId: string;

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    page = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(page, server.setupCode);
    ({ id: patientId } = await createPatient(page, {
      given: 'Kofi',
      family: 'Mensah',
      birthDate: '1968-05-30',
    }));
    // Open the chart again (a second read) and its history (a read of the history).
    await page.goto(`/app/patients/${patientId}/history`);
    await page.getByRole('button', { name: 'Version 1' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the reads of a patient by the signed-in user', async () => {
    await page.getByRole('link', { name: 'Audit report' }).click();
    await page.getByRole('heading', { name: 'Audit report' }).waitFor();
    await page.getByLabel('Patient id').fill(patientId);
    await page.getByLabel('Action').fill('read');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const table = page.getByRole('region', { name: 'Audit events' });
    await page.waitForFunction(() =>
      /^[1-9]\d* events?$/.test(document.querySelector('[role=status].muted')?.textContent ?? ''),
    );
    const rows = table.locator('tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      expect(cells[2]).toBe('Alex Admin');
      expect(cells[4]).toBe('read');
    }

    // Sort by a column header; the header says how the table is sorted.
    const actionHeader = table.getByRole('columnheader', { name: /Data/ });
    await actionHeader.getByRole('button').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('th')].some(
        (th) => th.textContent?.startsWith('Data') && th.getAttribute('aria-sort') === 'ascending',
      ),
    );
    expect(await table.getByRole('columnheader', { name: /Time/ }).getAttribute('aria-sort')).toBe('none');

    await rows.first().getByRole('button', { name: /Show/ }).click();
    await table.locator('.audit-detail').getByText(patientId).first().waitFor();
    await checkPage(page, 'audit');
  });

  it('exports the same report as a CSV download', async () => {
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain(`patientId=${patientId}`);
    expect(href).toContain('action=read');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^arbor-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split(/\r\n/);
    expect(lines[0]).toBe(
      'seq,time_utc,user_id,user,patient_id,patient_name,patient_mrn,action,data,record_id,detail,outcome,client_address',
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    // The patient's name and MRN follow the id, so an auditor can read the export without a lookup.
    for (const line of lines.slice(1)) expect(line).toMatch(new RegExp(`,${patientId},[^,]+,[^,]+,read,`));
  });
});
