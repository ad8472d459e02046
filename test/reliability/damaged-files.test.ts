// Logs that cannot be used as they are (truncated, overwritten, a folder, read-only, …) through
// the built binary: one clear line, exit 1, and the file exactly as it was (issue 7).
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { translateDatabaseError } from '../../src/db/open-database.js';
import { RehabError } from '../../src/errors.js';
import { makeSandbox, type Sandbox } from '../e2e/run-rehab.js';
import { fileDigest, integrityOf, isOneCleanLine } from './helpers.js';

/** Commands that read, write, check and copy the log: every one must refuse a damaged file. */
const COMMANDS = [
  ['next'],
  ['log', 'squat', '20kg', '3x8'],
  ['history'],
  ['export'],
  ['undo'],
  ['pain', '3'],
  ['db', 'check'],
  ['db', 'backup'],
];

let sandbox: Sandbox;
/** A log of about 1,500 sets (under 1 MB: rehab checks such a log on every open). */
let pristine: string;

beforeAll(() => {
  sandbox = makeSandbox();
  const lines = ['Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes'];
  for (let i = 0; i < 1500; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 15) * 2 * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${Math.floor(i / 15) + 1},${day} 17:00:00,Legs,3600,${['Squat (Barbell)', 'Deadlift (Barbell)', 'Hip Thrust (Barbell)'][i % 3]},${(i % 5) + 1},${20 + (i % 9)},${8 + (i % 4)},,0,0,note ${i},`);
  }
  const csv = path.join(sandbox.dir, 'strong.csv');
  writeFileSync(csv, `${lines.join('\n')}\n`);
  pristine = path.join(sandbox.dir, 'pristine.db');
  const imported = sandbox.run(['--db', pristine, 'import', csv]);
  expect(imported.code, imported.stderr).toBe(0);
  expect(statSync(pristine).size).toBeLessThan(1024 * 1024);
  expect(integrityOf(pristine)).toBe('ok');
});
afterAll(() => sandbox.cleanup());

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
});

/** A copy of the pristine log in a folder of its own. */
function copyOfLog(name: string): { folder: string; file: string } {
  const folder = path.join(sandbox.dir, name);
  mkdirSync(folder);
  const file = path.join(folder, 'rehab.db');
  writeFileSync(file, readFileSync(pristine), { mode: 0o600 });
  return { folder, file };
}

/** Runs every command on `file`: each exits 1 with one clean line matching `message`, and nothing changes. */
function expectEveryCommandRefuses(file: string, message: RegExp): void {
  const folder = path.dirname(file);
  const before = { digest: fileDigest(file), listing: readdirSync(folder).sort() };
  for (const args of COMMANDS) {
    const result = sandbox.run(['--db', file, ...args]);
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(1);
    expect(result.stdout, args.join(' ')).toBe('');
    expect(isOneCleanLine(result.stderr), `${args.join(' ')}: ${result.stderr}`).toBe(true);
    expect(result.stderr, args.join(' ')).toMatch(message);
  }
  expect(fileDigest(file)).toBe(before.digest);
  expect(readdirSync(folder).sort()).toEqual(before.listing);
}

describe('a damaged log is refused by every command and left byte for byte as it was', () => {
  it('a truncated file (cut off at 60 %, mid-page)', () => {
    const { file } = copyOfLog('truncated');
    truncateSync(file, Math.floor(statSync(file).size * 0.6) + 123);
    expectEveryCommandRefuses(file, /rehab\.db is damaged \(.*\)[.;] .*Restore it from a copy/);
  });

  it('a file with one page in the middle overwritten', () => {
    const { file } = copyOfLog('overwritten');
    const pages = statSync(file).size / 4096;
    const fd = openSync(file, 'r+');
    try {
      writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(pages / 2) * 4096);
    } finally {
      closeSync(fd);
    }
    expectEveryCommandRefuses(file, /rehab\.db is damaged.*Restore it from a copy/);
    // A log this small is checked on every open, so even a command that would not read that page
    // refuses it; `rehab db check` names everything it found.
    const next = sandbox.run(['--db', file, 'next']);
    expect(next.stderr).toMatch(/rehab\.db is damaged \(SQLite's quick_check: Tree \d+ page \d+: .*\); nothing was written to it\. Restore it from a copy: .* `rehab db check` lists the problems\.\n$/);
    const check = sandbox.run(['--db', file, 'db', 'check']);
    expect(check.stderr).toMatch(/rehab\.db is damaged: \d+ problems? found: Tree \d+ page \d+: .*\. Restore it from a copy \(`rehab db backup` makes them; .*`rehab export -o rescued\.csv`\.\n$/);
  });

  it('a folder where the file should be: refused, nothing created in it', () => {
    const folder = path.join(sandbox.dir, 'a-folder');
    mkdirSync(folder);
    for (const args of COMMANDS) {
      const result = sandbox.run(['--db', folder, ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(isOneCleanLine(result.stderr), result.stderr).toBe(true);
      expect(result.stderr).toMatch(/a-folder is a folder, not a rehab database\. Pass a file path with --db/);
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a missing parent folder is created (owner-only) and the log starts there', () => {
    const file = path.join(sandbox.dir, 'missing', 'parent', 'rehab.db');
    const result = sandbox.run(['--db', file, 'log', 'squat', '20kg', '3x8']);
    expect(result.code, result.stderr).toBe(0);
    expect((statSync(path.join(sandbox.dir, 'missing')).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  });
});

// Tests run as root here, and root ignores permission bits: the immutable attribute (chattr +i)
// stops root too. Where neither works, the messages are checked through translateDatabaseError.
function makeReadOnly(target: string): boolean {
  const isFolder = statSync(target).isDirectory();
  chmodSync(target, isFolder ? 0o555 : 0o444);
  cleanups.push(() => chmodSync(target, isFolder ? 0o700 : 0o600));
  if (!isWritable(target, isFolder)) return true;
  const immutable = spawnSync('chattr', ['+i', target], { encoding: 'utf8' });
  if (immutable.status === 0) cleanups.push(() => spawnSync('chattr', ['-i', target]));
  return !isWritable(target, isFolder);
}

function isWritable(target: string, isFolder: boolean): boolean {
  const probe = path.join(target, '.probe');
  try {
    if (isFolder) {
      writeFileSync(probe, '');
      rmSync(probe);
    } else {
      closeSync(openSync(target, 'r+'));
    }
    return true;
  } catch {
    return false;
  }
}

describe('a log rehab may not write to', () => {
  it('a read-only folder holding the log: every command says it cannot open it and why, and nothing changes', () => {
    const { folder, file } = copyOfLog('read-only-folder');
    if (!makeReadOnly(folder)) {
      const translated = translateDatabaseError(Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' }), file) as RehabError;
      expect(`${translated.message} ${translated.hint}`).toMatch(/^Cannot open .*rehab\.db\. Check that its folder exists and that you may read and write there \(rehab writes rehab\.db-wal/);
      return;
    }
    expectEveryCommandRefuses(file, /Cannot open .*rehab\.db\. Check that its folder exists and that you may read and write there \(rehab writes rehab\.db-wal and rehab\.db-shm beside it\)/);
  });

  it('a new log in a read-only folder: permission denied, nothing created', () => {
    const folder = path.join(sandbox.dir, 'read-only-empty');
    mkdirSync(folder);
    const file = path.join(folder, 'rehab.db');
    if (!makeReadOnly(folder)) {
      const translated = translateDatabaseError(Object.assign(new Error('EACCES'), { code: 'EACCES' }), file) as RehabError;
      expect(translated.message).toMatch(/^Cannot use .*rehab\.db: permission denied\.$/);
      return;
    }
    const result = sandbox.run(['--db', file, 'log', 'squat', '20kg', '3x8']);
    expect(result.code).toBe(1);
    expect(isOneCleanLine(result.stderr), result.stderr).toBe(true);
    expect(result.stderr).toMatch(/Cannot use .*rehab\.db: permission denied\. Check the permissions of the file and its folder/);
    expect(existsSync(file)).toBe(false);
  });

  it('a read-only log file: logging says it is read-only and writes nothing; reading it still works', () => {
    const { file } = copyOfLog('read-only-file');
    const digest = fileDigest(file);
    if (!makeReadOnly(file)) {
      const translated = translateDatabaseError(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }), file) as RehabError;
      expect(translated.message).toMatch(/rehab\.db is read-only, so rehab cannot write to it\.$/);
      return;
    }
    for (const args of [['log', 'squat', '20kg', '3x8'], ['pain', '2'], ['undo']]) {
      const result = sandbox.run(['--db', file, ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(isOneCleanLine(result.stderr), result.stderr).toBe(true);
      expect(result.stderr).toMatch(/rehab\.db is read-only, so rehab cannot write to it\. Check the permissions of the file and its folder/);
    }
    const history = sandbox.run(['--db', file, 'history', '--limit', '1']);
    expect(history.code, history.stderr).toBe(0);
    expect(fileDigest(file)).toBe(digest);
  });
});
