import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { backupDatabase } from '../../src/db/database-backup.js';
import { checkDatabase } from '../../src/db/database-check.js';
import { migrate } from '../../src/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/db/migrations.js';
import { checkProblems, openDatabase } from '../../src/db/open-database.js';
import { listing, permissions, tempFolder } from './fixtures.js';

function withLogAt(version: number, run: (db: Database.Database, file: string) => void): void {
  const file = path.join(tempFolder(), 'rehab.db');
  const db = new Database(file);
  try {
    migrate(db, file, MIGRATIONS.slice(0, version));
    run(db, file);
  } finally {
    db.close();
  }
}

describe('checkDatabase', () => {
  test.each(MIGRATIONS.map((migration) => migration.version))('a sound log at schema %i has no problems', (version) => {
    withLogAt(version, (db) => expect(checkDatabase(db, version)).toEqual({ schemaVersion: version, sets: 0, problems: [] }));
  });

  test('a set whose exercise and batch are gone: one problem per missing reference', () => {
    withLogAt(LATEST_SCHEMA_VERSION, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare(
        `INSERT INTO sets (uid, batch_id, exercise_id, date, set_number, reps, load_kind, load_value, load_unit, source, created_at)
         VALUES ('u1', 7, 9, '2026-01-05', 1, 8, 'external', 20, 'kg', 'typed', 'now')`,
      ).run();
      expect(checkDatabase(db, LATEST_SCHEMA_VERSION)).toEqual({
        schemaVersion: LATEST_SCHEMA_VERSION,
        sets: 1,
        problems: expect.arrayContaining(['sets row 1 refers to a missing exercises row', 'sets row 1 refers to a missing batches row']),
      });
    });
  });

  test('a table or index the schema version has is missing: named', () => {
    withLogAt(LATEST_SCHEMA_VERSION, (db) => {
      db.exec('DROP INDEX sets_by_batch; DROP TABLE milestone_acks');
      expect(checkDatabase(db, LATEST_SCHEMA_VERSION).problems).toEqual(['index sets_by_batch is missing', 'table milestone_acks is missing']);
    });
  });

  test('tables a later version adds are not expected of an older log; a missing sets table leaves no count', () => {
    withLogAt(1, (db) => {
      expect(checkDatabase(db, 1).problems).toEqual([]);
      db.exec('DROP TABLE sets');
      expect(checkDatabase(db, 1)).toMatchObject({ sets: null, problems: expect.arrayContaining(['table sets is missing']) });
    });
  });
});

describe('checkProblems', () => {
  test.each([
    ['ok is no problem', [{ integrity_check: 'ok' }], []],
    ['one row per problem', [{ integrity_check: 'row 5 missing from index sets_by_date' }, { integrity_check: 'wrong # of entries in index sets_by_date' }], ['row 5 missing from index sets_by_date', 'wrong # of entries in index sets_by_date']],
    ['the database marker dropped, several lines in one row split', [{ quick_check: '*** in database main ***\nTree 10 page 32 cell 36: Rowid 7 out of order\nTree 10 page 32 cell 35:   invalid page number 9' }], ['Tree 10 page 32 cell 36: Rowid 7 out of order', 'Tree 10 page 32 cell 35: invalid page number 9']],
  ])('%s', (_rule, rows, problems) => {
    expect(checkProblems(rows)).toEqual(problems);
  });
});

describe('backupDatabase', () => {
  test('a consistent, owner-only copy, renamed into place, with no temporary file left', () => {
    const folder = tempFolder();
    const { db } = openDatabase(path.join(folder, 'rehab.db'));
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('units', 'lb')").run();
      const target = path.join(folder, 'copy.db');
      backupDatabase(db, target);
      expect(permissions(statSync(target).mode)).toBe('600');
      expect(listing(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      const copy = new Database(target, { readonly: true });
      try {
        expect(copy.prepare("SELECT value FROM meta WHERE key = 'units'").pluck().get()).toBe('lb');
        expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      } finally {
        copy.close();
      }
    } finally {
      db.close();
    }
  });

  test('a copy that cannot be written leaves neither the target nor a temporary file', () => {
    const folder = tempFolder();
    const { db } = openDatabase(path.join(folder, 'rehab.db'));
    try {
      const target = path.join(folder, 'missing-folder', 'copy.db');
      expect(() => backupDatabase(db, target)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
      expect(existsSync(target)).toBe(false);
      expect(listing(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
