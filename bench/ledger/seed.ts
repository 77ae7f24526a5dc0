// Writes a generated ledger history straight to the tables, as `ledger-fixtures.ts` does for one vial but
// in bulk (multi-row INSERT … SELECT FROM unnest): the events carry the hash chain computed with the
// domain's own functions, and the stored balances are the ones the domain derives from those events, so
// `ledger verify` judges the seeded rows exactly as it judges recorded ones.
import { benchActor, benchDeps } from '../bench-kit.js';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';
import {
  addDays,
  DEFAULT_PRODUCTS,
  balanceDelta,
  chainEvents,
  deriveBalances,
  type LedgerEvent,
} from '../../src/domain/ledger/index.js';
import { createClinicWithAdmin } from '../../src/server/capabilities/clinic/index.js';
import { changeDoseStatus, orderDose, previewDose } from '../../src/server/capabilities/dosing/index.js';
import { sha256Hex } from '../../src/server/capabilities/ledger/ledger.queries.js';
import { createSession } from '../../src/server/shared/session.js';
import { SUPPLIER, type History } from './history.js';

const BATCH = 5000;
const PATIENTS = 400;

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/**
 * Runs `insert` over `rows` in batches: each column is sent as one array parameter ($1…$n), then the
 * constants ($n+1…).
 */
async function bulk<T>(
  q: Query,
  rows: readonly T[],
  insert: string,
  columns: ((row: T) => unknown)[],
  constants: unknown[] = [],
) {
  for (let start = 0; start < rows.length; start += BATCH) {
    const slice = rows.slice(start, start + BATCH);
    await q(insert, [...columns.map((column) => slice.map(column)), ...constants]);
  }
}

export interface SeedIds {
  clinicId: string;
  nurseId: string;
  physicianId: string;
  safeId: string;
  roomId: string;
  /** Ready IV and esketamine doses the administrations' doses are copied from. */
  ivTemplateDoseId: string;
  esketamineTemplateDoseId: string;
}

/**
 * One dose row per administration session, copied from a dose the dosing capability ordered (so every
 * column holds what the calculator writes), with its own id, patient and times; then one signed-off
 * treatment session per dose. A dose is given in one session (UNIQUE), as in the chart.
 */
