#!/usr/bin/env node
// Lighthouse (mobile) for every page of the public site; prints the four category scores and
// exits non-zero when a page misses the site's quality bars (perf ≥ 95, a11y 100, best practices
// ≥ 95, SEO 100; docs/site.md). Starts its own `arbor demo` on free ports unless --url points at a
// running one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pages = [
  '/',
  '/what-is-ketamine',
  '/what-it-treats',
  '/how-it-works',
  '/your-treatment',
  '/am-i-a-candidate',
  '/consultation',
  '/consultation/thanks',
  '/evidence',
  '/contact',
  '/privacy',
];
const bars = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 100 };
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function freePort(from, to) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  return (async () => {
    for (let port = from; port <= to; port++) if (await tryPort(port)) return port;
    throw new Error(`no free port in ${from}-${to}`);
  })();
}

async function startDemo() {
  const port = await freePort(3340, 3399);
  const pgPort = await freePort(55740, 55799);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'arbor-lighthouse-'));
  const child = spawn(process.execPath, [path.join(root, 'bin', 'arbor'), 'demo'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ARBOR_DATA_DIR: dataDir,
      ARBOR_PG_PORT: String(pgPort),
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const started = Date.now();
  while (!/Arbor is listening on (\S+)/.test(output)) {
    if (child.exitCode !== null) throw new Error(`arbor demo exited:\n${output}`);
    if (Date.now() - started > 120_000) throw new Error(`arbor demo did not start:\n${output}`);
    await sleep(200);
  }
  const url = /Arbor is listening on (\S+)/.exec(output)[1];
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, stop };
}

const urlFlag = process.argv.indexOf('--url');
const server =
  urlFlag > 0
    ? { url: process.argv[urlFlag + 1].replace(/\/$/, ''), stop: async () => {} }
    : await startDemo();
process.env.CHROME_PATH ??= '/usr/bin/chromium';
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags });
let failed = false;
try {
  console.log(
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile, ${server.url}`,
  );
  console.log(['page'.padEnd(22), 'perf', 'a11y', 'best', 'seo'].join('  '));
  for (const page of pages) {
    const run = () =>
      lighthouse(`${server.url}${page}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(bars),
        formFactor: 'mobile',
      });
    let result = await run();
    // A run that could not load the page (a Chromium hiccup) says nothing about the page: retry once.
    if (result.lhr.runtimeError) {
      console.log(`    ${page}: ${result.lhr.runtimeError.code}; running again`);
      result = await run();
    }
    const categories = result.lhr.categories;
    const scores = Object.keys(bars).map((id) => Math.round((categories[id]?.score ?? 0) * 100));
    const misses = Object.keys(bars).filter((id, i) => scores[i] < bars[id]);
    if (misses.length) failed = true;
    console.log(
      [page.padEnd(22), ...scores.map((s) => String(s).padStart(4))].join('  ') +
        (misses.length ? `  below the bar: ${misses.join(', ')}` : ''),
    );
    for (const id of misses) {
      for (const ref of categories[id].auditRefs) {
        const audit = result.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
          console.log(`    ${id}: ${audit.id} ${audit.displayValue ?? ''} ${audit.title}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}
process.exitCode = failed ? 1 : 0;
