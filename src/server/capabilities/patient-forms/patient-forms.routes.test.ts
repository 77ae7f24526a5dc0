import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, messageOutbox } from '../../../db/schema.js';
import { consents, intakeRevisions, medicationLists, patientFormLinks } from '../../../db/schema-intake.js';
import type { ConsentView } from '../../../contracts/consent.js';
import type { CreatedFormLink, FormLink } from '../../../contracts/patient-forms.js';
import { CLEAN_INTAKE, med } from '../../../domain/intake/intake.test-helper.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';
import { extractPages } from '../consent/pdf-text.test-helper.js';
import { json, problem } from '../scheduling/scheduling-test-setup.js';
import { intakeFormFields } from './intake-form-fields.test-helper.js';

let ctx: TestContext;
let clinic: TestClinic;
let desk: string;
let nurse: string;
let patientId: string;
const birthDate = '1979-09-14';

const formPost = (path: string, fields: Array<[string, string]>) =>
  ctx.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

async function newPatient(given: string): Promise<string> {
  const created = await json<{ id: string }>(
    await ctx.request('/api/patients', {
      method: 'POST',
      cookie: nurse,
      json: {
        legalGivenName: given,
        legalFamilyName: 'Linden',
        birthDate,
        sexAtBirth: 'female',
        email: `${given}@example.test`,
      },
    }),
    201,
  );
  return created.id;
}

async function createLink(body: object, pid = patientId, cookie = desk) {
  return json<CreatedFormLink>(
    await ctx.request(`/api/patients/${pid}/form-links`, { method: 'POST', cookie, json: body }),
    201,
  );
}

const pathOf = (url: string) => new URL(url, 'http://localhost').pathname;
const proofIn = (html: string) => /name="proof" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Opens the link and confirms the date of birth: the page and the proof its posts carry. */
async function verified(path: string) {
  const page = await formPost(path, [
    ['step', 'birth-date'],
    ['birthDate', birthDate],
  ]);
  const html = await page.text();
  return { status: page.status, html, proof: proofIn(html) };
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Forms');
  desk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
  patientId = await newPatient('Oriel');
});
afterAll(async () => {
  await ctx.close();
});

