// Starts `bin/arbor start` against a benchmark's database, as an operator would run it, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface ArborProcess {
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * The server runs with the keys a production install has (ARBOR_SECRET_KEY, and ARBOR_AUDIT_KEY so
 * the audit chain is anchored as it would be) and keeps its files in `dataDir`. Fails with the
 * server's own output if it exits before it listens, instead of waiting forever.
 */
export async function startArborProcess(options: {
  databaseUrl: string;
  port: number;
  dataDir: string;
}): Promise<ArborProcess> {
  // ARBOR_BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = (process.env.ARBOR_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'bin/arbor', 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      ARBOR_DATA_DIR: options.dataDir,
      ARBOR_SECRET_KEY: process.env.ARBOR_SECRET_KEY ?? randomBytes(32).toString('base64'),
      ARBOR_AUDIT_KEY: process.env.ARBOR_AUDIT_KEY ?? randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`bin/arbor start exited (${code}) before it listened:\n${output.slice(-2000)}`));
    child.once('exit', onExit);
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      if (output.includes('Arbor is listening')) {
        child.off('exit', onExit);
        resolve();
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      process.stderr.write(chunk);
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    child,
    stop: async () => {
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
