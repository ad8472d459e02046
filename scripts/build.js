// Bundles src/main.ts into dist/ so start-up reads a handful of files, not hundreds.
// Dynamic import() calls become separate chunks, loaded only by the commands that use them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // better-sqlite3 loads a native addon, so it stays a normal dependency.
  external: ['better-sqlite3'],
  loader: { '.sql': 'text' },
  sourcemap: 'linked',
  // Bundled CommonJS packages call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __rehabCreateRequire } from 'node:module'; const require = __rehabCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
