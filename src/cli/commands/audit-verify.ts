import type { ArborConfig } from '../../config.js';
import { verifyAuditChain } from '../../server/shared/audit.js';
import { connectDatabase } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';

/** Exit 0 when the chain is whole; 3 with the first broken row otherwise. */
export async function auditVerifyCommand(config: ArborConfig, io: CliIo): Promise<number> {
  const connection = await connectDatabase(config, () => undefined);
  try {
    const result = await verifyAuditChain(connection.handle.db, (checked, total) =>
      io.stderr(`\rchecked ${checked} of ${total} rows`),
    );
    io.stderr('\n');
    if (result.ok) {
      io.stdout(`Audit trail intact: ${result.rowsChecked} rows, hash chain verified.\n`);
      return 0;
    }
    io.stdout(
      `Audit trail BROKEN at row ${result.firstBrokenSeq}: ${result.problem} (${result.rowsChecked} rows verified before it).\n`,
    );
    return 3;
  } finally {
    await connection.close();
  }
}
