// Makes sure better-sqlite3's native addon is built, from `npm install` (prepare) on any machine.
//
// better-sqlite3's own install script is `prebuild-install || node-gyp rebuild`. With no prebuilt
// binary reachable and no `nodedir` configured (a fresh HOME with no ~/.npmrc, or no internet),
// node-gyp tries to download Node's headers and the install fails. So package.json denies that
// script (allowScripts) and this one does the same job: keep a binary that loads, else try the
// prebuilt one, else compile against the headers installed beside this very Node, when it has them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('better-sqlite3/package.json'));

function loads() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: path.dirname(packageDir),
    stdio: 'ignore',
  });
  return probe.status === 0;
}

function run(command, args, timeoutMinutes) {
  console.error(`> ${[path.basename(command), ...args].join(' ')}`);
  return spawnSync(command, args, { cwd: packageDir, stdio: 'inherit', timeout: timeoutMinutes * 60_000 }).status === 0;
}

/** npm's configured nodedir, else the prefix of the running Node if its headers are there. */
function nodeHeadersDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

function nodeGyp() {
  const script = process.env.npm_config_node_gyp;
  return script && existsSync(script) ? [process.execPath, [script]] : ['node-gyp', []];
}

if (!loads()) {
  const prebuild = path.join(packageDir, 'node_modules', '.bin', 'prebuild-install');
  const fallback = path.resolve(packageDir, '..', '.bin', 'prebuild-install');
  const prebuildBin = existsSync(prebuild) ? prebuild : fallback;
  const prebuilt = existsSync(prebuildBin) && run(process.execPath, [prebuildBin], 1) && loads();
  if (!prebuilt) {
    const [command, prefixArgs] = nodeGyp();
    const headers = nodeHeadersDir();
    const args = [...prefixArgs, 'rebuild', '--release', ...(headers ? [`--nodedir=${headers}`] : [])];
    if (!run(command, args, 10) || !loads()) {
      console.error('rehab: could not build better-sqlite3 (a C++ compiler, Python and Node headers are needed).');
      process.exit(1);
    }
  }
}
