#!/usr/bin/env node
// End-to-end tests: build the staff app, then run the e2e specs (e2e/**/*.spec.ts) with their own
// Vitest config. They drive Debian's Chromium through playwright-core; no browser is downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = '/usr/bin/chromium';
const installCommand = 'apt-get update && apt-get install -y chromium';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Chromium is missing at ${chromium}. Install it, then run the tests again:\n  sudo sh -c '${installCommand}'`,
    );
    process.exit(1);
  }
  console.log(`Chromium is missing at ${chromium}; installing it: ${installCommand}`);
  const status = run('sh', ['-c', installCommand]);
  if (status !== 0 || !existsSync(chromium)) {
    console.error(`Installing Chromium failed (exit ${status}).`);
    process.exit(1);
  }
}

const build = run('npx', ['vite', 'build']);
if (build !== 0) process.exit(build);
process.exit(run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]));
