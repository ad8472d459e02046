import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { IMPORT_LOOKUP_SQL, ImportRepository, type ImportGroup, type ImportInput, type ImportSet } from '../../src/db/import-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { SetRepository } from '../../src/db/set-repository.js';
import { settings, tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';

interface Log {
  db: Database.Database;
  imports: ImportRepository;
  sets: SetRepository;
  squat: number;
  bridge: number;
}

function withLog(run: (log: Log) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    const exercises = new ExerciseRepository(db);
    const squat = exercises.create({ name: 'Goblet squat', aliases: ['squat'], settings: settings() }, NOW).id;
    const bridge = exercises.create({ name: 'Glute bridge', aliases: [], settings: settings({ pattern: 'bridge' }) }, NOW).id;
    run({ db, imports: new ImportRepository(db), sets: new SetRepository(db), squat, bridge });
  } finally {
    db.close();
  }
}

function set(uid: string, reps = 8): ImportSet {
  return { uid, reps, seconds: null, load: { kind: 'external', value: 20, unit: 'kg' }, rpe: null, pain: null, note: null, source: 'import:strong' };
}

/** An import of `groups`, each a list of uids, stored in order, numbered 1… within each group. */
function input(groups: Array<{ group: ImportGroup; uids: string[] }>): ImportInput {
  const sets = groups.flatMap(({ uids }) => uids.map((uid) => set(uid)));
  const groupOf = Uint32Array.from(groups.flatMap(({ uids }, index) => uids.map(() => index)));
  const setNumbers = Uint32Array.from(groups.flatMap(({ uids }) => uids.map((_, index) => index + 1)));
  return {
    groups: groups.map(({ group }) => group),
    sets,
    groupOf,
    setNumbers,
    order: Uint32Array.from(sets.map((_, index) => index)),
    summary: ({ added, sessions }) => `test.csv: ${added} sets in ${sessions} sessions`,
    now: NOW,
  };
}

/** Stored sets as `uid date session/set batch`. */
function stored(db: Database.Database): string[] {
  return (db.prepare('SELECT uid, date, session, set_number, batch_id FROM sets ORDER BY id').raw().all() as unknown[][]).map(
    ([uid, date, session, setNumber, batch]) => `${uid} ${date} ${session}/${setNumber} b${batch}`,
  );
}

