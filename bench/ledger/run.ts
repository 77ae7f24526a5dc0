// Controlled-substance ledger benchmark: the reads of a clinic with five years of ledger history, against a
// real Arbor server process on 127.0.0.1 (the load client here, the server in another process), and the
// time `ledger verify` takes to recompute that history.
//   npm run bench:ledger   (ARBOR_BENCH_SECONDS per row, default 8, at most 60;
//                           ARBOR_BENCH_ONLY=containers,administrations runs only some of baseline,
//                           containers, perpetual, administrations, verify;
//                           ARBOR_BENCH_YEARS of history, default 5; ARBOR_BENCH_IV and
//                           ARBOR_BENCH_SPRAVATO patients per business day, default 30 and 8)
// Rows, at 1 and 8 connections: an authenticated read as this run's baseline; the containers and their
// balances; the perpetual log of the ketamine vial; the administration log of the last full month.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startArborProcess, type ArborProcess } from '../arbor-process.js';
import { benchActor, benchDeps, freePort } from '../bench-kit.js';
import { openDatabase } from '../../src/db/client.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { runMigrations } from '../../src/db/migrate.js';
import { addDays } from '../../src/domain/ledger/index.js';
import { verifyLedger } from '../../src/server/capabilities/ledger/index.js';
import { perpetualLog } from '../../src/server/capabilities/ledger/ledger-reports.service.js';
import {
  containersOf,
  productEventsListed,
  productDeltasFrom,
  productEventCountQuery,
  productStockQuery,
} from '../../src/server/capabilities/ledger/ledger.queries.js';
import { generateHistory, VIAL } from './history.js';
import { figures, load, percentile, type Figures } from './load.js';
import { assertSame, expectedAdministrations, expectedPerpetual } from './expected.js';
import { seedClinic, seedHistory, type SeedIds } from './seed.js';

const seconds = Math.min(60, Number(process.env.ARBOR_BENCH_SECONDS ?? 8));
const years = Math.min(10, Number(process.env.ARBOR_BENCH_YEARS ?? 5));
const ivPerDay = Number(process.env.ARBOR_BENCH_IV ?? 30);
const spravatoPerDay = Number(process.env.ARBOR_BENCH_SPRAVATO ?? 8);
const only = new Set(
  (process.env.ARBOR_BENCH_ONLY ?? 'baseline,containers,perpetual,administrations,verify')
    .split(',')
    .map((x) => x.trim()),
);
const connectionCounts = [1, 8];
/** At most this many requests a row: a whole perpetual log may take seconds to send. */
const maxRequests = 5000;
const GOAL_P95_MS = 30;
/** A new clinic's time zone (the clinic settings' default). */
const TIME_ZONE = 'America/New_York';
const log = (line: string) => process.stdout.write(`${line}\n`);

const since = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------------

