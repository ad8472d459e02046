// Every schema version a released rehab may have left on someone's disk upgrades to this one
// through the binary, with every row intact and a backup of the old file beside it (SPEC §3;
// issue 7). Built from MIGRATIONS, so a new migration is covered as soon as it has a fixture.
import { chmodSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/db/migrations.js';
import { settings, tempFolder } from '../db/fixtures.js';
import { makeSandbox } from '../e2e/run-rehab.js';
import { integrityOf } from './helpers.js';

const NOW = '2025-06-01T08:00:00.000Z';

/**
 * Rows a log at each schema version can hold, inserted with that version's SQL. When you add
 * migrations/000N-….sql, add an entry N here that fills what it adds (new tables, new columns):
 * the test below fails until you do.
 */
const FIXTURES: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    insertMeta.run('units', 'kg');
    insertMeta.run('seeded_at', NOW); // a log a released rehab set up: nothing is seeded again
    const insertExercise = db.prepare('INSERT INTO exercises (id, name, settings, archived, created_at) VALUES (?, ?, ?, ?, ?)');
    insertExercise.run(1, 'Goblet squat', JSON.stringify(settings()), 0, NOW);
    insertExercise.run(2, 'Side plank', JSON.stringify(settings({ measure: 'seconds', pattern: 'core', equipment: 'bodyweight' })), 0, NOW);
    insertExercise.run(3, "Rock 'n' roll row; --", JSON.stringify(settings({ pattern: 'other', equipment: 'barbell' })), 1, NOW);
    db.prepare('INSERT INTO exercise_aliases (alias, exercise_id) VALUES (?, ?)').run('squat', 1);
    const insertBatch = db.prepare('INSERT INTO batches (id, kind, summary, created_at) VALUES (?, ?, ?, ?)');
    insertBatch.run(1, 'log', 'Goblet squat 55 lb 3×10', NOW);
    insertBatch.run(2, 'import', 'strong.csv, a Strong export: 2 sets in 1 session', NOW);
    const insertSet = db.prepare(
      `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let set = 1; set <= 3; set++) insertSet.run(`uid-squat-${set}`, 1, 1, '2025-05-20', 1, set, 10, null, 'external', 55, 'lb', 8, null, set === 1 ? 'knees out, "chest" up\nline 2' : null, 'typed', NOW);
    insertSet.run('uid-plank-1', 1, 2, '2025-05-20', 1, 1, null, 30, 'bodyweight', 0, 'kg', null, 2, null, 'typed', NOW);
    insertSet.run('uid-assisted-1', 2, 1, '2025-05-21', 2, 1, 8, null, 'bodyweight', -20, 'kg', 9.5, 0, '$(rm -rf ~) 🏋️', 'import:strong', NOW);
    insertSet.run('uid-row-1', 2, 3, '2025-05-21', 1, 1, 12, null, 'external', 22.5, 'kg', null, null, null, 'import:strong', NOW);
  },
  2: (db) => {
    db.prepare('INSERT INTO pain_checkins (date, pain, note, created_at) VALUES (?, ?, ?, ?)').run('2025-05-21', 3, 'stiff', NOW);
    db.prepare('INSERT INTO pain_checkins (date, pain, note, created_at) VALUES (?, ?, ?, ?)').run('2025-05-21', 2, null, NOW);
    db.prepare('INSERT INTO bodyweights (date, value, unit, created_at) VALUES (?, ?, ?, ?)').run('2025-05-01', 182.5, 'lb', NOW);
    db.prepare('INSERT INTO milestone_acks (milestone_id, acknowledged_at) VALUES (?, ?)').run('review-2w', NOW);
  },
  3: (db) => {
    db.prepare('INSERT INTO import_mappings (source_format, foreign_name, exercise_id, updated_at) VALUES (?, ?, ?, ?)').run('strong', 'Goblet Squat (Kettlebell)', 1, NOW);
  },
  // 0004 adds no table or column (`sets` is made anew with AUTOINCREMENT): the rows above cover it.
  4: () => {},
};

interface TableSnapshot {
  columns: string[];
  rows: unknown[][];
}

/** Every table's columns and rows (by rowid), as a log at some version holds them. */
function snapshot(db: Database.Database): Record<string, TableSnapshot> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const columns = (db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map((column) => column.name);
      return [table, { columns, rows: rowsOf(db, table, columns) }];
    }),
  );
}

function rowsOf(db: Database.Database, table: string, columns: string[]): unknown[][] {
  // Tables are ordered by their primary key (rowid, or the key of a WITHOUT ROWID table).
  return db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY 1, 2`).raw().all() as unknown[][];
}

