import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createLogger, resolveConfig, type Rollup } from 'vite';

/**
 * The staff app as `vite build` makes it, built in memory (nothing is written, dist/ is untouched):
 * what a browser downloads before the sign-in page appears, and what the build says while it runs.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const configFile = path.join(root, 'vite.config.ts');

/** Initial JavaScript, gzip: the entry chunk and every chunk it imports statically (figures: docs/benchmarks.md). */
const initialGzipBudgetKb = 100;

/** Page folders: none of their code may be in the initial download. */
const pageCode =
  /src\/web\/staff\/(account|assessments|audit|dosing|eligibility|enquiries|outbox|patient-chart|patients|scheduling|settings|simulator|users)\//;

type Chunk = Rollup.OutputChunk;
let chunks: Chunk[];
let initial: Chunk[];
const warnings: string[] = [];

/** kB as vite prints them (1 kB = 1,000 bytes, gzip at its default level). */
const kb = (bytes: number) => Math.round(bytes / 10) / 100;
const gzipKb = (list: Chunk[]) => kb(list.reduce((sum, c) => sum + gzipSync(c.code).length, 0));

beforeAll(async () => {
  const logger = createLogger('warn');
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = (message) => void warnings.push(message);
  logger.error = (message) => void warnings.push(message);
  // The app is built for production, as `npm start` builds it (tests run with NODE_ENV=test).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const result = await build({
      configFile,
      mode: 'production',
      customLogger: logger,
      build: {
        write: false,
        emptyOutDir: false,
        outDir: path.join(root, 'node_modules/.cache/initial-load'),
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    chunks = outputs.flatMap((o) => o.output.filter((item): item is Chunk => item.type === 'chunk'));
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (chunk: Chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) visit(byName.get(name)!);
  };
  for (const entry of chunks.filter((c) => c.isEntry)) visit(entry);
  initial = chunks.filter((c) => seen.has(c.fileName));
}, 120_000);

afterAll(() => {
  process.stdout.write(`initial JS: ${initial.length} chunk(s), ${gzipKb(initial)} kB gzip\n`);
});

describe('the staff app’s build', () => {
  it('prints no warnings, and no chunk reaches the size vite warns about', async () => {
    expect(warnings).toEqual([]);
    const { build: options } = await resolveConfig({ configFile }, 'build', 'production');
    expect(options.chunkSizeWarningLimit).toBeLessThanOrEqual(500);
    for (const chunk of chunks) {
      expect(chunk.code.length / 1000, chunk.fileName).toBeLessThan(options.chunkSizeWarningLimit);
    }
  });

  it(`keeps the sign-in path small: at most ${initialGzipBudgetKb} kB of JavaScript (gzip) and no page`, () => {
    expect(gzipKb(initial)).toBeLessThanOrEqual(initialGzipBudgetKb);
    const modules = initial.flatMap((c) => c.moduleIds);
    expect(modules.filter((id) => pageCode.test(id))).toEqual([]);
    expect(modules.filter((id) => id.includes('/node_modules/uplot/'))).toEqual([]);
    expect(modules.some((id) => id.endsWith('src/web/staff/auth/sign-in-page.tsx'))).toBe(true);
  });

  it('puts each page, the uPlot charts and the simulator in chunks of their own', () => {
    const chunkOf = (suffix: string) => {
      const found = chunks.filter((c) => c.moduleIds.some((id) => id.endsWith(suffix)));
      expect(found, suffix).toHaveLength(1);
      return found[0]!;
    };
    const charts = chunkOf('/node_modules/uplot/dist/uPlot.esm.js');
    const simulator = chunkOf('src/web/staff/simulator/simulator-page.tsx');
    const chart = chunkOf('src/web/staff/patient-chart/patient-chart-page.tsx');
    const outbox = chunkOf('src/web/staff/outbox/outbox-page.tsx');
    expect(new Set([charts, simulator, chart, outbox].map((c) => c.fileName)).size).toBe(4);
    for (const chunk of [charts, simulator, chart, outbox])
      expect(chunk.isDynamicEntry || !chunk.isEntry).toBe(true);
    // The charts load only with a page that draws one.
    expect(simulator.imports).toContain(charts.fileName);
    expect(outbox.imports).not.toContain(charts.fileName);
  });
});
