import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/db/migrations.js';
import { openDatabase, REHAB_APPLICATION_ID, translateDatabaseError } from '../../src/db/open-database.js';
import { RehabError } from '../../src/errors.js';
import { listing, permissions, sha256, tempFolder } from './fixtures.js';

/** Runs `open` expecting a runtime error whose message matches, and returns it. */
function refusal(open: () => unknown, message: RegExp): RehabError {
  let caught: unknown;
  try {
    open();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RehabError);
  const error = caught as RehabError;
  expect(error.code).toBe('runtime');
  expect(error.message).toMatch(message);
  expect(error.message).not.toContain('\n');
  return error;
}

/** Checks that refusing `file` wrote nothing: same bytes, and no -wal, -shm or other new file. */
function expectRefusedUntouched(file: string, message: RegExp): void {
  const folder = path.dirname(file);
  const before = { hash: sha256(file), files: listing(folder) };
  refusal(() => openDatabase(file), message);
  // Twice: a first refusal must not leave anything that changes the second.
  refusal(() => openDatabase(file), message);
  expect(sha256(file)).toBe(before.hash);
  expect(listing(folder)).toEqual(before.files);
}

/** A rehab log at the latest schema, closed. */
function makeLog(file: string): void {
  openDatabase(file).db.close();
}

describe('openDatabase on a new file', () => {
  test('creates an owner-only file at the latest schema, marked as rehab, in WAL mode', () => {
    const file = path.join(tempFolder(), 'rehab.db');
    const opened = openDatabase(file);
    try {
      expect(opened).toMatchObject({ created: true, migratedFrom: null, backupPath: null });
      const { db } = opened;
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(REHAB_APPLICATION_ID);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
      expect(permissions(statSync(file).mode)).toBe('600');
      // SQLite gives the WAL files the database's permissions.
      expect(permissions(statSync(`${file}-wal`).mode)).toBe('600');
      expect(permissions(statSync(`${file}-shm`).mode)).toBe('600');
    } finally {
      opened.db.close();
    }
  });

  test('creates missing parent folders, owner-only', () => {
    const root = tempFolder();
    const file = path.join(root, 'data', 'rehab', 'rehab.db');
    const opened = openDatabase(file);
    opened.db.close();
    expect(opened.created).toBe(true);
    expect(permissions(statSync(path.join(root, 'data')).mode)).toBe('700');
    expect(permissions(statSync(path.join(root, 'data', 'rehab')).mode)).toBe('700');
    expect(permissions(statSync(file).mode)).toBe('600');
  });

  test('turns an empty (0-byte) file into a log and makes it owner-only', () => {
    const file = path.join(tempFolder(), 'rehab.db');
    writeFileSync(file, '', { mode: 0o644 });
    const opened = openDatabase(file);
    opened.db.close();
    expect(opened.created).toBe(true);
    expect(permissions(statSync(file).mode)).toBe('600');
  });

  test('turns an empty SQLite file (no tables, no application_id) into a log', () => {
    const file = path.join(tempFolder(), 'empty.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL'); // writes the header page, with no tables
    raw.close();
    expect(statSync(file).size).toBeGreaterThan(0);
    const opened = openDatabase(file);
    try {
      expect(opened.created).toBe(true);
      expect(opened.db.pragma('application_id', { simple: true })).toBe(REHAB_APPLICATION_ID);
    } finally {
      opened.db.close();
    }
  });
});

describe('openDatabase on an existing log', () => {
  test('opening a current log again changes nothing and takes no backup', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'rehab.db');
    makeLog(file);
    const before = { hash: sha256(file), files: listing(folder) };

    const again = openDatabase(file);
    expect(again).toMatchObject({ created: false, migratedFrom: null, backupPath: null });
    again.db.close();

    expect(sha256(file)).toBe(before.hash);
    expect(listing(folder)).toEqual(before.files);
  });

  test('two connections to one log both read and write (WAL)', () => {
    const file = path.join(tempFolder(), 'rehab.db');
    const first = openDatabase(file);
    const second = openDatabase(file);
    try {
      expect(second.created).toBe(false);
      first.db.prepare("INSERT INTO meta (key, value) VALUES ('a', '1')").run();
      second.db.prepare("INSERT INTO meta (key, value) VALUES ('b', '2')").run();
      expect(first.db.prepare('SELECT count(*) FROM meta').pluck().get()).toBe(2);
    } finally {
      first.db.close();
      second.db.close();
    }
  });
});

