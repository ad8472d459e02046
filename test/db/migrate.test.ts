import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, REHAB_APPLICATION_ID, type Migration } from '../../src/db/migrations.js';
import { RehabError } from '../../src/errors.js';
import { listing, permissions, tempFolder } from './fixtures.js';

// A test-only schema history: version 1, then a version 2 that changes a table with rows in it.
const first: Migration = { version: 1, name: 'test-1', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);' };
const second: Migration = {
  version: 2,
  name: 'test-2',
  sql: "ALTER TABLE notes ADD COLUMN mood TEXT NOT NULL DEFAULT 'ok'; CREATE INDEX notes_by_mood ON notes(mood);",
};
const NOW = new Date('2026-11-24T07:05:09.123Z');

function version(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A file at version 1 of the test history, with two rows in it. */
function fileAtVersion1(folder: string): { file: string; db: Database.Database } {
  const file = path.join(folder, 'rehab.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, file, [first], NOW);
  db.prepare("INSERT INTO notes (text) VALUES ('one'), ('two')").run();
  return { file, db };
}

describe('0004: set ids never reused', () => {
  /** The schema of `sets` a fresh file has after the first `count` shipped migrations: its indexes' SQL, and whether ids only grow. */
  function setsSchemaAfter(count: number): { indexes: Array<{ name: string; sql: string }>; autoincrement: boolean } {
    const folder = tempFolder();
    const file = path.join(folder, 'rehab.db');
    const db = new Database(file);
    try {
      migrate(db, file, MIGRATIONS.slice(0, count), NOW);
      const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sets' ORDER BY name").all() as Array<{ name: string; sql: string }>;
      const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'sets'").pluck().get() as string;
      return { indexes, autoincrement: /\bAUTOINCREMENT\b/.test(table) };
    } finally {
      db.close();
    }
  }

  test("makes `sets` again with AUTOINCREMENT and every index as 0001 and 0002 made it, word for word (an expression index is used only for the identical expression)", () => {
    const before = setsSchemaAfter(3);
    const after = setsSchemaAfter(4);
    expect([before.autoincrement, after.autoincrement]).toEqual([false, true]);
    expect(after.indexes).toEqual(before.indexes);
    expect(after.indexes.map((index) => index.name)).toContain('sets_by_exercise_e1rm');
  });

  test('on a full disk (no page to spare, PRAGMA max_page_count) it stops, and the log stays at schema 3 with every set as it was', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'rehab.db');
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      migrate(db, file, MIGRATIONS.slice(0, 3), NOW);
      db.prepare("INSERT INTO exercises (id, name, settings, created_at) VALUES (1, 'Goblet squat', '{}', ?)").run(NOW.toISOString());
      db.prepare("INSERT INTO batches (id, kind, summary, created_at) VALUES (1, 'log', 'squats', ?)").run(NOW.toISOString());
      const insert = db.prepare(
        "INSERT INTO sets (uid, batch_id, exercise_id, date, set_number, reps, load_kind, load_value, load_unit, source, created_at) VALUES (?, 1, 1, '2026-03-02', ?, 10, 'external', 20, 'kg', 'typed', ?)",
      );
      db.transaction(() => {
        for (let set = 1; set <= 2000; set++) insert.run(`uid-${set}`, set, NOW.toISOString());
      })();
      const before = db.prepare('SELECT * FROM sets ORDER BY id').raw().all();
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

      expect(() => migrate(db, file, MIGRATIONS, NOW)).toThrow(/SQLITE_FULL|full/i);
      expect(version(db)).toBe(3);
      expect(db.prepare('SELECT * FROM sets ORDER BY id').raw().all()).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});

describe('migrate', () => {
  test('the shipped list is numbered 1, 2, 3… and LATEST_SCHEMA_VERSION is its end', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.at(-1)?.version);
    // migrate() owns the transaction; a file with its own would break the one-transaction rule.
    for (const migration of MIGRATIONS) expect(migration.sql.replace(/--.*$/gm, '')).not.toMatch(/\b(BEGIN|COMMIT|ROLLBACK)\b/i);
  });

  test('a new file goes to the latest version with no backup, and gets the application_id', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'rehab.db');
    const db = new Database(file);
    try {
      expect(migrate(db, file, [first, second], NOW)).toEqual({ from: 0, to: 2, backupPath: null });
      expect(version(db)).toBe(2);
      expect(db.pragma('application_id', { simple: true })).toBe(REHAB_APPLICATION_ID);
      expect(listing(folder).filter((name) => name.includes('backup'))).toEqual([]);
    } finally {
      db.close();
    }
  });

  test('an older file is backed up beside itself, then upgraded with its rows intact', () => {
    const folder = tempFolder();
    const { file, db } = fileAtVersion1(folder);
    try {
      const result = migrate(db, file, [first, second], NOW);
      expect(result).toEqual({ from: 1, to: 2, backupPath: `${file}.backup-v1-20261124070509` });
      expect(db.prepare('SELECT text, mood FROM notes ORDER BY id').all()).toEqual([
        { text: 'one', mood: 'ok' },
        { text: 'two', mood: 'ok' },
      ]);

      const backupPath = result.backupPath as string;
      expect(permissions(statSync(backupPath).mode)).toBe('600');
      const backup = new Database(backupPath, { readonly: true });
      try {
        expect(version(backup)).toBe(1);
        expect(backup.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual(['one', 'two']);
      } finally {
        backup.close();
      }
    } finally {
      db.close();
    }
  });

  test('a file already at the latest version is left alone, with no backup', () => {
    const folder = tempFolder();
    const { file, db } = fileAtVersion1(folder);
    try {
      const before = listing(folder);
      expect(migrate(db, file, [first], NOW)).toEqual({ from: 1, to: 1, backupPath: null });
      expect(listing(folder)).toEqual(before);
    } finally {
      db.close();
    }
  });

  test('two upgrades in the same second keep both backups', () => {
    const folder = tempFolder();
    const { file, db } = fileAtVersion1(folder);
    const third: Migration = { version: 3, name: 'test-3', sql: 'CREATE TABLE moods (mood TEXT);' };
    try {
      const a = migrate(db, file, [first, second], NOW);
      const b = migrate(db, file, [first, second, third], NOW);
      expect(a.backupPath).toBe(`${file}.backup-v1-20261124070509`);
      expect(b.backupPath).toBe(`${file}.backup-v2-20261124070509`);
      db.pragma('user_version = 2'); // pretend version 3 never ran, to back up v2 a second time
      db.exec('DROP TABLE moods');
      const c = migrate(db, file, [first, second, third], NOW);
      expect(c.backupPath).toBe(`${file}.backup-v2-20261124070509-2`);
      expect(existsSync(b.backupPath as string)).toBe(true);
    } finally {
      db.close();
    }
  });

  test('a failing migration leaves the file at the last whole version, and says where the backup is', () => {
    const folder = tempFolder();
    const { file, db } = fileAtVersion1(folder);
    // The first statement would succeed on its own; the transaction must take it back.
    const broken: Migration = { version: 2, name: 'test-broken', sql: 'CREATE TABLE half (x); INSERT INTO missing VALUES (1);' };
    try {
      let caught: unknown;
      try {
        migrate(db, file, [first, broken], NOW);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(RehabError);
      expect((caught as RehabError).message).toMatch(/^Could not upgrade .*rehab\.db to schema 2 \(test-broken\): .*The file was left at schema 1\.$/);
      expect((caught as RehabError).hint).toContain(`${file}.backup-v1-20261124070509`);
      expect(version(db)).toBe(1);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(2);
    } finally {
      db.close();
    }
  });

  test('a file newer than the list is refused without a backup', () => {
    const folder = tempFolder();
    const { file, db } = fileAtVersion1(folder);
    try {
      db.pragma('user_version = 7');
      const before = listing(folder);
      expect(() => migrate(db, file, [first, second], NOW)).toThrow(
        /was written by a newer version of rehab \(schema 7; this version knows up to 2\); upgrade rehab to open it\./,
      );
      expect(version(db)).toBe(7);
      expect(listing(folder)).toEqual(before);
    } finally {
      db.close();
    }
  });

  test('a process that finds the file upgraded by another in the meantime applies nothing twice', () => {
    const folder = tempFolder();
    const { file, db } = fileAtVersion1(folder);
    const other = new Database(file);
    try {
      // `other` reads version 1 and takes its backup; then, just before its transactions, the
      // first connection upgrades the file (the list's iterator is the moment between the two).
      const racing = Object.assign([first, second], {
        *[Symbol.iterator]() {
          migrate(db, file, [first, second], NOW);
          yield first;
          yield second;
        },
      });
      expect(migrate(other, file, racing, NOW)).toEqual({ from: 2, to: 2, backupPath: null });
      expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(2);
      // The winner's backup (named -2: the loser had taken the plain name first) stays; the loser
      // removed its own.
      expect(listing(folder).filter((name) => name.includes('backup'))).toEqual(['rehab.db.backup-v1-20261124070509-2']);
    } finally {
      other.close();
      db.close();
    }
  });
});
