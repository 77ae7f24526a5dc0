import path from 'node:path';
import type { ArborConfig } from '../../config.js';
import { verifyAuditChain } from '../../server/shared/audit.js';
import { anchorLogFileName, checkAuditAnchors, loadAnchorKey } from '../../server/shared/audit-anchor.js';
import { connectDatabase } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';
import { parseFlags } from '../parse-flags.js';

/**
 * Walks the hash chain, then compares it with the signed anchors kept outside the database
 * (`<dataDir>/audit-anchors.log`, or `--anchors FILE`, e.g. a copy kept on another host).
 * Exit 0 when both hold; 3 when a row was changed or removed, including rows missing from the end
 * that only the anchors reveal, or when an anchor line is forged; 2 for a wrong argument.
 */
export async function auditVerifyCommand(args: string[], config: ArborConfig, io: CliIo): Promise<number> {
  let anchorsFile = path.join(config.dataDir, anchorLogFileName);
  try {
    const { flags, positional } = parseFlags(args);
    if (positional.length > 0 || Object.keys(flags).some((name) => name !== 'anchors')) {
      throw new Error('usage: arbor audit verify [--anchors FILE]');
    }
    if (typeof flags.anchors === 'string') anchorsFile = path.resolve(flags.anchors);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const key = await loadAnchorKey({
    dataDir: config.dataDir,
    auditKey: config.auditKey,
    embedded: !config.databaseUrl,
    create: false,
  });
  const connection = await connectDatabase(config, () => undefined);
  try {
    const result = await verifyAuditChain(connection.handle.db, (checked, total) =>
      io.stderr(`\rchecked ${checked} of ${total} rows`),
    );
    io.stderr('\n');
    let ok = result.ok;
    if (result.ok) {
      io.stdout(`Audit trail intact: ${result.rowsChecked} rows, hash chain verified.\n`);
    } else {
      io.stdout(
        `Audit trail BROKEN at row ${result.firstBrokenSeq}: ${result.problem} (${result.rowsChecked} rows verified before it).\n`,
      );
    }
    if (!key) {
      io.stdout(
        'No anchor key (ARBOR_AUDIT_KEY, or audit-anchor.key in the data directory): the chain was not ' +
          'compared with anchors, so rows deleted from its end would not show.\n',
      );
      return ok ? 0 : 3;
    }
    const anchors = await checkAuditAnchors(connection.handle.db, key.key, anchorsFile);
    for (const note of anchors.notes) io.stdout(`Note: ${note}.\n`);
    if (anchors.ok && anchors.latest) {
      io.stdout(
        `Anchors hold: ${anchors.anchors} signed anchors in ${anchorsFile}; the last anchor at ${anchors.latest.at} covers row ${anchors.latest.seq}.\n`,
      );
    } else {
      ok = false;
      io.stdout(`Audit trail does NOT match its anchors (${anchorsFile}):\n`);
      for (const problem of anchors.problems) io.stdout(`  ${problem}\n`);
    }
    return ok ? 0 : 3;
  } finally {
    await connection.close();
  }
}
