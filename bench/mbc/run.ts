// Trajectory benchmark (measurement-based care; results in docs/benchmarks.md): one patient with 500
// PHQ-9 responses and 12 infusion dates, 32 connections for a bounded time against a real Arbor
// process on 127.0.0.1, audit on.
//   npm run bench:mbc        (ARBOR_BENCH_SECONDS, ARBOR_BENCH_RESPONSES to change the run)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startArborProcess, type ArborProcess } from '../arbor-process.js';
import { freePort } from '../bench-kit.js';
import { openDatabase } from '../../src/db/client.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { runMigrations } from '../../src/db/migrate.js';
import { measurementAnchors } from '../../src/db/schema-measurement.js';
import { patients } from '../../src/db/schema.js';
import { getInstrument, scoreResponse } from '../../src/domain/instruments/index.js';
import { seededRandom } from '../../src/domain/patients/synthetic-patients.js';
import { storeScoredResponse } from '../../src/server/capabilities/measurement/index.js';
import { createSession } from '../../src/server/shared/session.js';
import { createClinicWithAdmin } from '../../src/server/capabilities/clinic/index.js';

const responseCount = Number(process.env.ARBOR_BENCH_RESPONSES ?? 500);
const seconds = Math.min(60, Number(process.env.ARBOR_BENCH_SECONDS ?? 10));
const connections = 32;
const log = (line: string) => process.stdout.write(`${line}\n`);

