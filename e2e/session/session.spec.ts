import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from '../browser';
import { createPatient, setUpClinic, type Account, firstSignIn, addStaff } from '../flows';
import { checkPage } from '../page-check';
import { makeReady, ok, saveIvChecklist } from '../patient-prep';
import { startArbor, type ArborServer } from '../harness';

const tablet = { width: 1024, height: 768 };
const accounts = {
  nurse: { email: 'nell.nurse@example.test', password: 'amber river lantern 42', displayName: 'Nell Nurse' },
  physician: {
    email: 'pax.physician@example.test',
    password: 'slate harbour willow 19',
    displayName: 'Pax Physician',
  },
  front_desk: {
    email: 'fern.desk@example.test',
    password: 'cedar meadow copper 73',
    displayName: 'Fern Desk',
  },
} satisfies Record<string, Account>;

/** Answers every item of the chosen scale with the option value `pick` gives for its legend. */
async function answerScale(page: Page, scale: string, pick: (legend: string) => string) {
  await page.getByLabel('Scale', { exact: true }).selectOption({ label: scale });
  const groups = page.getByRole('form', { name: 'Score a scale' }).locator('fieldset');
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) {
    const group = groups.nth(i);
    const legend = (await group.locator('legend').innerText()).trim();
    await group.locator(`input[type="radio"][value="${pick(legend)}"]`).check();
  }
}

