import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, messageOutbox } from '../../../db/schema.js';
import { createMailer } from '../../shared/mailer.js';
import { createTestContext, type TestClinic, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let clinic: TestClinic;
let other: TestClinic;
let admin: string;
let desk: string;
let patientId: string;
let failedId: string;
let otherMessageId: string;

interface ListedMessage {
  id: string;
  channel: string;
  recipient: string;
  subject: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
interface MessageList {
  total: number;
  items: ListedMessage[];
  counts: { queued: number; sent: number; failed: number };
}

const tokenIn = (text: string) => /\/r\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

async function lastAuditSeq(): Promise<number> {
  const [row] = await ctx.deps.db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row?.seq ?? 0;
}

async function auditRowsSince(seq: number) {
  return ctx.deps.db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.seq, seq), eq(auditLog.clinicId, clinic.id)));
}

async function list(query = '', cookie = admin): Promise<MessageList> {
  const response = await ctx.request(`/api/outbox${query}`, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as MessageList;
}

async function sendLink(channel: 'email' | 'sms') {
  const response = await ctx.request(`/api/patients/${patientId}/self-report-links`, {
    method: 'POST',
    cookie: desk,
    json: { instrumentId: 'phq9', channel },
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  ctx = await createTestContext();
  clinic = await ctx.seedClinic('Outbox');
  other = await ctx.seedClinic('Elsewhere');
  admin = await ctx.cookieFor(clinic.users.admin.id, clinic.id);
  desk = await ctx.cookieFor(clinic.users.front_desk.id, clinic.id);
  const created = await ctx.request('/api/patients', {
    method: 'POST',
    cookie: desk,
    json: {
      legalGivenName: 'Jordan',
      legalFamilyName: 'Outboxperson',
      birthDate: '1988-03-03',
      sexAtBirth: 'female',
      email: 'jordan.private@example.com',
      phone: '(555) 010-1234',
    },
  });
  patientId = ((await created.json()) as { id: string }).id;
  await sendLink('email');
  await sendLink('sms');
  const [failed] = await ctx.deps.db
    .insert(messageOutbox)
    .values({
      clinicId: clinic.id,
      channel: 'email',
      recipient: 'jordan.private@example.com',
      subject: 'Outbox: a short questionnaire',
      body: 'Please open https://arbor.example/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA soon.',
      status: 'failed',
      attempts: 5,
      lastError: 'Error: 550 5.1.1 <jordan.private@example.com>: Recipient address rejected',
      createdAt: new Date('2024-01-01T10:00:00Z'),
    })
    .returning();
  failedId = failed!.id;
  const [foreign] = await ctx.deps.db
    .insert(messageOutbox)
    .values({ clinicId: other.id, channel: 'email', recipient: 'foreign@example.com', body: 'Foreign' })
    .returning();
  otherMessageId = foreign!.id;
});
afterAll(async () => {
  await ctx.close();
});

describe('the outbox list', () => {
  it('lists the clinic’s messages newest first with masked recipients and no body, and audits the query', async () => {
    const before = await lastAuditSeq();
    const response = await ctx.request('/api/outbox', { cookie: admin });
    expect(response.status).toBe(200);
    const text = await response.text();
    const data = JSON.parse(text) as MessageList;
    expect(data.total).toBe(3);
    expect(data.items.map((m) => m.channel)).toEqual(['sms', 'email', 'email']);
    const [sms, email, failed] = data.items;
    expect(sms).toMatchObject({ status: 'queued', recipient: '•••• 1234', subject: null, sentAt: null });
    expect(email).toMatchObject({ status: 'queued', recipient: 'j•••@example.com', attempts: 0 });
    expect(email!.subject).toContain('questionnaire');
    expect(failed).toMatchObject({ id: failedId, status: 'failed', attempts: 5 });
    // Minimum necessary: no full address, no phone number, no body, no token, nothing of another clinic.
    expect(text).not.toContain('jordan.private');
    expect(text).not.toContain('010-1234');
    expect(text).not.toContain('/r/');
    expect(text).not.toContain('"body"');
    expect(text).not.toContain(otherMessageId);
    expect(failed!.lastError).toContain('Recipient address rejected');
    expect(failed!.lastError).toContain('j•••@example.com');
    const rows = await auditRowsSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: clinic.users.admin.id,
      action: 'query',
      entity: 'outbox.message',
      outcome: 'success',
      detail: expect.objectContaining({ status: 'all', returned: 3 }),
    });
  });

  it('filters by status and counts each status', async () => {
    const failed = await list('?status=failed');
    expect(failed.items.map((m) => m.id)).toEqual([failedId]);
    expect(failed.total).toBe(1);
    expect(failed.counts).toEqual({ queued: 2, sent: 0, failed: 1 });
    expect((await list('?status=queued')).items.every((m) => m.status === 'queued')).toBe(true);
  });

  it('names the field of a bad filter with a 400', async () => {
    const response = await ctx.request('/api/outbox?status=lost', { cookie: admin });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('query.status');
  });

  it('is for administrators only, and a refusal is audited', async () => {
    const nurse = await ctx.cookieFor(clinic.users.nurse.id, clinic.id);
    const before = await lastAuditSeq();
    expect((await ctx.request('/api/outbox', { cookie: nurse })).status).toBe(403);
    expect((await ctx.request('/api/outbox', { cookie: desk })).status).toBe(403);
    const rows = await auditRowsSince(before);
    expect(rows.map((r) => r.action)).toEqual(['access-denied', 'access-denied']);
  });
});