describe('ImportRepository.importSets', () => {
  test('stores new sets under one import batch whose summary counts them; a second run adds nothing and no batch', () => {
    withLog(({ db, imports, squat }) => {
      const once = input([{ group: { exerciseId: squat, date: '2026-03-13', proposedSession: null }, uids: ['a', 'b'] }]);
      const first = imports.importSets(once);
      expect(first).toMatchObject({ added: 2, sessions: 1 });
      expect(first.addedByExercise).toStrictEqual(new Map([[squat, 2]]));
      expect(db.prepare('SELECT kind, summary FROM batches').all()).toStrictEqual([{ kind: 'import', summary: 'test.csv: 2 sets in 1 sessions' }]);

      const second = imports.importSets(once);
      expect(second).toMatchObject({ batchId: null, added: 0, sessions: 0 });
      expect(db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(1);
      expect(stored(db)).toStrictEqual(['a 2026-03-13 1/1 b1', 'b 2026-03-13 1/2 b1']);
    });
  });

  test("another app's workout on a day the exercise was already logged becomes that day's next session", () => {
    withLog(({ db, imports, sets, squat }) => {
      sets.logSession({ exerciseId: squat, date: '2026-03-13', sets: [{ reps: 8, seconds: null, load: { kind: 'bodyweight', added: 0, unit: 'kg' }, rpe: null, pain: null, note: null }], source: 'typed', summary: 's', now: NOW });
      imports.importSets(input([
        { group: { exerciseId: squat, date: '2026-03-13', proposedSession: null }, uids: ['a'] },
        { group: { exerciseId: squat, date: '2026-03-13', proposedSession: null }, uids: ['b'] },
      ]));
      expect(stored(db).slice(1)).toStrictEqual(['a 2026-03-13 2/1 b2', 'b 2026-03-13 3/1 b2']);
    });
  });

  test("rehab's session number is kept when free, and moved to the next session when the day already has it", () => {
    withLog(({ db, imports, sets, squat, bridge }) => {
      sets.logSession({ exerciseId: squat, date: '2026-01-05', sets: [{ reps: 8, seconds: null, load: { kind: 'bodyweight', added: 0, unit: 'kg' }, rpe: null, pain: null, note: null }], source: 'typed', summary: 's', now: NOW });
      imports.importSets(input([
        { group: { exerciseId: squat, date: '2026-01-05', proposedSession: 1 }, uids: ['x'] },
        { group: { exerciseId: squat, date: '2026-01-06', proposedSession: 2 }, uids: ['y'] },
        { group: { exerciseId: bridge, date: '2026-01-05', proposedSession: 1 }, uids: ['z'] },
      ]));
      expect(stored(db).slice(1)).toStrictEqual(['x 2026-01-05 2/1 b2', 'y 2026-01-06 2/1 b2', 'z 2026-01-05 1/1 b2']);
    });
  });

  test('sessions this import gives count as taken for the groups after them, as sessions of the log do', () => {
    withLog(({ db, imports, squat }) => {
      imports.importSets(input([
        { group: { exerciseId: squat, date: '2026-01-05', proposedSession: 1 }, uids: ['a'] },
        { group: { exerciseId: squat, date: '2026-01-05', proposedSession: 1 }, uids: ['b'] },
        { group: { exerciseId: squat, date: '2026-01-05', proposedSession: 3 }, uids: ['c'] },
        { group: { exerciseId: squat, date: '2026-01-05', proposedSession: null }, uids: ['d'] },
        { group: { exerciseId: squat, date: '2026-01-06', proposedSession: 1 }, uids: ['e'] },
      ]));
      expect(stored(db)).toStrictEqual(['a 2026-01-05 1/1 b1', 'b 2026-01-05 2/1 b1', 'c 2026-01-05 3/1 b1', 'd 2026-01-05 4/1 b1', 'e 2026-01-06 1/1 b1']);
    });
  });

  test('sets of a workout added to the app since the last import join the session the others are in', () => {
    withLog(({ db, imports, squat }) => {
      imports.importSets(input([{ group: { exerciseId: squat, date: '2026-03-13', proposedSession: null }, uids: ['other-workout'] }]));
      imports.importSets(input([{ group: { exerciseId: squat, date: '2026-03-13', proposedSession: null }, uids: ['a', 'b'] }]));
      imports.importSets(input([{ group: { exerciseId: squat, date: '2026-03-13', proposedSession: null }, uids: ['a', 'b', 'c'] }]));
      expect(stored(db)).toStrictEqual(['other-workout 2026-03-13 1/1 b1', 'a 2026-03-13 2/1 b2', 'b 2026-03-13 2/2 b2', 'c 2026-03-13 2/3 b3']);
    });
  });

  test('an import larger than the log rebuilds the indexes of sets: the same indexes after it, and lookups by them see its sets', () => {
    withLog(({ db, imports, sets, squat }) => {
      const schema = () => db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
      const before = schema();
      sets.logSession({ exerciseId: squat, date: '2026-03-12', sets: [{ reps: 8, seconds: null, load: { kind: 'bodyweight', added: 0, unit: 'kg' }, rpe: null, pain: null, note: null }], source: 'typed', summary: 's', now: NOW });
      imports.importSets(input([{ group: { exerciseId: squat, date: '2026-03-13', proposedSession: null }, uids: ['a', 'b', 'c'] }]));
      expect(schema()).toStrictEqual(before);
      expect(db.prepare('SELECT count(*) FROM sets INDEXED BY sets_by_exercise_date WHERE exercise_id = ? AND date >= ?').pluck().get(squat, '2026-03-13')).toBe(3);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });

  test('inside a transaction that rolls back (--dry-run) it counts the same and leaves nothing', () => {
    withLog(({ db, imports, squat }) => {
      let counted: unknown;
      expect(() =>
        db.transaction(() => {
          counted = imports.importSets(input([{ group: { exerciseId: squat, date: '2026-03-13', proposedSession: null }, uids: ['a', 'b'] }])).added;
          throw new Error('roll back');
        })(),
      ).toThrow('roll back');
      expect(counted).toBe(2);
      expect(db.prepare('SELECT (SELECT count(*) FROM sets) + (SELECT count(*) FROM batches)').pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sets' AND sql IS NOT NULL").pluck().get()).toBe(5);
    });
  });
});

describe('ImportRepository mappings (migration 0003)', () => {
  test('remembers a name per app, case and spacing aside, and a later mapping replaces it', () => {
    withLog(({ imports, squat, bridge }) => {
      expect(imports.rememberedExerciseId('strong', 'Squat (Barbell)')).toBeUndefined();
      imports.remember('strong', 'Squat (Barbell)', squat, NOW);
      expect(imports.rememberedExerciseId('strong', '  squat  (barbell) ')).toBe(squat);
      expect(imports.rememberedExerciseId('hevy', 'Squat (Barbell)')).toBeUndefined();
      imports.remember('strong', 'SQUAT (BARBELL)', bridge, NOW);
      expect(imports.rememberedExerciseId('strong', 'Squat (Barbell)')).toBe(bridge);
    });
  });

  test('a mapping goes with its exercise (ON DELETE CASCADE), and the table refuses an unknown app', () => {
    withLog(({ db, imports, bridge }) => {
      imports.remember('fitnotes', 'Hip Thrust', bridge, NOW);
      db.prepare('DELETE FROM exercises WHERE id = ?').run(bridge);
      expect(imports.rememberedExerciseId('fitnotes', 'Hip Thrust')).toBeUndefined();
      expect(() => imports.remember('jefit', 'Hip Thrust', 1, NOW)).toThrow(/CHECK constraint/);
    });
  });
});

describe('the lookups of an import use indexes (EXPLAIN QUERY PLAN)', () => {
  test.each(Object.entries(IMPORT_LOOKUP_SQL))('%s searches an index and never scans a table', (_name, sql) => {
    withLog(({ db }) => {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 1)) as Array<{ detail: string }>).map((row) => row.detail);
      expect(plan.some((detail) => /^SEARCH .* USING (?:COVERING )?INDEX /.test(detail))).toBe(true);
      expect(plan.filter((detail) => detail.startsWith('SCAN'))).toStrictEqual([]);
    });
  });
});
