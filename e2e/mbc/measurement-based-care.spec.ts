import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, phone } from '../browser';
import { createPatient, enrol, finishRecoveryCodes, setUpClinic, signOut, type Account } from '../flows';
import { checkPage } from '../page-check';
import { startArbor, type ArborServer } from '../harness';

/** A datetime-local value `days` ago at 09:00, in the browser's (and this process's) zone. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

async function answerStaffPhq9(page: Page, values: number[]) {
  for (const [i, v] of values.entries())
    await page.locator(`input[name="entry-item${i + 1}"][value="${v}"]`).check();
}

describe('measurement-based care, end to end', () => {
  let server: ArborServer;
  let browser: Browser;
  let staff: Page;
  let patientId: string;
  let selfReportUrl: string;
  const clinician: Account = {
    email: 'dr.reyes@example.test',
    password: 'amber quarry lantern 58',
    displayName: 'Dr Sam Reyes',
  };

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    const admin = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(admin, server.setupCode);
    await admin.getByRole('link', { name: 'Users & access' }).click();
    await admin.getByRole('heading', { name: 'Add a staff account' }).waitFor();
    await admin.getByLabel('Name').fill(clinician.displayName);
    await admin.getByLabel('Email').fill(clinician.email);
    await admin.getByLabel('Role', { exact: true }).selectOption('physician');
    await admin.getByLabel('Temporary password').fill(clinician.password);
    await admin.getByRole('button', { name: 'Create account' }).click();
    await admin.getByText(`Account created for ${clinician.displayName}.`).waitFor();
    await signOut(admin);
    await admin.context().close();

    staff = await (await newContext(browser, server.url)).newPage();
    await staff.goto('/app/');
    await staff.getByLabel('Email').fill(clinician.email);
    await staff.getByLabel('Password', { exact: true }).fill(clinician.password);
    await staff.getByRole('button', { name: 'Continue' }).click();
    await enrol(staff, clinician);
    await finishRecoveryCodes(staff, clinician);
    ({ id: patientId } = await createPatient(staff, {
      given: 'Morgan',
      family: 'Ellery-Quist',
      birthDate: '1979-06-15',
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a clinician records a baseline PHQ-9, an infusion date and a plan, and sends a link', async () => {
    await staff.goto(`/app/patients/${patientId}/measures`);
    await staff.getByRole('heading', { name: 'Enter a response' }).waitFor();
    await answerStaffPhq9(staff, [3, 3, 2, 2, 2, 2, 2, 2, 0]);
    await staff.getByLabel('Answered at (blank = now)').fill(daysAgo(10));
    await staff.getByRole('button', { name: 'Save response' }).click();
    await staff.getByText('Saved. Total 18 (moderately-severe)').waitFor();

    await staff.getByLabel('Add an infusion date').fill(daysAgo(8));
    await staff.getByRole('button', { name: 'Add infusion' }).click();
    await staff.getByText(/Infusion 1 ·/).waitFor();
    await staff.getByLabel('Add an infusion date').fill(daysAgo(-1));
    await staff.getByRole('button', { name: 'Add infusion' }).click();
    await staff.getByText(/Infusion 2 ·/).waitFor();
    await staff.getByLabel('Responsible clinician').selectOption({ label: clinician.displayName });
    await staff.getByRole('button', { name: 'Start plan' }).click();
    await staff.getByText('PHQ-9 and GAD-7 in the 48 h before every infusion').waitFor();

    await staff.getByLabel('Questionnaire for the patient').selectOption('phq9');
    await staff.getByLabel('Send by').selectOption('copy');
    await staff.getByRole('button', { name: 'Send link' }).click();
    selfReportUrl = (await staff.getByTestId('self-report-url').innerText()).trim();
    expect(selfReportUrl).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    await checkPage(staff, 'mbc-measures-tab');
  });

  it('the patient completes it on a phone and sees crisis resources at once (item 9 ≥ 1)', async () => {
    const context = await browser.newContext({ viewport: phone, locale: 'en-US' });
    const patient = await context.newPage();
    await patient.goto(selfReportUrl);
    await patient.getByRole('heading', { name: 'Patient Health Questionnaire-9' }).waitFor();
    expect(await patient.content()).not.toMatch(/Morgan|Ellery/);
    // Submitting with item 9 unanswered names the question instead of scoring a zero.
    for (const [i, v] of [1, 1, 1, 1, 1, 0, 0, 0].entries())
      await patient.locator(`#item${i + 1}-${v}`).check();
    await patient.getByRole('button', { name: 'Send my answers' }).click();
    await patient.getByRole('heading', { name: 'Please check your answers' }).waitFor();
    await checkPage(patient, 'mbc-portal-error');
    await patient.locator('#item9-1').check();
    await patient.getByRole('button', { name: 'Send my answers' }).click();
    await patient.getByRole('heading', { name: 'You do not have to face this alone' }).waitFor();
    expect(await patient.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    await checkPage(patient, 'mbc-portal-crisis');
    await patient.goto(selfReportUrl);
    await patient.getByRole('heading', { name: 'This link has already been used' }).waitFor();
    await checkPage(patient, 'mbc-portal-used');
    await context.close();
  });

  it('the flag shows on the banner, the clinician records an action, and the trajectory shows response', async () => {
    await staff.goto(`/app/patients/${patientId}/measures`);
    const banner = staff.locator('.chart-banner');
    await banner.getByText(/Safety alert: Thoughts of death or self-harm endorsed/).waitFor();
    await checkPage(staff, 'mbc-banner-alert');
    await staff.getByLabel('Action taken').selectOption('safety-assessment');
    await staff
      .getByLabel('What was done (required)')
      .fill(
        'Called the patient: passive thoughts, no plan or intent. Safety plan reviewed; follow-up in 2 days.',
      );
    await staff.getByRole('button', { name: 'Record action' }).click();
    await staff.getByText('(resolved the alert)').waitFor();
    // The banner updates without a reload.
    await staff
      .locator('.chart-banner')
      .getByText(/Safety alert/)
      .waitFor({ state: 'detached' });
    await staff.getByRole('heading', { name: 'Trajectory: PHQ-9' }).waitFor();
    // Baseline 18 → 6: a 67% reduction meets the ≥ 50% response rule; 6 is not below 5 (no remission).
    expect(await staff.getByTestId('mbc-response').innerText()).toBe('Response');
    expect(await staff.getByTestId('mbc-remission').innerText()).toBe('No remission');
    await staff.getByText('rule: response = reduction from baseline ≥ 50%').waitFor();
    await checkPage(staff, 'mbc-trajectory');
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('phq9-trajectory.csv');
  });

  it('the due list is readable and accessible', async () => {
    await staff.getByRole('link', { name: 'Due questionnaires' }).click();
    await staff.getByRole('heading', { name: 'Due questionnaires', level: 1 }).waitFor();
    // Tomorrow's infusion: the PHQ-9 before it is done (the link today), the GAD-7 is still due.
    const row = staff.getByRole('row').filter({ hasText: 'Ellery-Quist' });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/GAD-7[\s\S]*before infusion \(Infusion 2\)[\s\S]*due/);
    await checkPage(staff, 'mbc-due-list');
  });

  it('kiosk mode signs the tablet out, takes the questionnaire and locks on a hand-back screen', async () => {
    await staff.goto(`/app/patients/${patientId}/measures`);
    await staff.getByLabel('Questionnaire for the patient').selectOption('gad7');
    await staff.getByRole('button', { name: 'Start kiosk mode on this device' }).click();
    await staff.getByRole('button', { name: 'Sign out and start' }).click();
    await staff.getByRole('heading', { name: 'Generalized Anxiety Disorder-7' }).waitFor();
    expect(staff.url()).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
    await checkPage(staff, 'mbc-kiosk-questionnaire');
    for (let i = 1; i <= 7; i++) await staff.locator(`#item${i}-1`).check();
    await staff.getByRole('button', { name: 'Send my answers' }).click();
    await staff
      .getByRole('heading', { name: 'Thank you. Please hand the tablet back to a member of staff.' })
      .waitFor();
    await checkPage(staff, 'mbc-kiosk-hand-back');
    // Going back reaches nothing: the staff session on the tablet has ended.
    await staff.goBack();
    await staff.goBack();
    await staff.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
