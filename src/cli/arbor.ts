import { readConfig } from '../config.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { nodeIo } from './node-io.js';
import { auditVerifyCommand } from './commands/audit-verify.js';
import { backupCommand, restoreCommand } from './commands/backup-restore.js';
import { ledgerVerifyCommand } from './commands/ledger-verify.js';
import { migrateCommand } from './commands/migrate.js';
import { startCommand } from './commands/start.js';
import { userCreateCommand } from './commands/user-create.js';

const usage = `Usage: arbor <command>

  start                      serve Arbor (staff app, API and public site) on PORT (default 3000)
  demo                       start with a synthetic demo clinic, staff and patients
  migrate                    apply database migrations and exit
  user create --email E --name N [--role admin|physician|nurse|front_desk] [--clinic NAME]
                             create a staff account; the password is read from standard input
  audit verify [--anchors FILE]
                             check the audit trail's hash chain and compare it with the signed
                             anchors kept outside the database; report the first broken row
  ledger verify              recompute the controlled-substance ledger from its events: hash chain,
                             rules (no negative balance, administrations linked, waste witnessed) and
                             stored balances; report the first violation
  backup <file>              write a consistent backup of the whole database
  restore <file>             restore a backup into an empty database
  pk simulate <plan.json> --until <min> --step <min>
                             print a pharmacokinetic simulation as CSV
  score <instrument> <answers> | score <instrument> --csv <file>
                             score an instrument response (or a CSV of responses)

Environment: PORT, HOST, ARBOR_DATA_DIR (default ./data), DATABASE_URL (use that server instead of
the embedded one), ARBOR_PG_PORT, ARBOR_MAIL_DRIVER (outbox|smtp), SMTP_URL, ARBOR_TRUST_PROXY=1,
ARBOR_AUDIT_KEY, ARBOR_AUDIT_ANCHOR_ROWS, ARBOR_AUDIT_ANCHOR_SECONDS, ARBOR_AUDIT_ANCHOR_LOG=1
(see docs/operations.md).
`;

/** Commands owned by pure modules are loaded lazily, so a missing optional module never blocks start. */
async function lazy(modulePath: string, exportName: string): Promise<CliCommand> {
  const module = (await import(modulePath)) as Record<string, CliCommand>;
  const command = module[exportName];
  if (!command) throw new Error(`${modulePath} does not export ${exportName}`);
  return command;
}

export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, sub, ...rest] = args;
  const config = () => readConfig(io.env as NodeJS.ProcessEnv);
  switch (command) {
    case 'start':
      return startCommand({ config: config(), demo: false, io });
    case 'demo':
      return startCommand({ config: config(), demo: true, io });
    case 'migrate':
      return migrateCommand(config(), io);
    case 'user':
      if (sub === 'create') return userCreateCommand(rest, config(), io);
      break;
    case 'audit':
      if (sub === 'verify') return auditVerifyCommand(rest, config(), io);
      break;
    case 'ledger':
      if (sub === 'verify') return ledgerVerifyCommand(rest, config(), io);
      break;
    case 'backup':
      return backupCommand(
        [sub, ...rest].filter((a): a is string => a !== undefined),
        config(),
        io,
      );
    case 'restore':
      return restoreCommand(
        [sub, ...rest].filter((a): a is string => a !== undefined),
        config(),
        io,
      );
    case 'pk':
      if (sub === 'simulate') return (await lazy('./commands/pk-simulate.js', 'pkSimulateCommand'))(rest, io);
      break;
    case 'score':
      return (await lazy('./commands/score.js', 'scoreCommand'))(
        [sub, ...rest].filter((a): a is string => a !== undefined),
        io,
      );
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(usage);
      return command === undefined ? 1 : 0;
  }
  io.stderr(`Unknown command: ${args.join(' ')}\n\n${usage}`);
  return 1;
}

export async function main(args: string[]): Promise<number> {
  try {
    return await runCli(args, nodeIo());
  } catch (error) {
    process.stderr.write(`arbor: ${(error as Error).message}\n`);
    return 1;
  }
}
