// Scheduling benchmark: a clinic with 12 chairs, 10 staff and 5,000 future appointments, audit on,
// against a real Arbor server process on 127.0.0.1 (autocannon here, the server in another process).
//   npm run bench:schedule     (ARBOR_BENCH_SECONDS per run, default 10; ARBOR_BENCH_ONLY=slots to run
//                               only some rows of types, slots, booking)
// Rows: a minimal read (types list) as the baseline of this run; a week's slot search; booking
// throughput (each request books a different patient into a different free chair and time).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startArborProcess, type ArborProcess } from '../arbor-process.js';
import { ensureDatabase, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { runMigrations } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/client.js';
import { addClinicDays, clinicDateOf, clinicLocalToInstant } from '../../src/domain/clinic/index.js';
import { createClinicWithAdmin } from '../../src/server/capabilities/clinic/index.js';
import { createSession } from '../../src/server/shared/session.js';

const seconds = Number(process.env.ARBOR_BENCH_SECONDS ?? 10);
const only = new Set((process.env.ARBOR_BENCH_ONLY ?? 'types,slots,booking').split(',').map((x) => x.trim()));
const connections = 32;
const port = 3991;
const zone = 'America/New_York';
const log = (line: string) => process.stdout.write(`${line}\n`);
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '07:00', closes: '21:00' }));

/** The clinic-local date `days` from today. */
function dateIn(days: number): string {
  const noon = clinicLocalToInstant(`${clinicDateOf(new Date().toISOString(), zone)}T12:00`, zone);
  return clinicDateOf(addClinicDays(noon, days, zone), zone);
}

