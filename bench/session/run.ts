// Treatment session benchmark: chart entries and the live chair board, against real Arbor server
// processes on 127.0.0.1 (autocannon and the board clients here, the servers in other processes).
//   npm run bench:session   (ARBOR_BENCH_SECONDS per autocannon run, default 10, at most 60;
//                            ARBOR_BENCH_ONLY=vitals,fanout runs only some of baseline, board, vitals,
//                            single, fanout, refetch; ARBOR_BENCH_ENTRIES fan-out entries, default 200)
// Rows: an authenticated read as this run's baseline; the chair board read; a vitals entry at 32
// connections spread over 12 infusing sessions, and on one session; the chair-board fan-out (100 event
// streams on two Arbor processes sharing one database, entries posted alternately to each); the same
// boards fetching the board again on every event, as the web app does.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { startArborProcess, type ArborProcess } from '../arbor-process.js';
import { benchActor, benchDeps, freePort } from '../bench-kit.js';
import { openDatabase } from '../../src/db/client.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createClinicWithAdmin } from '../../src/server/capabilities/clinic/index.js';
import { changeDoseStatus, orderDose, previewDose } from '../../src/server/capabilities/dosing/index.js';
import { createSession } from '../../src/server/shared/session.js';

const seconds = Math.min(60, Number(process.env.ARBOR_BENCH_SECONDS ?? 10));
const only = new Set(
  (process.env.ARBOR_BENCH_ONLY ?? 'baseline,board,vitals,single,fanout,refetch')
    .split(',')
    .map((x) => x.trim()),
);
const fanoutEntries = Math.min(2000, Number(process.env.ARBOR_BENCH_ENTRIES ?? 200));
const connections = 32;
const chairs = 12;
const boards = 100;
const fanoutRate = 20; // entries per second during the fan-out
const refetchEntries = 10;
const refetchRate = 0.5;
const vitalsLine = '128/82 72 98 14';
const log = (line: string) => process.stdout.write(`${line}\n`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------
// Seed: a clinic with a physician (orders doses), a nurse (verifies them and charts), and one patient
// per session. Two clinics: one takes the load rows, the other has the chair board of the fan-out
// rows, so its 12 sessions keep the size of a clinic day however long the load rows run. Each patient's IV dose is previewed, ordered, verified and marked ready through the
// dosing capability; each session is written straight to the tables as a session that has been
// checked in, had its checklist completed and its pump started at the dose's rate 15 minutes ago.
// ---------------------------------------------------------------------------------------------------

interface Seeded {
  nurseToken: string;
  /** The clinic's infusing sessions, Chair 1 first. */
  sessions: string[];
}

async function seed(ownerUrl: string, name: string, sessionCount: number): Promise<Seeded> {
  const handle = await openDatabase(ownerUrl, { max: 4 });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const q = (text: string, values: unknown[] = []) => client.query(text, values);
    const { clinicId, userId: physicianId } = await handle.db.transaction((tx) =>
      createClinicWithAdmin(tx, {
        clinicName: `Session Bench ${name}`,
        email: `session-bench.md.${name}@example.test`,
        displayName: 'Bench MD',
        password: 'correct horse battery staple',
        role: 'physician',
      }),
    );
    const { rows: nurseRows } = await q(
      `INSERT INTO users (clinic_id, email, display_name, role, password_hash)
       VALUES ($1, $2, 'Bench RN', 'nurse', 'x') RETURNING id`,
      [clinicId, `session-bench.rn.${name}@example.test`],
    );
    const nurseId = nurseRows[0].id as string;
    const { rows: patientRows } = await q(
      `INSERT INTO patients (clinic_id, mrn, legal_given_name, legal_family_name, birth_date, sex_at_birth)
       SELECT $1, 'S' || lpad(g::text, 7, '0'), 'Bench', 'Patient ' || g, '1980-01-01', 'female'
       FROM generate_series(1, $2::int) g RETURNING id`,
      [clinicId, sessionCount],
    );
    const deps = benchDeps(handle.db, log);
    const actor = (userId: string, role: 'nurse' | 'physician') => benchActor(clinicId, userId, role);
    const physician = actor(physicianId, 'physician');
    const nurse = actor(nurseId, 'nurse');
    const inputs = {
      protocol: { origin: 'library' as const, id: 'iv-depression', version: 1 },
      stepId: 'standard',
      patient: { weight: { value: 70, unit: 'kg' }, height: { value: 170, unit: 'cm' }, sex: 'female' },
      preparation: { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } },
    };
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
    const sessions: string[] = [];
    for (const [index, { id: patientId }] of (patientRows as Array<{ id: string }>).entries()) {
      const preview = await previewDose(deps, physician, patientId, inputs);
      const dose = await orderDose(deps, physician, patientId, {
        ...inputs,
        confirmTotalMg: preview.dose.totalMg,
      });
      await changeDoseStatus(deps, nurse, dose.id, 'verify', { note: 'bench: second-clinician check' });
      await changeDoseStatus(deps, nurse, dose.id, 'mark-ready', {});
      const pumpRate = (preview.dose as { pumpRateMlPerHour?: number | null }).pumpRateMlPerHour ?? 150;
      const { rows } = await q(
        `INSERT INTO treatment_sessions
           (clinic_id, patient_id, kind, state, version, chair_label, dose_id, checked_in_at, checked_in_by, updated_at)
         VALUES ($1, $2, 'iv_ketamine', 'infusing', 4, $3, $4, $5, $6, $7) RETURNING id`,
        [clinicId, patientId, `Chair ${index + 1}`, dose.id, at(25), nurseId, at(15)],
      );
      const sessionId = rows[0].id as string;
      sessions.push(sessionId);
      const entries: Array<[string, object, Date, string]> = [
        ['action', { action: 'check_in', appointmentId: null }, at(25), 'checked_in'],
        [
          'checklist',
          {
            answers: {
              identifiers: ['name', 'date_of_birth'],
              fasting: { followedInstructions: true, hoursSinceFood: 6, minutesSinceLiquid: 120 },
              escortConfirmed: true,
              transportConfirmed: true,
              noDrivingAcknowledged: true,
              canBePregnant: false,
              medicationsReviewed: true,
              weightKg: 70,
              baselineVitals: { systolic: 128, diastolic: 82, heartRate: 72, spo2: 98, respiratoryRate: 14 },
              suicideRiskReviewed: true,
            },
          },
          at(22),
          'checked_in',
        ],
        ['action', { action: 'complete_checklist' }, at(18), 'checklist_done'],
        [
          'action',
          { action: 'start', doseId: dose.id, rate: { value: pumpRate, unit: 'mL/h' } },
          at(15),
          'infusing',
        ],
      ];
      for (const [version, [type, payload, eventAt, stateAfter]] of entries.entries())
        await q(
          `INSERT INTO session_entries
             (clinic_id, session_id, patient_id, client_entry_id, type, payload, event_at, recorded_at, recorded_by, state_after, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10)`,
          [
            clinicId,
            sessionId,
            patientId,
            randomUUID(),
            type,
            JSON.stringify(payload),
            eventAt,
            nurseId,
            stateAfter,
            version + 1,
          ],
        );
    }
    await q('VACUUM ANALYZE');
    const nurseToken = await createSession(handle.db, {
      clinicId,
      userId: nurseId,
      stage: 'full',
      clientIp: '127.0.0.1',
      userAgent: 'bench',
      now: new Date(),
    });
    return { nurseToken, sessions };
  } finally {
    await client.end();
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Load rows (autocannon)
// ---------------------------------------------------------------------------------------------------

interface Run {
  result: autocannon.Result;
  times: number[];
  statuses: Map<number, number>;
}

function run(
  port: number,
  title: string,
  request: () => { method: 'GET' | 'POST'; path: string; body?: string },
  cookie: string,
  duration = seconds,
): Promise<Run> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration,
        headers: { cookie, 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
        requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
      },
      (error, result) => (error ? reject(error) : resolve({ result, times, statuses })),
    );
    instance.on('response', (_c: unknown, status: number, _b: number, responseTime: number) => {
      times.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    log(`running: ${title} (${connections} connections, ${duration} s)`);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(title: string, { result, times, statuses }: Run) {
  const sorted = [...times].sort((a, b) => a - b);
  const codes = [...statuses.entries()].map(([k, v]) => `${k} × ${v}`).join(', ');
  const errors = result.errors + result.timeouts;
  return `| ${title} | ${Math.round(result.requests.average)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${codes}${errors ? `, errors ${errors}` : ''} |`;
}

const vitalsRequest = (sessions: string[]) => {
  const paths = sessions.map((id) => `/api/sessions/${id}/entries`);
  let i = 0;
  return () => ({
    method: 'POST' as const,
    path: paths[i++ % paths.length]!,
    body: JSON.stringify({ type: 'vitals', clientEntryId: randomUUID(), line: vitalsLine }),
  });
};

// ---------------------------------------------------------------------------------------------------
// Chair-board fan-out: event-stream clients and paced entries
// ---------------------------------------------------------------------------------------------------

interface Board {
  request: http.ClientRequest;
  /** `${sessionId}:${version}` → when this board received the event (performance.now()). */
  received: Map<string, number>;
  onEvent?: (sessionId: string, version: number) => void;
}

/** Opens an event stream and resolves once the server says it is connected (it listens by then). */
function openBoard(port: number, cookie: string): Promise<Board> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port,
        path: '/api/sessions/board/stream',
        headers: { cookie, accept: 'text/event-stream' },
        agent: false,
      },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`board stream answered ${response.statusCode}`));
          response.resume();
          return;
        }
        const board: Board = { request, received: new Map() };
        let buffer = '';
        let connected = false;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const now = performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!connected && block.includes(': connected')) {
              connected = true;
              resolve(board);
            }
            const lines = block.split('\n');
            if (!lines.includes('event: session')) continue;
            const data = lines.find((l) => l.startsWith('data: '));
            if (!data) continue;
            const change = JSON.parse(data.slice(6)) as { sessionId: string; version: number };
            const key = `${change.sessionId}:${change.version}`;
            if (!board.received.has(key)) board.received.set(key, now);
            board.onEvent?.(change.sessionId, change.version);
          }
        });
        response.on('error', () => undefined);
      },
    );
    request.on('error', reject);
    request.setTimeout(60_000, () => request.destroy(new Error('board stream timed out')));
  });
}

