import type { Context } from 'hono';

/** Responses and form posts of the patient's own pages (self-report and form links). */

/** Patient pages must never be cached or indexed: they are single-use and personal. */
export function patientHtml(
  body: string,
  status: 200 | 400 | 404 | 409 | 410 | 413 | 415 | 429 = 200,
): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'X-Robots-Tag': 'noindex, nofollow',
    },
  });
}

/** Reads at most `limit` bytes (undefined beyond): without a Content-Length (chunked) the body is still bounded. */
export async function readCapped(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** A urlencoded form post of at most `maxBytes`, or why it was refused before anything was read. */
export async function readFormPost(
  c: Context,
  maxBytes: number,
): Promise<URLSearchParams | 'too-large' | 'not-a-form'> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) return 'not-a-form';
  const length = Number(c.req.header('content-length') ?? '0');
  if (length > maxBytes) return 'too-large';
  const text = await readCapped(c.req.raw, maxBytes);
  return text === undefined ? 'too-large' : new URLSearchParams(text);
}
