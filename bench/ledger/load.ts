// A bounded closed-loop load: `connections` keep-alive connections, each sending the next request as soon as
// the previous answer has been read in full, until the time or the request budget runs out. Bounded by
// both because one request of a slow read (a whole perpetual log) may take seconds.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  times: number[];
  statuses: Map<number, number>;
  bytes: number;
  elapsedMs: number;
}

function once(agent: http.Agent, port: number, path: string, cookie: string) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers: { cookie } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(60_000, () => request.destroy(new Error(`${path} timed out after 60 s`)));
  });
}

export async function load(options: {
  port: number;
  path: string;
  cookie: string;
  connections: number;
  seconds: number;
  maxRequests: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && started < options.maxRequests) {
      started += 1;
      const begin = performance.now();
      const answer = await once(agent, options.port, options.path, options.cookie);
      times.push(performance.now() - begin);
      bytes += answer.bytes;
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsedMs = performance.now() - t0;
  agent.destroy();
  return { times, statuses, bytes, elapsedMs };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface Figures {
  n: number;
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
  kib: number;
  codes: string;
}

export function figures(r: LoadResult): Figures {
  const sorted = [...r.times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
    perSecond: (sorted.length * 1000) / r.elapsedMs,
    kib: sorted.length ? r.bytes / sorted.length / 1024 : 0,
    codes: [...r.statuses.entries()].map(([k, v]) => `${k} × ${v}`).join(', '),
  };
}
