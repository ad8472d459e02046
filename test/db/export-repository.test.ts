import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { ExportRepository, exportJsonSql, exportSql, type ExportFilter, type ExportSetRow } from '../../src/db/export-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { SetRepository } from '../../src/db/set-repository.js';
import type { Load } from '../../src/domain/types.js';
import { settings, tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';
const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });

interface Log {
  db: Database.Database;
  sets: SetRepository;
  exports: ExportRepository;
  squat: number;
  bridge: number;
}

function withLog(run: (log: Log) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    const exercises = new ExerciseRepository(db);
    // Created in the opposite order of their names, so name order differs from id order.
    const squat = exercises.create({ name: 'squat', aliases: [], settings: settings() }, NOW).id;
    const bridge = exercises.create({ name: 'Bridge', aliases: [], settings: settings({ pattern: 'bridge' }) }, NOW).id;
    run({ db, sets: new SetRepository(db), exports: new ExportRepository(db), squat, bridge });
  } finally {
    db.close();
  }
}

function logDay(log: Log, exerciseId: number, date: string, reps: number[], load: Load = kg(20)): void {
  log.sets.logSession({
    exerciseId,
    date,
    sets: reps.map((count) => ({ reps: count, seconds: null, load, rpe: null, pain: null, note: null })),
    source: 'typed',
    summary: `${reps.length} sets on ${date}`,
    now: NOW,
  });
}

/** All the exported rows, the pages put together. */
function exported(log: Log, filter: ExportFilter = {}): ExportSetRow[] {
  return [...log.exports.pages(filter)].flat();
}

/** Each exported row as `date exercise session/set reps`. */
function places(log: Log, filter: ExportFilter = {}): string[] {
  return exported(log, filter).map(([, date, name, session, set, reps]) => `${date} ${name} ${session}/${set} ${reps}`);
}

describe('ExportRepository.rows', () => {
  test('orders by date, then exercise name (any case), then session, then set number', () => {
    withLog((log) => {
      logDay(log, log.squat, '2026-11-24', [10, 9]);
      logDay(log, log.bridge, '2026-11-24', [15]);
      logDay(log, log.squat, '2026-11-20', [8]);
      logDay(log, log.squat, '2026-11-24', [5]); // a second session that day
      expect(places(log)).toEqual([
        '2026-11-20 squat 1/1 8',
        '2026-11-24 Bridge 1/1 15',
        '2026-11-24 squat 1/1 10',
        '2026-11-24 squat 1/2 9',
        '2026-11-24 squat 2/1 5',
      ]);
    });
  });

  test('returns loads exactly as logged, with their unit and kind', () => {
    withLog((log) => {
      logDay(log, log.squat, '2026-11-24', [10], { kind: 'external', value: 55, unit: 'lb' });
      logDay(log, log.bridge, '2026-11-24', [10], { kind: 'bodyweight', added: -20, unit: 'kg' });
      const rows = exported(log);
      expect(rows.map((row) => row.slice(7, 10))).toEqual([
        [-20, 'kg', 'bodyweight'],
        [55, 'lb', 'external'],
      ]);
    });
  });

  test.each<[string, ExportFilter, string[]]>([
    ['--exercise keeps one exercise', { exerciseId: -1 }, ['2026-11-20 squat 1/1 8', '2026-11-24 squat 1/1 10']],
    ['--since is inclusive', { since: '2026-11-22' }, ['2026-11-22 Bridge 1/1 15', '2026-11-24 squat 1/1 10']],
    ['--until is inclusive', { until: '2026-11-22' }, ['2026-11-20 squat 1/1 8', '2026-11-22 Bridge 1/1 15']],
    ['all filters together', { exerciseId: -1, since: '2026-11-21', until: '2026-11-24' }, ['2026-11-24 squat 1/1 10']],
  ])('%s', (_rule, filter, expected) => {
    withLog((log) => {
      logDay(log, log.squat, '2026-11-20', [8]);
      logDay(log, log.bridge, '2026-11-22', [15]);
      logDay(log, log.squat, '2026-11-24', [10]);
      const resolved = filter.exerciseId === -1 ? { ...filter, exerciseId: log.squat } : filter;
      expect(places(log, resolved)).toEqual(expected);
    });
  });

  test('reads through an index and sorts only within a date, never the whole export', () => {
    withLog((log) => {
      const plan = (sql: string) =>
        (log.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ exerciseId: log.squat, from: '2026-01-01', to: '2026-06-01', until: '2026-12-31' }) as Array<{ detail: string }>)
          .map((row) => row.detail)
          .join('\n');
      for (const bounded of [true, false]) {
        for (const sql of [exportSql, exportJsonSql]) {
          for (const filter of [{}, { since: '2026-01-01' }, { since: '2026-01-01', until: '2026-12-31' }]) {
            expect(plan(sql(filter, bounded))).toMatch(/SEARCH s USING INDEX sets_by_date/);
            // "FOR LAST n TERMS": a sort within each date only, never the whole export.
            expect(plan(sql(filter, bounded))).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
          }
          expect(plan(sql({ exerciseId: log.squat }, bounded))).toMatch(/SEARCH s USING INDEX sets_by_exercise_date \(exercise_id=\? AND date>/);
          expect(plan(sql({ exerciseId: log.squat }, bounded))).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
        }
      }
    });
  });
});

