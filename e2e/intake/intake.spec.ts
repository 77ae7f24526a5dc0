import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_INTAKE } from '../../src/domain/intake/intake.test-helper';
import { desktop, launchBrowser, newContext, phone } from '../browser';
import { createPatient, enrol, finishRecoveryCodes, setUpClinic, type Account } from '../flows';
import { checkPage } from '../page-check';
import { startArbor, type ArborServer } from '../harness';

const nurse: Account = {
  email: 'noor.nurse@example.test',
  password: 'copper willow harbour 58',
  displayName: 'Noor Nurse',
};
const physician: Account = {
  email: 'pia.prescriber@example.test',
  password: 'quartz meadow lantern 17',
  displayName: 'Pia Prescriber',
};

/** Errors a page reports, for a check at the end. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

async function firstSignIn(page: Page, account: Account): Promise<void> {
  await page.goto('/app/');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await enrol(page, account);
  await finishRecoveryCodes(page, account);
}

describe('intake, screening, an eligibility decision and a signed consent', () => {
  let server: ArborServer;
  let browser: Browser;
  let nursePage: Page;
  let doctorPage: Page;
  let nurseConsole: string[];
  let patientId: string;

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    const admin = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(admin, server.setupCode);
    for (const [account, role] of [
      [nurse, 'nurse'],
      [physician, 'physician'],
    ] as const) {
      const response = await admin.request.post('/api/users', {
        data: {
          email: account.email,
          displayName: account.displayName,
          role,
          temporaryPassword: account.password,
        },
      });
      expect(response.status()).toBe(201);
    }
    patientId = (await createPatient(admin, { given: 'Iris', family: 'Calder', birthDate: '1982-06-14' })).id;
    // The nurse works on a phone-sized screen.
    const nurseContext = await browser.newContext({
      baseURL: server.url,
      viewport: phone,
      acceptDownloads: true,
      locale: 'en-US',
    });
    nursePage = await nurseContext.newPage();
    await firstSignIn(nursePage, nurse);
    nurseConsole = watchConsole(nursePage);
    doctorPage = await (await newContext(browser, server.url)).newPage();
    await firstSignIn(doctorPage, physician);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the nurse finishes the intake in the form and lists naltrexone', async () => {
    // Most answers arrive as a draft (as if saved earlier); the psychosis question is answered in the form.
    const { psychosis_history: _omitted, ...rest } = CLEAN_INTAKE;
    const draft = await nursePage.request.post(`/api/patients/${patientId}/intake`, {
      data: { answers: rest, kind: 'draft' },
    });
    expect(draft.status()).toBe(201);

    await nursePage.goto(`/app/patients/${patientId}/intake`);
    await nursePage.getByRole('heading', { name: 'Intake: Calder, Iris', level: 1 }).waitFor();
    await nursePage.getByText('Draft, revision 1').waitFor();
    // Submitting without the psychosis answer: the server names the item, shown beside it.
    await nursePage.getByRole('button', { name: 'Submit' }).click();
    const psychosis = nursePage.locator('[data-item="psychosis_history"]');
    await psychosis.locator('.field__error').waitFor();
    await psychosis.getByRole('radio', { name: 'Yes' }).check();
    await nursePage.getByRole('button', { name: 'Submit' }).click();
    await nursePage.getByText(/^Submitted saved as revision 2/).waitFor();
    await nursePage.getByRole('button', { name: 'Save amendment' }).waitFor();
    await checkPage(nursePage, 'intake-form');

    await nursePage.getByRole('button', { name: 'Add a medicine' }).click();
    await nursePage.getByRole('textbox', { name: 'Medicine 1', exact: true }).fill('naltrexone');
    await nursePage.getByLabel('mg per dose (medicine 1)').fill('50');
    await nursePage.getByLabel('Times a day (medicine 1)').fill('1');
    await nursePage.getByRole('button', { name: 'Save medications' }).click();
    await nursePage.getByText(/^Medications saved/).waitFor();
  });

  it('the physician screens for IV ketamine, sees the flags and decides with precautions', async () => {
    await doctorPage.goto(`/app/patients/${patientId}/eligibility`);
    await doctorPage.getByRole('heading', { name: 'Eligibility & consent', level: 2 }).waitFor();
    await doctorPage.getByText('naltrexone', { exact: true }).first().waitFor();
    await doctorPage.getByRole('button', { name: 'Run screening for IV ketamine' }).click();
    const iv = doctorPage.getByRole('region', { name: 'IV ketamine' });
    await iv.getByText(/^Flags \(/).waitFor();
    await iv.locator('.screening-group--flag').getByText('Naltrexone', { exact: true }).waitFor();
    await iv
      .locator('.screening-group--relative')
      .getByText('Active psychosis or a history of psychosis')
      .first()
      .waitFor();

    const form = doctorPage.getByRole('form', { name: 'Eligibility decision for IV ketamine' });
    // "Eligible" is refused after a relative contraindication: the server's words appear by the field.
    await form.getByRole('radio', { name: 'Eligible', exact: true }).check();
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.locator('.field__error, .banner--error').first().waitFor();
    await form.getByRole('radio', { name: 'Eligible with precautions' }).check();
    await form
      .getByLabel('Reason')
      .fill('Psychosis was a single episode ten years ago; monitor closely and reduce the dose.');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await doctorPage.getByText('Recorded: Eligible with precautions for IV ketamine.').waitFor();
    await iv.getByText(/Eligible with precautions — Valid/).waitFor();
    await iv.getByText('No consent on record.').waitFor();
  });

  it('the patient signs the IV ketamine consent on the tablet', async () => {
    await nursePage.goto(`/app/patients/${patientId}/consent/sign`);
    await nursePage.getByRole('heading', { name: 'Consent form for Calder, Iris', level: 1 }).waitFor();
    await nursePage.getByRole('radio', { name: /^Consent to treatment with IV ketamine/ }).check();
    await nursePage
      .getByRole('heading', { name: 'Consent to treatment with IV ketamine', level: 2 })
      .waitFor();
    await nursePage.getByLabel('I agree to sign electronically').check();
    await nursePage.getByLabel('Your full legal name').fill('Iris Calder');
    const pad = nursePage.locator('canvas.signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await nursePage.mouse.move(box.x + 20, box.y + box.height * 0.6);
    await nursePage.mouse.down();
    for (let i = 1; i <= 12; i += 1)
      await nursePage.mouse.move(box.x + 20 + i * 15, box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2)));
    await nursePage.mouse.up();
    await nursePage.getByText('Signature drawn.').waitFor();
    await checkPage(nursePage, 'consent-sign');
    await nursePage.getByRole('button', { name: 'Sign consent' }).click();
    await nursePage.getByText('Signed — a clinician will countersign.').waitFor();
  });

  it('the nurse countersigns and the PDF downloads', async () => {
    await nursePage.setViewportSize(desktop);
    await nursePage.goto(`/app/patients/${patientId}/eligibility`);
    await nursePage.getByText('Awaiting countersignature').waitFor();
    await nursePage.getByRole('button', { name: /^Countersign/ }).click();
    await nursePage.getByText(/is countersigned; the PDF is ready\.$/).waitFor();
    const link = nursePage.getByRole('link', { name: /^Download PDF/ });
    const href = (await link.getAttribute('href'))!;
    const pdf = await nursePage.request.get(href);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await nursePage.getByRole('region', { name: 'IV ketamine' }).getByText('Ready for treatment').waitFor();
    await checkPage(nursePage, 'eligibility-tab');
    expect(nurseConsole.filter((m) => !/status of 40[0-9]/.test(m))).toEqual([]);
  });
});
