/**
 * Scoring benchmark: 1,000,000 synthetic PHQ-9 responses through `arbor score phq9 --csv`, end to end
 * (file read, parse, validate, score, CSV output written to a file). Prints responses/s for 3 runs and the
 * median. Run with `npm run bench:score` (optionally `-- --rows 200000`).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreCommand } from '../../src/cli/commands/score';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const RUNS = 3;

/** Deterministic generator (mulberry32) so every run scores the same file. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(path: string): void {
  const rand = rng(42);
  const fd = openSync(path, 'w');
  writeSync(fd, 'id,item1,item2,item3,item4,item5,item6,item7,item8,item9\n');
  let buf = '';
  for (let r = 0; r < ROWS; r++) {
    let line = `p${r}`;
    for (let i = 0; i < 9; i++) line += ',' + Math.floor(rand() * 4);
    buf += line + '\n';
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

let peakScoringRss = 0;

async function runOnce(input: string, output: string): Promise<number> {
  const fd = openSync(output, 'w');
  let stderr = '';
  const io = {
    stdout: (text: string) => {
      writeSync(fd, text);
      // Sampled per output chunk: shows memory stays flat while streaming, whatever the row count.
      peakScoringRss = Math.max(peakScoringRss, process.memoryUsage.rss());
    },
    stderr: (text: string) => void (stderr += text),
    readFile: async (p: string) => readFileSync(p, 'utf8'),
    readStdin: async () => '',
    env: process.env,
  };
  const t0 = performance.now();
  const code = await scoreCommand(['phq9', '--csv', input], io);
  const ms = performance.now() - t0;
  closeSync(fd);
  if (code !== 0) throw new Error(`scorer exited ${code}: ${stderr.slice(0, 500)}`);
  return ms;
}

function countLines(path: string): number {
  const text = readFileSync(path, 'latin1');
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const dir = mkdtempSync(join(tmpdir(), 'arbor-bench-score-'));
try {
  const input = join(dir, 'phq9.csv');
  const output = join(dir, 'scored.csv');
  generate(input);
  console.log(
    `input: ${ROWS.toLocaleString('en-US')} PHQ-9 rows, ${(statSync(input).size / 1e6).toFixed(1)} MB`,
  );
  const rates: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const ms = await runOnce(input, output);
    const lines = countLines(output);
    if (lines !== ROWS + 1) throw new Error(`expected ${ROWS + 1} output lines, got ${lines}`);
    const rate = ROWS / (ms / 1000);
    rates.push(rate);
    console.log(`run ${run}: ${ms.toFixed(0)} ms, ${Math.round(rate).toLocaleString('en-US')} responses/s`);
  }
  const median = [...rates].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  console.log(`median: ${Math.round(median).toLocaleString('en-US')} responses/s`);
  console.log(
    `RSS while scoring: ≤ ${(peakScoringRss / 1e6).toFixed(0)} MB (process peak incl. generation: ${(
      process.resourceUsage().maxRSS / 1024
    ).toFixed(0)} MB; node ${process.version})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