/** A log at schema `version`, written by that version's migrations, with each version's fixture rows. */
function logAtVersion(file: string, version: number): Record<string, TableSnapshot> {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    migrate(db, file, MIGRATIONS.slice(0, version));
    db.transaction(() => {
      for (let v = 1; v <= version; v++) FIXTURES[v]!(db);
    })();
    return snapshot(db);
  } finally {
    db.close();
    chmodSync(file, 0o600);
  }
}

describe('every schema version upgrades to the current one', () => {
  it('every migration has a fixture here (add one to FIXTURES with each new migration)', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(MIGRATIONS.map((migration) => migration.version));
  });

  const olderVersions = MIGRATIONS.map((migration) => migration.version).filter((version) => version < LATEST_SCHEMA_VERSION);
  it.each(olderVersions)('a log at schema %i, with rows in every table, upgrades through `rehab history` with every row intact and an owner-only backup beside it', (version) => {
    const sandbox = makeSandbox();
    try {
      const before = logAtVersion(sandbox.db, version);
      expect(Object.values(before).every((table) => table.rows.length > 0)).toBe(true);

      const result = sandbox.run(['history', '--format', 'json', '--limit', '100']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`^Upgraded the log from schema version ${version}; a backup of the old file is at .*rehab\\.db\\.backup-v${version}-\\d{14}\\.\n$`));
      const shownUids = (JSON.parse(result.stdout) as Array<{ sets: Array<{ uid: string }> }>).flatMap((session) => session.sets.map((set) => set.uid));
      expect(shownUids.sort()).toEqual(before.sets!.rows.map((row) => row[before.sets!.columns.indexOf('uid')]).sort());

      // Every row of every table the old version had, every old column unchanged; nothing added.
      const after = new Database(sandbox.db, { readonly: true });
      try {
        expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        for (const [table, { columns, rows }] of Object.entries(before)) {
          expect(rowsOf(after, table, columns), `table ${table}`).toEqual(rows);
        }
      } finally {
        after.close();
      }
      expect(integrityOf(sandbox.db)).toBe('ok');

      const backups = readdirSync(sandbox.dir).filter((name) => name.startsWith('rehab.db.backup-'));
      expect(backups).toEqual([expect.stringMatching(new RegExp(`^rehab\\.db\\.backup-v${version}-\\d{14}$`))]);
      const backupPath = path.join(sandbox.dir, backups[0]!);
      expect((statSync(backupPath).mode & 0o777).toString(8)).toBe('600');
      const backup = new Database(backupPath, { readonly: true });
      try {
        expect(backup.pragma('user_version', { simple: true })).toBe(version);
        expect(snapshot(backup)).toEqual(before);
      } finally {
        backup.close();
      }

      // Upgraded once: the next run neither upgrades nor backs up again.
      const again = sandbox.run(['db', 'check']);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toBe('');
      expect(readdirSync(sandbox.dir).filter((name) => name.startsWith('rehab.db.backup-'))).toHaveLength(1);
    } finally {
      sandbox.cleanup();
    }
  });

  it('a log at the current schema, with the fixtures of every version, opens without an upgrade or a backup', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'rehab.db');
    const before = logAtVersion(file, LATEST_SCHEMA_VERSION);
    const sandbox = makeSandbox();
    try {
      const result = sandbox.run(['--db', file, 'history', '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      const after = new Database(file, { readonly: true });
      try {
        expect(snapshot(after)).toEqual(before);
      } finally {
        after.close();
      }
      expect(readdirSync(folder).filter((name) => name.includes('backup'))).toEqual([]);
    } finally {
      sandbox.cleanup();
    }
  });
});
