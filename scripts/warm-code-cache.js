// Makes the V8 code caches that dist/start.js loads the bundles with (run by scripts/build.js in a
// process of its own). A cache holds the functions compiled by the time it is made, and V8
// compiles a function when it first runs, so the bundles are loaded here exactly as start.js
// loads them, the common commands are run on a scratch log, and only then are the caches taken.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const dist = path.resolve(process.argv[2] ?? 'dist');
const STAMP = /\n\/\/# codeCache=([0-9a-f]+)\n?$/;
const scripts = new Map();

const compile = Module.prototype._compile;
Module.prototype._compile = function compileAndKeep(content, filename) {
  const stamp = STAMP.exec(content.slice(-64))?.[1];
  if (stamp === undefined) return compile.call(this, content, filename);
  // The same wrapper source as start.js compiles, so V8 accepts the cache there.
  const script = new vm.Script(Module.wrap(content), { filename });
  scripts.set(stamp, script);
  const wrapper = script.runInThisContext({ displayErrors: true });
  const require = Object.assign((id) => this.require(id), { resolve: (request) => Module._resolveFilename(request, this), cache: Module._cache });
  return wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
};

const scratch = mkdtempSync(path.join(tmpdir(), 'rehab-code-cache-'));
const db = path.join(scratch, 'rehab.db');

/** A year and a half of sessions of the starter exercises, loads rising, so that every kind of milestone is due. */
function history() {
  const exercises = ['Goblet squat', 'Glute bridge', 'Romanian deadlift', 'Bird dog'];
  const lines = ['id,date,exercise,session,set,reps,seconds,load,unit,load_type,load_kg,rpe,pain,note,source'];
  for (let daysAgo = 540, session = 0; daysAgo >= 1; daysAgo -= 2 + (session % 2), session++) {
    const date = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    exercises.forEach((exercise, index) => {
      const load = 10 + 2.5 * Math.floor(session / 4) + 5 * index;
      for (let set = 1; set <= 3; set++) {
        lines.push(`warm-${session}-${index}-${set},${date},${exercise},1,${set},${8 + ((session + set) % 5)},,${load},kg,external,${load},${7 + (set % 3)},${session % 7 === 0 ? 3 : ''},,typed`);
      }
    });
  }
  return `${lines.join('\n')}\n`;
}
const rehabCsv = path.join(scratch, 'history.csv');
writeFileSync(rehabCsv, history());
const strongCsv = path.join(scratch, 'strong.csv');
writeFileSync(
  strongCsv,
  'Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes\n' +
    '1,2026-01-05 18:00:00,Lower,3600,Squat (Barbell),1,40,8,,,,,\n1,2026-01-05 18:00:00,Lower,3600,Squat (Barbell),2,40,8,,,,,\n',
);
// main.js runs `main(process.argv)` when loaded: let that be a harmless --version.
process.argv = [process.argv[0], path.join(dist, 'main.js'), '--version'];
const { main } = createRequire(import.meta.url)(path.join(dist, 'main.js'));

const commands = [
  ['--help'],
  ['next', '--help'],
  ['--db', db, 'next'],
  ['--db', db, 'import', rehabCsv],
  ['--db', db, 'import', strongCsv, '--from', 'strong', '--map', 'Squat (Barbell)=squat'],
  ['--db', db, 'bodyweight', '80kg'],
  ['--db', db, 'next'],
  ['--db', db, 'log', 'squat', '25kg'],
  ['--db', db, 'log', 'squat', '25kg', '3x10', '@7'],
  ['--db', db, 'log', 'bridge', '40kg', '3x12'],
  ['--db', db, 'next'],
  ['--db', db, 'next', '--format', 'json'],
  ['--db', db, 'history'],
  ['--db', db, 'milestones'],
  ['--db', db, 'progress', 'squat'],
  ['--db', db, 'pain', '2'],
  ['--db', db, 'export'],
  ['--db', db, 'exercise', 'list'],
  ['--db', db, 'undo'],
];
try {
  for (const args of commands) {
    if ((await main(args)) !== 0) throw new Error(`rehab ${args.join(' ')} failed while warming the code caches.`);
  }
  // The handlers of the other commands are loaded, at least, so their caches hold their top level.
  for (const file of readdirSync(path.join(dist, 'commands'))) if (file.endsWith('.js')) createRequire(import.meta.url)(path.join(dist, 'commands', file));
  mkdirSync(path.join(dist, 'code-cache'), { recursive: true });
  for (const [stamp, script] of scripts) writeFileSync(path.join(dist, 'code-cache', `${stamp}.v8`), script.createCachedData());
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = 0;