/** The export's rows as one query reads them: what the pages must add up to. */
function oneQuery(db: Database.Database, where = '1'): unknown[][] {
  return db
    .prepare(
      `SELECT s.uid, s.date, e.name, s.session, s.set_number, s.reps, s.seconds, s.load_value, s.load_unit, s.load_kind, s.rpe, s.pain, s.note, s.source
         FROM sets s JOIN exercises e ON e.id = s.exercise_id WHERE ${where}
        ORDER BY s.date, e.name COLLATE NOCASE, s.session, s.set_number, s.uid`,
    )
    .raw()
    .all() as unknown[][];
}

/** Inserts sets as they are, without the checks of logSession: any text, any number. */
function insertSets(log: Log, sets: Array<Partial<Record<'uid' | 'date' | 'note' | 'source', string | null>> & { exerciseId: number; load?: number; rpe?: number | null; session?: number | bigint; setNumber?: number }>): void {
  const batch = Number(log.db.prepare("INSERT INTO batches (kind, summary, created_at) VALUES ('import', 'test', ?)").run(NOW).lastInsertRowid);
  const insert = log.db.prepare(
    `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at)
     VALUES (@uid, ${batch}, @exerciseId, @date, @session, @setNumber, 5, NULL, 'bodyweight', @load, 'kg', @rpe, NULL, @note, @source, '${NOW}')`,
  );
  log.db.transaction(() => {
    sets.forEach((set, index) =>
      insert.run({ uid: `u${index}`, date: '2026-11-24', note: null, source: 'typed', load: 20, rpe: null, session: 1, setNumber: index + 1, ...set }),
    );
  })();
}

