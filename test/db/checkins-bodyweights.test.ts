import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { BodyweightRepository, LATEST_BODYWEIGHT_SQL } from '../../src/db/bodyweight-repository.js';
import { CHECKINS_BETWEEN_SQL, CheckinRepository } from '../../src/db/checkin-repository.js';
import { migrate } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { openDatabase } from '../../src/db/open-database.js';
import { tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';

function withDb(run: (db: Database.Database) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    run(db);
  } finally {
    db.close();
  }
}

function plan(db: Database.Database, sql: string, parameters: Record<string, unknown>): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(parameters) as Array<{ detail: string }>).map((row) => row.detail);
}

describe('migration 0002 (check-ins, body weights, milestone acknowledgements)', () => {
  test('upgrades a version-1 log with sets in it, keeping them, and adds the tables and indexes', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'rehab.db');
    const db = new Database(file);
    try {
      migrate(db, file, MIGRATIONS.slice(0, 1), new Date(NOW));
      db.exec(`INSERT INTO batches (id, kind, summary, created_at) VALUES (1, 'log', 'x', '${NOW}');
        INSERT INTO exercises (id, name, settings, created_at) VALUES (1, 'Goblet squat', '{}', '${NOW}');
        INSERT INTO sets (uid, batch_id, exercise_id, date, set_number, reps, load_kind, load_value, load_unit, source, created_at)
        VALUES ('a', 1, 1, '2026-03-02', 1, 8, 'external', 45, 'lb', 'typed', '${NOW}');`);
      migrate(db, file, MIGRATIONS.slice(0, 2), new Date(NOW));
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(db.prepare('SELECT count(*) FROM sets').pluck().get()).toBe(1);
      const names = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') ORDER BY name").pluck().all();
      expect(names).toEqual(
        expect.arrayContaining([
          'pain_checkins',
          'pain_checkins_by_date',
          'bodyweights',
          'bodyweights_by_date',
          'milestone_acks',
          'sets_by_exercise_external_kg',
          'sets_by_exercise_e1rm',
        ]),
      );
    } finally {
      db.close();
    }
  });

  test.each([
    ['a check-in above 10', "INSERT INTO pain_checkins (date, pain, created_at) VALUES ('2026-03-02', 11, 'now')"],
    ['a check-in on a malformed date', "INSERT INTO pain_checkins (date, pain, created_at) VALUES ('2/3/2026', 3, 'now')"],
    ['a check-in with a fractional pain (STRICT)', "INSERT INTO pain_checkins (date, pain, created_at) VALUES ('2026-03-02', 3.5, 'now')"],
    ['a body weight of 0', "INSERT INTO bodyweights (date, value, unit, created_at) VALUES ('2026-03-02', 0, 'kg', 'now')"],
    ['a body weight in stone', "INSERT INTO bodyweights (date, value, unit, created_at) VALUES ('2026-03-02', 12, 'st', 'now')"],
    ['an empty milestone id', "INSERT INTO milestone_acks (milestone_id, acknowledged_at) VALUES ('  ', 'now')"],
  ])('the schema refuses %s', (_what, sql) => {
    withDb((db) => {
      expect(() => db.exec(sql)).toThrow(/constraint|cannot store/i);
    });
  });
});

describe('CheckinRepository', () => {
  test('several check-ins a day are kept; the latest of a day is the one that counts', () => {
    withDb((db) => {
      const checkins = new CheckinRepository(db);
      checkins.record({ date: '2026-03-02', pain: 2, note: null, now: NOW });
      const first = checkins.record({ date: '2026-03-03', pain: 6, note: 'stiff', now: NOW });
      expect(first).toEqual({ stored: { id: 2, date: '2026-03-03', pain: 6, note: 'stiff' }, earlierThatDay: [] });
      const second = checkins.record({ date: '2026-03-03', pain: 3, note: null, now: NOW });
      expect(second.earlierThatDay.map((c) => c.pain)).toEqual([6]);

      expect(checkins.between('2026-03-01', '2026-03-31')).toEqual([
        { date: '2026-03-02', pain: 2 },
        { date: '2026-03-03', pain: 3 },
      ]);
      expect(checkins.onDate('2026-03-03').map((c) => c.pain)).toEqual([6, 3]);
    });
  });

  test('between is inclusive at both ends and reads nothing outside', () => {
    withDb((db) => {
      const checkins = new CheckinRepository(db);
      for (const [date, pain] of [['2026-03-01', 1], ['2026-03-02', 2], ['2026-03-09', 3], ['2026-03-10', 4]] as const) {
        checkins.record({ date, pain, note: null, now: NOW });
      }
      expect(checkins.between('2026-03-02', '2026-03-09').map((c) => c.pain)).toEqual([2, 3]);
    });
  });

  test("the rules engine's check-in query is a range of the (date, id) index, with no sort", () => {
    withDb((db) => {
      expect(plan(db, CHECKINS_BETWEEN_SQL, { from: '2026-03-01', until: '2026-03-21' })).toEqual([
        'SEARCH pain_checkins USING INDEX pain_checkins_by_date (date>? AND date<?)',
      ]);
    });
  });
});

describe('BodyweightRepository', () => {
  test('stores the weight as entered; the latest on or before a date counts, the latest of a day wins', () => {
    withDb((db) => {
      const weights = new BodyweightRepository(db);
      weights.record({ date: '2026-03-01', value: 80, unit: 'kg', now: NOW });
      weights.record({ date: '2026-03-10', value: 180, unit: 'lb', now: NOW });
      weights.record({ date: '2026-03-10', value: 181, unit: 'lb', now: NOW });
      expect(weights.latestOnOrBefore('2026-02-28')).toBeUndefined();
      expect(weights.latestOnOrBefore('2026-03-09')).toEqual({ date: '2026-03-01', load: { kind: 'external', value: 80, unit: 'kg' } });
      expect(weights.latestOnOrBefore('2026-03-10')).toEqual({ date: '2026-03-10', load: { kind: 'external', value: 181, unit: 'lb' } });
    });
  });

  test('forPeriod gives the weight in force at the start and each later day’s latest', () => {
    withDb((db) => {
      const weights = new BodyweightRepository(db);
      for (const [date, value] of [['2026-02-01', 79], ['2026-03-01', 80], ['2026-03-10', 82], ['2026-03-10', 83], ['2026-04-01', 84]] as const) {
        weights.record({ date, value, unit: 'kg', now: NOW });
      }
      expect(weights.forPeriod('2026-03-05', '2026-03-20').map((w) => `${w.date} ${w.load.value}`)).toEqual(['2026-03-01 80', '2026-03-10 83']);
    });
  });

  test('the latest body weight is one backward step through the (date, id) index', () => {
    withDb((db) => {
      expect(plan(db, LATEST_BODYWEIGHT_SQL, { date: '2026-03-10' })).toEqual(['SEARCH bodyweights USING INDEX bodyweights_by_date (date<?)']);
    });
  });
});
