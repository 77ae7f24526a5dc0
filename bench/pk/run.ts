/**
 * PK simulator benchmark: `npx tsx bench/pk/run.ts` (or `npm run bench:pk`).
 *
 * (a) engine samples/s for a 3-week induction series (6 × 0.5 mg/kg over 40 min, twice a week, Domino,
 *     70 kg) sampled every second, Cp only and Cp + Ce, median of repeated runs;
 * (b) per-sample superposition and 1-s explicit Euler on the same series: speed and maximum error;
 * (c) the same recursion in C (bench/pk/ceiling.c, gcc -O3 -ffast-math) as this machine's ceiling;
 * (d) time to re-simulate an edited 3-hour plan at 1-s resolution, to check a page can re-plot in a frame.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchedule,
  compileModel,
  parsePlan,
  simulateInto,
  type PkDose,
  type PkPlan,
  type SampleGrid,
} from '../../src/domain/pk/index';
import { eulerCp, superpositionCp } from './baselines';

const here = dirname(fileURLToPath(import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeRuns(reps: number, warmup: number, fn: () => void): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

// ---------- the 3-week series ----------

const DAYS = [0, 3, 7, 10, 14, 17]; // Monday and Thursday for three weeks
const series: PkPlan = {
  model: 'domino',
  patient: { weightKg: 70, ageYears: 40 },
  doses: DAYS.map((d): PkDose => ({
    kind: 'infusion',
    startMin: d * 1440,
    endMin: d * 1440 + 40,
    totalMgPerKg: 0.5,
  })),
};
const compiled = compileModel(series.model, series.patient);
const schedule = buildSchedule(series);
const grid: SampleGrid = { startMin: 0, stepMin: 1 / 60, count: 21 * 1440 * 60 + 1 };
const N = grid.count;
const cp = new Float64Array(N);
const ce = new Float64Array(N);
const REPS = 21;
const ROUNDS = 3;

const superOut = new Float64Array(N);
const eulerOut = new Float64Array(N);
// Warm up every variant, then interleave the timed runs so that load from other processes on a shared
// machine spreads evenly over the variants instead of landing on whichever ran last.
for (let i = 0; i < 5; i++) {
  simulateInto(compiled, schedule, grid, { cp });
  simulateInto(compiled, schedule, grid, { cp, ce });
  eulerCp(compiled, schedule, grid, eulerOut);
}
const cpTimes: number[] = [];
const cpceTimes: number[] = [];
const eulerTimes: number[] = [];
for (let i = 0; i < REPS * ROUNDS; i++) {
  cpTimes.push(...timeRuns(1, 0, () => simulateInto(compiled, schedule, grid, { cp })));
  cpceTimes.push(...timeRuns(1, 0, () => simulateInto(compiled, schedule, grid, { cp, ce })));
  eulerTimes.push(...timeRuns(1, 0, () => eulerCp(compiled, schedule, grid, eulerOut)));
}
simulateInto(compiled, schedule, grid, { cp });
const exactCp = Float64Array.from(cp);
simulateInto(compiled, schedule, grid, { cp, ce });
const exactCe = Float64Array.from(ce);
const superTimes = timeRuns(3, 0, () => superpositionCp(compiled, schedule, grid, superOut));

// ---------- C ceiling ----------

interface CeilingResult {
  cpMs: number;
  cpceMs: number;
  cpChecksum: number;
  ceChecksum: number;
}

function runCeiling(): CeilingResult | string {
  const dir = mkdtempSync(join(tmpdir(), 'arbor-pk-bench-'));
  try {
    const exe = join(dir, 'ceiling');
    execFileSync('gcc', ['-O3', '-ffast-math', '-o', exe, join(here, 'ceiling.c'), '-lm']);
    const pad = (a: Float64Array, w: number, scale: (v: number, i: number) => number): number[] =>
      Array.from({ length: w }, (_, i) => (i < a.length ? scale(a[i]!, i) : 0));
    const p = compiled.plasma;
    const e = compiled.effect;
    const lines = [
      pad(p.lambda, 3, (v) => v),
      pad(p.bolus, 3, (v, i) => (v * 1000) / p.lambda[i]!),
      pad(p.bolus, 3, (v) => v * 1000),
      pad(e.lambda, 4, (v) => v),
      pad(e.bolus, 4, (v, i) => (v * 1000) / e.lambda[i]!),
      pad(e.bolus, 4, (v) => v * 1000),
      [grid.startMin, grid.stepMin, grid.count, REPS, schedule.timesMin.length],
      ...Array.from(schedule.timesMin, (t, i) => [t, schedule.bolusMg[i]!, schedule.rateAfterMgPerMin[i]!]),
    ];
    // String(v) is the shortest exact decimal, so C parses the same doubles (and integers stay integers).
    const input = lines.map((l) => l.map((v) => String(v)).join(' ')).join('\n');
    // Three invocations of REPS runs each; the median invocation (by Cp time) is reported.
    const outs = [0, 1, 2].map(() => execFileSync(exe, { input }).toString());
    const cpNs = (o: string): number => Number(/^cp (\d+)/m.exec(o)?.[1]);
    const out = [...outs].sort((a, b) => cpNs(a) - cpNs(b))[1]!;
    const rows = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((l) => {
          const [k, ns, sum] = l.split(' ');
          return [k!, { ms: Number(ns) / 1e6, sum: Number(sum) }];
        }),
    );
    return { cpMs: rows.cp!.ms, cpceMs: rows.cpce!.ms, cpChecksum: rows.cp!.sum, ceChecksum: rows.cpce!.sum };
  } catch (e) {
    return `C ceiling unavailable: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const ceiling = runCeiling();
const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);

// ---------- re-plot of an edited 3-hour plan ----------

/** What a page does on every edit: validate the form, compile the model, rebuild the schedule, simulate. */
function replot(planJson: unknown, cpBuf: Float64Array, ceBuf: Float64Array): void {
  const parsed = parsePlan(planJson);
  if (!parsed.ok) throw new Error('bench plan invalid');
  const c = compileModel(parsed.plan.model, parsed.plan.patient);
  simulateInto(
    c,
    buildSchedule(parsed.plan),
    { startMin: 0, stepMin: 1 / 60, count: 180 * 60 + 1 },
    {
      cp: cpBuf,
      ce: ceBuf,
    },
  );
}
const replotCp = new Float64Array(180 * 60 + 1);
const replotCe = new Float64Array(180 * 60 + 1);
const editedPlan = (i: number, model: string): unknown => ({
  model,
  patient: { weightKg: 70, ageYears: 40 },
  doses: [
    { kind: 'bolus', atMin: 0, mgPerKg: 0.1 + (i % 7) * 0.01 },
    { kind: 'infusion', startMin: 0, endMin: 20 + (i % 11), mgPerKgPerHour: 0.5 },
    { kind: 'infusion', startMin: 30, endMin: 70, totalMg: 20 + (i % 5) },
    { kind: 'infusion', startMin: 100, endMin: 140, mgPerHour: 12 },
  ],
});
/** Wall time per edit. On a shared machine the maximum mostly measures preemption by other processes. */
const replotRuns = (model: string): { wall: number[] } => {
  let i = 0;
  for (let w = 0; w < 20; w++) replot(editedPlan(i++, model), replotCp, replotCe);
  const wall: number[] = [];
  for (let r = 0; r < 500; r++) {
    const t0 = performance.now();
    replot(editedPlan(i++, model), replotCp, replotCe);
    wall.push(performance.now() - t0);
  }
  return { wall };
};
const replotDomino = replotRuns('domino');
// The first compile solves ke0 from tPeak; later edits for the same patient reuse the memoised value.
const replotHornik = replotRuns('hornik-2018');

