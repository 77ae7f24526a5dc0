import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assessmentResponses, safetyAlerts, selfReportLinks } from '../../../db/schema-measurement.js';
import { messageOutbox } from '../../../db/schema.js';
import { base, createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let desk: string;
let patientId: string;
let otherPatientId: string;

const form = (answers: Record<string, number | string>) =>
  new URLSearchParams(Object.entries(answers).map(([k, v]) => [k, String(v)])).toString();
const phqForm = (values: number[]) => form(Object.fromEntries(values.map((v, i) => [`item${i + 1}`, v])));

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return ctx.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

async function createLink(
  pid = patientId,
  channel: 'copy' | 'email' | 'sms' = 'copy',
  instrumentId = 'phq9',
) {
  const response = await ctx.request(`/api/patients/${pid}/self-report-links`, {
    method: 'POST',
    cookie: desk,
    json: { instrumentId, channel },
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      id: string;
      url?: string;
      status: string;
      expiresAt: string;
      recipientHint: string | null;
    },
  };
}

const pathOf = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Portal');
  desk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  const make = async (given: string) => {
    const response = await ctx.request('/api/patients', {
      method: 'POST',
      cookie: desk,
      json: {
        legalGivenName: given,
        legalFamilyName: 'Privateperson',
        birthDate: '1990-02-02',
        sexAtBirth: 'male',
        email: `${given.toLowerCase()}@example.test`,
        phone: '(555) 010-4242',
      },
    });
    return ((await response.json()) as { id: string }).id;
  };
  patientId = await make('Quinn');
  otherPatientId = await make('Rowan');
});
afterAll(async () => {
  await ctx.close();
});
afterEach(() => {
  // Tests below change the configured public address; every other test runs with the default.
  ctx.deps.publicUrl = base;
});

