import { QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../../contracts/auth';
import type { OutboxList, OutboxMessageDetail } from '../../../contracts/outbox';
import { permissionTable, type StaffRole } from '../../../domain/auth';
import { createQueryClient } from '../query/query-client';
import { SessionContext } from '../session-context';
import { filterCount, outboxKeys, outboxListPath } from './outbox-model';
import { OutboxMessageText } from './outbox-message-text';
import { OutboxPage } from './outbox-page';

const list: OutboxList = {
  total: 3,
  counts: { queued: 1, sent: 1, failed: 1 },
  items: [
    {
      id: '11111111-1111-4111-8111-111111111111',
      channel: 'sms',
      recipient: '•••• 1234',
      subject: null,
      status: 'queued',
      attempts: 0,
      lastError: null,
      createdAt: '2030-01-02T10:00:00.000Z',
      sentAt: null,
    },
    {
      id: '22222222-2222-4222-8222-222222222222',
      channel: 'email',
      recipient: 'j•••@example.com',
      subject: 'Clinic: a short questionnaire before your next visit',
      status: 'sent',
      attempts: 0,
      lastError: null,
      createdAt: '2030-01-01T09:00:00.000Z',
      sentAt: '2030-01-01T09:00:10.000Z',
    },
    {
      id: '33333333-3333-4333-8333-333333333333',
      channel: 'email',
      recipient: 'r•••@example.org',
      subject: 'We received your request – Clinic',
      status: 'failed',
      attempts: 5,
      lastError: 'Error: 550 <r•••@example.org> rejected',
      createdAt: '2029-12-31T08:00:00.000Z',
      sentAt: null,
    },
  ],
};

function me(role: StaffRole): Me {
  return {
    stage: 'full',
    user: { id: 'u1', email: 'someone@example.test', displayName: 'Someone', role },
    clinic: { id: 'c1', name: 'Clinic', isDemo: false, timeZone: 'America/New_York' },
    permissions: [...permissionTable[role]],
  };
}

function renderPage(role: StaffRole = 'admin') {
  const client = createQueryClient();
  client.setQueryData(outboxKeys.list('all', 0), list);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={{ me: me(role), signOut: () => undefined, refresh: () => undefined }}>
        <OutboxPage />
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
}

const rowOf = (html: string, text: string) => {
  const rows = html.split('<tr').filter((row) => row.includes(text));
  expect(rows, text).toHaveLength(1);
  return rows[0]!;
};

describe('the outbox page', () => {
  it('lists each message with its status, channel, masked recipient, subject and times', () => {
    const html = renderPage();
    expect(html).toContain('<h1>Outbox</h1>');
    for (const header of ['Status', 'Channel', 'Recipient', 'Subject', 'Created', 'Sent'])
      expect(html).toContain(`<th scope="col">${header}</th>`);
    const sms = rowOf(html, '•••• 1234');
    expect(sms).toContain('Queued');
    expect(sms).toContain('SMS');
    expect(sms).toContain('No subject (SMS)');
    expect(sms).toContain('aria-label="Show the text of the text message to •••• 1234"');
    const sent = rowOf(html, 'j•••@example.com');
    expect(sent).toContain('Sent');
    expect(sent).toContain('Clinic: a short questionnaire before your next visit');
    expect(sent).toMatch(/datetime="2030-01-01T09:00:10.000Z"/i);
    const failed = rowOf(html, 'r•••@example.org');
    expect(failed).toContain('Failed');
    expect(failed).toContain('5 attempts');
    expect(failed).toContain('Error: 550 &lt;r•••@example.org&gt; rejected');
  });

  it('offers a retry for failed messages only, named for the message', () => {
    const html = renderPage();
    expect(html.match(/>Retry</g)).toHaveLength(1);
    expect(rowOf(html, 'r•••@example.org')).toContain('aria-label="Retry the email to r•••@example.org"');
  });

  it('filters by status, with the count of each', () => {
    const html = renderPage();
    expect(html).toMatch(/<legend>Show<\/legend>/);
    expect(html).toMatch(/<input type="radio" name="outbox-status" checked="" value="all"\/> All \(3\)/);
    expect(html).toContain('Failed (1)');
    expect(html).toContain('Queued (1)');
    expect(html).toContain('Sent (1)');
    expect(filterCount('all', list.counts)).toBe(3);
    expect(outboxListPath('failed', 50)).toBe('/api/outbox?status=failed&limit=50&offset=50');
    expect(outboxListPath('all', 0)).toBe('/api/outbox?limit=50');
  });

  it('shows a message’s text only as the server sent it, with its link redacted', () => {
    const message: OutboxMessageDetail = {
      ...list.items[1]!,
      body: 'Please fill in: https://arbor.example/r/[link hidden]\n\nThe link works once.',
    };
    const html = renderToStaticMarkup(<OutboxMessageText message={message} />);
    expect(html).toContain('https://arbor.example/r/[link hidden]');
    expect(html).toContain('Link tokens are hidden');
    expect(html).not.toContain('href');
  });

  it('says so when the list is empty', () => {
    const client = createQueryClient();
    client.setQueryData(outboxKeys.list('all', 0), {
      total: 0,
      items: [],
      counts: { queued: 0, sent: 0, failed: 0 },
    });
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <SessionContext.Provider
          value={{ me: me('admin'), signOut: () => undefined, refresh: () => undefined }}
        >
          <OutboxPage />
        </SessionContext.Provider>
      </QueryClientProvider>,
    );
    expect(html).toContain('No messages here.');
    expect(html).not.toContain('<table');
  });
});
