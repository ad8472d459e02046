// `npm run bench`: rehab's speed and memory as ratios against a reference measured in the same
// run (Node's own start-up, the sqlite3 CLI), never as absolute times: machines are shared and
// noisy, ratios much less so. Each pair runs alternately; medians of many runs after a warm-up.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAST_DAY, generateLog, schemaVersion, strongExport } from './generate-log.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'rehab.js');
const OUT = path.join(ROOT, 'bench', 'out');
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/**
 * Start-up measures take a fifth of a second a run and are the noisiest (Node's own start varied
 * from 100 to 135 ms within one bench on this machine), so they take more runs: a median of 10
 * moved their ratios by up to 0.2 between two benches.
 */
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? Math.max(RUNS, 40));
const SIZES = { '1k': 1_000, '100k': 100_000, '400k': 400_000, '1M': 1_000_000 };

mkdirSync(OUT, { recursive: true });

function haveSqlite3() {
  return spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
}

function haveGnuTime() {
  return spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
}

/** Wall time of one run in ms (and the exit status, which must be 0). */
function timeOnce(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', options.stdout ?? 'ignore', 'pipe'], shell: options.shell ?? false, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `subject` and `reference` alternately, `runs` times each after one warm-up of each. */
function compare(name, subject, reference, target, runs = RUNS) {
  subject();
  reference();
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(subject());
    b.push(reference());
  }
  const row = { name, subjectMs: median(a), referenceMs: median(b), ratio: median(a) / median(b), target };
  // A comparison with no target (null) is there to explain another one.
  if (target !== null) row.ok = row.ratio <= target;
  const verdict = target === null ? '—'.padStart(8) : `${`≤ ${target}×`.padStart(8)} ${row.ok ? 'ok' : 'MISSED'}`;
  console.log(`${name.padEnd(58)} ${row.subjectMs.toFixed(1).padStart(8)} ms ${row.referenceMs.toFixed(1).padStart(8)} ms ${row.ratio.toFixed(2).padStart(6)}× ${verdict}`);
  return row;
}

/** Peak resident memory of one run in MB, from GNU time. */
function peakMemoryMb(command, args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const lines = result.stderr.trim().split('\n');
  return Number(lines.at(-1)) / 1024;
}

/** The schema version this checkout writes: one numbered file per version in migrations/. */
const LATEST_SCHEMA = readdirSync(path.join(ROOT, 'migrations')).filter((name) => /^\d{4}-.+\.sql$/.test(name)).length;

/**
 * The benchmark log of this size, made when missing, asked for (BENCH_REGENERATE=1), or made by
 * an older rehab: timing it would time the upgrade first (seconds at 1M sets) and leave its backup.
 */
function database(label) {
  const file = path.join(OUT, `log-${label}.db`);
  if (!existsSync(file) || process.env.BENCH_REGENERATE || schemaVersion(file) < LATEST_SCHEMA) {
    process.stderr.write(`generating ${label} sets… `);
    generateLog(file, { sets: SIZES[label] });
    process.stderr.write('done\n');
  }
  return file;
}

const rehab = (db, ...args) => () => timeOnce(process.execPath, [BIN, '--db', db, ...args]);
const nodeFloor = () => timeOnce(process.execPath, ['-e', '0']);

/**
 * `next` and `log` are asked as of the day after the logs end, whatever the calendar says, so
 * that every bench measures the same work: that of someone training now. Weeks after the last
 * session every exercise is past a layoff, which the rules decide in one step; the day after,
 * they read back over the recent sessions, which takes longer.
 */
