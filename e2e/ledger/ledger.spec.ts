import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from '../browser';
import { createPatient, firstSignIn, setUpClinic, type Account, addStaff } from '../flows';
import { startArbor, type ArborServer } from '../harness';
import { checkPage } from '../page-check';
import { makeReady, ok, saveIvChecklist } from '../patient-prep';
import { nextTotp } from '../totp';

const tablet = { width: 1024, height: 768 };
const accounts: Record<'nurse' | 'physician', Account> = {
  nurse: { email: 'nia.nurse@example.test', password: 'amber river lantern 42', displayName: 'Nia Nurse' },
  physician: {
    email: 'paz.physician@example.test',
    password: 'slate harbour willow 19',
    displayName: 'Paz Physician',
  },
};

const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('the controlled-substance ledger: receipt, witnessed waste, blind count, loss judgement, reports', () => {
  let server: ArborServer;
  let browser: Browser;
  const pages = {} as Record<keyof typeof accounts, Page>;

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    const admin = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(admin, server.setupCode);
    for (const [role, account] of Object.entries(accounts)) await addStaff(admin, account, role);
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
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('follows a vial from the receipt to a significant loss and the registrant’s reports', async () => {
    const { nurse, physician } = pages;

    // The physician records the registration, a safe and the vial's NDC.
    await physician.getByRole('link', { name: 'Controlled substances' }).click();
    await physician.getByRole('heading', { name: 'Controlled substances', level: 1 }).waitFor();
    await physician.getByText('No DEA registration is recorded').waitFor();
    await physician.getByRole('link', { name: 'Set-up' }).click();
    const registration = physician.getByRole('form', { name: 'Record a DEA registration' });
    await registration.getByLabel('DEA number').fill('AM1234563');
    await registration.getByLabel('Expires on').fill(isoDay(30));
    await registration.getByLabel('Site name').fill('Maple Street Clinic');
    await registration.getByLabel('Site address').fill('100 Example Street, Springfield, IL 62701');
    await registration.getByRole('button', { name: 'Record the registration' }).click();
    await registration.getByText('Registration recorded.').waitFor();
    // It lapses within 60 days: the warning is shown with it.
    await physician
      .getByRole('region', { name: 'DEA registrations' })
      .getByText(/AM1234563/)
      .waitFor();

    const location = physician.getByRole('form', { name: 'Add a storage location' });
    await location.getByLabel('Registered site').selectOption({ label: 'Maple Street Clinic (AM1234563)' });
    await location.getByLabel('Location name').fill('Safe A');
    await location.getByRole('button', { name: 'Add the location' }).click();
    await location.getByText('Safe A added.').waitFor();

    const catalogue = physician.getByRole('region', { name: 'Product catalogue' });
    const ketamineRow = catalogue
      .getByRole('row')
      .filter({ hasText: /50 mg\/mL/ })
      .first();
    await ketamineRow.getByRole('button', { name: /Edit as new/ }).click();
    const product = physician.getByRole('form', { name: 'Add a product' });
    const key = await product.getByLabel('Key').inputValue();
    expect(key).toBeTruthy();
    await product.getByLabel('NDC').fill('0409-2051-05');
    await product.getByRole('button', { name: 'Save the product' }).click();
    await product.getByText(/saved\./).waitFor();
    await physician.getByRole('form', { name: 'Ledger rules' }).getByLabel('Counts').waitFor();
    await checkPage(physician, 'ledger-setup');

    // The nurse records a receipt of two vials; she cannot confirm it herself.
    await nurse.goto('/app/ledger/receipts');
    const receipt = nurse.getByRole('form', { name: 'Record a receipt' });
    await receipt.getByLabel('Storage location').selectOption({ label: 'Safe A' });
    await receipt.getByLabel('Invoice number').fill('INV-2041');
    await receipt.getByLabel('Supplier name').fill('Henry Schein');
    await receipt.getByLabel('Supplier address').fill('135 Duryea Rd, Melville, NY');
    await receipt.getByLabel('Supplier DEA number').fill('RH0123456');
    const first = receipt.getByRole('group', { name: 'Container 1' });
    await first.getByLabel('Product').selectOption(key);
    await first.getByLabel('Lot number').fill('LOT-7');
    await first.getByLabel('Expiry date').fill('2030-06-30');
    await first.getByLabel('Label number').fill('K-001');
    await receipt.getByRole('button', { name: 'Add a container' }).click();
    await receipt.getByRole('group', { name: 'Container 2' }).getByLabel('Label number').fill('K-002');
    await receipt.getByRole('button', { name: 'Record the receipt' }).click();
    await receipt.getByText('Receipt entered with 2 containers. Someone else confirms it.').waitFor();
    await checkPage(nurse, 'ledger-receipts');
    const confirmLink = nurse.getByRole('link', { name: 'Link for the person confirming' });
    const confirmUrl = (await confirmLink.getAttribute('href'))!;
    await confirmLink.click();
    await nurse.getByRole('button', { name: 'Confirm the receipt' }).click();
    await nurse.getByText('A receipt is confirmed by someone other than the person who entered it').waitFor();

    await physician.goto(confirmUrl);
    await physician.getByRole('button', { name: 'Confirm the receipt' }).click();
    await physician.getByText('Receipt confirmed: the containers are in the ledger.').waitFor();
    await physician.getByRole('region', { name: 'Containers received' }).getByText('K-002').waitFor();

    // The nurse opens K-001 and wastes 15 mg with the physician witnessing on her tablet.
    await nurse.goto('/app/ledger');
    await nurse.getByRole('heading', { name: 'Safe A' }).waitFor();
    await nurse.getByRole('button', { name: 'Movements of K-001' }).click();
    const movement = nurse.getByRole('form', { name: 'Record a movement of K-001' });
    await movement.getByRole('button', { name: 'Record: Open' }).click();
    await movement.getByText('Open: recorded for K-001.').waitFor();
    await nurse.getByRole('row', { name: /K-001/ }).getByText('Open', { exact: true }).waitFor();
    await movement.getByLabel('Movement').selectOption('waste');
    await movement.getByLabel('Quantity wasted').fill('15');
    await movement.getByLabel('Manner of disposal').fill('squirted into the pharmaceutical waste container');
    await movement.getByLabel('Witness email').fill(accounts.physician.email);
    await movement.getByLabel('Witness password', { exact: true }).fill(accounts.physician.password);
    await movement.getByLabel('Witness 6-digit code').fill('000000');
    await movement.getByRole('button', { name: 'Record: Waste' }).click();
    // A wrong code is refused, named beside the code field.
    await movement.locator('.field--invalid').getByLabel('Witness 6-digit code').waitFor();
    await movement.getByLabel('Witness 6-digit code').fill(await nextTotp(accounts.physician.secret!));
    await movement.getByRole('button', { name: 'Record: Waste' }).click();
    await movement.getByText('Waste: recorded for K-001.').waitFor();
    await nurse.getByRole('row', { name: /K-001/ }).getByText('485 mg (9.7 mL)').waitFor();
    await nurse.getByRole('region', { name: 'History of K-001' }).getByText('Wasted (witnessed)').waitFor();
    await checkPage(nurse, 'ledger-stock');

    // An infusion session: the nurse records the vial the dose was drawn from, on the session page.
    const patient = await createPatient(nurse, { given: 'Tove', family: 'Marsh', birthDate: '1984-05-06' });
    await makeReady(nurse.request, physician.request, patient.id);
    const session = await ok(
      nurse.request.post('/api/sessions', {
        data: { patientId: patient.id, kind: 'iv_ketamine', chairLabel: 'Chair 2' },
      }),
    );
    await nurse.goto(`/app/sessions/${String(session.id)}`);
    await saveIvChecklist(nurse, '124/80 72 98 14');
    await nurse.getByRole('button', { name: 'Complete checklist' }).click();
    await nurse
      .getByRole('form', { name: 'Start the infusion' })
      .getByRole('button', { name: 'Start infusion' })
      .click();
    await nurse.getByRole('button', { name: 'Stop infusion' }).waitFor();
    const vialUsed = nurse.getByRole('form', { name: 'Record the vial used' });
    // Until the vial is recorded the note cannot be signed, and the form says so.
    await vialUsed.getByText('Nothing is recorded in the ledger for this session yet').waitFor();
    const containerChoice = vialUsed.getByLabel('Container');
    await containerChoice.locator('option', { hasText: 'K-001' }).waitFor({ state: 'attached' });
    await containerChoice.selectOption(
      (await containerChoice.locator('option', { hasText: 'K-001' }).getAttribute('value'))!,
    );
    await vialUsed.getByLabel('Quantity drawn').fill('35');
    await vialUsed.getByLabel('Unit').selectOption('mg');
    await vialUsed.getByRole('button', { name: 'Record the vial used' }).click();
    await vialUsed.getByText('Recorded in the controlled-substance ledger.').waitFor();
    await vialUsed.getByText(/K-001: .*35 mg/).waitFor();
    await checkPage(nurse, 'ledger-session-vial');
    await nurse.goto('/app/ledger');
    await nurse.getByRole('row', { name: /K-001/ }).getByText('450 mg (9 mL)').waitFor();

    // The initial inventory: a blind sheet, the opened vial estimated, the sealed one present, signed.
    await nurse.getByRole('link', { name: 'Inventories' }).click();
    const take = nurse.getByRole('form', { name: 'Take an inventory' });
    await take.getByLabel('Kind').selectOption('initial');
    await take.getByLabel('Taken at').selectOption('close_of_business');
    const safeChoice = take.getByRole('checkbox', { name: 'Safe A' });
    if (!(await safeChoice.isChecked())) await safeChoice.check();
    await take.getByRole('button', { name: 'Prepare the sheet' }).click();
    const inventory = nurse.getByRole('form', { name: /Initial inventory/ });
    expect(await inventory.innerText()).not.toMatch(/450|9 mL/);
    await inventory.getByLabel('Content of K-001 (mL)').fill('9');
    await inventory.getByLabel('Estimated').check();
    await inventory.getByRole('radio', { name: 'Present, sealed' }).check();
    await inventory.getByLabel('Your password').fill(accounts.nurse.password);
    await inventory.getByLabel('Your 6-digit code').fill(await nextTotp(accounts.nurse.secret!));
    await checkPage(nurse, 'ledger-inventory-sheet');
    await inventory.getByRole('button', { name: 'Sign and record the inventory' }).click();
    await nurse.getByText('The inventory agrees with the ledger.').waitFor();
    await nurse.getByText('Next inventory due by 2028-').waitFor();
    await nurse.getByRole('link', { name: /PDF/ }).first().waitFor();
    await checkPage(nurse, 'ledger-inventories');

    // A blind count: the sheet shows no expected quantity; 0.2 mL is missing from K-001.
    await nurse.getByRole('link', { name: 'Counts' }).click();
    const start = nurse.getByRole('form', { name: 'Start a count' });
    await start.getByLabel('Location to count').selectOption({ label: 'Safe A' });
    await start.getByRole('button', { name: 'Start the count' }).click();
    const sheet = nurse.getByRole('form', { name: /Count sheet/ });
    await sheet.getByLabel(/Counted for K-001/).waitFor();
    expect(await sheet.innerText()).not.toMatch(/Expected|450|9 mL/);
    await checkPage(nurse, 'ledger-count');
    await sheet.getByLabel(/Counted for K-001/).fill('8.8');
    await sheet.getByLabel(/Counted for K-002/).fill('10');
    await sheet.getByRole('button', { name: 'Submit the count' }).click();
    await nurse.getByRole('heading', { name: 'Count compared with the ledger' }).waitFor();
    await nurse.getByText('1 discrepancy opened.').waitFor();
    const discrepancyUrl = (await nurse.getByRole('link', { name: /: 10 mg/ }).getAttribute('href'))!;

    // The physician investigates and judges the loss significant: both deadlines and the Form 106 data.
    await physician.goto(discrepancyUrl);
    await physician.getByRole('heading', { name: /^Discrepancy/, level: 1 }).waitFor();
    const note = physician.getByRole('form', { name: 'Add the note' });
    await note
      .getByLabel('Investigation note')
      .fill('No entry explains the 0.2 mL; the safe log shows three openings.');
    await note.getByRole('button', { name: 'Add the note' }).click();
    await physician.getByText('No entry explains the 0.2 mL', { exact: false }).first().waitFor();
    const judge = physician.getByRole('form', { name: 'Judge the theft or loss' });
    await judge.getByLabel('Reasons for the judgement').fill('Unexplained loss from an opened vial.');
    await judge.getByRole('button', { name: 'Record the judgement' }).click();
    // Without the factors answered the server refuses, naming them.
    await judge.getByText('Answer every factor for a loss.').waitFor();
    const factors = judge.locator('fieldset.ledger-factor');
    for (let i = 0; i < (await factors.count()); i += 1) await factors.nth(i).getByLabel('Yes').check();
    await judge.getByLabel('Significant: report to the DEA').check();
    await judge.getByRole('button', { name: 'Record the judgement' }).click();
    await physician.getByText(/Written notice to the DEA Field Division by/).waitFor();
    await physician.getByText(/DEA Form 106 filed online by/).waitFor();
    const form106 = physician.getByRole('region', { name: 'Drugs lost' });
    await form106.getByText('00409-2051-05').waitFor();
    await form106.getByText('10 mg (0.2 mL)').waitFor();
    await physician.getByText('Missing: complete on the form').first().waitFor();
    await physician.getByText('AM1234563').first().waitFor();
    // The notice is sent: recording it stops its clock; Form 106 stays due.
    const filings = physician.getByRole('region', { name: 'Reports to the DEA' });
    const filing = filings.getByRole('form', { name: 'Record a filing' });
    await filing.getByLabel('Sent on').fill(isoDay());
    await filing
      .getByLabel('How it was sent, and the reference received')
      .fill('Emailed to the Field Division at 16:05');
    await filing.getByRole('button', { name: 'Record it as sent' }).click();
    await filings.getByText(/Emailed to the Field Division/).waitFor();
    await filing.getByLabel('What was sent').waitFor();
    expect(await filing.getByLabel('What was sent').inputValue()).toBe('form_106');
    await checkPage(physician, 'ledger-discrepancy');

    // The ledger's to-do list: Form 106 and the registration lapsing within 60 days (the inventory is taken).
    await physician.goto('/app/ledger');
    const todo = physician.getByRole('region', { name: 'To do' });
    await todo.getByText(/DEA Form 106/).waitFor();
    await todo.getByText(/DEA registration: AM1234563/).waitFor();
    // Tove Marsh's chart has no address, which the administration log must carry.
    await todo.getByText(/1 patient/).waitFor();
    await todo.getByText(/no address on the chart/).waitFor();
    await checkPage(physician, 'ledger-duties');

    // Reports: the perpetual log has every event; the administration log names the patient, as CSV and PDF.
    await physician.goto('/app/ledger/reports');
    const report = physician.getByLabel('Report', { exact: true });
    await report.selectOption({ label: 'Perpetual log of a product' });
    await physician.getByRole('combobox', { name: 'Product' }).selectOption(key);
    const perpetual = physician.getByRole('region', { name: 'Perpetual log' });
    await perpetual.getByText('Counted').first().waitFor();
    for (const type of ['Received', 'Opened', 'Administered', 'Wasted (witnessed)'])
      await perpetual.getByText(type).first().waitFor();
    await report.selectOption({ label: 'Administration log' });
    await physician.getByText('Marsh').first().waitFor();
    await checkPage(physician, 'ledger-reports');
    const [download] = await Promise.all([
      physician.waitForEvent('download'),
      physician.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^administration-log-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('patient_name');
    expect(csv).toContain('Marsh');
    const [pdf] = await Promise.all([
      physician.waitForEvent('download'),
      physician.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // A second registered site: each report can then be asked for one registration's records.
    await physician.goto('/app/ledger/setup');
    const second = physician.getByRole('form', { name: 'Record a DEA registration' });
    await second.getByLabel('DEA number').fill('BM7654329');
    await second.getByLabel('Expires on').fill(isoDay(700));
    await second.getByLabel('Site name').fill('Oak Avenue Clinic');
    await second.getByLabel('Site address').fill('9 Oak Avenue, Springfield, IL 62704');
    await second.getByRole('button', { name: 'Record the registration' }).click();
    await second.getByText('Registration recorded.').waitFor();
    await physician.goto('/app/ledger/reports');
    const site = physician.getByRole('combobox', { name: 'Registered location' });
    await site.selectOption({ label: 'DEA BM7654329, Oak Avenue Clinic' });
    await physician.getByText('Nothing recorded in this range.').waitFor();
    await site.selectOption({ label: 'DEA AM1234563, Maple Street Clinic' });
    await physician.getByText('Marsh').first().waitFor();
    await physician
      .getByRole('region', { name: 'Administration log' })
      .getByText(/DEA AM1234563/)
      .waitFor();
    const [one] = await Promise.all([
      physician.waitForEvent('download'),
      physician.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(one.suggestedFilename()).toMatch(/^administration-log-AM1234563-.*\.csv$/);
    await checkPage(physician, 'ledger-reports-registration');
  });
});
