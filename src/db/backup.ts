import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrationsFolder } from './migrate.js';

/**
 * Arbor's backup format: gzip of a manifest line, then for each table a header line and its rows
 * in PostgreSQL's COPY text format. It is read by `arbor restore` on any PostgreSQL version, so a
 * backup taken from the embedded server restores into an external one and back.
 */
export interface BackupManifest {
  format: 'arbor-backup';
  formatVersion: 1;
  createdAt: string;
  migrations: string[];
  tables: Array<{ name: string; columns: string[]; rows: number; sha256: string }>;
}

async function migrationNames(): Promise<string[]> {
  const journal = JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  return journal.entries.map((e) => e.tag);
}

async function tablesWithColumns(client: pg.Client): Promise<Array<{ name: string; columns: string[] }>> {
  const { rows } = await client.query<{ table_name: string; columns: string[] }>(`
    SELECT c.relname AS table_name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE c.relkind = 'r'
    GROUP BY c.relname ORDER BY c.relname`);
  return rows.map((r) => ({ name: r.table_name, columns: r.columns }));
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a consistent snapshot (REPEATABLE READ) of every table to `file`. */
export async function backupDatabase(
  ownerUrl: string,
  file: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const sections: Array<{ header: string; data: Buffer }> = [];
  const manifest: BackupManifest = {
    format: 'arbor-backup',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    migrations: await migrationNames(),
    tables: [],
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const table of await tablesWithColumns(client)) {
      const chunks: Buffer[] = [];
      const stream = client.query(
        copyTo(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) TO STDOUT`),
      );
      await pipeline(
        stream,
        new Writable({
          write(chunk, _enc, done) {
            chunks.push(chunk as Buffer);
            done();
          },
        }),
      );
      const data = Buffer.concat(chunks);
      const rows = data.length === 0 ? 0 : data.toString('utf8').split('\n').length - 1;
      const sha256 = createHash('sha256').update(data).digest('hex');
      manifest.tables.push({ name: table.name, columns: table.columns, rows, sha256 });
      sections.push({ header: JSON.stringify({ table: table.name, bytes: data.length }), data });
      onProgress?.(table.name, rows);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  async function* content() {
    yield Buffer.from(JSON.stringify(manifest) + '\n');
    for (const section of sections) {
      yield Buffer.from(section.header + '\n');
      yield section.data;
    }
  }
  await pipeline(Readable.from(content()), createGzip(), createWriteStream(file, { mode: 0o600 }));
  return manifest;
}

async function readBackup(file: string): Promise<{ manifest: BackupManifest; data: Map<string, Buffer> }> {
  const chunks: Buffer[] = [];
  await pipeline(
    createReadStream(file),
    createGunzip(),
    new Writable({
      write(chunk, _enc, done) {
        chunks.push(chunk as Buffer);
        done();
      },
    }),
  );
  const all = Buffer.concat(chunks);
  let offset = all.indexOf(10);
  const manifest = JSON.parse(all.subarray(0, offset).toString('utf8')) as BackupManifest;
  if (manifest.format !== 'arbor-backup') throw new Error('Not an Arbor backup file');
  offset += 1;
  const data = new Map<string, Buffer>();
  while (offset < all.length) {
    const end = all.indexOf(10, offset);
    const header = JSON.parse(all.subarray(offset, end).toString('utf8')) as { table: string; bytes: number };
    data.set(header.table, all.subarray(end + 1, end + 1 + header.bytes));
    offset = end + 1 + header.bytes;
  }
  for (const table of manifest.tables) {
    const body = data.get(table.name) ?? Buffer.alloc(0);
    if (createHash('sha256').update(body).digest('hex') !== table.sha256)
      throw new Error(`Backup is damaged: table ${table.name} does not match its checksum`);
  }
  return { manifest, data };
}

/**
 * Restores into a migrated database that holds no clinic yet, in one transaction. Triggers are
 * bypassed (session_replication_role) so the append-only audit trail and history load as they were.
 */
export async function restoreDatabase(
  ownerUrl: string,
  file: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<BackupManifest> {
  const { manifest, data } = await readBackup(file);
  const current = await migrationNames();
  if (JSON.stringify(current.slice(0, manifest.migrations.length)) !== JSON.stringify(manifest.migrations)) {
    throw new Error(
      'This backup was made by a different Arbor schema; restore it with the matching Arbor version',
    );
  }
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM clinics');
    if (Number(rows[0]?.n) > 0)
      throw new Error('The target database already holds a clinic; restore into an empty database');
    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = 'replica'");
    for (const table of manifest.tables) {
      await client.query(`DELETE FROM ${quoteIdent(table.name)}`);
      const body = data.get(table.name) ?? Buffer.alloc(0);
      if (body.length > 0) {
        const stream = client.query(
          copyFrom(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`),
        );
        await pipeline(Readable.from([body]), stream);
      }
      const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`);
      if (Number(count.rows[0]?.n) !== table.rows)
        throw new Error(`Restored ${count.rows[0]?.n} rows into ${table.name}, expected ${table.rows}`);
      onProgress?.(table.name, table.rows);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return manifest;
}

export async function listMigrationFiles(): Promise<string[]> {
  return (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql')).sort();
}
