// Start-up stays light: `rehab --help` and every command load dist/main.js (the wiring) before
// their own handler's bundle in dist/commands/. The heavy modules must not be in main.js, and
// the commands people type all day must not load what they do not use. Checked in two ways: what
// the bundles contain, and which of Node's own modules a real run of the binary loads.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, type Sandbox } from './run-rehab.js';

const DIST = path.resolve('dist');
const main = () => readFileSync(path.join(DIST, 'main.js'), 'utf8');

describe('the start-up bundle', () => {
  it.each([
    ['zod', 'node_modules/zod/'],
    ['the prompts', 'node_modules/@inquirer/'],
    ['the chart library', 'node_modules/asciichart/'],
    ['the CSV parser', 'node_modules/csv-parse/'],
    ['date-fns', 'node_modules/date-fns/'],
  ])('does not contain %s', (_name, marker) => {
    expect(main()).not.toContain(marker);
  });

  it('does not load SQLite', () => {
    expect(main()).not.toMatch(/require\("better-sqlite3"\)|node_modules\/better-sqlite3\/|better_sqlite3\.node/);
  });

  it('leaves each handler to its own bundle, required only when its command runs', () => {
    expect(main()).toMatch(/require\("\.\/commands\/next\.js"\)/);
    expect(main()).not.toMatch(/import\("/);
    // better-sqlite3's JavaScript is bundled with the handlers, told where its addon is.
    expect(readFileSync(path.join(DIST, 'commands', 'next.js'), 'utf8')).toContain('better-sqlite3/build/Release/better_sqlite3.node');
  });
});

describe('the code caches', () => {
  it('exist for the wiring and every handler, and this Node accepts them', () => {
    const bundles = ['main.js', ...readdirSync(path.join(DIST, 'commands')).filter((file) => file.endsWith('.js')).map((file) => `commands/${file}`)];
    // Checked in a plain node process: V8 accepts a cache only under the flags it was made with.
    const probe = `
      const fs = require('node:fs'), vm = require('node:vm'), Module = require('node:module'), path = require('node:path');
      const verdicts = {};
      for (const bundle of ${JSON.stringify(bundles)}) {
        const file = path.join(${JSON.stringify(DIST)}, bundle);
        const code = fs.readFileSync(file, 'utf8');
        const stamp = /\\n\\/\\/# codeCache=([0-9a-f]+)\\n?$/.exec(code)?.[1];
        const cache = path.join(${JSON.stringify(DIST)}, 'code-cache', stamp + '.v8');
        if (!stamp || !fs.existsSync(cache)) { verdicts[bundle] = 'missing'; continue; }
        const script = new vm.Script(Module.wrap(code), { filename: file, cachedData: fs.readFileSync(cache) });
        verdicts[bundle] = script.cachedDataRejected ? 'rejected' : 'accepted';
      }
      process.stdout.write(JSON.stringify(verdicts));`;
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const verdicts = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(verdicts)).toContain('commands/next.js');
    expect(Object.entries(verdicts).filter(([, verdict]) => verdict !== 'accepted')).toStrictEqual([]);
  });
});

describe("the modules of Node's own a run loads", () => {
  let sandbox: Sandbox;
  let recorder: string;

  beforeAll(() => {
    sandbox = makeSandbox();
    // Preloaded into the run: writes the built-in modules loaded after it, at exit.
    recorder = path.join(sandbox.dir, 'record-modules.cjs');
    writeFileSync(
      recorder,
      `const before = new Set(process.moduleLoadList);
       process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_FILE, JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));`,
    );
    expect(sandbox.run(['log', 'squat', '25kg', '3x10']).code).toBe(0);
  });

  afterAll(() => sandbox.cleanup());

  /** The built-in modules (`child_process`, `net`, …) `rehab args` loads, stdout to a file as in a script (or a pipe, or /dev/null). */
  function modulesLoadedBy(args: string[], stdoutTo: 'file' | 'pipe' | '/dev/null' = 'file'): string[] {
    const modulesFile = path.join(sandbox.dir, 'modules.json');
    const stdout = stdoutTo === 'pipe' ? 'pipe' : openSync(stdoutTo === 'file' ? path.join(sandbox.dir, 'stdout.txt') : '/dev/null', 'w');
    try {
      const result = spawnSync(process.execPath, ['--require', recorder, BIN, ...args], {
        env: { PATH: process.env.PATH, HOME: sandbox.dir, REHAB_DB: sandbox.db, MODULES_FILE: modulesFile },
        stdio: ['ignore', stdout, 'pipe'],
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      if (stdoutTo === 'pipe') expect(result.stdout).not.toBe('');
    } finally {
      if (typeof stdout === 'number') closeSync(stdout);
    }
    const loaded = JSON.parse(readFileSync(modulesFile, 'utf8')) as string[];
    return loaded.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length));
  }

  it.each([
    [['--help']],
    [['next']],
    [['log', 'bridge', '30kg', '3x12']],
  ])('rehab %j loads no child processes, sockets, terminals or crypto', (args) => {
    const loaded = modulesLoadedBy(args);
    expect(loaded).toContain('vm'); // the recorder works: dist/start.js loads vm
    expect(loaded.filter((name) => ['child_process', 'net', 'tty', 'crypto', 'dgram'].includes(name))).toStrictEqual([]);
  });

  it.each([['file'], ['pipe'], ['/dev/null']] as const)(
    'rehab next and --help with stdout to a %s make no stdout stream (Node builds one on first use: a few ms)',
    (stdoutTo) => {
      for (const args of [['next'], ['--help']]) {
        const streams = modulesLoadedBy(args, stdoutTo).filter((name) => name === 'stream' || name.startsWith('internal/streams/') || name === 'net');
        expect(streams, `rehab ${args.join(' ')}`).toStrictEqual([]);
      }
    },
  );
});