describe('the patient completes the intake through a link', () => {
  it('shows nothing about the patient before the date of birth, then saves drafts, then submits once', async () => {
    const link = await createLink({ purpose: 'intake', channel: 'copy' });
    const path = pathOf(link.url!);
    const opened = await ctx.request(path);
    const first = await opened.text();
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(first).toContain('Date of birth');
    expect(first).not.toContain('Oriel');

    const page = await verified(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Your mental health history');
    expect(page.proof).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const draft = await formPost(path, [
      ['step', 'intake'],
      ['proof', page.proof],
      ['action', 'save'],
      ['goals', 'Sleep through the night'],
      ['med.0.drug', 'naltrexone'],
      ['med.0.doseMg', '50'],
      ['med.0.timesPerDay', '1'],
    ]);
    expect(draft.status).toBe(200);
    const draftHtml = await draft.text();
    expect(draftHtml).toContain('Saved.');
    expect(draftHtml).toContain('Sleep through the night');

    const incomplete = await formPost(path, [
      ['step', 'intake'],
      ['proof', page.proof],
      ['action', 'submit'],
      ['goals', 'Sleep through the night'],
    ]);
    expect(incomplete.status).toBe(400);
    const incompleteHtml = await incomplete.text();
    expect(incompleteHtml).toContain('Please check your answers');
    expect(incompleteHtml).toContain('href="#q-pregnancy"');
    expect(incompleteHtml).toContain('href="#q-med"');

    const revisions = () =>
      ctx.deps.db
        .select()
        .from(intakeRevisions)
        .where(eq(intakeRevisions.patientId, patientId))
        .orderBy(intakeRevisions.revision);
    expect((await revisions()).map((r) => r.kind)).toEqual(['draft']);

    const sent = await formPost(path, [
      ['step', 'intake'],
      ['proof', page.proof],
      ['action', 'submit'],
      ...intakeFormFields(CLEAN_INTAKE, [med('naltrexone', 50, 1)]),
    ]);
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Thank you');
    const stored = await revisions();
    expect(stored.map((r) => [r.kind, r.enteredVia, r.enteredBy, r.formLinkId])).toEqual([
      ['draft', 'patient', null, link.id],
      ['submitted', 'patient', null, link.id],
    ]);
    const [meds] = await ctx.deps.db
      .select()
      .from(medicationLists)
      .where(eq(medicationLists.patientId, patientId));
    expect(meds!.entries).toEqual([med('naltrexone', 50, 1)]);

    const again = await formPost(path, [
      ['step', 'intake'],
      ['proof', page.proof],
      ['action', 'submit'],
      ...intakeFormFields(CLEAN_INTAKE),
    ]);
    expect(again.status).toBe(410);
    expect((await ctx.request(path)).status).toBe(410);
    expect((await revisions()).length).toBe(2);

    const links = await json<{ items: FormLink[] }>(
      await ctx.request(`/api/patients/${patientId}/form-links`, { cookie: desk }),
      200,
    );
    expect(links.items.find((l) => l.id === link.id)?.status).toBe('used');
  });

  it('sends the form back to the date question when the proof is missing or forged, storing nothing', async () => {
    const other = await newPatient('Perrin');
    const link = await createLink({ purpose: 'intake', channel: 'copy' }, other);
    const path = pathOf(link.url!);
    await verified(path);
    const forged = await formPost(path, [
      ['step', 'intake'],
      ['proof', 'A'.repeat(43)],
      ['action', 'save'],
      ['goals', 'x'],
    ]);
    expect(await forged.text()).toContain('Date of birth');
    const rows = await ctx.deps.db.select().from(intakeRevisions).where(eq(intakeRevisions.patientId, other));
    expect(rows).toEqual([]);
  });

  it('locks the link after five wrong dates of birth, and audits each attempt', async () => {
    const other = await newPatient('Quenby');
    const link = await createLink({ purpose: 'intake', channel: 'copy' }, other);
    const path = pathOf(link.url!);
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 5; i++) {
      const response = await formPost(path, [
        ['step', 'birth-date'],
        ['birthDate', '1979-09-15'],
      ]);
      statuses.push(response.status);
      last = await response.text();
    }
    expect(statuses).toEqual([400, 400, 400, 400, 410]);
    expect(last).toContain('This link is locked');
    expect((await verified(path)).status).toBe(410);
    const [row] = await ctx.deps.db.select().from(patientFormLinks).where(eq(patientFormLinks.id, link.id));
    expect(row!.lockedAt).not.toBeNull();
    const denied = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, link.id), eq(auditLog.action, 'access-denied')));
    expect(denied.length).toBe(5);
  });

  it('refuses an intake link once the intake is submitted, and an unknown token counts against the address', async () => {
    const refused = await ctx.request(`/api/patients/${patientId}/form-links`, {
      method: 'POST',
      cookie: desk,
      json: { purpose: 'intake', channel: 'copy' },
    });
    expect(refused.status).toBe(409);
    const unknown = await ctx.request(`/f/${'b'.repeat(43)}`);
    expect(unknown.status).toBe(404);
  });

  it('emails a link naming only the clinic and the form, and a cancelled link no longer opens', async () => {
    const other = await newPatient('Rowan');
    const link = await createLink({ purpose: 'intake', channel: 'email' }, other);
    expect(link.url).toBeUndefined();
    expect(link.recipientHint).toBe('R•••@example.test');
    const [message] = await ctx.deps.db
      .select()
      .from(messageOutbox)
      .where(eq(messageOutbox.recipient, 'Rowan@example.test'));
    expect(message!.body).toContain('/f/');
    expect(message!.body).not.toContain('Linden');
    const token = /\/f\/([A-Za-z0-9_-]{43})/.exec(message!.body)![1]!;
    await json(await ctx.request(`/api/form-links/${link.id}/revoke`, { method: 'POST', cookie: desk }), 200);
    expect((await ctx.request(`/f/${token}`)).status).toBe(410);
  });
});

