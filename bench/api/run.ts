// Registry benchmark: 100,000 synthetic patients, audit on, 32 connections against a real
// Arbor server process on 127.0.0.1 (autocannon runs in this process, the server in another).
//   npm run bench            (ARBOR_BENCH_PATIENTS, ARBOR_BENCH_SECONDS to change the size;
//                             ARBOR_BENCH_ONLY=search,dob to run only some rows: chart, search, dob)
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startArborProcess, type ArborProcess } from '../arbor-process.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { runMigrations } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/client.js';
import { seededRandom, syntheticPatient } from '../../src/domain/patients/synthetic-patients.js';
import { formatMrn } from '../../src/domain/patients/medical-record-number.js';
import { createClinicWithAdmin } from '../../src/server/capabilities/clinic/index.js';
import { createSession } from '../../src/server/shared/session.js';

const patientCount = Number(process.env.ARBOR_BENCH_PATIENTS ?? 100_000);
const seconds = Number(process.env.ARBOR_BENCH_SECONDS ?? 15);
const connections = 32;
const only = new Set((process.env.ARBOR_BENCH_ONLY ?? 'chart,search,dob').split(',').map((s) => s.trim()));
const port = 3990;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function seed(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const random = seededRandom(7);
  const handle = await openDatabase(ownerUrl, { max: 2 });
  const { clinicId, userId } = await handle.db.transaction((tx) =>
    createClinicWithAdmin(tx, {
      clinicName: 'Bench Clinic',
      email: 'bench@example.test',
      displayName: 'Bench',
      password: 'correct horse battery staple',
    }),
  );
  const started = Date.now();
  const batch = 1000;
  for (let offset = 0; offset < patientCount; offset += batch) {
    const rows = [];
    for (let i = offset; i < Math.min(offset + batch, patientCount); i++) {
      const p = syntheticPatient(random, i, '2026-11-24');
      rows.push({ ...p, clinic_id: clinicId, mrn: formatMrn(i + 1) });
    }
    await client.query(
      `INSERT INTO patients (clinic_id, mrn, legal_given_name, legal_family_name, preferred_name, birth_date, sex_at_birth, pronouns, phone, email, address, emergency_contact, referring_clinician, conditions, alerts, care_status)
       SELECT clinic_id, mrn, legal_given_name, legal_family_name, preferred_name, birth_date, sex_at_birth, pronouns, phone, email, address, emergency_contact, referring_clinician, conditions, alerts, care_status
       FROM json_populate_recordset(NULL::patients, $1::json)`,
      [
        JSON.stringify(
          rows.map((r) => ({
            clinic_id: r.clinic_id,
            mrn: r.mrn,
            legal_given_name: r.legalGivenName,
            legal_family_name: r.legalFamilyName,
            preferred_name: r.preferredName,
            birth_date: r.birthDate,
            sex_at_birth: r.sexAtBirth,
            pronouns: r.pronouns,
            phone: r.phone,
            email: r.email,
            address: r.address,
            emergency_contact: r.emergencyContact,
            referring_clinician: r.referringClinician,
            conditions: r.conditions,
            alerts: r.alerts,
            care_status: r.careStatus,
          })),
        ),
      ],
    );
    if ((offset / batch) % 10 === 0) process.stdout.write(`\rseeding ${offset + batch} / ${patientCount}`);
  }
  // A live registry is vacuumed by autovacuum; a freshly bulk-loaded one is not, and its index-only
  // scans (name search) would visit the heap until it is. Measure the steady state.
  await client.query('VACUUM ANALYZE');
  log(`\nseeded ${patientCount} patients in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const token = await createSession(handle.db, {
    clinicId,
    userId,
    stage: 'full',
    clientIp: '127.0.0.1',
    userAgent: 'bench',
    now: new Date(),
  });
  const { rows: ids } = await client.query<{ id: string }>(
    'SELECT id FROM patients ORDER BY random() LIMIT 2000',
  );
  await handle.close();
  await client.end();
  return { token, ids: ids.map((r) => r.id) };
}

interface Run {
  result: autocannon.Result;
  /** Every response time (ms): autocannon's summary has no p95. */
  times: number[];
}

function run(title: string, requests: () => string, cookie: string): Promise<Run> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        headers: { cookie },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: requests() }) }],
      },
      (error, result) => (error ? reject(error) : resolve({ result, times })),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      times.push(responseTime),
    );
    log(`running: ${title} (${connections} connections, ${seconds} s)`);
  });
}

function percentile(sorted: number[], p: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN).toFixed(1);
}

function summary(title: string, { result, times }: Run) {
  const sorted = [...times].sort((a, b) => a - b);
  const non2xx = result.non2xx + result.errors;
  return `| ${title} | ${Math.round(result.requests.average)} | ${percentile(sorted, 50)} | ${percentile(sorted, 95)} | ${percentile(sorted, 99)} | ${non2xx} |`;
}

// .test-data is git-ignored scratch that a test run also uses; a fresh clone does not have it yet.
await mkdir(path.resolve('.test-data'), { recursive: true });
const dir = await mkdtemp(path.join(path.resolve('.test-data'), 'bench-'));
const server = await startEmbeddedPostgres({ dir, port: 58990 });
let arbor: ArborProcess | undefined;
try {
  await ensureDatabase(server.ownerUrl, 'arbor');
  const ownerUrl = server.ownerUrl('arbor');
  await runMigrations(ownerUrl);
  const { token, ids } = await seed(ownerUrl);
  if (process.env.ARBOR_BENCH_EXPLAIN) {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const plan = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT p.id, page.total FROM (
         SELECT id, family, given, count(*) OVER () AS total FROM (
           SELECT DISTINCT ON (id) id, family, given FROM (
             (SELECT id, legal_family_name AS family, legal_given_name AS given FROM patients
              WHERE active AND lower(legal_family_name) LIKE 'smith%' LIMIT 501)
             UNION ALL
             (SELECT id, legal_family_name, legal_given_name FROM patients
              WHERE active AND lower(legal_given_name) LIKE 'smith%' LIMIT 501)
             UNION ALL
             (SELECT id, legal_family_name, legal_given_name FROM patients
              WHERE active AND lower(preferred_name) LIKE 'smith%' LIMIT 501)) branches
           ORDER BY id LIMIT 501) c
         ORDER BY family, given, id LIMIT 25) page
       JOIN patients p ON p.id = page.id ORDER BY page.family, page.given, page.id`,
    );
    log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
  arbor = await startArborProcess({ databaseUrl: ownerUrl, port, dataDir: dir });
  const cookie = `__Host-arbor_session=${token}`;
  const random = seededRandom(11);
  // What a front desk types: a surname, a surname and a first name, or the start of a surname.
  const names = [
    'smith',
    'nguyen maya',
    'okafor',
    'garcia luis',
    'kowal',
    'lindqvist',
    'cohen ravi',
    'tanaka',
    'hughes grace',
    'petrov',
  ];
  const results: string[] = [];
  // Warm-up, then the measured runs.
  await run('warm-up', () => `/api/patients/${ids[Math.floor(random() * ids.length)]}`, cookie);
  if (only.has('chart')) {
    const chart = await run(
      'chart read',
      () => `/api/patients/${ids[Math.floor(random() * ids.length)]}`,
      cookie,
    );
    results.push(summary('chart read `GET /api/patients/:id`', chart));
  }
  if (only.has('search')) {
    const search = await run(
      'search',
      () => `/api/patients?q=${encodeURIComponent(names[Math.floor(random() * names.length)]!)}`,
      cookie,
    );
    results.push(summary('name search `GET /api/patients?q=…`', search));
  }
  if (only.has('dob')) {
    const dob = await run(
      'dob search',
      () =>
        `/api/patients?q=19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      cookie,
    );
    results.push(summary('date-of-birth search', dob));
  }
  log('');
  log(`${patientCount} patients, ${connections} connections, ${seconds} s per run, audit on`);
  log('| request | req/s | p50 ms | p95 ms | p99 ms | non-2xx/errors |');
  log('|---|---|---|---|---|---|');
  for (const line of results) log(line);
  const audit = new pg.Client({ connectionString: ownerUrl });
  await audit.connect();
  const { rows } = await audit.query<{ n: string }>('SELECT count(*) AS n FROM audit_log');
  log(`audit rows written during the runs: ${rows[0]?.n}`);
  await audit.end();
} finally {
  await arbor?.stop();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
