import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageOutbox } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { createMailer } from './mailer.js';
import { createSmsSender } from './sms-sender.js';

/** A minimal SMTP server (RFC 5321 happy path) that records the recipient of every message. */
function startSmtpServer(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let inData = false;
    let recipient = '';
    socket.write('220 test ESMTP\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(recipient);
            socket.write('250 queued\r\n');
          }
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 test\r\n');
        else if (/^RCPT TO:/i.test(line)) {
          recipient = line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1');
          socket.write('250 ok\r\n');
        } else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0, received });
    }),
  );
}

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  ctx = await createTestContext();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  smtp.server.close();
  await ctx.close();
});

describe('mail delivery', () => {
  it('sends each queued email exactly once when two servers deliver at the same moment', async () => {
    const clinic = await ctx.seedClinic('Two servers');
    const rows = await ctx.deps.db
      .insert(messageOutbox)
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          clinicId: clinic.id,
          channel: 'email',
          recipient: `patient${i}@example.com`,
          subject: 'Reminder',
          body: 'See you soon',
        })),
      )
      .returning({ id: messageOutbox.id });
    const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
    const first = createMailer(ctx.deps.db, { driver: 'smtp', smtpUrl });
    const second = createMailer(ctx.deps.db, { driver: 'smtp', smtpUrl });
    const [a, b] = await Promise.all([first.deliverQueued(), second.deliverQueued()]);
    expect(a.sent + b.sent).toBe(12);
    expect([...smtp.received].sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `patient${i}@example.com`).sort(),
    );
    const stored = await ctx.deps.db
      .select({ status: messageOutbox.status })
      .from(messageOutbox)
      .where(
        inArray(
          messageOutbox.id,
          rows.map((r) => r.id),
        ),
      );
    expect(stored.every((r) => r.status === 'sent')).toBe(true);
  });

  it('sends queued text messages through a Twilio-style Messages API and records a refusal', async () => {
    const received: Array<{ path: string; auth: string; form: URLSearchParams }> = [];
    const api = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        received.push({ path: req.url ?? '', auth: req.headers.authorization ?? '', form });
        const refused = form.get('To') === '+15550000000';
        res.writeHead(refused ? 400 : 201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(refused ? { code: 21211, message: 'Invalid To' } : { sid: 'SM1', status: 'queued' }),
        );
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const address = api.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const clinic = await ctx.seedClinic('Texts');
      const [good, bad] = await ctx.deps.db
        .insert(messageOutbox)
        .values([
          {
            clinicId: clinic.id,
            channel: 'sms',
            recipient: '+15551234567',
            body: 'Reminder: your appointment',
          },
          {
            clinicId: clinic.id,
            channel: 'sms',
            recipient: '+15550000000',
            body: 'Reminder: your appointment',
          },
        ])
        .returning({ id: messageOutbox.id });
      const mailer = createMailer(ctx.deps.db, {
        driver: 'outbox',
        sms: createSmsSender({
          accountSid: 'AC123',
          authToken: 'secret',
          from: '+15559990000',
          apiUrl: `http://127.0.0.1:${port}`,
        }),
      });
      const result = await mailer.deliverQueued();
      expect(result.sent).toBeGreaterThanOrEqual(1);
      const first = received.find((r) => r.form.get('To') === '+15551234567')!;
      expect(first.path).toBe('/2010-04-01/Accounts/AC123/Messages.json');
      expect(first.auth).toBe(`Basic ${Buffer.from('AC123:secret').toString('base64')}`);
      expect(first.form.get('From')).toBe('+15559990000');
      expect(first.form.get('Body')).toBe('Reminder: your appointment');
      const rows = await ctx.deps.db
        .select()
        .from(messageOutbox)
        .where(inArray(messageOutbox.id, [good!.id, bad!.id]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(good!.id)!.status).toBe('sent');
      expect(byId.get(bad!.id)).toMatchObject({ status: 'queued', attempts: 1 });
      expect(byId.get(bad!.id)!.lastError).toContain('SMS provider answered 400 (code 21211)');
    } finally {
      api.close();
    }
  });
});
