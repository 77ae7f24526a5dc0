import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { nextTotp } from './totp';

export interface Account {
  email: string;
  password: string;
  displayName: string;
  /** The TOTP secret, known once the account has enrolled. */
  secret?: string;
}

export const admin = (): Account => ({
  email: 'admin@example.test',
  password: 'correct horse battery staple',
  displayName: 'Alex Admin',
});

/** Waits for an element's text, polling the way a person would wait for a page to update. */
export async function waitForText(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout });
}

/** The enrolment page: read the key shown for manual entry, confirm with a code, keep the recovery codes. */
export async function enrol(page: Page, account: Account): Promise<string[]> {
  await page.getByRole('heading', { name: 'Set up your authenticator' }).waitFor();
  const secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
  expect(secret).toBeTruthy();
  account.secret = secret!;
  await page.getByLabel('Enter the 6-digit code the app shows').fill(await nextTotp(account.secret));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  const codes = await page.getByRole('list', { name: 'Recovery codes' }).locator('li').allInnerTexts();
  return codes.map((c) => c.trim());
}

/**
 * After the last sign-in step: the patient list, or first the page that replaces a temporary
 * password an administrator set (the account then keeps the password chosen here).
 */
export async function reachPatients(page: Page, account?: Account): Promise<void> {
  const patients = page.getByRole('heading', { name: 'Patients', level: 1 });
  const ownPassword = page.getByRole('heading', { name: 'Choose your own password' });
  await patients.or(ownPassword).first().waitFor();
  if (await ownPassword.isVisible()) {
    if (!account) throw new Error('a temporary password must be replaced: pass the account');
    account.password = `${account.password} chosen by me`;
    await page.getByLabel('New password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Save password and continue' }).click();
    await patients.waitFor();
  }
}

export async function finishRecoveryCodes(page: Page, account?: Account): Promise<void> {
  await page.getByLabel('I have saved these recovery codes').check();
  await page.getByRole('button', { name: 'Continue to Arbor' }).click();
  await reachPatients(page, account);
}

export async function fillSetup(
  page: Page,
  setupCode: string,
  account: Account,
  clinicName = 'Maple Street Clinic',
): Promise<void> {
  await page.getByRole('heading', { name: 'Set up Arbor' }).waitFor();
  await page.getByLabel('Setup code').fill(setupCode);
  await page.getByLabel('Clinic name').fill(clinicName);
  await page.getByLabel('Your name').fill(account.displayName);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
}

/** First-run setup through the UI, up to the signed-in patient list. */
export async function setUpClinic(
  page: Page,
  setupCode: string,
  account: Account = admin(),
): Promise<Account> {
  await page.goto('/app/');
  await fillSetup(page, setupCode, account);
  await page.getByRole('button', { name: 'Create clinic and continue' }).click();
  await enrol(page, account);
  await finishRecoveryCodes(page);
  return account;
}

export async function signIn(page: Page, account: Account): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
  await page.getByLabel('6-digit code from your authenticator app').fill(await nextTotp(account.secret!));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await reachPatients(page, account);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
}

export interface NewPatient {
  given: string;
  family: string;
  birthDate: string;
  preferredName?: string;
}

/** Registers a patient through the form and returns the chart's id and MRN. */
export async function createPatient(page: Page, patient: NewPatient): Promise<{ id: string; mrn: string }> {
  await page.goto('/app/patients/new');
  await page.getByRole('heading', { name: 'New patient' }).waitFor();
  await page.getByLabel('Legal given name').fill(patient.given);
  await page.getByLabel('Legal family name').fill(patient.family);
  if (patient.preferredName) await page.getByLabel('Preferred name').fill(patient.preferredName);
  await page.getByLabel('Date of birth').fill(patient.birthDate);
  await page.getByLabel('Sex assigned at birth').selectOption('female');
  await page.getByRole('button', { name: 'Register patient' }).click();
  await page.waitForURL(/\/app\/patients\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  const mrn = (await page.locator('.chart-banner dt:text-is("MRN") + dd').innerText()).trim();
  return { id, mrn };
}

/** A new staff member's first sign-in: the temporary password, TOTP enrolment, the recovery codes. */
export async function firstSignIn(page: Page, account: Account): Promise<void> {
  await page.goto('/app/');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  await enrol(page, account);
  await finishRecoveryCodes(page, account);
}

/** The administrator adds a staff member with a temporary password (the first sign-in replaces it). */
export async function addStaff(admin: Page, account: Account, role: string): Promise<void> {
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
