// `rehab db path|check|backup` through the built binary.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/db/migrations.js';
import { fileDigest, integrityOf, isOneCleanLine, query, runAsync, sandboxEnv } from '../reliability/helpers.js';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

function ok(args: string[]): { stdout: string; stderr: string } {
  const { code, stdout, stderr } = sandbox.run(args);
  expect(code, stderr).toBe(0);
  return { stdout, stderr };
}

function fails(args: string[], code: 1 | 2, message: RegExp): void {
  const result = sandbox.run(args);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(isOneCleanLine(result.stderr), result.stderr).toBe(true);
  expect(result.stderr).toMatch(message);
}

function logSome(): void {
  ok(['log', 'squat', '20kg', '3x8', '--date', '2026-01-05']);
  ok(['log', 'bridge', 'bw', '3x12', '--date', '2026-01-06']);
}

function mode(file: string): string {
  return (statSync(file).mode & 0o777).toString(8);
}

describe('rehab db path', () => {
  it('prints the log path alone on stdout and never creates the log (saying so on stderr)', () => {
    const result = sandbox.run(['db', 'path']);
    expect(result).toEqual({ code: 0, stdout: `${sandbox.db}\n`, stderr: 'There is no log there yet; rehab creates it the first time you log something.\n' });
    expect(existsSync(sandbox.db)).toBe(false);
    expect(readdirSync(sandbox.dir)).toEqual([]);
  });

  it('`rehab db` alone is `rehab db path`; --db is shown as an absolute path; an existing log gets no note', () => {
    logSome();
    expect(ok(['db'])).toEqual({ stdout: `${sandbox.db}\n`, stderr: '' });
    const relative = sandbox.run(['--db', 'some/where.db', 'db', 'path']);
    expect(relative.stdout).toBe(`${path.resolve('some/where.db')}\n`);
    expect(existsSync(path.resolve('some'))).toBe(false);
  });

  it('without --db or REHAB_DB: the data folder', () => {
    const result = sandbox.run(['db', 'path'], { env: { REHAB_DB: '' } });
    expect(result.stdout).toBe(`${path.join(sandbox.dir, 'data', 'rehab', 'rehab.db')}\n`);
  });
});

describe('rehab db check', () => {
  it('a sound log: "ok" on stdout with its schema and sets, nothing on stderr, nothing changed', () => {
    logSome();
    const digest = fileDigest(sandbox.db);
    expect(ok(['db', 'check'])).toEqual({
      stdout: `ok: ${sandbox.db} passed integrity_check and foreign_key_check (schema ${LATEST_SCHEMA_VERSION}, 6 sets).\n`,
      stderr: '',
    });
    expect(fileDigest(sandbox.db)).toBe(digest);
  });

  it('an older log is checked as it is: ok, a note that it will be upgraded, and no upgrade or backup now', () => {
    const db = new Database(sandbox.db);
    migrate(db, sandbox.db, MIGRATIONS.slice(0, 1));
    db.close();
    const digest = fileDigest(sandbox.db);
    const result = ok(['db', 'check']);
    expect(result.stdout).toMatch(/^ok: .* \(schema 1, 0 sets\)\.\n$/);
    expect(result.stderr).toBe(`The log is at schema 1; rehab upgrades it to ${LATEST_SCHEMA_VERSION}, after taking a backup, the next time you use it.\n`);
    expect(fileDigest(sandbox.db)).toBe(digest);
    expect(readdirSync(sandbox.dir)).toEqual(['rehab.db']);
  });

  it('a set whose batch is missing: names the row and the missing parent, exit 1', () => {
    logSome();
    query(sandbox.db, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare('UPDATE sets SET batch_id = 999 WHERE id = 2').run();
    });
    fails(['db', 'check'], 1, /rehab\.db is damaged: 1 problem found: sets row 2 refers to a missing batches row\. Restore it from a copy/);
  });

  it('a missing index: names it, exit 1', () => {
    logSome();
    query(sandbox.db, (db) => db.exec('DROP INDEX sets_by_date'));
    fails(['db', 'check'], 1, /rehab\.db is damaged: 1 problem found: index sets_by_date is missing\./);
  });

  it.each([
    ['no file', () => {}, /There is no rehab log at .*rehab\.db\. rehab creates it the first time you log something/],
    ['an empty file', (file: string) => writeFileSync(file, ''), /rehab\.db is empty: it is not a rehab log yet\./],
    ['a text file', (file: string) => writeFileSync(file, 'hello'), /is not a rehab database \(it is not a SQLite file\)/],
    [
      'an empty SQLite file',
      (file: string) => {
        const db = new Database(file);
        db.pragma('journal_mode = WAL'); // writes the header, and no table
        db.close();
      },
      /rehab\.db is an empty SQLite file: it is not a rehab log yet\. rehab sets it up the first time you log something\./,
    ],
    [
      "another program's SQLite file",
      (file: string) => {
        const db = new Database(file);
        db.exec('CREATE TABLE notes (text TEXT)');
        db.close();
      },
      /is a SQLite database but not a rehab log; it was left untouched\./,
    ],
    [
      'a log from a newer rehab',
      (file: string) => {
        const db = new Database(file);
        migrate(db, file, MIGRATIONS);
        db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
        db.close();
      },
      /was written by a newer version of rehab/,
    ],
  ])('%s: names the problem, exit 1, and creates or changes nothing', (_label, make, message) => {
    make(sandbox.db);
    const before = readdirSync(sandbox.dir).map((name) => [name, readFileSync(path.join(sandbox.dir, name)).toString('hex')]);
    fails(['db', 'check'], 1, message);
    expect(readdirSync(sandbox.dir).map((name) => [name, readFileSync(path.join(sandbox.dir, name)).toString('hex')])).toEqual(before);
  });
});