describe('sessions at the chair: IV ketamine, and esketamine under the REMS', () => {
  let server: ArborServer;
  let browser: Browser;
  const pages = {} as Record<keyof typeof accounts, Page>;
  let patientId: string;

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    const admin = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(admin, server.setupCode);
    for (const [role, account] of Object.entries(accounts)) await addStaff(admin, account, role);
    // The clinic lets a patient leave as soon as the gate holds (no minimum observation), so the test need not wait.
    const settings = await admin.request.patch('/api/clinic', {
      headers: { 'content-type': 'application/json' },
      data: JSON.stringify({
        settings: {
          session: { minimumObservation: { ivAfterStopMinutes: 0, esketamineFromFirstDeviceMinutes: 120 } },
        },
      }),
    });
    expect(settings.status()).toBe(200);
    patientId = (await createPatient(admin, { given: 'Tove', family: 'Marsh', birthDate: '1979-11-02' })).id;
    for (const role of Object.keys(accounts) as Array<keyof typeof accounts>) {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: role === 'nurse' ? tablet : { width: 1280, height: 800 },
        locale: 'en-US',
        acceptDownloads: true,
      });
      pages[role] = await context.newPage();
      await firstSignIn(pages[role], accounts[role]);
    }
    await makeReady(pages.nurse.request, pages.physician.request, patientId);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('checks in, clears the BP gate with a physician, charts the infusion and discharges on the gate', async () => {
    const { nurse, physician, front_desk: desk } = pages;
    // The front desk watches the board in another browser.
    await desk.goto('/app/board');
    await desk.getByRole('heading', { name: 'Chair board', level: 1 }).waitFor();
    await desk.getByText('Live: updates as they happen.').waitFor();

    await nurse.goto('/app/board');
    await nurse.getByLabel('Find the patient').fill('Marsh');
    await nurse.getByRole('button', { name: /^Marsh, Tove|^Tove Marsh/ }).click();
    await nurse.getByLabel('Chair', { exact: true }).fill('Chair 3');
    await nurse.getByRole('form', { name: 'Check in' }).getByRole('button', { name: 'Check in' }).click();
    await nurse.getByRole('heading', { name: 'Readiness and checklist' }).waitFor();
    const sessionUrl = nurse.url();

    // The board shows the new session without a reload.
    await desk.getByRole('article', { name: /Chair 3/ }).waitFor();

    await saveIvChecklist(nurse, '152/94 80 98 14');
    await checkPage(nurse, 'session-checklist');

    // Above 140/90: the physician decides.
    await physician.goto(sessionUrl);
    const decision = physician.getByRole('form', { name: 'Blood pressure decision' });
    await decision
      .getByLabel('Decision', { exact: true })
      .selectOption({ label: 'Proceed with the infusion' });
    await decision
      .getByLabel('Reason for the decision')
      .fill('Repeat 146/90 after rest; anxious on arrival.');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await physician
      .getByText(/physician decided to proceed/)
      .first()
      .waitFor();
    await nurse
      .getByText(/physician decided to proceed/)
      .first()
      .waitFor();

    await nurse.getByRole('button', { name: 'Complete checklist' }).click();
    const start = nurse.getByRole('form', { name: 'Start the infusion' });
    await start.getByRole('button', { name: 'Start infusion' }).click();
    await nurse.getByRole('button', { name: 'Stop infusion' }).waitFor();

    // A reading above the clinic's stop-consider threshold raises an alert.
    const vitals = nurse.getByLabel('Vitals', { exact: true });
    await vitals.fill('186/112 96 97 16');
    await vitals.press('Enter');
    await nurse
      .getByRole('region', { name: 'Vital sign readings, newest first' })
      .getByText('186/112')
      .first()
      .waitFor();

    await answerScale(nurse, 'CADSS-6', () => '1');
    await nurse.getByRole('button', { name: 'Save CADSS-6' }).click();
    await nurse.getByRole('region', { name: 'Scored scales' }).getByText('CADSS-6').waitFor();

    const ae = nurse.getByRole('form', { name: 'Adverse event' });
    await ae.getByLabel('Category').selectOption('gastrointestinal');
    await ae.getByLabel('Event').fill('Nausea');
    await ae.getByLabel('Action taken').selectOption('rescue_medication');
    await ae.getByRole('button', { name: 'Record adverse event' }).click();
    await ae.getByText('Saved.').waitFor();
    const rescue = nurse.getByRole('form', { name: 'Rescue medication' });
    await rescue.getByLabel('Medicine').selectOption('ondansetron');
    await rescue.getByLabel('Dose (mg)').fill('4');
    await rescue.getByRole('button', { name: 'Record rescue medication' }).click();
    await rescue.getByText('Saved.').waitFor();

    await nurse.getByRole('button', { name: 'Stop infusion' }).click();
    await nurse.getByRole('form', { name: 'Discharge' }).waitFor();
    // Stopped within a minute of the start: far less than ordered, so the note needs the reason first.
    await nurse
      .getByLabel('Why the amount given differs from the order')
      .fill('Stopped early for nausea at the patient’s request.');
    await nurse.getByRole('button', { name: 'Save explanation' }).click();
    await nurse.getByLabel('Why the amount given differs from the order').waitFor({ state: 'detached' });
    await checkPage(nurse, 'session-recovery');

    // Aldrete 8 does not open the gate; 10 does.
    const aldrete8 = (legend: string) => (/Consciousness|Oxygen/.test(legend) ? '1' : '2');
    await answerScale(nurse, 'Aldrete', aldrete8);
    await nurse.getByRole('button', { name: 'Save Aldrete' }).click();
    await nurse
      .getByRole('region', { name: 'Scored scales' })
      .getByText(/Aldrete/)
      .first()
      .waitFor();
    const discharge = nurse.getByRole('form', { name: 'Discharge' });
    await discharge.getByLabel('Escort present').check();
    await discharge.getByLabel('Written instructions given').check();
    await discharge.getByRole('button', { name: 'Discharge' }).click();
    await nurse.getByText(/Discharge is not allowed yet/).waitFor();
    await answerScale(nurse, 'Aldrete', () => '2');
    await nurse.getByRole('button', { name: 'Save Aldrete' }).click();
    await nurse.getByText('Saved.').first().waitFor();
    await discharge.getByLabel('Escort present').check();
    await discharge.getByLabel('Written instructions given').check();
    await discharge.getByRole('button', { name: 'Discharge' }).click();
    await nurse.getByRole('button', { name: 'Sign note' }).waitFor();

    await nurse.getByRole('button', { name: 'Sign note' }).click();
    await physician.reload();
    await physician.getByRole('button', { name: 'Co-sign' }).click();
    await physician.getByRole('link', { name: /Note \(PDF\)/ }).waitFor();
    const href = (await physician.getByRole('link', { name: /Note \(PDF\)/ }).getAttribute('href'))!;
    const pdf = await physician.request.get(href);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    // The board followed every step without a reload.
    await desk
      .getByRole('article', { name: /Chair 3/ })
      .getByText(/note signed/i)
      .waitFor();
    await checkPage(desk, 'chair-board');
  }, 240_000);

  it('certifies the setting, enrols the patient, gives the first device and completes the REMS form', async () => {
    const { nurse, physician } = pages;
    const eskPatient = (
      await createPatient(physician, { given: 'Ines', family: 'Vale', birthDate: '1984-05-06' })
    ).id;

    // The physician records the setting's certification.
    await physician.goto('/app/rems/certification');
    const certify = physician.getByRole('form', { name: 'Record certification' });
    await certify.getByLabel('Authorized representative').fill('Dana Reyes');
    await certify.getByLabel('Certified on').fill('2026-01-15');
    await certify.getByLabel('Setting name').fill('Maple Street Clinic');
    await certify.getByLabel('Address line 1').fill('100 Example Street');
    await certify.getByLabel('City').fill('Springfield');
    await certify.getByLabel('State').fill('IL');
    await certify.getByLabel('ZIP code').fill('62701');
    await certify.getByRole('button', { name: 'Record certification' }).click();
    await physician
      .getByRole('region', { name: 'Certification history table' })
      .getByText('Dana Reyes')
      .or(physician.getByText('Dana Reyes'))
      .first()
      .waitFor();
    await checkPage(physician, 'rems-certification');

    // The nurse records the enrolment in the chart; then intake, decision, consent and dose.
    await nurse.goto(`/app/patients/${eskPatient}/eligibility`);
    const enrol = nurse.getByRole('form', { name: 'Record REMS enrolment' });
    await enrol.getByRole('radio', { name: 'Enrolled', exact: true }).check();
    await enrol.getByLabel('Enrolled on').fill('2026-02-01');
    await enrol.getByRole('button', { name: 'Record enrolment' }).click();
    await nurse.getByRole('heading', { name: 'SPRAVATO REMS enrolment' }).waitFor();
    await expect
      .poll(
        async () =>
          (
            (await (await nurse.request.get(`/api/patients/${eskPatient}/rems-enrolment`)).json()) as {
              status: string;
            }
          ).status,
      )
      .toBe('enrolled');
    await makeReady(nurse.request, physician.request, eskPatient, 'esketamine', 'Ines Vale');

    const session = (await ok(
      nurse.request.post('/api/sessions', {
        data: { patientId: eskPatient, kind: 'esketamine', chairLabel: 'Chair 5' },
      }),
    )) as { id: string };
    await nurse.goto(`/app/sessions/${session.id}`);
    const checklist = nurse.getByRole('form', { name: 'Pre-infusion checklist' });
    await checklist.getByRole('checkbox', { name: 'Name' }).check();
    await checklist.getByRole('checkbox', { name: 'Date of birth' }).check();
    await checklist.getByLabel('Hours since food').fill('3');
    await checklist.getByLabel('Minutes since liquid').fill('45');
    await checklist.getByLabel('Escort confirmed').check();
    await checklist.getByLabel('Transport home confirmed').check();
    await checklist.getByLabel('No driving until the next day acknowledged').check();
    await checklist.getByLabel('Medicines taken today reviewed').check();
    await checklist.getByLabel('Baseline vitals').fill('128/82 72 98 14');
    await checklist.getByLabel('Latest results reviewed').check();
    await checklist.getByRole('button', { name: 'Save checklist' }).click();
    await nurse.getByRole('button', { name: 'Complete checklist' }).click();
    await nurse.getByLabel('Lot of the first device').fill('LOT4471');
    await nurse.getByRole('button', { name: 'Record first device' }).click();
    await nurse
      .getByRole('list', { name: 'Devices taken' })
      .getByText(/LOT4471/)
      .waitFor();
    await nurse.getByRole('list', { name: 'SPRAVATO REMS' }).getByText('Patient enrolled').waitFor();
    await checkPage(nurse, 'session-esketamine');

    // The monitoring form, filled from the chart; staff complete an item; the PDF prints it.
    await nurse.getByRole('link', { name: 'Open the monitoring form' }).click();
    await nurse.getByRole('heading', { name: /SPRAVATO REMS Patient Monitoring Form/ }).waitFor();
    await nurse.getByText('LOT4471').first().waitFor();
    await nurse.getByRole('textbox', { name: /^Telephone/ }).fill('555-0100');
    await nurse.getByRole('button', { name: 'Save form' }).click();
    await expect
      .poll(async () => nurse.getByRole('textbox', { name: /^Telephone/ }).inputValue())
      .toBe('555-0100');
    await checkPage(nurse, 'rems-form');
    const href = (await nurse.getByRole('link', { name: 'Print / PDF' }).getAttribute('href'))!;
    const pdf = await nurse.request.get(href);
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    await nurse.goto('/app/rems/forms-due');
    await nurse.getByRole('heading', { name: 'REMS forms due' }).waitFor();
    await nurse.getByRole('link', { name: 'Open form for Vale, Ines' }).waitFor();
    await checkPage(nurse, 'rems-forms-due');
    await nurse.goto(`/app/patients/${eskPatient}/eligibility`);
    await nurse.getByRole('heading', { name: 'SPRAVATO REMS enrolment' }).waitFor();
    await checkPage(nurse, 'eligibility-tab-rems');
  }, 240_000);
});