// ---------- report ----------

const mps = (ms: number, n = N): string => (n / ms / 1e3).toFixed(0);
const cpMs = median(cpTimes);
const cpceMs = median(cpceTimes);
const superMs = median(superTimes);
const eulerMs = median(eulerTimes);
const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!;

const rows: string[][] = [
  ['method', 'median ms', 'M samples/s', 'max |error| vs exact (ng/mL)'],
  ['engine Cp (exact modal recursion)', cpMs.toFixed(2), mps(cpMs), '0 (reference)'],
  ['engine Cp + Ce', cpceMs.toFixed(2), mps(cpceMs), '0 (reference)'],
  [
    'superposition Cp (per sample)',
    superMs.toFixed(0),
    mps(superMs),
    maxAbsDiff(superOut, exactCp).toExponential(1),
  ],
  ['explicit Euler Cp, 1-s step', eulerMs.toFixed(2), mps(eulerMs), maxAbsDiff(eulerOut, exactCp).toFixed(3)],
];
if (typeof ceiling !== 'string') {
  rows.push([
    'C ceiling Cp (gcc -O3 -ffast-math)',
    ceiling.cpMs.toFixed(2),
    mps(ceiling.cpMs),
    'same recursion',
  ]);
  rows.push(['C ceiling Cp + Ce', ceiling.cpceMs.toFixed(2), mps(ceiling.cpceMs), 'same recursion']);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
const line = (r: string[]): string => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;

console.log(
  `Arbor PK benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
);
console.log(
  `Series: Domino 70 kg, 6 × 0.5 mg/kg over 40 min (days ${DAYS.join(', ')}), 1-s grid over 21 days = ${N} samples; ` +
    `median of ${REPS * ROUNDS} interleaved runs (superposition: 3; C: median of 3 × ${REPS}).\n`,
);
console.log(line(rows[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
console.log('');
if (typeof ceiling === 'string') console.log(ceiling);
else {
  console.log(
    `engine / C ceiling: Cp ${(ceiling.cpMs / cpMs).toFixed(2)} (JS time ${(cpMs / ceiling.cpMs).toFixed(2)}× C), ` +
      `Cp+Ce ${(ceiling.cpceMs / cpceMs).toFixed(2)} (JS time ${(cpceMs / ceiling.cpceMs).toFixed(2)}× C)`,
  );
  const rel = (a: number, b: number): string => (Math.abs(a - b) / Math.abs(b)).toExponential(1);
  console.log(
    `C vs JS checksum relative difference: Cp ${rel(ceiling.cpChecksum, sum(exactCp))}, Ce ${rel(ceiling.ceChecksum, sum(exactCe))}`,
  );
}
console.log(
  `superposition / engine time: ${(superMs / cpMs).toFixed(0)}×; Euler / engine time: ${(eulerMs / cpMs).toFixed(1)}×`,
);
console.log('');
console.log(
  `Re-plot of an edited 3-hour plan at 1-s resolution (${180 * 60 + 1} samples, Cp + Ce; parse + compile + schedule + simulate), 500 edits:`,
);
const replotLine = (name: string, r: { wall: number[] }): string =>
  `  ${name.padEnd(12)} wall median ${median(r.wall).toFixed(3)} ms, p99 ${p99(r.wall).toFixed(3)} ms, ` +
  `max ${Math.max(...r.wall).toFixed(3)} ms`;
console.log(replotLine('domino', replotDomino));
console.log(replotLine('hornik-2018', replotHornik));
const worstP99 = Math.max(p99(replotDomino.wall), p99(replotHornik.wall));
console.log(`  16-ms frame budget at p99: ${worstP99 < 16 ? 'met' : 'NOT met'}`);