interface Posted {
  key: string;
  sessionId: string;
  version: number;
  startedAt: number;
  answeredAt: number;
  status: number;
}

async function postVitals(port: number, cookie: string, sessionId: string): Promise<Posted> {
  const startedAt = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/sessions/${sessionId}/entries`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify({ type: 'vitals', clientEntryId: randomUUID(), line: vitalsLine }),
  });
  const view = (await response.json()) as { version?: number };
  const answeredAt = performance.now();
  const version = view.version ?? -1;
  return {
    key: `${sessionId}:${version}`,
    sessionId,
    version,
    startedAt,
    answeredAt,
    status: response.status,
  };
}

/** Posts `count` entries at `perSecond`, alternately to each port, round-robin over the sessions. */
async function paced(
  ports: number[],
  cookie: string,
  sessions: string[],
  count: number,
  perSecond: number,
): Promise<Posted[]> {
  const posts: Array<Promise<Posted>> = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i += 1) {
    const due = t0 + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    posts.push(postVitals(ports[i % ports.length]!, cookie, sessions[i % sessions.length]!));
  }
  return Promise.all(posts);
}

/** Percentiles of delays; a pair never seen before the deadline counts as Infinity ("not seen"). */
function latencyLine(title: string, values: number[], extra: string) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => (v === Infinity ? 'not seen' : v.toFixed(1));
  return `| ${title} | ${sorted.length} | ${f(percentile(sorted, 50))} | ${f(percentile(sorted, 95))} | ${f(percentile(sorted, 99))} | ${f(sorted.at(-1) ?? NaN)} | ${extra} |`;
}

async function fanout(ports: number[], cookie: string, sessions: string[]) {
  log(`opening ${boards} board streams, ${boards / ports.length} on each of ${ports.length} servers`);
  const list: Board[] = [];
  for (let i = 0; i < boards; i += 1) list.push(await openBoard(ports[i % ports.length]!, cookie));
  await sleep(500);
  const lines: string[] = [];
  try {
    log(`running: fan-out, ${fanoutEntries} vitals entries at ${fanoutRate}/s, alternately to each server`);
    const posted = await paced(ports, cookie, sessions, fanoutEntries, fanoutRate);
    const expected = posted.filter((p) => p.status === 201);
    // Wait for stragglers: at most 5 s after the last answer.
    const deadline = performance.now() + 5000;
    const complete = () => list.every((b) => expected.every((p) => b.received.has(p.key)));
    while (!complete() && performance.now() < deadline) await sleep(50);
    const delays: number[] = [];
    const lastBoard: number[] = [];
    let delivered = 0;
    for (const p of expected) {
      let last = 0;
      for (const b of list) {
        const at = b.received.get(p.key);
        if (at === undefined) continue;
        delivered += 1;
        delays.push(at - p.startedAt);
        last = Math.max(last, at - p.startedAt);
      }
      lastBoard.push(last);
    }
    const fraction = `${delivered} / ${expected.length * list.length} delivered (${((100 * delivered) / Math.max(1, expected.length * list.length)).toFixed(2)}%)`;
    const statuses = new Map<number, number>();
    for (const p of posted) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
    const codes = [...statuses.entries()].map(([k, v]) => `${k} × ${v}`).join(', ');
    lines.push(
      latencyLine(
        'entry answered (post start → response)',
        posted.map((p) => p.answeredAt - p.startedAt),
        codes,
      ),
    );
    lines.push(latencyLine('event at a board (post start → event), every board × entry', delays, fraction));
    lines.push(latencyLine('event at the last of the 100 boards, per entry', lastBoard, ''));
  } finally {
    for (const b of list) b.request.destroy();
  }
  return lines;
}

/**
 * The web app's board: on every event it fetches `GET /api/sessions/board` again (TanStack Query
 * invalidation; a refetch while one is in flight replaces it). Measured: post start → the first board
 * response that shows the session at the posted version or later, for every board × entry.
 */
async function refetching(ports: number[], cookie: string, sessions: string[]) {
  log(`opening ${boards} board streams that fetch the board again on every event`);
  const list: Array<Board & { shown: Map<string, number> }> = [];
  let fetches = 0;
  let failed = 0;
  for (let i = 0; i < boards; i += 1) {
    const port = ports[i % ports.length]!;
    const board = Object.assign(await openBoard(port, cookie), { shown: new Map<string, number>() });
    let inFlight: AbortController | null = null;
    const refresh = () => {
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      fetches += 1;
      fetch(`http://127.0.0.1:${port}/api/sessions/board`, { headers: { cookie }, signal: controller.signal })
        .then(async (response) => {
          const body = (await response.json()) as { items: Array<{ sessionId: string; version: number }> };
          const now = performance.now();
          for (const item of body.items)
            if (!board.shown.has(`${item.sessionId}:${item.version}`))
              board.shown.set(`${item.sessionId}:${item.version}`, now);
          if (inFlight === controller) inFlight = null;
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error && error.name === 'AbortError')) failed += 1;
        });
    };
    board.onEvent = () => refresh();
    list.push(board);
  }
  await sleep(500);
  const lines: string[] = [];
  try {
    log(`running: board refetch, ${refetchEntries} vitals entries at ${refetchRate}/s`);
    const posted = await paced(ports, cookie, sessions, refetchEntries, refetchRate);
    const expected = posted.filter((p) => p.status === 201);
    const deadline = performance.now() + 15_000;
    const shown = (b: (typeof list)[number], p: Posted) => b.shown.has(p.key);
    while (!list.every((b) => expected.every((p) => shown(b, p))) && performance.now() < deadline)
      await sleep(100);
    const delays: number[] = [];
    let delivered = 0;
    for (const p of expected)
      for (const b of list) {
        // A later version of the session shown first also shows this entry.
        let at: number | undefined;
        for (const [key, t] of b.shown) {
          const [id, v] = key.split(':');
          if (id === p.sessionId && Number(v) >= p.version && (at === undefined || t < at)) at = t;
        }
        if (at === undefined) {
          delays.push(Infinity);
          continue;
        }
        delivered += 1;
        delays.push(at - p.startedAt);
      }
    lines.push(
      latencyLine(
        `board shows the entry (post start → refetched board), every board × entry`,
        delays,
        `${delivered} / ${expected.length * list.length} shown within 15 s of the last post; ${fetches} board fetches started, ${failed} failed`,
      ),
    );
  } finally {
    for (const b of list) b.request.destroy();
  }
  return lines;
}

