// Builds the staff web app when dist/web is missing or older than its sources, so that
// `npm start` right after `npm install` serves the current app without a separate build step.
// ARBOR_SKIP_WEB_BUILD=1 skips the check: a deployment that ships a built dist/web (and no dev
// dependencies) never tries to rebuild it at start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

if (process.env.ARBOR_SKIP_WEB_BUILD === '1') process.exit(0);

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const built = path.join(root, 'dist', 'web', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'src', 'web'), path.join(root, 'src', 'domain')].filter(existsSync);
const stale = !existsSync(built) || sources.some((dir) => newestMtime(dir) > statSync(built).mtimeMs);
// One line while it builds (a few seconds); vite's own report is shown only if the build fails.
if (stale) {
  process.stdout.write('Building the staff web app… ');
  const started = Date.now();
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) {
    process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  } else {
    process.stdout.write('failed:\n');
    process.stderr.write(
      `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error}\n` : ''}`,
    );
    process.exit(result.status ?? 1);
  }
}
