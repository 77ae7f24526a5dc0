import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from '../browser';
import { createPatient, enrol, finishRecoveryCodes, setUpClinic, type Account, addStaff } from '../flows';
import { checkPage } from '../page-check';
import { startArbor, type ArborServer } from '../harness';

const physician: Account = {
  email: 'pia.prescriber@example.test',
  password: 'quartz meadow lantern 17',
  displayName: 'Pia Prescriber',
};
const nurse: Account = {
  email: 'noor.nurse@example.test',
  password: 'copper willow harbour 58',
  displayName: 'Noor Nurse',
};

/** Content-Security-Policy violations and uncaught errors seen by a page, collected for assertions. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

async function firstSignIn(browser: Browser, url: string, account: Account): Promise<Page> {
  const page = await (await newContext(browser, url)).newPage();
  await page.goto('/app/');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await enrol(page, account);
  await finishRecoveryCodes(page, account);
  return page;
}

describe('dosing and the simulator', () => {
  let server: ArborServer;
  let browser: Browser;
  let patientId: string;
  let doctor: Page;
  let doctorConsole: string[];

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    const admin = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(admin, server.setupCode);
    for (const [account, role] of [
      [physician, 'physician'],
      [nurse, 'nurse'],
    ] as const)
      await addStaff(admin, account, role);
    patientId = (await createPatient(admin, { given: 'Iris', family: 'Calder', birthDate: '1982-06-14' })).id;
    doctor = await firstSignIn(browser, server.url, physician);
    doctorConsole = watchConsole(doctor);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a physician sees hard stops by field, the explanation and the curve, then orders', async () => {
    await doctor.goto(`/app/patients/${patientId}/dosing`);
    await doctor.getByRole('heading', { name: 'Calculate a dose' }).waitFor();
    // Sex is pre-filled from the chart (the patient was registered as female).
    expect(await doctor.getByLabel('Sex (for ideal body weight)').inputValue()).toBe('female');
    await doctor.getByLabel('Weight (kg)').fill('800');
    await doctor.getByLabel('Height (cm)').fill('168');
    await doctor.getByLabel('Vial concentration (mg/mL)').fill('50');
    await doctor.getByLabel('Bag volume (mL)').fill('100');
    await doctor.getByRole('button', { name: 'Calculate' }).click();
    await doctor.getByText(/Hard stop/).waitFor();
    // The stop is shown against the weight field, which is marked invalid.
    expect(await doctor.getByLabel('Weight (kg)').getAttribute('aria-invalid')).toBe('true');
    expect(await doctor.getByRole('button', { name: /Order this dose/ }).count()).toBe(0);
    await checkPage(doctor, 'dosing-hard-stop');

    await doctor.getByLabel('Weight (kg)').fill('80');
    await doctor.getByRole('button', { name: 'Calculate' }).click();
    await doctor.getByRole('heading', { name: 'Calculated dose: 40 mg' }).waitFor();
    for (const quantity of [
      'totalMg',
      'drugVolumeMl',
      'finalConcentrationMgPerMl',
      'pumpRateMlPerHour',
      'durationMin',
    ]) {
      const row = doctor.locator(`tr[data-quantity="${quantity}"]`);
      expect(await row.count(), quantity).toBe(1);
      expect((await row.locator('code').innerText()).length, quantity).toBeGreaterThan(3);
    }
    expect(await doctor.locator('tr[data-quantity="pumpRateMlPerHour"] td').first().innerText()).toContain(
      'mL/h',
    );
    await doctor.locator('.dosing__curve canvas').first().waitFor();
    const cpEnd = await doctor.getByTestId('cp-end').innerText();
    console.log(`[dosing e2e] predicted Cp at end of 0.5 mg/kg over 40 min, 80 kg, Domino: ${cpEnd}`);
    await checkPage(doctor, 'dosing-preview');

    await doctor.getByRole('button', { name: 'Order this dose (40 mg)' }).click();
    await doctor.getByText('Dose ordered: 40 mg.').waitFor();
    await doctor.getByText('You ordered this dose; another clinician must verify it.').waitFor();
    expect(await doctor.getByRole('button', { name: 'Verify as second clinician' }).count()).toBe(0);
  });

  it('a nurse verifies it as the second clinician and marks it ready to administer', async () => {
    const page = await firstSignIn(browser, server.url, nurse);
    const problems = watchConsole(page);
    await page.goto(`/app/patients/${patientId}/dosing`);
    const card = page.locator('article.dosing__card').first();
    await card.getByText('Ordered — awaiting verification').waitFor();
    await card.getByText('Pia Prescriber').waitFor();
    await card.getByRole('button', { name: 'Verify as second clinician' }).click();
    await page.locator('article.dosing__card[data-status="verified"]').waitFor();
    await card.getByText('Noor Nurse').waitFor();
    await card.getByRole('button', { name: 'Mark ready to administer' }).click();
    await page.locator('article.dosing__card[data-status="ready_to_administer"]').waitFor();
    expect(await card.getAttribute('data-status')).toBe('ready_to_administer');
    await checkPage(page, 'dosing-verified');
    expect(problems).toEqual([]);
  });

  it('the simulator overlays two models, re-plots on every edit and exports CSV and PNG', async () => {
    await doctor
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'PK simulator' })
      .click();
    await doctor.getByRole('heading', { name: 'Pharmacokinetic simulator', level: 1 }).waitFor();
    await doctor.getByTestId('replot-timing').waitFor();
    await doctor
      .getByLabel(/^Kamp 2020/)
      .first()
      .check();
    await doctor.getByText('Kamp 2020 (clearances allometric, as SimTIVA) Cp (plasma)').first().waitFor();
    // Each keystroke is an edit: collect the re-plot time of each.
    const times: number[] = [];
    const drawn: number[] = [];
    for (const weight of ['71', '72', '75', '80', '85', '90', '95', '100', '65', '70']) {
      await doctor.getByLabel('Weight (kg)').fill(weight);
      await doctor.waitForFunction(
        (w) => document.querySelector('[data-testid="replot-timing"]')?.getAttribute('data-weight') === w,
        weight,
      );
      const timing = doctor.getByTestId('replot-timing');
      times.push(Number(await timing.getAttribute('data-compute-ms')));
      const d = await timing.getAttribute('data-drawn-ms');
      if (d) drawn.push(Number(d));
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `[simulator e2e] re-plot (simulate + setData, 1,801 samples × 2 models, Cp + Ce) over ${times.length} edits: median ${median.toFixed(2)} ms, max ${sorted[sorted.length - 1]!.toFixed(2)} ms; to drawn frame: ${drawn.map((x) => x.toFixed(2)).join(', ')} ms`,
    );
    expect(median).toBeLessThan(16);

    const csvDownload = doctor.waitForEvent('download');
    await doctor.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      't_min,domino_cp_ng_ml,domino_ce_ng_ml,domino_nmda_occupancy_illustrative,kamp-2020_cp_ng_ml,kamp-2020_ce_ng_ml,kamp-2020_nmda_occupancy_illustrative',
    );
    expect(lines).toHaveLength(1802);
    const pngDownload = doctor.waitForEvent('download');
    await doctor.getByRole('button', { name: 'Export PNG' }).click();
    const png = readFileSync((await (await pngDownload).path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    await doctor.getByText('Data table (every 5 min; the CSV has every sample)').click();
    await checkPage(doctor, 'simulator');
    expect(doctorConsole.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    // The only expected console line is the browser's note of the hard stop's 400 in the first test.
    expect(doctorConsole.filter((m) => !/status of 400/.test(m))).toEqual([]);
  });

  it('the protocols page shows citations and copies then revises a protocol', async () => {
    await doctor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Protocols' }).click();
    await doctor.getByRole('heading', { name: 'Protocols', level: 1 }).waitFor();
    await doctor.getByLabel('New protocol id').fill('maple-depression');
    await doctor.getByLabel('Name').fill('Maple depression');
    await doctor.getByRole('button', { name: 'Copy', exact: true }).click();
    await doctor.getByText('Copied as maple-depression, version 1.').waitFor();
    await doctor.getByRole('heading', { name: /Maple depression/ }).click();
    await doctor
      .getByText(/Murrough et al\. 2013/)
      .first()
      .waitFor();
    const revise = doctor.getByRole('form', { name: 'Revise Maple depression' });
    await revise.getByLabel('Standard dose 0.5 mg/kg over 40 min: duration (min)').fill('45');
    await revise.getByLabel('Reason for this revision').fill('Cusin 2017 infused over 45 min');
    await revise.getByRole('button', { name: 'Save version 2' }).click();
    await doctor.getByText('Saved Maple depression version 2; version 1 stays as it was.').waitFor();
    await doctor.getByRole('heading', { name: /Maple depression \(maple-depression, version 1\)/ }).waitFor();
    await checkPage(doctor, 'protocols');
  });
});
