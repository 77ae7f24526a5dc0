/**
 * Text messages through Twilio's Messages REST API (POST /2010-04-01/Accounts/{sid}/Messages.json,
 * form-encoded To, From and Body, HTTP Basic auth with the account SID and auth token). Any provider
 * that offers the same endpoint works by pointing `apiUrl` at it. A non-2xx answer is an error carrying
 * the provider's status and message code, never the message text.
 */
export interface SmsOptions {
  accountSid: string;
  authToken: string;
  from: string;
  /** Default https://api.twilio.com. */
  apiUrl?: string;
}

export type SmsSender = (to: string, body: string) => Promise<void>;

export function createSmsSender(options: SmsOptions): SmsSender {
  const base = (options.apiUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  const url = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const auth = Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64');
  return async (to, body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ To: to, From: options.from, Body: body }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      const detail = (await response.json().catch(() => ({}))) as { code?: number; message?: string };
      throw new Error(
        `SMS provider answered ${response.status}${detail.code ? ` (code ${detail.code})` : ''}`,
      );
    }
  };
}