async function insertSessions(q: Query, ids: SeedIds, history: History) {
  const { rows } = await q(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'doses' ORDER BY ordinal_position`,
  );
  const columns = rows.map((r) => r.column_name as string);
  const replaced: Record<string, string> = {
    id: 'u.dose_id',
    patient_id: 'u.patient_id',
    ordered_at: "u.at - interval '2 hours'",
    verified_at: "u.at - interval '90 minutes'",
    marked_ready_at: "u.at - interval '1 hour'",
  };
  const select = columns.map((c) => replaced[c] ?? `d.${c}`).join(', ');
  const unnest = `unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::uuid[], $6::text[])
                  AS u(dose_id, session_id, patient_id, at, template, kind)`;
  const values = [
    (s: History['sessions'][number]) => s.doseId,
    (s: History['sessions'][number]) => s.sessionId,
    (s: History['sessions'][number]) => s.patientId,
    (s: History['sessions'][number]) => new Date(s.at),
    (s: History['sessions'][number]) =>
      s.kind === 'iv_ketamine' ? ids.ivTemplateDoseId : ids.esketamineTemplateDoseId,
    (s: History['sessions'][number]) => s.kind,
  ];
  await bulk(
    q,
    history.sessions,
    `INSERT INTO doses (${columns.join(', ')}) SELECT ${select} FROM ${unnest} JOIN doses d ON d.id = u.template`,
    values,
  );
  await bulk(
    q,
    history.sessions,
    `INSERT INTO treatment_sessions
       (id, clinic_id, patient_id, kind, state, version, chair_label, dose_id, checked_in_at, checked_in_by, updated_at)
     SELECT u.session_id, $7, u.patient_id, u.kind, 'note_signed', 9, 'Chair 1', u.dose_id,
            u.at - interval '30 minutes', $8, u.at + interval '2 hours'
     FROM ${unnest}`,
    values,
    [ids.clinicId, ids.nurseId],
  );
}

/** Everything of the ledger: registration, safes, receipts, containers, events, balances, counts. */
export async function seedHistory(client: pg.Client, ids: SeedIds, history: History) {
  const q: Query = (text, values) => client.query(text, values);
  await q('BEGIN');
  try {
    await insertSessions(q, ids, history);
    await bulk(
      q,
      history.receipts,
      `INSERT INTO ledger_receipts
         (id, clinic_id, location_id, supplier, invoice_number, received_on, lines, received_by, received_at,
          confirmed_by, confirmed_at)
       SELECT u.id, $8, u.location_id, u.supplier, u.invoice, u.received_on, u.lines, $9, u.at, $10,
              u.at + interval '10 minutes'
       FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::text[], $5::date[], $6::jsonb[], $7::timestamptz[])
         AS u(id, location_id, supplier, invoice, received_on, lines, at)`,
      [
        (r) => r.id,
        (r) => r.locationId,
        () => JSON.stringify(SUPPLIER),
        (r) => r.invoiceNumber,
        (r) => r.receivedOn,
        (r) => JSON.stringify(r.lines.map(({ containerId: _, ...line }) => line)),
        (r) => new Date(r.at),
      ],
      [ids.clinicId, ids.nurseId, ids.physicianId],
    );
    const containers = history.receipts.flatMap((r) => r.lines.map((line) => ({ ...line, receipt: r })));
    await bulk(
      q,
      containers,
      `INSERT INTO ledger_containers
         (id, clinic_id, receipt_id, product_key, lot_number, expiry_date, label_number, received_at)
       SELECT u.id, $8, u.receipt, u.product_key, u.lot, u.expiry, u.label, u.at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::timestamptz[])
         AS u(id, receipt, product_key, lot, expiry, label, at)`,
      [
        (c) => c.containerId,
        (c) => c.receipt.id,
        (c) => c.productKey,
        (c) => c.lotNumber,
        (c) => c.expiryDate,
        (c) => c.labelNumber,
        (c) => new Date(c.receipt.at),
      ],
      [ids.clinicId],
    );
    await insertEvents(q, history.events, containers);
    await insertBalances(q, ids.clinicId, history.events);
    await bulk(
      q,
      history.counts,
      `INSERT INTO ledger_counts
         (id, clinic_id, location_id, mode, sheet, started_by, started_at, submitted_by, submitted_at, comparison)
       SELECT u.id, $4, u.location_id, 'blind', '[]', $5, u.at - interval '15 minutes', $5, u.at, '{"lines": []}'
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS u(id, location_id, at)`,
      [(c) => c.id, (c) => c.locationId, (c) => new Date(c.at)],
      [ids.clinicId, ids.nurseId],
    );
    await q('COMMIT');
  } catch (error) {
    await q('ROLLBACK');
    throw error;
  }
}

/** The events as `appendLedgerEvent` stores them: the JSON round trip, then chained in order. */
async function insertEvents(
  q: Query,
  events: readonly LedgerEvent[],
  containers: readonly { containerId: string; productKey: string }[],
) {
  const productOf = new Map(containers.map((c) => [c.containerId, c.productKey]));
  const stored = events.map((e) => JSON.parse(JSON.stringify(e)) as LedgerEvent);
  const byId = new Map(stored.map((e) => [e.id, e]));
  const links = chainEvents(stored, sha256Hex);
  await bulk(
    q,
    links,
    `INSERT INTO ledger_events
       (id, clinic_id, type, container_id, product_key, location_id, delta_ug, actor_id, witness_id, session_id,
        dose_id, patient_id, corrects_event_id, count_id, event_at, recorded_at, event, prev_hash, hash)
     SELECT id, clinic_id, type, container_id, product_key, location_id, delta_ug, actor_id, witness_id,
            session_id, dose_id, patient_id, corrects_event_id, count_id, event_at, event_at, event, prev_hash, hash
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::bigint[],
                 $8::uuid[], $9::uuid[], $10::uuid[], $11::uuid[], $12::uuid[], $13::uuid[], $14::uuid[],
                 $15::timestamptz[], $16::jsonb[], $17::text[], $18::text[])
       AS u(id, clinic_id, type, container_id, product_key, location_id, delta_ug, actor_id, witness_id,
            session_id, dose_id, patient_id, corrects_event_id, count_id, event_at, event, prev_hash, hash)`,
    [
      ({ event: e }) => e.id,
      ({ event: e }) => e.clinicId,
      ({ event: e }) => e.type,
      ({ event: e }) => e.containerId,
      ({ event: e }) => productOf.get(e.containerId),
      ({ event: e }) => e.locationId,
      ({ event: e }) => balanceDelta(e, e.type === 'correction' ? byId.get(e.correctsEventId) : null),
      ({ event: e }) => e.actorId,
      ({ event: e }) => ('witnessId' in e ? e.witnessId : null),
      ({ event: e }) => ('sessionId' in e ? e.sessionId : null),
      ({ event: e }) => (e.type === 'administer' ? e.doseOrderId : null),
      ({ event: e }) => (e.type === 'administer' ? e.patientId : null),
      ({ event: e }) => (e.type === 'correction' ? e.correctsEventId : null),
      ({ event: e }) => (e.type === 'count' ? e.countId : null),
      ({ event: e }) => new Date(e.at),
      ({ event: e }) => JSON.stringify(e),
      (link) => link.prevHash,
      (link) => link.hash,
    ],
  );
}

/** The balance rows are what the domain derives from the events; a history it refuses is not seeded. */
async function insertBalances(q: Query, clinicId: string, events: readonly LedgerEvent[]) {
  const derived = deriveBalances(events, { products: DEFAULT_PRODUCTS });
  if (!derived.ok)
    throw new Error(
      `the generated history breaks a ledger rule at event ${derived.violation.index}: ${JSON.stringify(derived.violation.problems)}`,
    );
  await bulk(
    q,
    derived.value.containers,
    `INSERT INTO ledger_container_balances
       (container_id, clinic_id, location_id, status, balance_ug, last_event_id, last_event_at)
     SELECT u.id, $7, u.location_id, u.status, u.balance, u.last_event, u.at
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::uuid[], $6::timestamptz[])
       AS u(id, location_id, status, balance, last_event, at)`,
    [
      (c) => c.containerId,
      (c) => c.locationId,
      (c) => c.status,
      (c) => c.balanceUg,
      (c) => c.lastEventId,
      (c) => new Date(c.lastEventAt),
    ],
    [clinicId],
  );
  return derived.value.containers.length;
}

// Seed: a clinic (physician, nurse, 400 patients), one IV and one esketamine dose ordered through the
// dosing capability as templates, then the generated history written in bulk.
// ---------------------------------------------------------------------------------------------------

export async function seedClinic(ownerUrl: string, log: (line: string) => void) {
  const handle = await openDatabase(ownerUrl, { max: 4 });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const q = (text: string, values: unknown[] = []) => client.query(text, values);
    const { clinicId, userId: physicianId } = await handle.db.transaction((tx) =>
      createClinicWithAdmin(tx, {
        clinicName: 'Ledger Bench',
        email: 'ledger-bench.md@example.test',
        displayName: 'Bench MD',
        password: 'correct horse battery staple',
        role: 'physician',
      }),
    );
    const { rows: nurseRows } = await q(
      `INSERT INTO users (clinic_id, email, display_name, role, password_hash)
       VALUES ($1, 'ledger-bench.rn@example.test', 'Bench RN', 'nurse', 'x') RETURNING id`,
      [clinicId],
    );
    const nurseId = nurseRows[0].id as string;
    const { rows: patientRows } = await q(
      `INSERT INTO patients (clinic_id, mrn, legal_given_name, legal_family_name, birth_date, sex_at_birth, address)
       SELECT $1, 'L' || lpad(g::text, 7, '0'), 'Bench', 'Patient ' || g, '1980-01-01', 'female',
              jsonb_build_object('line1', g || ' Main Street', 'city', 'Springfield', 'state', 'NJ', 'postalCode', '07081')
       FROM generate_series(1, $2::int) g RETURNING id`,
      [clinicId, PATIENTS],
    );
    const patientIds = (patientRows as Array<{ id: string }>).map((r) => r.id);
    const { rows: regRows } = await q(
      `INSERT INTO ledger_registrations (clinic_id, dea_number, schedules, expires_on, site_name, site_address, recorded_by, recorded_at)
       VALUES ($1, 'AB1234563', '["III"]', $2, 'Ledger Bench clinic', '10 Clinic Road, Springfield, NJ 07081', $3, now() - interval '6 years')
       RETURNING id`,
      [clinicId, addDays(new Date().toISOString().slice(0, 10), 400), physicianId],
    );
    const location = async (name: string) =>
      (
        await q(
          `INSERT INTO ledger_locations (clinic_id, registration_id, name, created_by, created_at)
           VALUES ($1, $2, $3, $4, now() - interval '6 years') RETURNING id`,
          [clinicId, regRows[0].id, name, physicianId],
        )
      ).rows[0].id as string;
    const safeId = await location('Main safe');
    const roomId = await location('Treatment room safe');

    const deps = benchDeps(handle.db, log);
    const actor = (userId: string, role: 'nurse' | 'physician') => benchActor(clinicId, userId, role);
    const physician = actor(physicianId, 'physician');
    const nurse = actor(nurseId, 'nurse');
    const ready = async (patientId: string, inputs: Record<string, unknown>) => {
      const preview = await previewDose(deps, physician, patientId, inputs as never);
      const dose = await orderDose(deps, physician, patientId, {
        ...inputs,
        confirmTotalMg: preview.dose.totalMg,
      } as never);
      await changeDoseStatus(deps, nurse, dose.id, 'verify', { note: 'bench: second-clinician check' });
      await changeDoseStatus(deps, nurse, dose.id, 'mark-ready', {});
      return dose.id;
    };
    const ivTemplateDoseId = await ready(patientIds[0]!, {
      protocol: { origin: 'library', id: 'iv-depression', version: 1 },
      stepId: 'standard',
      patient: { weight: { value: 70, unit: 'kg' }, height: { value: 170, unit: 'cm' }, sex: 'female' },
      preparation: { vialConcentration: { value: 50, unit: 'mg/mL' }, bagVolume: { value: 100, unit: 'mL' } },
    });
    const esketamineTemplateDoseId = await ready(patientIds[1]!, {
      protocol: { origin: 'library', id: 'esketamine-trd', version: 1 },
      stepId: 'dose-56',
    });
    const token = await createSession(handle.db, {
      clinicId,
      userId: nurseId,
      stage: 'full',
      clientIp: '127.0.0.1',
      userAgent: 'bench',
      now: new Date(),
    });
    const ids: SeedIds = {
      clinicId,
      nurseId,
      physicianId,
      safeId,
      roomId,
      ivTemplateDoseId,
      esketamineTemplateDoseId,
    };
    return { ids, patientIds, token, client, handle };
  } catch (error) {
    await client.end();
    await handle.close();
    throw error;
  }
}
