import type { ArborConfig } from '../../config.js';
import { connectDatabase } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';

export async function migrateCommand(config: ArborConfig, io: CliIo): Promise<number> {
  const connection = await connectDatabase(config, (line) => io.stderr(`${line}\n`));
  await connection.close();
  io.stdout('Migrations are up to date.\n');
  return 0;
}