describe('the patient signs a consent form through a link', () => {
  it('refuses a name that is not the patient’s, then signs; the clinician countersigns and the PDF holds the text', async () => {
    const link = await createLink({
      purpose: 'consent',
      consentTemplateCode: 'iv-ketamine',
      channel: 'copy',
    });
    const path = pathOf(link.url!);
    const page = await verified(path);
    expect(page.html).toContain('Oriel Linden');
    expect(page.html).toContain('/portal/assets/signature-pad.js');
    const templateId = /name="templateId" value="([^"]+)"/.exec(page.html)![1]!;
    const signature = JSON.stringify({
      width: 320,
      height: 120,
      strokes: [
        [
          [10, 10],
          [80, 60],
          [150, 20],
        ],
      ],
    });
    const fields = (name: string): Array<[string, string]> => [
      ['step', 'consent'],
      ['proof', page.proof],
      ['templateId', templateId],
      ['esignConsent', 'yes'],
      ['typedName', name],
      ['drawnSignature', signature],
    ];
    const wrongName = await formPost(path, fields('Someone Else'));
    expect(wrongName.status).toBe(400);
    expect(await wrongName.text()).toContain('href="#q-typedName"');
    const unsigned = await formPost(
      path,
      fields('Oriel Linden').filter(([k]) => k !== 'drawnSignature'),
    );
    expect(unsigned.status).toBe(400);
    expect(await unsigned.text()).toContain('href="#q-drawnSignature"');
    expect(await ctx.deps.db.select().from(consents).where(eq(consents.patientId, patientId))).toEqual([]);

    const signed = await formPost(path, fields('oriel  linden'));
    expect(signed.status).toBe(200);
    const [row] = await ctx.deps.db.select().from(consents).where(eq(consents.patientId, patientId));
    expect(row!.formLinkId).toBe(link.id);
    expect(row!.collectedBy).toBeNull();
    expect((await formPost(path, fields('Oriel Linden'))).status).toBe(410);

    const countersigned = await json<ConsentView>(
      await ctx.request(`/api/consents/${row!.id}/countersign`, { method: 'POST', cookie: nurse }),
      200,
    );
    expect(countersigned.status).toBe('valid');
    const pdf = await ctx.request(`/api/consents/${row!.id}/pdf`, { cookie: nurse });
    const text = (await extractPages(new Uint8Array(await pdf.arrayBuffer()))).join('\n');
    expect(text).toContain('Oriel Linden');
  });

  it('names the consent form when it is missing, and keeps intake answers from the front desk', async () => {
    const missing = await problem(
      await ctx.request(`/api/patients/${patientId}/form-links`, {
        method: 'POST',
        cookie: desk,
        json: { purpose: 'consent', channel: 'copy' },
      }),
      400,
    );
    expect(missing.fields.map((f) => f.field)).toEqual(['body.consentTemplateCode']);
    const intake = await ctx.request(`/api/patients/${patientId}/intake`, { cookie: desk });
    expect(intake.status).toBe(403);
  });
});

describe('kiosk mode', () => {
  it('ends the staff session on this tablet and opens the form', async () => {
    const other = await newPatient('Sable');
    const kioskCookie = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
    const link = await createLink({ purpose: 'intake', channel: 'kiosk' }, other, kioskCookie);
    expect(link.url).toMatch(/^\/f\/[A-Za-z0-9_-]{43}$/);
    expect((await ctx.request('/api/auth/me', { cookie: kioskCookie })).status).toBe(401);
    const [row] = await ctx.deps.db
      .select({
        minutes: sql<number>`extract(epoch from ${patientFormLinks.expiresAt} - ${patientFormLinks.createdAt}) / 60`,
      })
      .from(patientFormLinks)
      .where(eq(patientFormLinks.id, link.id));
    expect(Number(row!.minutes)).toBe(90);
    expect((await ctx.request(link.url!)).status).toBe(200);
  });
});
