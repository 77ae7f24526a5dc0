import type { ArborConfig } from '../../config.js';
import { seedDemoClinic } from '../demo-seed.js';
import { startArbor } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';

/** Serves until SIGINT or SIGTERM, then closes the HTTP server, the pool and PostgreSQL cleanly. */
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
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log(`${signal} received: shutting down`);
      void running.stop().then(resolve, (error: unknown) => {
        io.stderr(`shutdown error: ${String(error)}\n`);
        resolve();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  log('Arbor stopped.');
  return 0;
}