/**
 * ARBOR_BENCH_WAITS=1: what the database's connections are doing during the vitals row, sampled every
 * 10 ms from pg_stat_activity (state and wait event of every Arbor connection). Returns a function that
 * stops sampling and gives the tally.
 */
async function sampleWaits(ownerUrl: string): Promise<() => Promise<string>> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const tally = new Map<string, number>();
  let samples = 0;
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const { rows } = await client.query<{ what: string; n: string }>(
        `SELECT coalesce(state, '?') || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'running') AS what,
                count(*)::text AS n
         FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
         GROUP BY 1`,
      );
      samples += 1;
      for (const r of rows) tally.set(r.what, (tally.get(r.what) ?? 0) + Number(r.n));
      await sleep(10);
    }
  })();
  return async () => {
    stop = true;
    await loop;
    await client.end();
    return [
      `database connections during the vitals row (mean over ${samples} samples):`,
      ...[...tally.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([what, n]) => `  ${(n / samples).toFixed(2)}  ${what}`),
    ].join('\n');
  };
}

// ---------------------------------------------------------------------------------------------------

await mkdir(path.resolve('.test-data'), { recursive: true });
const dir = await mkdtemp(path.join(path.resolve('.test-data'), 'bench-session-'));
const pgPort = await freePort(58900, 58999);
const server = await startEmbeddedPostgres({ dir, port: pgPort });
const arbors: ArborProcess[] = [];
try {
  await ensureDatabase(server.ownerUrl, 'arbor');
  const ownerUrl = server.ownerUrl('arbor');
  await runMigrations(ownerUrl);
  const started = Date.now();
  const loadClinic = await seed(ownerUrl, 'load', chairs + 1);
  const boardClinic = await seed(ownerUrl, 'board', chairs);
  const load = loadClinic.sessions.slice(0, chairs);
  const single = loadClinic.sessions[chairs]!;
  log(
    `seeded two clinics, ${chairs + 1} and ${chairs} infusing IV sessions (a verified dose each), in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const portA = await freePort(3900, 3949);
  arbors.push(await startArborProcess({ databaseUrl: ownerUrl, port: portA, dataDir: dir }));
  const portB = await freePort(3950, 3999);
  arbors.push(await startArborProcess({ databaseUrl: ownerUrl, port: portB, dataDir: dir }));
  const cookie = `__Host-arbor_session=${loadClinic.nurseToken}`;
  const boardCookie = `__Host-arbor_session=${boardClinic.nurseToken}`;

  // A probe: one vitals entry answers 201 with the whole session view.
  const probe = await postVitals(portA, cookie, load[0]!);
  if (probe.status !== 201) throw new Error(`probe entry answered ${probe.status}`);
  const view = await (
    await fetch(`http://127.0.0.1:${portA}/api/sessions/${load[0]}`, { headers: { cookie } })
  ).text();
  const parsed = JSON.parse(view) as { pk: { tMinutesFromStart: unknown[] } | null };
  log(
    `probe: session view ${(view.length / 1024).toFixed(1)} KiB, PK overlay ${parsed.pk ? `${parsed.pk.tMinutesFromStart.length} points` : 'none'}`,
  );

  const results: string[] = [];
  const me = () => ({ method: 'GET' as const, path: '/api/auth/me' });
  await run(portA, 'warm-up', me, cookie, 3);
  if (only.has('baseline'))
    results.push(summary('baseline: `GET /api/auth/me`', await run(portA, 'baseline', me, cookie)));
  if (only.has('board'))
    results.push(
      summary(
        `chair board \`GET /api/sessions/board\` (${chairs} sessions, 4 entries each)`,
        await run(portA, 'board', () => ({ method: 'GET', path: '/api/sessions/board' }), boardCookie),
      ),
    );
  if (only.has('vitals')) {
    await run(portA, 'warm-up', vitalsRequest(load), cookie, 2);
    const waits = process.env.ARBOR_BENCH_WAITS ? await sampleWaits(ownerUrl) : undefined;
    results.push(
      summary(
        `vitals entry \`POST /api/sessions/:id/entries\`, ${chairs} infusing sessions (audit on)`,
        await run(portA, 'vitals', vitalsRequest(load), cookie),
      ),
    );
    if (waits) log(await waits());
  }
  if (only.has('single'))
    results.push(
      summary(
        'vitals entry, all on one session',
        await run(portA, 'single', vitalsRequest([single]), cookie),
      ),
    );
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const counts = async (sessions: string[]) =>
    (
      await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM session_entries WHERE session_id = ANY($1::uuid[]) GROUP BY session_id`,
        [sessions],
      )
    ).rows.map((r) => Number(r.n));
  const afterLoad = await counts(loadClinic.sessions);
  const grown = await (
    await fetch(`http://127.0.0.1:${portA}/api/sessions/${load[0]}`, { headers: { cookie } })
  ).text();
  const fanoutLines: string[] = [];
  const ports = [portA, portB];
  if (only.has('fanout')) fanoutLines.push(...(await fanout(ports, boardCookie, boardClinic.sessions)));
  if (only.has('refetch')) fanoutLines.push(...(await refetching(ports, boardCookie, boardClinic.sessions)));
  const afterBoard = await counts(boardClinic.sessions);
  const { rows: audit } = await client.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM audit_log WHERE entity = 'session.entry'`,
  );
  await client.end();

  log('');
  log(
    `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end; ${connections} connections, ${seconds} s per run, audit on`,
  );
  log('| request | req/s | p50 ms | p95 ms | p99 ms | statuses |');
  log('|---|---|---|---|---|---|');
  for (const line of results) log(line);
  if (fanoutLines.length > 0) {
    log('');
    log(`chair-board fan-out: ${boards} boards, two Arbor processes on one database, ${chairs} sessions`);
    log('| measure (ms) | n | p50 | p95 | p99 | max | |');
    log('|---|---|---|---|---|---|---|');
    for (const line of fanoutLines) log(line);
  }
  log('');
  log(
    `entries per session after the load rows: ${Math.min(...afterLoad)}–${Math.max(...afterLoad)} (a load session's view is then ${(grown.length / 1024).toFixed(1)} KiB); on the fan-out clinic's board at the end: ${Math.min(...afterBoard)}–${Math.max(...afterBoard)}; session entries audited: ${audit[0]?.n}`,
  );
} finally {
  for (const arbor of arbors) await arbor.stop().catch(() => undefined);
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
