// Builds rehab into dist/ as CommonJS bundles, because start-up time is the product's feel:
// - dist/main.js holds the wiring (commander, the global options) and nothing else heavy;
// - each handler in src/commands/ becomes its own bundle in dist/commands/, required only by
//   the command that runs it, so `rehab --help` never reads SQLite, zod, CSV or the prompts.
// CommonJS, not ESM: Node 20 loads one CommonJS file faster than an ESM graph (measured with
// `npm run bench`: about 15 ms less for `rehab --help`). dist/package.json and bin/package.json
// say "commonjs" so these .js files load as such inside this "type": "module" package.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const outdir = 'dist';
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // better-sqlite3 loads a native addon, so it stays a normal dependency.
  external: ['better-sqlite3'],
  loader: { '.sql': 'text' },
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
  // Source written as ESM may ask for import.meta.url; in CommonJS it is this file's URL.
  define: { 'import.meta.url': '__rehabImportMetaUrl' },
  banner: { js: "const __rehabImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** The wiring's `await import('../commands/x.js')` stays a require of the handler's own bundle. */
const handlersStayApart = {
  name: 'handlers-stay-apart',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/commands\/[\w-]+\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}src${path.sep}cli${path.sep}`) ? { path: args.path.replace('../commands/', './commands/'), external: true } : undefined,
    );
  },
};

const handlers = readdirSync('src/commands')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `src/commands/${file}`);

const results = await Promise.all([
  // `supported` turns the wiring's import() into require(), so no ESM loader starts at all.
  build({ ...common, entryPoints: ['src/main.ts'], outfile: `${outdir}/main.js`, plugins: [handlersStayApart], supported: { 'dynamic-import': false } }),
  // The prompts (700 KB with their dependencies) are loaded from node_modules only when a
  // question is actually asked, so `rehab log squat 25kg` never reads them.
  build({ ...common, entryPoints: handlers, outdir: `${outdir}/commands`, external: [...common.external, '@inquirer/prompts'] }),
]);
writeFileSync(`${outdir}/package.json`, '{ "type": "commonjs" }\n');

// Remove files of earlier builds only after the new ones are written, so a rehab process running
// meanwhile (tests run in parallel) never finds dist/ empty.
const fresh = new Set(['package.json', 'commands']);
for (const result of results) for (const file of Object.keys(result.metafile.outputs)) fresh.add(path.relative(outdir, file));
for (const folder of ['', 'commands']) {
  for (const entry of readdirSync(path.join(outdir, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (!fresh.has(relative)) rmSync(path.join(outdir, relative), { recursive: true, force: true });
  }
}
