// The first code rehab runs (bin/rehab.js requires it): it loads the bundles in dist/ with the V8
// code cache the build made for each, so Node does not parse and compile their JavaScript on
// every start; `rehab --help` is about 6 ms faster with it (`npm run bench`). Node 22 has
// module.enableCompileCache() for this; Node 20 does not. scripts/build.js stamps the bundles and
// scripts/warm-code-cache.js, which compiles them exactly as here, writes the caches.
//
// A bundle ends with a `//# codeCache=<hash of the bundle>` line and its cache is
// dist/code-cache/<hash>.v8, so a cache is only ever used with the bundle it was made from. A
// missing cache, or one V8 rejects (another Node version), only means the bundle is compiled.
// Named imports only: a default import of a Node module is copied property by property into the
// bundle (esbuild's interop), a measurable part of start-up for node:module.
import { readFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What Node's CommonJS loader has and @types/node does not declare. */
interface LoadingModule extends Module {
  _compile(content: string, filename: string): unknown;
}
type ModuleInternals = typeof Module & {
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
};

const STAMP = /\n\/\/# codeCache=([0-9a-f]+)\n?$/;
const prototype = Module.prototype as LoadingModule;
const compile = prototype._compile;

prototype._compile = function compileWithCache(this: LoadingModule, content: string, filename: string): unknown {
  const stamp = STAMP.exec(content.slice(-64))?.[1];
  const cachedData = stamp === undefined ? undefined : readCache(stamp);
  if (cachedData === undefined) return compile.call(this, content, filename);

  const script = new Script((Module as ModuleInternals).wrap(content), { filename, cachedData });
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const requireFromBundle = Object.assign((id: string) => this.require(id), {
    resolve: (request: string, options?: { paths?: string[] }) => (Module as ModuleInternals)._resolveFilename(request, this, false, options),
    cache: require.cache,
    main: require.main,
  });
  return wrapper.call(this.exports, this.exports, requireFromBundle, this, filename, dirname(filename));
};

function readCache(stamp: string): Buffer | undefined {
  try {
    return readFileSync(join(__dirname, 'code-cache', `${stamp}.v8`));
  } catch {
    return undefined;
  }
}

require('./main.js');