const ASKED_ON = new Date(Date.parse(`${LAST_DAY}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A fresh copy of a log (its file alone: rehab leaves no write-ahead log behind), to write into. */
function scratchCopy(file) {
  const copy = file.replace(/\.db$/, '-scratch.db');
  for (const suffix of ['-wal', '-shm']) rmSync(`${copy}${suffix}`, { force: true });
  copyFileSync(file, copy);
  return copy;
}

const EXPORT_SQL =
  "SELECT s.uid, s.date, e.name, s.session, s.set_number, s.reps, s.seconds, s.load_value, s.load_unit, s.load_kind, s.rpe, s.pain, s.note, s.source FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.date, e.name, s.session, s.set_number";

const HISTORY_SQL =
  'SELECT s.id, s.date, e.name, s.session, s.set_number, s.reps, s.seconds, s.load_value, s.load_unit, s.load_kind, s.rpe, s.pain, s.note FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.date DESC, s.id';

const rows = [];
console.log(`rehab benchmark: medians of ${STARTUP_RUNS} runs (start-up) or ${RUNS} (bulk work) after a warm-up, alternating with the reference\n`);
// Node reads this certificate bundle at every start, the floor's included: tens of milliseconds
// on some machines, which makes every start-up ratio smaller. Said, so ratios are compared alike.
const extraCaCerts = Boolean(process.env.NODE_EXTRA_CA_CERTS);
if (extraCaCerts) {
  console.log('NODE_EXTRA_CA_CERTS is set: every Node start here, `node -e 0` too, first reads those certificates.');
  console.log('Start-up ratios are lower than without it; `env -u NODE_EXTRA_CA_CERTS npm run bench` measures without.\n');
}
console.log(`${'measure'.padEnd(58)} ${'rehab'.padStart(11)} ${'reference'.padStart(11)} ${'ratio'.padStart(7)} ${'target'.padStart(8)}`);

const db1k = database('1k');
const db400k = database('400k');
const db1M = database('1M');

rows.push(compare('rehab --help vs node -e 0', () => timeOnce(process.execPath, [BIN, '--help']), nodeFloor, 1.25, STARTUP_RUNS));
rows.push(compare('rehab next (400k sets) vs node -e 0', rehab(db400k, 'next', '--date', ASKED_ON), nodeFloor, 1.35, STARTUP_RUNS));
// Into a copy: the sessions it logs would otherwise pile up in the 400k log, bench after bench.
const db400kCopy = scratchCopy(db400k);
rows.push(compare('rehab log squat 25kg (400k sets) vs node -e 0', rehab(db400kCopy, 'log', 'squat', '25kg', '--date', ASKED_ON), nodeFloor, 1.4, STARTUP_RUNS));
rows.push(compare('rehab next at 1M sets vs at 1k sets', rehab(db1M, 'next', '--date', ASKED_ON), rehab(db1k, 'next', '--date', ASKED_ON), 1.1, STARTUP_RUNS));

if (haveSqlite3()) {
  rows.push(
    compare(
      'rehab export (1M sets) > /dev/null vs sqlite3 -csv',
      () => timeOnce('sh', ['-c', `"${process.execPath}" "${BIN}" --db "${db1M}" export > /dev/null`]),
      () => timeOnce('sh', ['-c', `sqlite3 -csv -header "${db1M}" "${EXPORT_SQL}" > /dev/null`]),
      1.5,
    ),
  );
  // Not a target: history prints what it reads as it goes; the reference prints the same sets, in the same order.
  rows.push(
    compare(
      'rehab history (1M sets) > /dev/null vs sqlite3, same sets',
      () => timeOnce('sh', ['-c', `"${process.execPath}" "${BIN}" --db "${db1M}" history > /dev/null`]),
      () => timeOnce('sh', ['-c', `sqlite3 "${db1M}" "${HISTORY_SQL}" > /dev/null`]),
      null,
      Math.min(RUNS, 5),
    ),
  );
  const csv = path.join(OUT, 'strong-100k.csv');
  writeFileSync(csv, strongExport(100_000));
  const importTarget = path.join(OUT, 'import-target.db');
  const sqliteTarget = path.join(OUT, 'import-sqlite.db');
  rows.push(
    compare(
      'rehab import (100k-row Strong export) vs sqlite3 .import',
      () => {
        generateFresh(importTarget);
        return timeOnce(process.execPath, [BIN, '--db', importTarget, 'import', csv, '--from', 'strong']);
      },
      () => {
        spawnSync('rm', ['-f', sqliteTarget]);
        return timeOnce('sqlite3', [sqliteTarget, '.mode csv', `.import "${csv}" strong`]);
      },
      3,
    ),
  );
  // Not a target: what SQLite alone takes to store the same sets in rehab's schema, with rehab's
  // settings and its way of loading a large import (secondary indexes dropped, then rebuilt), read
  // from the log rehab just filled, with no CSV to parse. rehab's import cannot be faster than this.
  const floorTarget = path.join(OUT, 'import-floor.db');
  rows.push(
    compare(
      "sqlite3 storing those sets in rehab's schema vs .import",
      () => {
        generateFresh(floorTarget);
        return timeOnce('sqlite3', [floorTarget, ...storeSetsSql(importTarget, floorTarget)]);
      },
      () => {
        spawnSync('rm', ['-f', sqliteTarget]);
        return timeOnce('sqlite3', [sqliteTarget, '.mode csv', `.import "${csv}" strong`]);
      },
      null,
    ),
  );
} else {
  console.log('\nsqlite3 is not installed, so the export and import comparisons were skipped: `apt-get install sqlite3` (Debian/Ubuntu) or `brew install sqlite` (macOS).');
}

/** SQL for the sqlite3 CLI that copies every set of the log `from` into the new log `into`. */
function storeSetsSql(from, into) {
  const indexes = spawnSync('sqlite3', ['-json', into, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sets' AND sql IS NOT NULL"], { encoding: 'utf8' });
  const secondary = JSON.parse(indexes.stdout || '[]');
  return [
    'PRAGMA foreign_keys = ON',
    'PRAGMA synchronous = FULL',
    `ATTACH '${from.replaceAll("'", "''")}' AS imported`,
    'BEGIN IMMEDIATE',
    'INSERT INTO exercises SELECT * FROM imported.exercises WHERE id NOT IN (SELECT id FROM main.exercises)',
    'INSERT INTO batches SELECT * FROM imported.batches WHERE id NOT IN (SELECT id FROM main.batches)',
    ...secondary.map(({ name }) => `DROP INDEX "${name}"`),
    'INSERT INTO sets SELECT * FROM imported.sets',
    ...secondary.map(({ sql }) => sql),
    'COMMIT',
  ];
}

