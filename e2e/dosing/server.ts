import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuilt, freePort, repoRoot, type ArborServer } from '../harness';

/**
 * startArbor from the shared harness, on the dosing specs' own port ranges (HTTP 3500–3599,
 * PostgreSQL 55900–55999), so these specs can run beside the rest of the suite.
 */
export async function startDosingArbor(): Promise<ArborServer> {
  ensureWebBuilt();
  const port = await freePort(3500, 3599);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arbor-dose-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ARBOR_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  env.ARBOR_PG_PORT = String(await freePort(55900, 55999));
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'arbor'), 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    const url = /Arbor is listening on (\S+)/.exec(output)?.[1];
    const code = /setup code:\s*\n\s*(\S+)/.exec(output)?.[1];
    if (url && code) return { url, setupCode: code, output: () => output, stop };
    if (child.exitCode !== null || Date.now() - started > 120_000) {
      await stop();
      throw new Error(`Arbor did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
