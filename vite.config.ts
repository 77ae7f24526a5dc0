import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Warnings about dependencies' own source that change nothing in the bundle: React Server Components'
 * "use client" markers (meaningless in a browser-only app) and pure-call comments Rollup cannot place
 * (it drops them). Only these, and only from node_modules: a warning about Arbor's code still shows.
 */
const harmlessDependencyWarnings = new Set(['MODULE_LEVEL_DIRECTIVE', 'INVALID_ANNOTATION']);

/** Folders whose modules have no load-time side effects (see `treeshake` below). */
const pureFolders = ['src/domain/', 'src/contracts/'].map(
  (folder) => `${root.split(path.sep).join('/')}/${folder}`,
);

// The staff app is served by Arbor under /app/ (src/server/app.ts reads dist/web). JSX goes through
// esbuild directly, so no React plugin (and no inline preamble script, which the strict CSP forbids).
// Every page is loaded on demand (src/web/staff/shell/shell-pages.ts); docs/benchmarks.md has the sizes.
export default defineConfig({
  root: path.join(root, 'src/web/staff'),
  base: '/app/',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    // The CSP allows no data: scripts or styles; keep every asset a real file.
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      // The domain and the contracts are pure by rule (docs/architecture.md, enforced by eslint): loading a
      // module runs nothing anyone relies on. Saying so lets Rollup drop a module none of whose exports is
      // used, such as the zod schemas behind a barrel the sign-in page imports two constants from.
      treeshake: {
        moduleSideEffects: (id) => !pureFolders.some((folder) => id.startsWith(folder)),
      },
      onwarn(warning, warn) {
        if (harmlessDependencyWarnings.has(warning.code ?? '') && warning.id?.includes('/node_modules/'))
          return;
        warn(warning);
      },
      output: {
        // uPlot (it has no dependencies, so nothing else is pulled in with it), used by the simulator
        // and the dosing tab: a chunk of its own, fetched only when one of them opens.
        manualChunks(id) {
          return id.includes('/node_modules/uplot/') ? 'charts' : undefined;
        },
      },
    },
  },
});
