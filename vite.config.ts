import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// The staff app is served by Arbor under /app/ (src/server/app.ts reads dist/web). JSX goes through
// esbuild directly, so no React plugin (and no inline preamble script, which the strict CSP forbids).
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
  },
});