async function seed(ownerUrl: string) {
  const handle = await openDatabase(ownerUrl, { max: 2 });
  const random = seededRandom(4);
  const { clinicId, userId } = await handle.db.transaction((tx) =>
    createClinicWithAdmin(tx, {
      clinicName: 'Bench Clinic',
      email: 'bench.md@example.test',
      displayName: 'Bench MD',
      password: 'correct horse battery staple',
      role: 'physician',
    }),
  );
  const [patient] = await handle.db
    .insert(patients)
    .values({
      clinicId,
      mrn: 'A0000001',
      legalGivenName: 'Bench',
      legalFamilyName: 'Patient',
      birthDate: '1980-01-01',
      sexAtBirth: 'female',
    })
    .returning();
  const def = getInstrument('phq9')!;
  const start = Date.now() - responseCount * 86_400_000;
  const began = Date.now();
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < responseCount; i++) {
      // A falling trend with noise, so response and remission are reached part way.
      const level = Math.max(0, 2.4 - (2 * i) / responseCount);
      const answers = Object.fromEntries(
        Array.from({ length: 9 }, (_, k) => [
          `item${k + 1}`,
          Math.max(0, Math.min(3, Math.round(level + (random() - 0.5) * 1.5) - (k === 8 ? 2 : 0))),
        ]),
      );
      const scored = scoreResponse('phq9', answers);
      if (!scored.ok) throw new Error(JSON.stringify(scored.errors));
      const at = new Date(start + i * 86_400_000);
      await storeScoredResponse(tx, {
        clinicId,
        patientId: patient!.id,
        def,
        answers,
        result: scored.result,
        source: 'staff',
        administeredAt: at,
        recordedAt: at,
        recordedBy: userId,
      });
    }
    for (let i = 0; i < 12; i++) {
      await tx.insert(measurementAnchors).values({
        clinicId,
        patientId: patient!.id,
        at: new Date(start + (1 + i * 3) * 86_400_000),
        label: `Infusion ${i + 1}`,
        createdBy: userId,
      });
    }
  });
  log(`seeded ${responseCount} scored responses in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  // The steady state autovacuum reaches by itself: statistics and the visibility map are current.
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query('VACUUM ANALYZE');
  await owner.end();
  const token = await createSession(handle.db, {
    clinicId,
    userId,
    stage: 'full',
    clientIp: '127.0.0.1',
    userAgent: 'bench',
    now: new Date(),
  });
  await handle.close();
  return { token, patientId: patient!.id };
}

function run(
  port: number,
  requestPath: string,
  cookie: string,
  duration: number,
  extraHeaders: Record<string, string> = {},
): Promise<{ result: autocannon.Result; times: number[] }> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}${requestPath}`,
        connections,
        duration,
        headers: { cookie, ...extraHeaders },
      },
      (error, result) => (error ? reject(error) : resolve({ result, times })),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      times.push(responseTime),
    );
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'arbor-bench-mbc-'));
const pgPort = await freePort(55800, 55899);
const httpPort = await freePort(3400, 3499);
const server = await startEmbeddedPostgres({ dir, port: pgPort });
let arbor: ArborProcess | undefined;
try {
  await ensureDatabase(server.ownerUrl, 'arbor');
  const ownerUrl = server.ownerUrl('arbor');
  await runMigrations(ownerUrl);
  const { token, patientId } = await seed(ownerUrl);
  if (process.env.ARBOR_BENCH_EXPLAIN) {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const { rows } = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT
        (SELECT count(*) FROM assessment_responses r WHERE r.clinic_id = p.clinic_id AND r.patient_id = p.id)::text || '|' ||
        (SELECT count(*)::text || '/' || count(a.cancelled_at)::text FROM measurement_anchors a WHERE a.clinic_id = p.clinic_id AND a.patient_id = p.id) || '|' ||
        (SELECT md5(c.settings::text) FROM clinics c WHERE c.id = p.clinic_id) AS v
       FROM patients p WHERE p.id = $1`,
      [patientId],
    );
    log(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
    await client.end();
  }
  arbor = await startArborProcess({ databaseUrl: ownerUrl, port: httpPort, dataDir: dir });
  const cookie = `__Host-arbor_session=${token}`;
  const requestPath = `/api/patients/${patientId}/trajectory?instrument=phq9`;
  const probe = await fetch(`http://127.0.0.1:${httpPort}${requestPath}`, { headers: { cookie } });
  const body = (await probe.json()) as { points: unknown[]; outcomes: { response: { met: boolean } } };
  if (probe.status !== 200 || body.points.length !== responseCount)
    throw new Error(`probe failed: ${probe.status}`);
  log(
    `probe: ${body.points.length} points, ${(JSON.stringify(body).length / 1024).toFixed(0)} KiB, response met: ${body.outcomes.response.met}`,
  );
  // Browsers always offer gzip; the plain run shows the cost of the uncompressed body.
  const browser = { 'accept-encoding': 'gzip, deflate, br' };
  await run(httpPort, requestPath, cookie, 3, browser);
  log(
    `running: GET ${requestPath.replace(patientId, ':id')} as a browser asks (gzip) (${connections} connections, ${seconds} s)`,
  );
  const { result, times } = await run(httpPort, requestPath, cookie, seconds, browser);
  const sorted = times.sort((a, b) => a - b);
  log(`running: the same without Accept-Encoding`);
  const plain = await run(httpPort, requestPath, cookie, seconds);
  const plainSorted = plain.times.sort((a, b) => a - b);
  // The same server's plainest audited read, for scale: what session check and audit cost alone.
  log(`running: GET /api/patients/:id (${connections} connections, ${seconds} s)`);
  const chart = await run(httpPort, `/api/patients/${patientId}`, cookie, seconds);
  const chartSorted = chart.times.sort((a, b) => a - b);
  log('');
  log(
    `${responseCount} responses, ${connections} connections, ${seconds} s, audit on, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'})`,
  );
  log('| request | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx/errors |');
  log('|---|---|---|---|---|---|---|');
  log(
    `| trajectory \`GET /api/patients/:id/trajectory?instrument=phq9\`, gzip | ${Math.round(result.requests.average)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${sorted.at(-1)?.toFixed(1)} | ${result.non2xx + result.errors} |`,
  );
  log(
    `| the same, uncompressed | ${Math.round(plain.result.requests.average)} | ${percentile(plainSorted, 50).toFixed(1)} | ${percentile(plainSorted, 95).toFixed(1)} | ${percentile(plainSorted, 99).toFixed(1)} | ${plainSorted.at(-1)?.toFixed(1)} | ${plain.result.non2xx + plain.result.errors} |`,
  );
  log(
    `| for scale: chart read \`GET /api/patients/:id\` | ${Math.round(chart.result.requests.average)} | ${percentile(chartSorted, 50).toFixed(1)} | ${percentile(chartSorted, 95).toFixed(1)} | ${percentile(chartSorted, 99).toFixed(1)} | ${chartSorted.at(-1)?.toFixed(1)} | ${chart.result.non2xx + chart.result.errors} |`,
  );
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM audit_log WHERE entity = 'assessment.trajectory'`,
  );
  log(`trajectory reads audited: ${rows[0]?.n}`);
  await client.end();
} finally {
  await arbor?.stop();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
