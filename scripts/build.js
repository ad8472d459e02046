// Builds rehab into dist/ as CommonJS bundles, because start-up time is the product's feel:
// - dist/main.js holds the wiring (commander, the global options) and nothing else heavy;
// - each handler in src/commands/ becomes its own bundle in dist/commands/, required only by
//   the command that runs it, so `rehab --help` never reads SQLite, zod, CSV or the prompts.
// CommonJS, not ESM: Node 20 loads one CommonJS file faster than an ESM graph (measured with
// `npm run bench`: about 15 ms less for `rehab --help`). dist/package.json and bin/package.json
// say "commonjs" so these .js files load as such inside this "type": "module" package.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const outdir = 'dist';
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
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

/**
 * Commander requires child_process (and with it net, dgram and streams: ~4 ms) for executable
 * subcommands, which rehab has none of; it gets a stand-in that loads the real module on first use.
 */
const childProcessOnDemand = {
  name: 'child-process-on-demand',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'on-demand' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'on-demand' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/** src/io/prompts.ts imports the prompts through src/io/import-esm.ts, which stays a file of its own (see there). */
const esmImportStaysApart = {
  name: 'esm-import-stays-apart',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/import-esm\.js$/ }, () => ({ path: '../import-esm.js', external: true }));
  },
};

/**
 * chalk's colour detection (supports-color) loads tty, and with it net and streams, when chalk is
 * first imported; rehab decides colour itself (src/io/style.ts) and hands chalk a level, so the
 * bundles take chalk's other variant of that module, which loads nothing.
 */
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(builder) {
    builder.onResolve({ filter: /^#supports-color$/ }, (args) => ({ path: path.join(path.dirname(args.importer), 'vendor', 'supports-color', 'browser.js') }));
  },
};

const handlers = readdirSync('src/commands')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `src/commands/${file}`);

const results = await Promise.all([
  // `supported` turns the wiring's import() into require(), so no ESM loader starts at all.
  build({ ...common, entryPoints: ['src/main.ts'], outfile: `${outdir}/main.js`, plugins: [handlersStayApart, childProcessOnDemand, chalkWithoutDetection], supported: { 'dynamic-import': false } }),
  // The prompts (700 KB with their dependencies) are loaded from node_modules only when a
  // question is actually asked, so `rehab log squat 25kg` never reads them. better-sqlite3's
  // JavaScript is bundled and told where its addon is (src/db/sqlite.ts), so `bindings`, which
  // would look for the addon, is never needed.
  build({ ...common, entryPoints: handlers, outdir: `${outdir}/commands`, external: ['@inquirer/prompts', 'bindings'], plugins: [esmImportStaysApart, chalkWithoutDetection] }),
  build({ ...common, entryPoints: ['src/io/import-esm.ts'], outfile: `${outdir}/import-esm.js` }),
  build({ ...common, entryPoints: ['src/start.ts'], outfile: `${outdir}/start.js`, external: ['./main.js'] }),
]);
writeFileSync(`${outdir}/package.json`, '{ "type": "commonjs" }\n');

// V8 code caches of the wiring and the handlers, which dist/start.js loads them with (see there):
// each bundle gets a last line naming its cache by the hash of its contents, so a bundle is never
// run with another's cache; scripts/warm-code-cache.js then runs the common commands and writes
// the caches. Without them rehab works the same, only starts a few milliseconds slower.
const cacheDir = path.join(outdir, 'code-cache');
const stamps = new Set();
const bundles = [`${outdir}/main.js`, ...readdirSync(`${outdir}/commands`).filter((file) => file.endsWith('.js')).map((file) => `${outdir}/commands/${file}`)];
for (const file of bundles) {
  const code = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  writeFileSync(file, `${code}//# codeCache=${hash}\n`);
  stamps.add(`${hash}.v8`);
}
const warm = spawnSync(process.execPath, ['scripts/warm-code-cache.js', outdir], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (warm.status !== 0) console.warn(`rehab build: no code caches were made, so start-up is a little slower:\n${warm.stderr}`);
mkdirSync(cacheDir, { recursive: true });
for (const file of readdirSync(cacheDir)) if (!stamps.has(file)) rmSync(path.join(cacheDir, file), { force: true });

// Remove files of earlier builds only after the new ones are written, so a rehab process running
// meanwhile (tests run in parallel) never finds dist/ empty.
const fresh = new Set(['package.json', 'commands', 'code-cache']);
for (const result of results) for (const file of Object.keys(result.metafile.outputs)) fresh.add(path.relative(outdir, file));
for (const folder of ['', 'commands']) {
  for (const entry of readdirSync(path.join(outdir, folder), { withFileTypes: true })) {
    const relative = path.join(folder, entry.name);
    if (!fresh.has(relative)) rmSync(path.join(outdir, relative), { recursive: true, force: true });
  }
}