describe('openDatabase refuses, leaving the file byte-identical', () => {
  test('a log written by a newer rehab', () => {
    const file = path.join(tempFolder(), 'rehab.db');
    makeLog(file);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefusedUntouched(
      file,
      new RegExp(
        `was written by a newer version of rehab \\(schema ${LATEST_SCHEMA_VERSION + 1}; this version knows up to ${LATEST_SCHEMA_VERSION}\\); upgrade rehab to open it\\.$`,
      ),
    );
  });

  test.each([
    ['rollback-journal', 'DELETE'],
    ['WAL', 'WAL'],
  ])('a SQLite file of another program (%s mode) — and no -wal/-shm appear', (_label, mode) => {
    const file = path.join(tempFolder(), 'notes.db');
    const raw = new Database(file);
    raw.pragma(`journal_mode = ${mode}`);
    raw.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')");
    raw.close();
    expectRefusedUntouched(file, /notes\.db is a SQLite database but not a rehab log; it was left untouched\.$/);
  });

  test('a SQLite file with another application_id and no tables', () => {
    const file = path.join(tempFolder(), 'other.db');
    const raw = new Database(file);
    raw.pragma('application_id = 1234');
    raw.close();
    expectRefusedUntouched(file, /is a SQLite database but not a rehab log; it was left untouched\./);
  });

  test('a SQLite file versioned by another program (user_version set, no application_id)', () => {
    const file = path.join(tempFolder(), 'other.db');
    const raw = new Database(file);
    raw.pragma('user_version = 1');
    raw.close();
    expectRefusedUntouched(file, /is a SQLite database but not a rehab log/);
  });

  test('a text file', () => {
    const file = path.join(tempFolder(), 'notes.txt');
    writeFileSync(file, 'squat 25kg 3x10\n');
    expectRefusedUntouched(file, /notes\.txt is not a rehab database \(it is not a SQLite file\); it was left untouched\.$/);
  });

  test('a file shorter than the SQLite magic', () => {
    const file = path.join(tempFolder(), 'short.db');
    writeFileSync(file, 'SQLite');
    expectRefusedUntouched(file, /is not a rehab database \(it is not a SQLite file\)/);
  });

  test('a SQLite header with nothing after it', () => {
    const file = path.join(tempFolder(), 'cut.db');
    writeFileSync(file, 'SQLite format 3\0');
    expectRefusedUntouched(file, /is not a rehab database \(it is a damaged SQLite file/);
  });
});

describe('openDatabase on a path that cannot be a log', () => {
  test('a folder', () => {
    const folder = tempFolder();
    const error = refusal(() => openDatabase(folder), /is a folder, not a rehab database\.$/);
    expect(error.hint).toContain('--db');
    expect(listing(folder)).toEqual([]);
  });

  test('a path through a file', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'file'), 'x');
    refusal(() => openDatabase(path.join(folder, 'file', 'rehab.db')), /part of its folder path is a file, not a folder\.$/);
  });
});

describe('translateDatabaseError', () => {
  test.each([
    ['SQLITE_BUSY', /is busy/],
    ['SQLITE_BUSY_SNAPSHOT', /is busy/],
    ['SQLITE_CANTOPEN', /^Cannot open/],
    ['SQLITE_READONLY_DBMOVED', /is read-only/],
    ['SQLITE_FULL', /disk holding .* is full/],
    ['SQLITE_NOTADB', /is not a rehab database/],
    ['SQLITE_CORRUPT_INDEX', /is damaged/],
    ['SQLITE_IOERR_WRITE', /I\/O error/],
    ['EACCES', /permission denied/],
  ])('%s becomes a one-line runtime error', (code, message) => {
    const cause = Object.assign(new Error('raw'), { code });
    const translated = translateDatabaseError(cause, '/data/rehab.db');
    expect(translated).toBeInstanceOf(RehabError);
    expect((translated as RehabError).code).toBe('runtime');
    expect((translated as RehabError).message).toMatch(message);
    expect((translated as RehabError).cause).toBe(cause);
  });

  test('an error it does not know (a bug) is passed through unchanged', () => {
    const bug = new TypeError('undefined is not a function');
    expect(translateDatabaseError(bug, '/data/rehab.db')).toBe(bug);
  });

  test('a real SQLITE_CORRUPT from a damaged log', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'rehab.db');
    makeLog(file);
    // Keep the header (a rehab log at the latest schema) and wreck the schema page after it.
    const bytes = readFileSync(file);
    bytes.fill(0xff, 100, 4096);
    writeFileSync(file, bytes);
    refusal(() => openDatabase(file), /rehab\.db is damaged \(SQLite reports corruption\)\.$/);
  });
});
