// Bundles src/main.ts into dist/ so start-up reads a handful of files, not hundreds.
// Dynamic import() calls become separate chunks, loaded only by the commands that use them.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const outdir = 'dist';
mkdirSync(outdir, { recursive: true });

const result = await build({
  entryPoints: ['src/main.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // better-sqlite3 loads a native addon, so it stays a normal dependency.
  external: ['better-sqlite3'],
  loader: { '.sql': 'text' },
  sourcemap: 'linked',
  metafile: true,
  // Bundled CommonJS packages call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __rehabCreateRequire } from 'node:module'; const require = __rehabCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Remove chunks of earlier builds only after the new ones are written, so a rehab process
// running meanwhile (tests run in parallel) never finds dist/ empty.
const fresh = new Set(Object.keys(result.metafile.outputs).map((file) => path.basename(file)));
for (const file of readdirSync(outdir)) {
  if (!fresh.has(file)) rmSync(path.join(outdir, file), { force: true });
}