function generateFresh(file) {
  for (const suffix of ['', '-wal', '-shm']) spawnSync('rm', ['-f', `${file}${suffix}`]);
  spawnSync(process.execPath, [BIN, '--db', file, 'next'], { stdio: 'ignore' });
}

if (haveGnuTime()) {
  const exportMb = peakMemoryMb(process.execPath, [BIN, '--db', db1M, 'export', '-o', '/dev/null']);
  console.log(`\npeak memory of rehab export (1M sets): ${exportMb.toFixed(1)} MB (target < 100 MB) ${exportMb < 100 ? 'ok' : 'MISSED'}`);
  rows.push({ name: 'peak memory of rehab export (1M sets), MB', value: exportMb, target: 100, ok: exportMb < 100 });
  const historyMb = peakMemoryMb(process.execPath, [BIN, '--db', db1M, 'history']);
  console.log(`peak memory of rehab history (1M sets): ${historyMb.toFixed(1)} MB`);
  rows.push({ name: 'peak memory of rehab history (1M sets), MB', value: historyMb });
  const csv = path.join(OUT, 'strong-100k.csv');
  if (existsSync(csv)) {
    const importTarget = path.join(OUT, 'import-memory.db');
    generateFresh(importTarget);
    const importMb = peakMemoryMb(process.execPath, [BIN, '--db', importTarget, 'import', csv, '--from', 'strong']);
    console.log(`peak memory of rehab import (100k rows): ${importMb.toFixed(1)} MB`);
    rows.push({ name: 'peak memory of rehab import (100k rows), MB', value: importMb });
  }
} else {
  console.log('\nGNU time (/usr/bin/time) is missing, so peak memory was not measured: `apt-get install time`.');
}

const file = path.join(OUT, 'results.json');
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, startupRuns: STARTUP_RUNS, extraCaCerts, rows }, null, 2)}\n`);
console.log(`\nsaved ${path.relative(ROOT, file)}`);