describe('self-report links', () => {
  it('keeps only a hash of a 256-bit token and shows the questionnaire with no patient details', async () => {
    const { status, body } = await createLink();
    expect(status).toBe(201);
    const token = pathOf(body.url!).split('/').pop()!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await ctx.deps.db.select().from(selfReportLinks).where(eq(selfReportLinks.id, body.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    // The expiry follows the clinic setting (default 72 h).
    expect(new Date(body.expiresAt).getTime() - row!.createdAt.getTime()).toBe(72 * 3_600_000);

    const page = await ctx.request(pathOf(body.url!));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('Patient Health Questionnaire-9');
    expect(html).toContain('type="radio"');
    expect(html).not.toMatch(/Quinn|Privateperson|1990|<script/);
    // Exactly one questionnaire: no links to any other page of the app.
    expect(html).not.toMatch(/href="\/app|href="\/api/);
  });

  it('re-shows the form with the problem named when an answer is missing, storing nothing', async () => {
    const { body } = await createLink();
    const response = await post(pathOf(body.url!), phqForm([1, 1, 1, 1, 1, 1, 1, 1]));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Please check your answers');
    expect(html).toContain('Question 9');
    // Answers already given are kept.
    expect(html).toMatch(/id="item1-1"[^>]*checked/);
    expect(
      await ctx.deps.db.select().from(assessmentResponses).where(eq(assessmentResponses.linkId, body.id)),
    ).toEqual([]);
  });

  it('shows crisis resources at once for item 9 ≥ 1, raises an alert, and uses the link up', async () => {
    const { body } = await createLink();
    const path = pathOf(body.url!);
    const done = await post(path, phqForm([2, 2, 1, 1, 1, 1, 1, 0, 1]));
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="tel:988"');
    expect(html).toContain('988 Suicide &amp; Crisis Lifeline');
    expect(html.indexOf('tel:988')).toBeLessThan(html.indexOf('Thank you —'));
    const [response] = await ctx.deps.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.linkId, body.id));
    expect(response).toMatchObject({ patientId, source: 'self-report', recordedBy: null });
    const [alert] = await ctx.deps.db
      .select()
      .from(safetyAlerts)
      .where(eq(safetyAlerts.responseId, response!.id));
    // Nobody named in a plan: the alert goes to whoever sent the link.
    expect(alert).toMatchObject({ status: 'open', assignedTo: clinic.users.front_desk.id });

    const again = await ctx.request(path);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('already been used');
    const resubmit = await post(path, phqForm([0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(resubmit.status).toBe(410);
    expect(
      await ctx.deps.db.select().from(assessmentResponses).where(eq(assessmentResponses.linkId, body.id)),
    ).toHaveLength(1);
  });

  it('thanks without crisis alert when item 9 is 0 (the crisis line stays in the footer)', async () => {
    const { body } = await createLink();
    const html = await (await post(pathOf(body.url!), phqForm([0, 0, 0, 0, 0, 0, 0, 0, 0]))).text();
    expect(html).toContain('your answers were sent');
    expect(html).not.toContain('role="alert"');
    expect(html).toContain('tel:988');
  });

  it('stores one response when the same link is submitted twice at once', async () => {
    const { body } = await createLink();
    const path = pathOf(body.url!);
    const results = await Promise.all([
      post(path, phqForm([1, 0, 0, 0, 0, 0, 0, 0, 0])),
      post(path, phqForm([2, 0, 0, 0, 0, 0, 0, 0, 0])),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(
      await ctx.deps.db.select().from(assessmentResponses).where(eq(assessmentResponses.linkId, body.id)),
    ).toHaveLength(1);
  });

  it('opens only the patient’s own questionnaire: a link for one patient never stores for another', async () => {
    const mine = await createLink(patientId, 'copy', 'gad7');
    const theirs = await createLink(otherPatientId, 'copy', 'phq9');
    const html = await (await ctx.request(pathOf(mine.body.url!))).text();
    expect(html).toContain('Generalized Anxiety Disorder');
    expect(html).not.toContain('Patient Health Questionnaire');
    // PHQ-9 answers posted to the GAD-7 link are read as GAD-7 items only.
    await post(
      pathOf(mine.body.url!),
      form({ item1: 1, item2: 1, item3: 1, item4: 1, item5: 1, item6: 1, item7: 1, item8: 3, item9: 3 }),
    );
    const [stored] = await ctx.deps.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.linkId, mine.body.id));
    expect(stored).toMatchObject({ patientId, instrumentId: 'gad7' });
    expect(Object.keys(stored!.answers as object).sort()).toEqual([
      'item1',
      'item2',
      'item3',
      'item4',
      'item5',
      'item6',
      'item7',
    ]);
    expect(
      await ctx.deps.db
        .select()
        .from(assessmentResponses)
        .where(eq(assessmentResponses.linkId, theirs.body.id)),
    ).toEqual([]);
  });

  it('shows a clear page for an expired, revoked or unknown link', async () => {
    const expiring = await createLink();
    ctx.clock.advance(73 * 3_600_000);
    const expired = await ctx.request(pathOf(expiring.body.url!));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
    ctx.clock.advance(-73 * 3_600_000);

    const revoking = await createLink();
    expect(
      (
        await ctx.request(`/api/self-report-links/${revoking.body.id}/revoke`, {
          method: 'POST',
          cookie: desk,
        })
      ).status,
    ).toBe(200);
    const revoked = await ctx.request(pathOf(revoking.body.url!));
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain('cancelled');

    const unknown = await ctx.request('/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', {
      headers: { 'x-forwarded-for': '10.9.9.9' },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('This link is not valid');
  });

  it('refuses self-report of clinician-rated scales and links to patients without an address', async () => {
    expect((await createLink(patientId, 'copy', 'madrs')).status).toBe(400);
    expect((await createLink(patientId, 'copy', 'cssrs-screener')).status).toBe(400);
    await ctx.deps.db.execute(sql`UPDATE patients SET email = NULL WHERE id = ${otherPatientId}`);
    expect((await createLink(otherPatientId, 'email')).status).toBe(400);
  });

  it('queues email and SMS with the link and the clinic name only, and masks the address in the list', async () => {
    const email = await createLink(patientId, 'email');
    expect(email.status).toBe(201);
    expect(email.body.url).toBeUndefined();
    expect(email.body.recipientHint).toBe('q•••@example.test');
    const sms = await createLink(patientId, 'sms');
    expect(sms.body.recipientHint).toBe('•••• 4242');
    const messages = await ctx.deps.db
      .select()
      .from(messageOutbox)
      .where(eq(messageOutbox.clinicId, clinic.id));
    const emailMessage = messages.find((m) => m.channel === 'email')!;
    expect(emailMessage.recipient).toBe('quinn@example.test');
    expect(emailMessage.body).toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
    expect(emailMessage.body).not.toMatch(/Quinn|Privateperson|PHQ-9 total|score/);
    expect(messages.find((m) => m.channel === 'sms')!.body.length).toBeLessThan(200);
    const list = (await (
      await ctx.request(`/api/patients/${patientId}/self-report-links`, { cookie: desk })
    ).json()) as { items: { status: string }[] };
    expect(list.items.map((i) => i.status)).toContain('used');
    expect(JSON.stringify(list)).not.toMatch(/tokenHash|token_hash/);
  });

  it('refuses to email or text a link while no public address is configured, and writes nothing', async () => {
    ctx.deps.publicUrl = undefined;
    const count = async () => {
      const { rows } = await ctx.deps.db.execute<{ links: string; messages: string }>(
        sql`SELECT (SELECT count(*) FROM self_report_links) AS links, (SELECT count(*) FROM message_outbox) AS messages`,
      );
      return rows[0];
    };
    const before = await count();
    for (const channel of ['email', 'sms'] as const) {
      const response = await ctx.request(`/api/patients/${patientId}/self-report-links`, {
        method: 'POST',
        cookie: desk,
        json: { instrumentId: 'phq9', channel },
      });
      expect(response.status).toBe(409);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('public_url_required');
      expect(error.message).toContain('ARBOR_PUBLIC_URL');
    }
    expect(await count()).toEqual(before);
  });

  it('builds emailed and texted links from ARBOR_PUBLIC_URL, never from the Host or X-Forwarded-Host header', async () => {
    ctx.deps.publicUrl = 'https://arbor.example';
    const outbox = () =>
      ctx.deps.db.select().from(messageOutbox).where(eq(messageOutbox.clinicId, clinic.id));
    const earlier = new Set((await outbox()).map((m) => m.id));
    for (const channel of ['email', 'sms'] as const) {
      const response = await ctx.app.request(
        `https://evil.example/api/patients/${patientId}/self-report-links`,
        {
          method: 'POST',
          headers: {
            cookie: desk,
            'content-type': 'application/json',
            'x-forwarded-host': 'evil.example',
          },
          body: JSON.stringify({ instrumentId: 'phq9', channel }),
        },
      );
      expect(response.status).toBe(201);
    }
    const messages = (await outbox()).filter((m) => !earlier.has(m.id));
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.body).toMatch(/https:\/\/arbor\.example\/r\/[A-Za-z0-9_-]{43}/);
      expect(message.body).not.toContain('evil.example');
    }
  });

  it('hands staff a copied link on the configured public address when there is one', async () => {
    ctx.deps.publicUrl = 'https://arbor.example';
    const { status, body } = await createLink(patientId, 'copy');
    expect(status).toBe(201);
    expect(body.url).toMatch(/^https:\/\/arbor\.example\/r\/[A-Za-z0-9_-]{43}$/);
    ctx.deps.publicUrl = undefined;
    // Without one, the address the staff member's own browser used (shown to them before they share it).
    const fallback = await ctx.app.request(
      `http://127.0.0.1:3000/api/patients/${patientId}/self-report-links`,
      {
        method: 'POST',
        headers: { cookie: desk, 'content-type': 'application/json' },
        body: JSON.stringify({ instrumentId: 'phq9', channel: 'copy' }),
      },
    );
    expect(fallback.status).toBe(201);
    expect(((await fallback.json()) as { url: string }).url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/r\//);
  });

  it('rate-limits an address that tries unknown tokens', async () => {
    await ctx.deps.db.execute(sql`DELETE FROM auth_throttle`);
    const headers = { 'x-forwarded-for': '10.1.2.3' };
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      statuses.push(
        (await ctx.request(`/r/${'B'.repeat(42)}${String.fromCharCode(65 + i)}`, { headers })).status,
      );
    }
    // The test app does not trust proxies, so every request counts against one address.
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // While locked, even a valid link waits: the lock is per address, not per token.
    const { body } = await createLink();
    expect((await ctx.request(pathOf(body.url!))).status).toBe(429);
    await ctx.deps.db.execute(sql`DELETE FROM auth_throttle`);
  });

  it('refuses an oversized or non-form body without storing anything', async () => {
    const { body } = await createLink();
    const path = pathOf(body.url!);
    expect((await post(path, `item1=${'1'.repeat(20_000)}`)).status).toBe(413);
    expect((await ctx.request(path, { method: 'POST', json: { item1: 1 } })).status).toBe(415);
    expect(
      (await post(path, phqForm([0, 0, 0, 0, 0, 0, 0, 0, 0]), { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(
      await ctx.deps.db.select().from(assessmentResponses).where(eq(assessmentResponses.linkId, body.id)),
    ).toEqual([]);
  });
});

describe('kiosk mode', () => {
  it('ends the staff session on the device and ends on a locked hand-back screen', async () => {
    const staff = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
    const started = await ctx.request(`/api/patients/${patientId}/kiosk`, {
      method: 'POST',
      cookie: staff,
      json: { instrumentId: 'phq9' },
    });
    expect(started.status).toBe(201);
    const { url } = (await started.json()) as { url: string };
    expect(started.headers.get('set-cookie')).toMatch(/arbor_session=;/);
    // The tablet holds no session any more: the staff app asks for sign-in.
    expect((await ctx.request('/api/patients', { cookie: staff })).status).toBe(401);
    const page = await (await ctx.request(url)).text();
    expect(page).toContain('portal--kiosk');
    const done = await (await post(url, phqForm([1, 1, 1, 1, 1, 1, 1, 1, 1]))).text();
    expect(done).toContain('Please hand the tablet back');
    expect(done).toContain('Please tell a member of staff now');
    expect(done).not.toMatch(/Quinn|Privateperson/);
    const [response] = await ctx.deps.db
      .select()
      .from(assessmentResponses)
      .where(eq(assessmentResponses.source, 'kiosk'));
    expect(response!.patientId).toBe(patientId);
  });
});
