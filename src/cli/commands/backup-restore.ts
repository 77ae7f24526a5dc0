import path from 'node:path';
import type { ArborConfig } from '../../config.js';
import { backupDatabase, restoreDatabase } from '../../db/backup.js';
import { verifyAuditChain } from '../../server/shared/audit.js';
import { connectDatabase } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';

export async function backupCommand(args: string[], config: ArborConfig, io: CliIo): Promise<number> {
  const file = args[0];
  if (!file) {
    io.stderr('Usage: arbor backup <file>\n');
    return 2;
  }
  const connection = await connectDatabase(config, () => undefined);
  try {
    const started = Date.now();
    const manifest = await backupDatabase(connection.ownerUrl, path.resolve(file), (table, rows) =>
      io.stderr(`  ${table}: ${rows} rows\n`),
    );
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    io.stdout(
      `Backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, ${Date.now() - started} ms.\n`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

export async function restoreCommand(args: string[], config: ArborConfig, io: CliIo): Promise<number> {
  const file = args[0];
  if (!file) {
    io.stderr('Usage: arbor restore <file>\n');
    return 2;
  }
  const connection = await connectDatabase(config, () => undefined);
  try {
    const started = Date.now();
    const manifest = await restoreDatabase(connection.ownerUrl, path.resolve(file), (table, rows) =>
      io.stderr(`  ${table}: ${rows} rows\n`),
    );
    const chain = await verifyAuditChain(connection.handle.db);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    io.stdout(
      `Restored ${rows} rows from ${file} in ${Date.now() - started} ms; audit chain ${chain.ok ? 'verified' : `BROKEN at row ${chain.firstBrokenSeq}`}.\n`,
    );
    return chain.ok ? 0 : 3;
  } finally {
    await connection.close();
  }
}
