import { createServer, type Server } from 'node:net';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageOutbox } from '../../db/schema.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { createMailer } from './mailer.js';

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
});
