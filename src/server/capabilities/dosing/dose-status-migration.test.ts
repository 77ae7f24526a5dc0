import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../../db/migrate.js';
import { ownerUrlFor } from '../../../test/test-database.js';

/**
 * Migration dose-ready-to-administer renames the state once called 'final'. A database migrated up to the
 * migration before it, holding a 'final' dose, is migrated the rest of the way: the dose is then ready to
 * administer, still frozen, and who marked it ready is kept.
 */

const RENAME = 'dose-ready-to-administer';
const name = `m_ready_${Date.now()}`;
let admin: pg.Client;
let client: pg.Client;
let partial: string;

interface Journal {
  entries: Array<{ tag: string }>;
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: ownerUrlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  client = new pg.Client({ connectionString: ownerUrlFor(name) });
  await client.connect();
  await client.query('SET client_min_messages = warning');
  // The migrations folder as it was before the rename: the same files, a journal cut before it.
  partial = mkdtempSync(path.join(tmpdir(), 'arbor-migrations-'));
  cpSync(migrationsFolder, partial, { recursive: true });
  const journalPath = path.join(partial, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  const cut = journal.entries.findIndex((e) => e.tag.endsWith(RENAME));
  expect(cut).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
}, 60_000);

afterAll(async () => {
  await client?.end();
  await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
  if (partial) rmSync(partial, { recursive: true, force: true });
});

describe('migration dose-ready-to-administer', () => {
  it("maps stored 'final' doses to 'ready_to_administer', keeps who marked them, and keeps them frozen", async () => {
    await migrate(drizzle(client), { migrationsFolder: partial });
    const clinic = await client.query<{ id: string }>(
      `INSERT INTO clinics (name, slug) VALUES ('Old', 'old-${Date.now()}') RETURNING id`,
    );
    const clinicId = clinic.rows[0]!.id;
    const person = async (role: string) =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO users (clinic_id, email, display_name, role, password_hash)
           VALUES ($1, $2, $3, $4, 'x') RETURNING id`,
          [clinicId, `${role}.${Date.now()}@example.test`, role, role],
        )
      ).rows[0]!.id;
    const physician = await person('physician');
    const nurse = await person('nurse');
    const patient = await client.query<{ id: string }>(
      `INSERT INTO patients (clinic_id, mrn, legal_given_name, legal_family_name, birth_date, sex_at_birth)
       VALUES ($1, 'A0000067', 'Old', 'Dose', '1970-01-01', 'female') RETURNING id`,
      [clinicId],
    );
    const dose = await client.query<{ id: string }>(
      `INSERT INTO doses (clinic_id, patient_id, protocol_origin, protocol_id, protocol_version, step_id,
         protocol_snapshot, inputs, settings, total_mg, result, status, verification_required, ordered_by,
         verified_by, verified_at, finalised_by, finalised_at)
       VALUES ($1, $2, 'library', 'iv-depression', 1, 'standard', '{}', '{}', '{}', 35, '{}', 'final', true, $3,
         $4, now(), $4, now())
       RETURNING id`,
      [clinicId, patient.rows[0]!.id, physician, nurse],
    );
    const id = dose.rows[0]!.id;

    await migrate(drizzle(client), { migrationsFolder });

    const after = await client.query<{ status: string; marked_ready_by: string }>(
      'SELECT status, marked_ready_by FROM doses WHERE id = $1',
      [id],
    );
    expect(after.rows[0]).toEqual({ status: 'ready_to_administer', marked_ready_by: nurse });
    await expect(client.query(`UPDATE doses SET status = 'cancelled' WHERE id = $1`, [id])).rejects.toThrow();
    await expect(client.query(`UPDATE doses SET status = 'final' WHERE id = $1`, [id])).rejects.toThrow();
    const unknown = await client.query(`SELECT count(*)::int AS n FROM doses WHERE status = 'final'`);
    expect(unknown.rows[0]).toEqual({ n: 0 });
  }, 60_000);
});
