import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuilt, freePort, repoRoot, type ArborServer } from '../harness';

/**
 * `bin/arbor start` on this suite's own port ranges (HTTP 3400–3499, embedded PostgreSQL
 * 55800–55899), so it can run beside the other end-to-end suites. Otherwise as e2e/harness.ts.
 */
export async function startMbcArbor(): Promise<ArborServer> {
  ensureWebBuilt();
  const port = await freePort(3400, 3499);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arbor-e2e-mbc-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ARBOR_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  env.ARBOR_PG_PORT = String(await freePort(55800, 55899));
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'arbor'), 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async () => {
    if (!exited()) {
      child.kill('SIGTERM');
      const done = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 30_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!done) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    const url = /Arbor is listening on (\S+)/.exec(output)?.[1];
    const code = /setup code:\s*\n\s*(\S+)/.exec(output)?.[1];
    if (url && code) return { url, setupCode: code, output: () => output, stop };
    if (exited() || Date.now() - started > 120_000) {
      await stop();
      throw new Error(`Arbor did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