describe('one message', () => {
  it('shows the body with the link token redacted, and audits the read', async () => {
    const [stored] = await ctx.deps.db
      .select()
      .from(messageOutbox)
      .where(and(eq(messageOutbox.clinicId, clinic.id), eq(messageOutbox.channel, 'email')))
      .orderBy(desc(messageOutbox.createdAt))
      .limit(1);
    const token = tokenIn(stored!.body)!;
    expect(token).toBeTruthy();
    const before = await lastAuditSeq();
    const response = await ctx.request(`/api/outbox/${stored!.id}`, { cookie: admin });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(token);
    expect(text).not.toContain('jordan.private');
    const message = JSON.parse(text) as ListedMessage & { body: string };
    expect(message.body).toContain('/r/[link hidden]');
    expect(message.body).toContain('questionnaire');
    const rows = await auditRowsSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'read', entity: 'outbox.message', entityId: stored!.id });
  });

  it('answers 404 for another clinic’s message', async () => {
    const response = await ctx.request(`/api/outbox/${otherMessageId}`, { cookie: admin });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Foreign');
  });
});

describe('retrying a failed message', () => {
  it('queues it again with a fresh count, audited; a second retry is refused and changes nothing', async () => {
    const before = await lastAuditSeq();
    const response = await ctx.request(`/api/outbox/${failedId}/retry`, { method: 'POST', cookie: admin });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: failedId,
      status: 'queued',
      attempts: 0,
      lastError: null,
    });
    const [row] = await ctx.deps.db.select().from(messageOutbox).where(eq(messageOutbox.id, failedId));
    expect(row).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    const rows = await auditRowsSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: clinic.users.admin.id,
      action: 'update',
      entity: 'outbox.message',
      entityId: failedId,
      outcome: 'success',
      detail: expect.objectContaining({ retry: true, from: 'failed', to: 'queued', previousAttempts: 5 }),
    });

    const again = await ctx.request(`/api/outbox/${failedId}/retry`, { method: 'POST', cookie: admin });
    expect(again.status).toBe(409);
    expect(await ctx.deps.db.select().from(messageOutbox).where(eq(messageOutbox.id, failedId))).toEqual([
      row,
    ]);
  });

  it('does not retry another clinic’s message', async () => {
    const response = await ctx.request(`/api/outbox/${otherMessageId}/retry`, {
      method: 'POST',
      cookie: admin,
    });
    expect(response.status).toBe(404);
    const [row] = await ctx.deps.db.select().from(messageOutbox).where(eq(messageOutbox.id, otherMessageId));
    expect(row!.status).toBe('queued');
  });
});

describe('delivery states', () => {
  it('marks an email failed after its fifth failed attempt, so the outbox shows it as failed', async () => {
    const [message] = await ctx.deps.db
      .insert(messageOutbox)
      .values({ clinicId: clinic.id, channel: 'email', recipient: 'unreachable@example.com', body: 'Hello' })
      .returning();
    // Nothing listens on port 1: every attempt fails at once.
    const mailer = createMailer(ctx.deps.db, { driver: 'smtp', smtpUrl: 'smtp://127.0.0.1:1' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await mailer.deliverQueued();
      const [row] = await ctx.deps.db.select().from(messageOutbox).where(eq(messageOutbox.id, message!.id));
      expect(row!.attempts).toBe(attempt);
      expect(row!.status).toBe(attempt < 5 ? 'queued' : 'failed');
      expect(row!.lastError).toBeTruthy();
    }
    const failed = await list('?status=failed');
    expect(failed.items.map((m) => m.id)).toContain(message!.id);
  });

  it('shows a message stuck at the attempt limit by an older version as failed, and lets it be retried', async () => {
    const [stuck] = await ctx.deps.db
      .insert(messageOutbox)
      .values({
        clinicId: clinic.id,
        channel: 'email',
        recipient: 'stuck@example.com',
        body: 'Hi',
        attempts: 5,
      })
      .returning();
    const failed = await list('?status=failed');
    expect(failed.items.find((m) => m.id === stuck!.id)).toMatchObject({ status: 'failed' });
    expect((await list('?status=queued')).items.map((m) => m.id)).not.toContain(stuck!.id);
    const response = await ctx.request(`/api/outbox/${stuck!.id}/retry`, { method: 'POST', cookie: admin });
    expect(response.status).toBe(200);
  });
});