describe('rehab db backup', () => {
  it('without a file: a copy beside the log named with the time, owner-only, whole; its path alone on stdout', () => {
    logSome();
    const { stdout, stderr } = ok(['db', 'backup']);
    const copy = stdout.trim();
    expect(stdout).toMatch(new RegExp(`^${sandbox.db.replace(/[.]/g, '\\.')}\\.backup-\\d{14}\\n$`));
    expect(stderr).toBe(`Backed up the log (schema ${LATEST_SCHEMA_VERSION}). To restore it, copy the backup over ${sandbox.db} while no rehab is running.\n`);
    expect(mode(copy)).toBe('600');
    expect(integrityOf(copy)).toBe('ok');
    const rows = (file: string) => query(file, (db) => db.prepare('SELECT uid, date, reps, load_value, note FROM sets ORDER BY uid').all());
    expect(rows(copy)).toEqual(rows(sandbox.db));
    // No temporary file left beside it; a second one in the same second gets its own name.
    const second = ok(['db', 'backup']).stdout.trim();
    expect(second).not.toBe(copy);
    expect(readdirSync(sandbox.dir).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('into a folder: named after the log there; to a file: that file; an earlier backup there is replaced', () => {
    logSome();
    const folder = path.join(sandbox.dir, 'backups');
    mkdirSync(folder);
    expect(ok(['db', 'backup', folder]).stdout).toMatch(/backups\/rehab\.db\.backup-\d{14}\n$/);
    const target = path.join(folder, 'latest.db');
    expect(ok(['db', 'backup', target]).stdout).toBe(`${target}\n`);
    ok(['log', 'squat', '22kg', '3x8']);
    expect(ok(['db', 'backup', target]).stdout).toBe(`${target}\n`);
    expect(query(target, (db) => db.prepare('SELECT count(*) FROM sets').pluck().get())).toBe(9);
  });

  it('an older log is copied as it is, at its schema, and not upgraded', () => {
    const db = new Database(sandbox.db);
    migrate(db, sandbox.db, MIGRATIONS.slice(0, 1));
    db.close();
    const digest = fileDigest(sandbox.db);
    const copy = ok(['db', 'backup']).stdout.trim();
    expect(query(copy, (backup) => backup.pragma('user_version', { simple: true }))).toBe(1);
    expect(fileDigest(sandbox.db)).toBe(digest);
  });

  it.each([
    ['a file that is not a rehab backup', (dir: string) => writeFileSync(path.join(dir, 'notes.txt'), 'mine'), 'notes.txt', 2, /notes\.txt already exists and is not a rehab backup, so it was left as it is\. Give a new file name/],
    ['the log itself', () => {}, 'rehab.db', 2, /rehab\.db is the rehab log itself; a backup must go to another file\./],
    ['a folder that does not exist', () => {}, 'nowhere/copy.db', 1, /Cannot write the backup .*nowhere\/copy\.db: the folder .*nowhere does not exist\. Create it first/],
    ['a path through a file', (dir: string) => writeFileSync(path.join(dir, 'plain'), 'x'), 'plain/copy.db', 1, /Cannot write the backup .*plain\/copy\.db: .*plain is a file, not a folder\. Give a file in an existing folder\./],
  ])('refuses %s, changing nothing', (_label, make, target, code, message) => {
    logSome();
    make(sandbox.dir);
    const before = readdirSync(sandbox.dir).sort().map((name) => [name, fileDigest(path.join(sandbox.dir, name))]);
    fails(['db', 'backup', path.join(sandbox.dir, target)], code as 1 | 2, message);
    expect(readdirSync(sandbox.dir).sort().map((name) => [name, fileDigest(path.join(sandbox.dir, name))])).toEqual(before);
  });

  it('no log yet: says so, exit 1, and creates nothing', () => {
    fails(['db', 'backup'], 1, /There is no rehab log at/);
    expect(readdirSync(sandbox.dir)).toEqual([]);
  });

  it('while other rehab processes keep logging: every copy is sound and holds whole sessions only', { timeout: 120_000 }, async () => {
    logSome();
    const env = sandboxEnv(sandbox.dir, sandbox.db);
    let writing = true;
    const writerFailures: string[] = [];
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; writing || i < 3; i++) {
        const result = await runAsync(['log', 'squat', '20kg', '3x8', '--date', '2026-01-07', '--note', `w${w} ${i}`], env);
        if (result.code !== 0) writerFailures.push(result.stderr);
      }
    };
    const writers = [0, 1, 2].map(writer);
    const copies: string[] = [];
    for (let b = 0; b < 5; b++) {
      const result = await runAsync(['db', 'backup', path.join(sandbox.dir, `copy-${b}.db`)], env);
      expect(result.code, result.stderr).toBe(0);
      copies.push(result.stdout.trim());
    }
    writing = false;
    await Promise.all(writers);

    expect(writerFailures).toEqual([]);
    for (const copy of copies) {
      expect(integrityOf(copy)).toBe('ok');
      const { sets, batches } = query(copy, (db) => ({
        sets: db.prepare('SELECT count(*) FROM sets').pluck().get() as number,
        batches: db.prepare('SELECT count(*) FROM batches').pluck().get() as number,
      }));
      expect(sets).toBe(batches * 3);
    }
  });
});
