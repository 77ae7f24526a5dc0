import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView, PatientAppointmentsResponse } from '../../src/contracts/scheduling';
import { desktop, launchBrowser, newContext } from '../browser';
import { createPatient, enrol, finishRecoveryCodes, setUpClinic, type Account, addStaff } from '../flows';
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
const frontDesk: Account = {
  email: 'fran.front@example.test',
  password: 'amber river compass 42',
  displayName: 'Fran Front',
};

/** The clinic's zone (the default of a new clinic); the front desk's browser is far from it on purpose. */
const clinicZone = 'America/New_York';
const deviceZone = 'Pacific/Auckland';

/** A clinic date `days` after today's, as YYYY-MM-DD. */
function clinicDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: clinicZone }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Errors and CSP violations a page reports, for a check at the end. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

describe('scheduling: setup, an induction series, a move and the calendar file', () => {
  let server: ArborServer;
  let browser: Browser;
  let admin: Page;
  let desk: Page;
  let deskConsole: string[];
  let patientId: string;
  let sessions: AppointmentView[] = [];

  beforeAll(async () => {
    server = await startArbor();
    browser = await launchBrowser();
    admin = await (await newContext(browser, server.url)).newPage();
    await setUpClinic(admin, server.setupCode);
    for (const [account, role] of [
      [nurse, 'nurse'],
      [physician, 'physician'],
      [frontDesk, 'front_desk'],
    ] as const)
      await addStaff(admin, account, role);
    patientId = (await createPatient(admin, { given: 'Iris', family: 'Calder', birthDate: '1982-06-14' })).id;

    // The front desk signs in on a device set to another time zone: every screen still shows clinic time.
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: desktop,
      acceptDownloads: true,
      locale: 'en-US',
      timezoneId: deviceZone,
    });
    desk = await context.newPage();
    await desk.goto('/app/');
    await desk.getByLabel('Email').fill(frontDesk.email);
    await desk.getByLabel('Password', { exact: true }).fill(frontDesk.password);
    await desk.getByRole('button', { name: 'Continue' }).click();
    await enrol(desk, frontDesk);
    await finishRecoveryCodes(desk, frontDesk);
    deskConsole = watchConsole(desk);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an administrator adds two chairs and sets the nurse’s and the physician’s hours', async () => {
    const problems = watchConsole(admin);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    await admin.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await admin.getByRole('link', { name: 'Scheduling setup' }).click();
    await admin.getByRole('heading', { name: 'Scheduling setup', level: 1 }).waitFor();

    // Open every day 07:00–21:00, so the course's days are open whatever day the test runs.
    await admin.getByText('Mon–Fri 08:00–18:00').waitFor();
    await admin.getByRole('button', { name: 'Edit opening hours' }).click();
    const opening = admin.getByRole('form', { name: 'Opening hours' });
    await opening.getByLabel('Opens every day').fill('07:00');
    await opening.getByLabel('Closes every day').fill('21:00');
    await opening.getByRole('button', { name: 'Apply to every day' }).click();
    await opening.getByRole('button', { name: 'Save opening hours' }).click();
    await admin.getByText("The clinic's opening hours are now Mon–Sun 07:00–21:00.").waitFor();

    const addRoom = admin.getByRole('form', { name: 'Add a room or chair' });
    for (const name of ['Chair 1', 'Chair 2']) {
      await addRoom.getByLabel('Kind').selectOption('infusion_chair');
      await addRoom.getByLabel('Name').fill(name);
      await addRoom.getByRole('button', { name: 'Add room or chair' }).click();
      await admin.getByText(`${name} is added.`).waitFor();
    }

    for (const [account, role] of [
      [nurse, 'nurse'],
      [physician, 'clinician'],
    ] as const) {
      await admin.getByRole('button', { name: `Edit hours of ${account.displayName}` }).click();
      const editor = admin.getByRole('form', { name: `Working hours of ${account.displayName}` });
      await editor.getByLabel('Scheduling role').selectOption(role);
      await editor.getByLabel('Opens every day').fill('07:00');
      await editor.getByLabel('Closes every day').fill('21:00');
      await editor.getByRole('button', { name: 'Apply to every day' }).click();
      await editor.getByRole('button', { name: 'Save hours' }).click();
      await admin.getByText(`Saved the hours of ${account.displayName}.`).waitFor();
    }
    await admin.getByText('Nurse · Mon–Sun 07:00–21:00').waitFor();
    await admin.getByText('Clinician · Mon–Sun 07:00–21:00').waitFor();
    // The default types came with the clinic, with their durations and sources.
    await admin.getByRole('heading', { name: 'IV infusion (depression)', level: 3 }).waitFor();
    await admin.getByText('70 min (40 infusion + 30 recovery)').first().waitFor();
    await checkPage(admin, 'schedule-setup');
    expect(problems).toEqual([]);
  });

  it('the front desk sees free times and books a 6-infusion induction series from the proposal', async () => {
    await desk.goto(`/app/patients/${patientId}/appointments`);
    await desk.getByRole('heading', { name: 'Appointments', level: 2 }).waitFor();
    await desk.getByRole('link', { name: 'Book an appointment' }).click();
    await desk.getByRole('heading', { name: 'Book an appointment', level: 1 }).waitFor();
    await desk.getByText('Calder, Iris').first().waitFor();
    await desk.getByLabel('Appointment type').selectOption({ label: 'IV infusion (depression) (70 min)' });

    // One appointment: the next free times by day (tomorrow onwards, so the list is full).
    await desk.getByLabel('From', { exact: true }).fill(clinicDate(1));
    await desk.getByLabel('Search', { exact: true }).selectOption('3');
    await desk.getByRole('heading', { name: 'Free times for IV infusion (depression)' }).waitFor();
    await desk
      .getByRole('button', { name: /^Book .* at 7:00 AM/ })
      .first()
      .waitFor();
    expect(await desk.locator('.slot-day').count()).toBe(3);
    await checkPage(desk, 'schedule-book-slots');

    // An induction series: Monday, Wednesday and Friday mornings from tomorrow.
    await desk.getByLabel('An induction series').check();
    await desk.getByLabel('First day').fill(clinicDate(1));
    for (const day of ['Monday', 'Wednesday', 'Friday']) await desk.getByLabel(day).check();
    await desk.getByLabel('Preferred time (optional)').fill('10:00');
    await desk.getByRole('button', { name: 'Propose sessions' }).click();
    await desk.getByRole('heading', { name: 'Proposed sessions' }).waitFor();
    const proposed = desk.locator('.series-list__item');
    expect(await proposed.count()).toBe(6);
    expect(await proposed.first().innerText()).toContain('10:00 AM');
    await checkPage(desk, 'schedule-series-proposal');

    // The last session an hour later the same day, from that day's free times.
    await desk.getByRole('button', { name: 'Change session 6' }).click();
    await desk.getByRole('radio', { name: /^11:00 AM/ }).click();
    await proposed.nth(5).getByText('changed').waitFor();
    expect(await proposed.nth(5).innerText()).toContain('11:00 AM');

    await desk.getByRole('button', { name: 'Book all 6' }).click();
    await desk.getByText('Booked 6 sessions of IV infusion (depression) for Calder, Iris:').waitFor();
    const list = await desk.request.get(`/api/patients/${patientId}/appointments`);
    const body = (await list.json()) as PatientAppointmentsResponse;
    sessions = body.upcoming;
    expect(sessions).toHaveLength(6);
    expect(sessions.map((s) => s.seriesIndex)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sessions.map((s) => s.localStart.slice(11))).toEqual([
      '10:00',
      '10:00',
      '10:00',
      '10:00',
      '10:00',
      '11:00',
    ]);
  });

  it('moving the second session a day later moves the later ones too, and the day view shows it', async () => {
    const second = sessions[1]!;
    const oldDate = second.localStart.slice(0, 10);
    const newDate = addDays(oldDate, 1);
    await desk.goto(`/app/schedule?date=${oldDate}`);
    const block = desk.getByRole('button', {
      name: /^10:00 AM–11:10 AM, Calder, Iris, IV infusion \(depression\), session 2 of 6/,
    });
    await block.waitFor();
    await checkPage(desk, 'schedule-day');

    await block.click();
    const panel = desk.getByRole('complementary', { name: 'Calder, Iris' });
    await panel.getByText('Session 2 of 6').waitFor();
    await panel.getByRole('button', { name: 'Reschedule' }).click();
    const form = panel.getByRole('form', { name: 'Reschedule' });
    // A time typed in that clashes with the patient's first session: the server's 409 shows in the panel.
    await form.getByLabel('Day', { exact: true }).fill(sessions[0]!.localStart.slice(0, 10));
    await form.getByLabel('Or type a time (clinic time)').fill('10:30');
    await form.getByRole('button', { name: 'Use this time' }).click();
    await form.getByRole('button', { name: 'Move appointment' }).click();
    const refusal = panel.getByRole('alert');
    await refusal.getByText(/^The patient already has an appointment/).waitFor();
    console.log(`[scheduling e2e] refusal shown: ${await refusal.innerText()}`);
    await form.getByLabel('Day', { exact: true }).fill(newDate);
    await form.getByRole('radio', { name: /^2:00 PM/ }).check();
    await form.getByLabel('Also move the 4 later sessions of this series by the same number of days').check();
    await form.getByLabel('Reason (optional)').fill('Patient asked for an afternoon');
    await form.getByRole('button', { name: 'Move appointment' }).click();
    await panel
      .getByText(/Moved to .*2:00 PM.* 4 later sessions were moved by the same number of days\./)
      .waitFor();

    // The schedule follows the appointment to its new day, where its block is at the new time.
    await desk
      .getByRole('heading', {
        name: new RegExp(
          `^${new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${newDate}T12:00:00Z`))}`,
        ),
      })
      .waitFor();
    await desk
      .getByRole('button', {
        name: /^2:00 PM–3:10 PM, Calder, Iris, IV infusion \(depression\), session 2 of 6/,
      })
      .waitFor();
    await panel.getByText('Patient asked for an afternoon').waitFor();

    const after = (
      (await (
        await desk.request.get(`/api/patients/${patientId}/appointments`)
      ).json()) as PatientAppointmentsResponse
    ).upcoming;
    expect(after.map((s) => s.localStart)).toEqual([
      sessions[0]!.localStart,
      `${newDate}T14:00`,
      ...sessions.slice(2).map((s) => `${addDays(s.localStart.slice(0, 10), 1)}T${s.localStart.slice(11)}`),
    ]);

    // The week view lists the day's session; the day view's panel shows the history.
    await desk.getByRole('button', { name: 'Week', exact: true }).click();
    await desk.getByRole('heading', { name: /^Week of / }).waitFor();
    await desk.locator('.week__day .appt').first().waitFor();
    await checkPage(desk, 'schedule-week');
  });

  it('the front desk finds a patient, books the next free time, and moves them through today', async () => {
    const other = await desk.request.post('/api/patients', {
      data: {
        legalGivenName: 'Olive',
        legalFamilyName: 'Marsh',
        birthDate: '1975-02-03',
        sexAtBirth: 'female',
      },
    });
    expect(other.status(), await other.text()).toBe(201);

    // Booking without a patient chosen: find her, then take the first free time from today.
    await desk.getByRole('link', { name: 'Book an appointment' }).click();
    await desk.getByRole('heading', { name: 'Book an appointment', level: 1 }).waitFor();
    await desk.getByLabel('Find the patient').fill('marsh');
    await desk.getByRole('button', { name: /^Marsh, Olive/ }).click();
    await desk.getByLabel('Appointment type').selectOption({ label: 'IV infusion (depression) (70 min)' });
    await desk.getByLabel('From', { exact: true }).fill(clinicDate(0));
    const first = desk.locator('.slot-chip--button').first();
    await first.waitFor();
    await first.click();
    const dialog = desk.getByRole('dialog', { name: 'Book this appointment?' });
    await dialog.getByText(/for Marsh, Olive on/).waitFor();
    await dialog.getByRole('button', { name: 'Book' }).click();
    const notice = desk.getByText(/^Booked IV infusion \(depression\) for Marsh, Olive on /);
    await notice.waitFor();
    const bookedToday = (await notice.innerText()).includes(
      new Intl.DateTimeFormat('en-US', {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${clinicDate(0)}T12:00:00Z`)),
    );

    await desk.getByRole('link', { name: 'See it on the schedule' }).click();
    await desk.getByRole('heading', { name: 'Schedule', level: 1 }).waitFor();
    await desk.getByRole('complementary', { name: 'Marsh, Olive' }).waitFor();
    // The day view of today draws the "now" line while the clinic's clock is within the hours the grid shows
    // (07:00–20:00 at least); before 07:00 the first free time is still today but the line is off the grid.
    const clinicClock = new Intl.DateTimeFormat('en-GB', {
      timeZone: clinicZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date());
    if (bookedToday && clinicClock >= '07:00' && clinicClock <= '20:00') {
      await desk.locator('.day-grid__now').waitFor();
      await checkPage(desk, 'schedule-day-today');
    }
    await desk.getByRole('button', { name: 'Today', exact: true }).first().click();
    await desk.getByRole('heading', { name: /^Today, / }).waitFor();
    if (bookedToday) {
      await desk.getByRole('button', { name: 'Check in: Marsh, Olive' }).click();
      await desk.getByText('Marsh, Olive is checked in.').waitFor();
      await desk.getByRole('button', { name: 'Seat in chair: Marsh, Olive' }).click();
      await desk.getByText('Marsh, Olive is in the chair.').waitFor();
      await desk
        .getByRole('region', { name: /^In chair/ })
        .getByText('Marsh, Olive')
        .waitFor();
    } else {
      console.log('[scheduling e2e] no free time left today in the clinic; the board is shown empty');
    }
    await checkPage(desk, 'schedule-today');
  });

  it('the chart lists the appointments and downloads them as an .ics file with six events', async () => {
    await desk.goto(`/app/patients/${patientId}/appointments`);
    await desk.getByRole('heading', { name: 'Upcoming (6)' }).waitFor();
    await checkPage(desk, 'patient-appointments');
    const download = desk.waitForEvent('download');
    await desk.getByRole('link', { name: /^Download \.ics/ }).click();
    const ics = readFileSync((await (await download).path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);

    // Reminders off and back on.
    await desk.getByLabel('Send appointment reminders').uncheck();
    await desk.getByText('Off: the patient asked not to get reminders.').waitFor();
    await desk.getByLabel('Send appointment reminders').check();
    await desk.getByText(/^By email and text message/).waitFor();
  });

  it('the front desk makes a private calendar feed and stops it', async () => {
    await desk.getByRole('link', { name: 'Fran Front' }).click();
    await desk.getByRole('heading', { name: 'Your calendar feed' }).waitFor();
    await desk.getByRole('button', { name: 'Create feed address' }).click();
    const address = await desk.getByLabel('Feed address (shown once)').inputValue();
    expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await desk.request.get(address);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await desk.getByRole('button', { name: 'Stop feed' }).click();
    await desk.getByText('You have no calendar feed.').waitFor();
    expect((await desk.request.get(address)).status()).toBe(404);
    expect(deskConsole.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    expect(deskConsole.filter((m) => !/status of 40[49]/.test(m))).toEqual([]);
  });
});