describe('ExportRepository.rows, a page at a time', () => {
  test('pages of dates and a date too big for a page add up to one ordered query, filters included', () => {
    withLog((log) => {
      const sets = [];
      // 900 sets over 30 days, then 700 on one day: several pages, one of them a single date read set by set.
      for (let i = 0; i < 900; i++) sets.push({ exerciseId: i % 3 === 0 ? log.bridge : log.squat, date: `2026-10-${String(1 + (i % 30)).padStart(2, '0')}`, setNumber: 1 + Math.floor(i / 30) });
      for (let i = 0; i < 700; i++) sets.push({ exerciseId: i % 2 === 0 ? log.bridge : log.squat, date: '2026-11-01', setNumber: 1 + i });
      sets.push({ exerciseId: log.squat, date: '2026-11-02', setNumber: 1 });
      insertSets(log, sets);
      expect(exported(log)).toEqual(oneQuery(log.db));
      expect(exported(log, { since: '2026-10-15', until: '2026-11-01' })).toEqual(oneQuery(log.db, "s.date BETWEEN '2026-10-15' AND '2026-11-01'"));
      expect(exported(log, { exerciseId: log.bridge, since: '2026-10-20' })).toEqual(oneQuery(log.db, `s.exercise_id = ${log.bridge} AND s.date >= '2026-10-20'`));
      expect(exported(log, { since: '2026-11-03' })).toEqual([]);
    });
  });

  test('every load, RPE, count and text comes out exactly as stored', () => {
    // Multiples of 2^-20 cross JSON as one whole number, other values from 2^-20 to 2^31 (24.948) as two;
    // a page with anything else (1e-300, 1e300, Infinity) is read as stored.
    const exact = (min: number, max: number) => fc.integer({ min: min * 8, max: max * 8 }).map((n) => n / 8);
    const any = (min: number, max: number) => fc.oneof(exact(min, max), fc.double({ noNaN: true, min, max }), fc.integer({ min: min * 1000, max: max * 1000 }).map((n) => n / 1000));
    const exactNumbers = { load: exact(-1e6, 1e6), rpe: exact(1, 10) };
    const anyNumbers = { load: fc.oneof(any(-1e6, 1e6), fc.double({ noNaN: true })), rpe: any(1, 10) };
    // Beyond 2^53, JSON and better-sqlite3 must round a whole number the same way.
    const count = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.bigInt({ min: 2n ** 53n, max: 2n ** 63n - 1n }));
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', '"', '\\', '\u0000x', '\u2028', 'é😀'));
    const sets = (numbers: typeof exactNumbers) =>
      fc.array(fc.record({ load: numbers.load, rpe: fc.option(numbers.rpe, { nil: null }), session: count, note: fc.option(text, { nil: null }), source: text, uid: text }), {
        minLength: 1,
        maxLength: 30,
      });
    fc.assert(
      fc.property(fc.oneof(sets(exactNumbers), sets(anyNumbers)), (drawn) => {
        withLog((log) => {
          insertSets(log, drawn.map((set, index) => ({ ...set, uid: `${index}:${set.uid}`, exerciseId: index % 2 === 0 ? log.squat : log.bridge })));
          expect(exported(log)).toEqual(oneQuery(log.db));
        });
      }),
      { numRuns: 60 },
    );
  });

  test('reads one moment of the log: sets written by another connection meanwhile are not in it', () => {
    withLog((log) => {
      const sets = [];
      for (let i = 0; i < 600; i++) sets.push({ exerciseId: log.squat, date: `2026-10-${String(1 + (i % 20)).padStart(2, '0')}`, setNumber: 1 + Math.floor(i / 20) });
      insertSets(log, sets);
      const before = oneQuery(log.db);
      const other = new Database(log.db.name);
      try {
        const pages: ExportSetRow[][] = [];
        for (const page of log.exports.pages()) {
          if (pages.length === 1) {
            other.prepare("UPDATE sets SET date = '2026-10-30' WHERE date = '2026-10-01'").run();
            other.prepare("DELETE FROM sets WHERE date = '2026-10-15'").run();
          }
          pages.push(page);
        }
        expect(pages.length).toBeGreaterThan(2);
        expect(pages.flat()).toEqual(before);
      } finally {
        other.close();
      }
    });
  });

  test('leaves the connection as it found it: no transaction, the same cache size', () => {
    withLog((log) => {
      insertSets(log, [{ exerciseId: log.squat }]);
      const cacheSize = log.db.pragma('cache_size', { simple: true });
      expect(exported(log)).toHaveLength(1);
      const pages = log.exports.pages();
      pages.next();
      pages.return();
      expect(log.db.inTransaction).toBe(false);
      expect(log.db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    });
  });
});