async function seed(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const handle = await openDatabase(ownerUrl, { max: 2 });
  const { clinicId, userId } = await handle.db.transaction((tx) =>
    createClinicWithAdmin(tx, {
      clinicName: 'Schedule Bench',
      email: 'schedule-bench@example.test',
      displayName: 'Bench',
      password: 'correct horse battery staple',
      settings: { timeZone: zone, scheduling: { openingHours: EVERY_DAY, chairsPerNurse: 2 } },
    }),
  );
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  const chairs: string[] = [];
  for (let i = 1; i <= 12; i += 1) {
    const { rows } = await q(
      `INSERT INTO rooms (clinic_id, kind, name, sort_order) VALUES ($1, 'infusion_chair', $2, $3) RETURNING id`,
      [clinicId, `Chair ${i}`, i],
    );
    chairs.push(rows[0].id);
  }
  for (let i = 1; i <= 10; i += 1) {
    const role = i <= 6 ? 'nurse' : 'physician';
    const { rows } = await q(
      `INSERT INTO users (clinic_id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, 'x') RETURNING id`,
      [clinicId, `staff${i}@example.test`, `Staff ${i}`, role],
    );
    await q(`INSERT INTO staff_schedules (user_id, clinic_id, role, hours) VALUES ($1, $2, $3, $4)`, [
      rows[0].id,
      clinicId,
      role === 'nurse' ? 'nurse' : 'clinician',
      JSON.stringify(EVERY_DAY),
    ]);
  }
  const { rows: types } = await q(`SELECT id, code FROM appointment_types WHERE clinic_id = $1`, [clinicId]);
  const infusion = types.find((t: { code: string }) => t.code === 'iv_infusion').id as string;
  // 5,000 patients, one future appointment each: days 1–60, chairs round-robin, 75-minute grid.
  const patientIds: string[] = [];
  for (let i = 0; i < 10_000; i += 1000) {
    const { rows } = await q(
      `INSERT INTO patients (clinic_id, mrn, legal_given_name, legal_family_name, birth_date, sex_at_birth)
       SELECT $1, 'B' || lpad(g::text, 7, '0'), 'Bench', 'Patient ' || g, '1980-01-01', 'female'
       FROM generate_series($2::int, $3::int) g RETURNING id`,
      [clinicId, i + 1, i + 1000],
    );
    patientIds.push(...rows.map((r: { id: string }) => r.id));
  }
  const values: unknown[][] = [];
  let n = 0;
  for (let day = 1; n < 5000; day += 1) {
    const date = dateIn(day);
    for (let k = 0; k < 7 && n < 5000; k += 1) {
      for (let c = 0; c < 12 && n < 5000; c += 1) {
        const minutes = 7 * 60 + k * 75;
        const start = clinicLocalToInstant(
          `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
          zone,
        );
        values.push([patientIds[n], chairs[c], start.toString(), start.add({ minutes: 70 }).toString()]);
        n += 1;
      }
    }
  }
  for (let i = 0; i < values.length; i += 500) {
    const batch = values.slice(i, i + 500);
    await q(
      `INSERT INTO appointments (clinic_id, patient_id, type_id, room_id, starts_at, ends_at, uses_nurse)
       SELECT $1, (r->>0)::uuid, $2, (r->>1)::uuid, (r->>2)::timestamptz, (r->>3)::timestamptz, true
       FROM jsonb_array_elements($3::jsonb) r`,
      [clinicId, infusion, JSON.stringify(batch)],
    );
  }
  await q('VACUUM ANALYZE');
  const token = await createSession(handle.db, {
    clinicId,
    userId,
    stage: 'full',
    clientIp: '127.0.0.1',
    userAgent: 'bench',
    now: new Date(),
  });
  // The front desk books; the bench's admin session reads. A front-desk user for the booking run:
  const { rows: desk } = await q(
    `INSERT INTO users (clinic_id, email, display_name, role, password_hash) VALUES ($1, 'desk@example.test', 'Desk', 'front_desk', 'x') RETURNING id`,
    [clinicId],
  );
  const deskToken = await createSession(handle.db, {
    clinicId,
    userId: desk[0].id,
    stage: 'full',
    clientIp: '127.0.0.1',
    userAgent: 'bench',
    now: new Date(),
  });
  await handle.close();
  await client.end();
  return { token, deskToken, infusion, chairs, freePatients: patientIds.slice(5000) };
}

interface Run {
  result: autocannon.Result;
  times: number[];
  statuses: Map<number, number>;
}

function run(
  title: string,
  request: () => { method: 'GET' | 'POST'; path: string; body?: string },
  cookie: string,
): Promise<Run> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        headers: { cookie, 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
        requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
      },
      (error, result) => (error ? reject(error) : resolve({ result, times, statuses })),
    );
    instance.on('response', (_c: unknown, status: number, _b: number, responseTime: number) => {
      times.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    log(`running: ${title} (${connections} connections, ${seconds} s)`);
  });
}

function percentile(sorted: number[], p: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN).toFixed(1);
}

function summary(title: string, { result, times, statuses }: Run) {
  const sorted = [...times].sort((a, b) => a - b);
  const codes = [...statuses.entries()].map(([k, v]) => `${k}: ${v}`).join(', ');
  return `| ${title} | ${Math.round(result.requests.average)} | ${percentile(sorted, 50)} | ${percentile(sorted, 95)} | ${percentile(sorted, 99)} | ${codes} |`;
}

await mkdir(path.resolve('.test-data'), { recursive: true });
const dir = await mkdtemp(path.join(path.resolve('.test-data'), 'bench-schedule-'));
const server = await startEmbeddedPostgres({ dir, port: 58992 });
let arbor: ArborProcess | undefined;
try {
  await ensureDatabase(server.ownerUrl, 'arbor');
  const ownerUrl = server.ownerUrl('arbor');
  await runMigrations(ownerUrl);
  const started = Date.now();
  const seeded = await seed(ownerUrl);
  log(
    `seeded 12 chairs, 10 staff, 5,000 future appointments in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  arbor = await startArborProcess({ databaseUrl: ownerUrl, port, dataDir: dir });
  const cookie = `__Host-arbor_session=${seeded.token}`;
  const results: string[] = [];
  let i = 0;
  // Paths are made before the runs: the load generator shares the two cores with the server.
  const weeks = Array.from(
    { length: 50 },
    (_, d) => `/api/scheduling/slots?typeId=${seeded.infusion}&from=${dateIn(1 + d)}&days=7&limit=40`,
  );
  const week = () => weeks[i++ % weeks.length]!;
  await run('warm-up', () => ({ method: 'GET', path: week() }), cookie);
  if (only.has('types'))
    results.push(
      summary(
        'baseline: `GET /api/scheduling/types`',
        await run('types', () => ({ method: 'GET', path: '/api/scheduling/types' }), cookie),
      ),
    );
  if (only.has('slots'))
    results.push(
      summary(
        'slot search, one week `GET /api/scheduling/slots`',
        await run('slots', () => ({ method: 'GET', path: week() }), cookie),
      ),
    );
  // Booking: day 70 onwards is empty; request n books patient n into chair n % 12 at slot k of its day.
  let n = 0;
  const bodies = Array.from({ length: 5000 }, (_, index) => {
    const day = 70 + Math.floor(index / (12 * 11));
    const k = Math.floor(index / 12) % 11;
    const minutes = 7 * 60 + k * 75;
    const local = `${dateIn(day)}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return JSON.stringify({
      patientId: seeded.freePatients[index % seeded.freePatients.length],
      typeId: seeded.infusion,
      start: clinicLocalToInstant(local, zone).toString(),
      roomId: seeded.chairs[index % 12],
    });
  });
  const booking = () => ({
    method: 'POST' as const,
    path: '/api/appointments',
    body: bodies[n++ % bodies.length],
  });
  if (only.has('booking'))
    results.push(
      summary(
        'booking `POST /api/appointments` (audit on)',
        await run('booking', booking, `__Host-arbor_session=${seeded.deskToken}`),
      ),
    );
  log('');
  log(
    `12 chairs, 10 staff, 5,000 future appointments; ${connections} connections, ${seconds} s per run, audit on`,
  );
  log('| request | req/s | p50 ms | p95 ms | p99 ms | statuses |');
  log('|---|---|---|---|---|---|');
  for (const line of results) log(line);
} finally {
  await arbor?.stop();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