/** ARBOR_BENCH_EXPLAIN=1: the plans of the ledger reads' queries, as the server sends them. */
async function explain(ownerUrl: string, clinicId: string, lastDay: string) {
  const handle = await openDatabase(ownerUrl, { max: 1 });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const from = new Date(`${addDays(lastDay, -31)}T00:00:00Z`);
    const to = new Date(`${addDays(lastDay, 1)}T00:00:00Z`);
    const queries = {
      containers: containersOf(handle.db, clinicId, { onHandOrSince: new Date(Date.now() - 7 * 86_400_000) }),
      'perpetual log, a month': productEventsListed(handle.db, clinicId, VIAL.key, { from, to }),
      'perpetual log, a page': productEventsListed(
        handle.db,
        clinicId,
        VIAL.key,
        { from, to },
        { offset: 0, limit: 200 },
      ),
      'perpetual log, a count': productEventCountQuery(handle.db, clinicId, VIAL.key, { from, to }),
      'perpetual log, stock now': productStockQuery(handle.db, clinicId, VIAL.key),
      'perpetual log, changes since': productDeltasFrom(handle.db, clinicId, VIAL.key, 1),
      'perpetual log, whole': productEventsListed(handle.db, clinicId, VIAL.key),
    };
    for (const [title, query] of Object.entries(queries)) {
      const { sql, params } = query.toSQL();
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      log(`-- ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  } finally {
    await client.end();
    await handle.close();
  }
}

/** `perpetualLog` for a month in this process: the whole month checked, then a page timed, for `seconds`. */
async function perpetualInProcess(
  ownerUrl: string,
  ids: SeedIds,
  from: string,
  to: string,
  expected: { id: string; balanceAfterUg: number }[],
) {
  const handle = await openDatabase(ownerUrl, { max: 2 });
  try {
    const deps = benchDeps(handle.db, log);
    const nurse = benchActor(ids.clinicId, ids.nurseId, 'nurse');
    log(`running: perpetual log ${from}…${to}, service call in this process (${seconds} s)`);
    const times: number[] = [];
    const first = await perpetualLog(deps, nurse, VIAL.key, { from, to, offset: 0, limit: 100_000 });
    assertSame(
      'perpetual log for a month',
      first.events.map((e) => ({ id: e.id, balanceAfterUg: e.balanceAfter?.ug })),
      expected,
    );
    const events = first.events.length;
    const deadline = performance.now() + seconds * 1000;
    while (performance.now() < deadline && times.length < maxRequests) {
      const t = performance.now();
      await perpetualLog(deps, nurse, VIAL.key, { from, to, offset: 0, limit: 200 });
      times.push(performance.now() - t);
    }
    const sorted = times.sort((a, b) => a - b);
    return `perpetual log of ${VIAL.key} for ${from}…${to} (${events} events, checked against the history), a page of 200 through \`perpetualLog\` in this process, no HTTP: n ${sorted.length}, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
  } finally {
    await handle.close();
  }
}

function row(title: string, connections: number, f: Figures, baseline: Figures | undefined) {
  const ratio = baseline
    ? ` ${(f.p95 / baseline.p95).toFixed(1)}× | ${(f.perSecond / baseline.perSecond).toFixed(2)} |`
    : ' | |';
  const goal = f.p95 <= GOAL_P95_MS ? 'met' : 'not met';
  return `| ${title} | ${connections} | ${f.n} | ${f.perSecond.toFixed(1)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.max.toFixed(1)} | ${f.kib.toFixed(1)} |${ratio} ${goal} | ${f.codes} |`;
}

await mkdir(path.resolve('.test-data'), { recursive: true });
const dir = await mkdtemp(path.join(path.resolve('.test-data'), 'bench-ledger-'));
const pgPort = await freePort(58900, 58999);
const server = await startEmbeddedPostgres({ dir, port: pgPort });
let arbor: ArborProcess | undefined;
try {
  await ensureDatabase(server.ownerUrl, 'arbor');
  const ownerUrl = server.ownerUrl('arbor');
  await runMigrations(ownerUrl);
  const t0 = performance.now();
  const seeded = await seedClinic(ownerUrl, log);
  const lastDay = addDays(new Date().toISOString().slice(0, 10), -1);
  const firstDay = addDays(lastDay, -Math.round(365.25 * years) + 1);
  const tGenerate = performance.now();
  const history = generateHistory({
    ...seeded.ids,
    firstDay,
    lastDay,
    ivPerDay,
    spravatoPerDay,
    seed: 20261203,
    patientIds: seeded.patientIds,
  });
  const generated = since(tGenerate);
  const tInsert = performance.now();
  await seedHistory(seeded.client, seeded.ids, history);
  const inserted = since(tInsert);
  const tAnalyze = performance.now();
  await seeded.client.query('VACUUM ANALYZE');
  const analyzed = since(tAnalyze);
  await seeded.client.end();
  await seeded.handle.close();
  const containers = history.receipts.reduce((n, r) => n + r.lines.length, 0);
  const byType = new Map<string, number>();
  for (const e of history.events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  const seededLine = `seeded ${history.events.length} ledger events (${[...byType.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}) over ${firstDay}…${lastDay}: ${containers} containers from ${history.receipts.length} receipts, ${history.sessions.length} treatment sessions with their doses, ${history.counts.length} counts; in ${since(t0)} (history generated and validated ${generated}, bulk INSERT with hash chain ${inserted}, VACUUM ANALYZE ${analyzed})`;
  log(seededLine);

  if (process.env.ARBOR_BENCH_EXPLAIN) await explain(ownerUrl, seeded.ids.clinicId, lastDay);

  const port = await freePort(3900, 3999);
  arbor = await startArborProcess({ databaseUrl: ownerUrl, port, dataDir: dir });
  const cookie = `__Host-arbor_session=${seeded.token}`;
  // The last full month before today, as a registrant would print it.
  const monthStart = `${addDays(`${lastDay.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  const monthEnd = addDays(`${lastDay.slice(0, 7)}-01`, -1);
  // The perpetual log as the Reports tab reads it: a month, a page (200 events) at a time.
  const perpetualPath = `/api/ledger/reports/perpetual?productKey=${VIAL.key}&from=${monthStart}&to=${monthEnd}`;
  const rows: Array<{ key: string; title: string; path: string }> = [
    { key: 'baseline', title: 'baseline: `GET /api/auth/me`', path: '/api/auth/me' },
    {
      key: 'containers',
      title: 'containers and balances `GET /api/ledger/containers`',
      path: '/api/ledger/containers',
    },
    {
      key: 'perpetual',
      title: `perpetual log, one month, a page of 200 \`GET ${perpetualPath}\``,
      path: perpetualPath,
    },
    {
      key: 'administrations',
      title: `administration log, one month, whole \`GET /api/ledger/reports/administrations?from=${monthStart}&to=${monthEnd}\``,
      path: `/api/ledger/reports/administrations?from=${monthStart}&to=${monthEnd}`,
    },
    {
      key: 'administrations',
      title: `administration log, one month, a page of 200 (the Reports tab) \`&limit=200\``,
      path: `/api/ledger/reports/administrations?from=${monthStart}&to=${monthEnd}&limit=200`,
    },
  ];
  // The administration log answers what the history holds for the month (and warms the route up).
  const month = (await (
    await fetch(`http://127.0.0.1:${port}${rows[3]!.path}`, { headers: { cookie } })
  ).json()) as { rows: { eventId: string }[] };
  assertSame(
    'administration log for a month',
    month.rows.map((r) => r.eventId),
    expectedAdministrations(history, monthStart, monthEnd, TIME_ZONE),
  );
  log(
    `checked: the administration log for ${monthStart}…${monthEnd} holds the month's ${month.rows.length} administrations`,
  );
  // Warm-up: every read once (and the baseline for a second), so the first request's compile is not timed.
  for (const r of rows)
    await load({ port, path: r.path, cookie, connections: 1, seconds: 1, maxRequests: 3 });
  const lines: string[] = [];
  const baselines = new Map<number, Figures>();
  for (const connections of connectionCounts) {
    let baseline: Figures | undefined;
    for (const r of rows) {
      // The baseline always runs: every other row is compared with it.
      if (r.key !== 'baseline' && !only.has(r.key)) continue;
      log(`running: ${r.key} (${connections} connections, ${seconds} s, at most ${maxRequests} requests)`);
      const f = figures(await load({ port, path: r.path, cookie, connections, seconds, maxRequests }));
      if (r.key === 'baseline') baselines.set(connections, (baseline = f));
      lines.push(row(r.title, connections, f, r.key === 'baseline' ? undefined : baseline));
    }
  }

  // The whole month through the service in this process: checked against the history, then timed a page
  // at a time (no HTTP).
  const extra: string[] = [];
  if (only.has('perpetual'))
    extra.push(
      await perpetualInProcess(
        ownerUrl,
        seeded.ids,
        monthStart,
        monthEnd,
        expectedPerpetual(history, VIAL.key, monthStart, monthEnd, TIME_ZONE),
      ),
    );

  let verifyLine = '';
  if (only.has('verify')) {
    const handle = await openDatabase(ownerUrl, { max: 2 });
    try {
      log('running: ledger verify (verifyLedger, in this process)');
      const tVerify = performance.now();
      const verdict = await verifyLedger(handle.db);
      const ms = performance.now() - tVerify;
      if (!verdict.ok)
        throw new Error(`ledger verify failed on the seeded history: ${JSON.stringify(verdict)}`);
      verifyLine = `ledger verify: ${verdict.events} events, ${verdict.containers} containers, ${verdict.clinics} clinic(s): ok in ${(ms / 1000).toFixed(2)} s (${Math.round((verdict.events * 1000) / ms)} events/s)`;
    } finally {
      await handle.close();
    }
  }

  log('');
  log(
    `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end; ${seconds} s per row, at most ${maxRequests} requests, audit on`,
  );
  log(seededLine);
  log(
    '| request | connections | n | req/s | p50 ms | p95 ms | max ms | KiB/response | p95 vs baseline | req/s vs baseline | goal p95 ≤ 30 ms | statuses |',
  );
  log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const line of lines) log(line);
  for (const line of extra) log(line);
  if (verifyLine) log(verifyLine);
} finally {
  await arbor?.stop().catch(() => undefined);
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
