/**
 * Bundles the command line (dist/src/cli.js, as tsc built it) into dist/cli/, which bin/miglint.js
 * runs: loading ~400 ES and CommonJS modules one by one was most of a small folder's lint.
 * Each command's module stays a chunk of its own, loaded only when the command runs (lint never
 * loads PGlite). The WASM packages stay outside: they find their .wasm files next to their code.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/cli';

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: ['dist/src/cli.js'],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['libpg-query', '@electric-sql/pglite', '@electric-sql/pglite-tools'],
  // The CommonJS dependencies (fast-glob and its kin) call require() for Node's own modules.
  banner: { js: "import { createRequire as __miglintCreateRequire } from 'node:module'; const require = __miglintCreateRequire(import.meta.url);" },
  // src/cache/own-code.ts: the caches key on the bundle, not on src/ and rules/.
  define: { MIGLINT_BUNDLED: 'true' },
  logLevel: 'warning',
});
