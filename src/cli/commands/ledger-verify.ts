import type { ArborConfig } from '../../config.js';
import { verifyLedger } from '../../server/capabilities/ledger/index.js';
import { connectDatabase } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';

/**
 * Recomputes the controlled-substance ledger from its events: for every clinic, the hash chain, the stored
 * columns against the hashed events, the rules replayed event by event (no balance below zero, no
 * administration without its session, no waste without a witness where one is required) and the stored
 * balances against the derived ones. Exit 0 when all hold; 3 with the first violation named; 2 for a
 * wrong argument.
 */
export async function ledgerVerifyCommand(args: string[], config: ArborConfig, io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr('usage: arbor ledger verify\n');
    return 2;
  }
  const connection = await connectDatabase(config, () => undefined);
  try {
    const verdict = await verifyLedger(connection.handle.db, {
      onProgress: ({ clinicId, checked, total }) =>
        io.stderr(`\rclinic ${clinicId}: checked ${checked} of ${total} events`),
    });
    io.stderr('\n');
    if (verdict.ok) {
      io.stdout(
        `Ledger intact: ${verdict.events} events in ${verdict.clinics} clinic(s), ${verdict.containers} containers; hash chains, rules and balances verified.\n`,
      );
      return 0;
    }
    const where = verdict.seq === null ? '' : ` at event ${verdict.eventId} (seq ${verdict.seq})`;
    io.stdout(`Ledger BROKEN in clinic ${verdict.clinicId}${where}: ${verdict.problem}\n`);
    return 3;
  } finally {
    await connection.close();
  }
}
