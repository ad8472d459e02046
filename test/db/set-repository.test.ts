import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { HISTORY_NAMES_SQL, RECENT_SESSIONS_SQL, SetRepository, type HistoryEntry, type HistoryFilter, type NewSet } from '../../src/db/set-repository.js';
import type { Load, LoggedSet, Session } from '../../src/domain/types.js';
import { settings, tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Log {
  db: Database.Database;
  sets: SetRepository;
  squat: number;
  bridge: number;
}

function withLog(run: (log: Log) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    const exercises = new ExerciseRepository(db);
    const squat = exercises.create({ name: 'Goblet squat', aliases: [], settings: settings() }, NOW).id;
    const bridge = exercises.create({ name: 'Glute bridge', aliases: [], settings: settings({ pattern: 'bridge' }) }, NOW).id;
    run({ db, sets: new SetRepository(db), squat, bridge });
  } finally {
    db.close();
  }
}

const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });

function reps(count: number, load: Load = kg(20), extra: Partial<NewSet> = {}): NewSet {
  return { reps: count, seconds: null, load, rpe: null, pain: null, note: null, ...extra };
}

/** One exercise's recent sessions: the repository answers for many at once. */
function recentSessionsOf(sets: SetRepository, exerciseId: number, until: string, limit: number): Session[] {
  return sets.recentSessions([exerciseId], until, limit)[0] ?? [];
}

/** A stored set as `session/set number`. */
const place = (set: LoggedSet): string => `${set.session}/${set.setNumber}`;

/** Logs `count` sets of 10 on `date`. */
function logDay(log: Log, exerciseId: number, date: string, count = 2, load: Load = kg(20)) {
  return log.sets.logSession({
    exerciseId,
    date,
    sets: Array.from({ length: count }, () => reps(10, load)),
    source: 'typed',
    summary: `${count} sets on ${date}`,
    now: NOW,
  });
}

describe('SetRepository.logSession', () => {
  test('stores loads exactly as entered and returns the stored rows', () => {
    withLog((log) => {
      const stored = log.sets.logSession({
        exerciseId: log.squat,
        date: '2026-11-24',
        sets: [
          reps(10, { kind: 'external', value: 55, unit: 'lb' }, { rpe: 7.5, pain: 2, note: 'felt easy' }),
          reps(8, { kind: 'bodyweight', added: -20, unit: 'kg' }),
          { reps: null, seconds: 30, load: { kind: 'bodyweight', added: 0, unit: 'kg' }, rpe: null, pain: null, note: null },
          reps(6, { kind: 'external', value: 22.5, unit: 'kg' }),
        ],
        source: 'typed',
        summary: 'Goblet squat 4 sets',
        now: NOW,
      });
      expect(stored.map(({ id: _id, uid: _uid, ...rest }) => rest)).toEqual([
        { exerciseId: log.squat, date: '2026-11-24', session: 1, setNumber: 1, reps: 10, seconds: null, load: { kind: 'external', value: 55, unit: 'lb' }, rpe: 7.5, pain: 2, note: 'felt easy', source: 'typed' },
        { exerciseId: log.squat, date: '2026-11-24', session: 1, setNumber: 2, reps: 8, seconds: null, load: { kind: 'bodyweight', added: -20, unit: 'kg' }, rpe: null, pain: null, note: null, source: 'typed' },
        { exerciseId: log.squat, date: '2026-11-24', session: 1, setNumber: 3, reps: null, seconds: 30, load: { kind: 'bodyweight', added: 0, unit: 'kg' }, rpe: null, pain: null, note: null, source: 'typed' },
        { exerciseId: log.squat, date: '2026-11-24', session: 1, setNumber: 4, reps: 6, seconds: null, load: { kind: 'external', value: 22.5, unit: 'kg' }, rpe: null, pain: null, note: null, source: 'typed' },
      ]);
      for (const set of stored) expect(set.uid).toMatch(UUID);
      expect(new Set(stored.map((set) => set.uid)).size).toBe(4);
      expect(log.sets.count()).toBe(4);
      // What the rules engine reads back is the same.
      expect(recentSessionsOf(log.sets, log.squat, '2026-11-24', 1)).toEqual([
        { date: '2026-11-24', sets: stored.map(({ reps, seconds, load, rpe, pain }) => ({ reps, seconds, load, rpe, pain })) },
      ]);
    });
  });

  test('records one log batch per call, which the sets point to', () => {
    withLog((log) => {
      const first = logDay(log, log.squat, '2026-11-20');
      const second = logDay(log, log.bridge, '2026-11-20', 3);
      const batches = log.db.prepare('SELECT b.id, b.kind, b.summary, b.created_at, count(s.id) AS sets FROM batches b JOIN sets s ON s.batch_id = b.id GROUP BY b.id ORDER BY b.id').all();
      expect(batches).toEqual([
        { id: expect.any(Number), kind: 'log', summary: '2 sets on 2026-11-20', created_at: NOW, sets: first.length },
        { id: expect.any(Number), kind: 'log', summary: '3 sets on 2026-11-20', created_at: NOW, sets: second.length },
      ]);
    });
  });

  test('a second log of the same exercise on the same date is session 2, numbered from 1', () => {
    withLog((log) => {
      expect(logDay(log, log.squat, '2026-11-24', 3).map(place)).toEqual(['1/1', '1/2', '1/3']);
      expect(logDay(log, log.squat, '2026-11-24', 2).map(place)).toEqual(['2/1', '2/2']);
      expect(logDay(log, log.squat, '2026-11-24', 1).map(place)).toEqual(['3/1']);
      // Every other date and every other exercise counts its own sessions, whatever order they come in.
      expect(logDay(log, log.squat, '2026-11-25', 1).map(place)).toEqual(['1/1']);
      expect(logDay(log, log.squat, '2026-11-23', 2).map(place)).toEqual(['1/1', '1/2']);
      expect(logDay(log, log.bridge, '2026-11-24', 1).map(place)).toEqual(['1/1']);
      expect(logDay(log, log.bridge, '2026-11-24', 1).map(place)).toEqual(['2/1']);
      // What is stored, not only what is returned.
      const stored = log.db
        .prepare("SELECT session || '/' || set_number FROM sets WHERE exercise_id = ? AND date = '2026-11-24' ORDER BY id")
        .pluck()
        .all(log.squat);
      expect(stored).toEqual(['1/1', '1/2', '1/3', '2/1', '2/2', '3/1']);
    });
  });

  test('the next session is one after the highest of the day, not one after how many there are', () => {
    withLog((log) => {
      logDay(log, log.squat, '2026-11-24');
      logDay(log, log.squat, '2026-11-24');
      // Session 1 gone (as an undo or an edit may leave it), session 2 still there.
      log.db.prepare('DELETE FROM sets WHERE exercise_id = ? AND session = 1').run(log.squat);
      expect(logDay(log, log.squat, '2026-11-24', 1).map(place)).toEqual(['3/1']);
    });
  });

  test('a set the schema refuses writes nothing of the session', () => {
    withLog((log) => {
      const session = { exerciseId: log.squat, date: '2026-11-24', source: 'typed', summary: 'bad', now: NOW };
      expect(() => log.sets.logSession({ ...session, sets: [reps(10), reps(10, kg(20), { pain: 11 })] })).toThrow(/CHECK constraint failed/);
      expect(() => log.sets.logSession({ ...session, sets: [{ ...reps(10), seconds: 30 }] })).toThrow(/CHECK constraint failed/);
      expect(log.sets.count()).toBe(0);
      expect(log.db.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(0);
      // A refused log takes no session number.
      expect(logDay(log, log.squat, '2026-11-24', 1).map(place)).toEqual(['1/1']);
    });
  });
});

describe('SetRepository.recentSessions', () => {
  /** Each session as `date/session: set numbers`; these tests log session N of a day at N kg. */
  const sessionsOf = (sessions: Session[]) =>
    sessions.map((session) => {
      const loads = session.sets.map((set) => (set.load.kind === 'external' ? set.load.value : NaN));
      expect(new Set(loads).size).toBe(1);
      return `${session.date}/${loads[0]}: ${session.sets.map((_, index) => index + 1).join(',')}`;
    });

  test('returns the last sessions on or before the date, oldest first, sets in order', () => {
    withLog((log) => {
      for (const date of ['2026-11-02', '2026-11-05', '2026-11-09', '2026-11-12', '2026-11-16']) logDay(log, log.squat, date, 2, kg(1));
      logDay(log, log.squat, '2026-11-09', 1, kg(2)); // a second log the same day: session 2, set 1
      logDay(log, log.bridge, '2026-11-10', 2, kg(1));

      expect(sessionsOf(recentSessionsOf(log.sets, log.squat, '2026-11-12', 3))).toEqual(['2026-11-09/1: 1,2', '2026-11-09/2: 1', '2026-11-12/1: 1,2']);
      expect(sessionsOf(recentSessionsOf(log.sets, log.squat, '2026-11-12', 4))).toEqual(['2026-11-05/1: 1,2', '2026-11-09/1: 1,2', '2026-11-09/2: 1', '2026-11-12/1: 1,2']);
      // The limit counts sessions, so it can fall between two sessions of one day.
      expect(sessionsOf(recentSessionsOf(log.sets, log.squat, '2026-11-09', 1))).toEqual(['2026-11-09/2: 1']);
      expect(sessionsOf(recentSessionsOf(log.sets, log.squat, '2026-11-10', 2))).toEqual(['2026-11-09/1: 1,2', '2026-11-09/2: 1']);

      expect(sessionsOf(recentSessionsOf(log.sets, log.squat, '2026-11-30', 1))).toEqual(['2026-11-16/1: 1,2']);
      expect(recentSessionsOf(log.sets, log.squat, '2026-11-30', 50)).toHaveLength(6);
      expect(recentSessionsOf(log.sets, log.squat, '2026-11-01', 5)).toEqual([]);
      expect(sessionsOf(recentSessionsOf(log.sets, log.bridge, '2026-11-30', 5))).toEqual(['2026-11-10/1: 1,2']);
    });
  });

  test('orders sessions by date and session, not by when they were logged', () => {
    withLog((log) => {
      logDay(log, log.squat, '2026-11-12', 1, kg(1));
      logDay(log, log.squat, '2026-11-05', 2, kg(1));
      logDay(log, log.squat, '2026-11-12', 3, kg(2));
      logDay(log, log.squat, '2026-11-05', 1, kg(2));
      expect(sessionsOf(recentSessionsOf(log.sets, log.squat, '2026-11-30', 10))).toEqual([
        '2026-11-05/1: 1,2',
        '2026-11-05/2: 1',
        '2026-11-12/1: 1',
        '2026-11-12/2: 1,2,3',
      ]);
      expect(sessionsOf(recentSessionsOf(log.sets, log.squat, '2026-11-30', 3))).toEqual(['2026-11-05/2: 1', '2026-11-12/1: 1', '2026-11-12/2: 1,2,3']);
    });
  });

  test('answers for many exercises at once, in the order asked', () => {
    withLog((log) => {
      for (const date of ['2026-11-02', '2026-11-05', '2026-11-09']) logDay(log, log.squat, date, 2, kg(1));
      logDay(log, log.bridge, '2026-11-10', 1, kg(1));
      const dates = (exercises: Session[][]) => exercises.map((sessions) => sessions.map((session) => session.date));
      expect(dates(log.sets.recentSessions([log.bridge, log.squat, log.bridge], '2026-11-30', 2))).toEqual([['2026-11-10'], ['2026-11-05', '2026-11-09'], ['2026-11-10']]);
      expect(dates(log.sets.recentSessions([log.bridge, log.squat], '2026-11-06', 5))).toEqual([[], ['2026-11-02', '2026-11-05']]);
      expect(log.sets.recentSessions([], '2026-11-30', 5)).toEqual([]);
    });
  });

  test('its query reads the (exercise_id, date) index with LIMIT, never scanning sets', () => {
    withLog((log) => {
      const plan = log.db.prepare(`EXPLAIN QUERY PLAN ${RECENT_SESSIONS_SQL}`).all({ exerciseIds: JSON.stringify([log.squat, log.bridge]), until: '2026-11-24', limit: 6 }) as Array<{
        id: number;
        parent: number;
        detail: string;
      }>;
      const details = plan.map((row) => row.detail);
      expect(details.filter((detail) => /^SCAN (sets|s)\b/.test(detail))).toEqual([]);
      // Each exercise's sets from the day of its last sessions on: one range of the index.
      expect(details).toContain('SEARCH s USING INDEX sets_by_exercise_date (exercise_id=? AND date>? AND date<?)');
      // That day: one backward walk of the covering index, DISTINCT and ORDER BY served by its
      // order (no temp b-tree), so LIMIT stops the walk after `limit` sessions.
      expect(details).toContain('SEARCH sets USING COVERING INDEX sets_by_exercise_date (exercise_id=? AND date<?)');
      expect(details.filter((detail) => /TEMP B-TREE/.test(detail))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
      expect(RECENT_SESSIONS_SQL).toMatch(/SELECT DISTINCT date, session FROM sets[^)]*ORDER BY date DESC, session DESC\s+LIMIT @limit\)/);
    });
  });
});

describe('SetRepository.history', () => {
  /** Three days: squat then bridge on the 20th, bridge on the 22nd, squat then bridge on the 24th. */
  function threeDays(log: Log): void {
    logDay(log, log.squat, '2026-11-20', 2);
    logDay(log, log.bridge, '2026-11-20', 1);
    logDay(log, log.bridge, '2026-11-22', 3);
    logDay(log, log.bridge, '2026-11-24', 1);
    logDay(log, log.squat, '2026-11-24', 2);
    logDay(log, log.bridge, '2026-11-24', 2); // more bridge the same day: session 2, its own entry
  }

  /** Every entry of the history, read to the end. */
  const history = (log: Log, filter: HistoryFilter) => [...log.sets.history(filter).entries];
  const summary = (entries: HistoryEntry[]) =>
    entries.map((entry) => `${entry.date} ${entry.exerciseName} #${entry.session} ${entry.sets.map((set) => set.setNumber).join(',')}`);

  test('one entry per session, newest date first, the sessions of a day in the order first logged', () => {
    withLog((log) => {
      threeDays(log);
      expect(summary(history(log, {}))).toEqual([
        '2026-11-24 Glute bridge #1 1',
        '2026-11-24 Goblet squat #1 1,2',
        '2026-11-24 Glute bridge #2 1,2',
        '2026-11-22 Glute bridge #1 1,2,3',
        '2026-11-20 Goblet squat #1 1,2',
        '2026-11-20 Glute bridge #1 1',
      ]);
      const [first, , third] = history(log, {});
      expect(first && { ...first, sets: first.sets.length }).toEqual({ date: '2026-11-24', session: 1, exerciseId: log.bridge, exerciseName: 'Glute bridge', sets: 1 });
      expect(third && { ...third, sets: third.sets.length }).toEqual({ date: '2026-11-24', session: 2, exerciseId: log.bridge, exerciseName: 'Glute bridge', sets: 2 });
      // Every set sits in the entry of its own session.
      for (const entry of history(log, {})) {
        for (const set of entry.sets) expect([set.date, set.exerciseId, set.session]).toEqual([entry.date, entry.exerciseId, entry.session]);
      }
    });
  });

  test('filters by exercise and by date range, both ends inclusive', () => {
    withLog((log) => {
      threeDays(log);
      expect(summary(history(log, { exerciseId: log.squat }))).toEqual(['2026-11-24 Goblet squat #1 1,2', '2026-11-20 Goblet squat #1 1,2']);
      expect(summary(history(log, { exerciseId: log.bridge, since: '2026-11-23' }))).toEqual(['2026-11-24 Glute bridge #1 1', '2026-11-24 Glute bridge #2 1,2']);
      expect(summary(history(log, { since: '2026-11-22', until: '2026-11-22' }))).toEqual(['2026-11-22 Glute bridge #1 1,2,3']);
      expect(summary(history(log, { since: '2026-11-21' }))).toHaveLength(4);
      expect(summary(history(log, { until: '2026-11-21' }))).toHaveLength(2);
      expect(history(log, { since: '2026-12-01' })).toEqual([]);
    });
  });

  test('limitSessions counts entries (one per session), newest first', () => {
    withLog((log) => {
      threeDays(log);
      expect(summary(history(log, { limitSessions: 1 }))).toEqual(['2026-11-24 Glute bridge #1 1']);
      // The limit can fall inside a day, between two sessions of one exercise.
      expect(summary(history(log, { limitSessions: 2 }))).toEqual(['2026-11-24 Glute bridge #1 1', '2026-11-24 Goblet squat #1 1,2']);
      expect(summary(history(log, { limitSessions: 4 }))).toEqual([
        '2026-11-24 Glute bridge #1 1',
        '2026-11-24 Goblet squat #1 1,2',
        '2026-11-24 Glute bridge #2 1,2',
        '2026-11-22 Glute bridge #1 1,2,3',
      ]);
      expect(summary(history(log, { exerciseId: log.squat, limitSessions: 1 }))).toEqual(['2026-11-24 Goblet squat #1 1,2']);
      expect(summary(history(log, { exerciseId: log.bridge, limitSessions: 1 }))).toEqual(['2026-11-24 Glute bridge #1 1']);
      expect(summary(history(log, { exerciseId: log.bridge, limitSessions: 3 }))).toEqual([
        '2026-11-24 Glute bridge #1 1',
        '2026-11-24 Glute bridge #2 1,2',
        '2026-11-22 Glute bridge #1 1,2,3',
      ]);
      expect(summary(history(log, { until: '2026-11-22', limitSessions: 2 }))).toEqual(['2026-11-22 Glute bridge #1 1,2,3', '2026-11-20 Goblet squat #1 1,2']);
      expect(history(log, { limitSessions: 6 })).toHaveLength(6);
      expect(history(log, { limitSessions: 100 })).toHaveLength(6);
      expect(history(log, { limitSessions: 0 })).toEqual([]);
    });
  });

  test('says the dates shown and the exercises in them, for the name column', () => {
    withLog((log) => {
      threeDays(log);
      const view = (filter: HistoryFilter) => {
        const { span, exerciseNames } = log.sets.history(filter);
        return { span, exerciseNames: [...exerciseNames].sort() };
      };
      expect(view({})).toEqual({ span: { from: '2026-11-20', to: '2026-11-24' }, exerciseNames: ['Glute bridge', 'Goblet squat'] });
      expect(view({ since: '2026-11-21', until: '2026-11-23' })).toEqual({ span: { from: '2026-11-22', to: '2026-11-22' }, exerciseNames: ['Glute bridge'] });
      expect(view({ exerciseId: log.squat })).toEqual({ span: { from: '2026-11-20', to: '2026-11-24' }, exerciseNames: ['Goblet squat'] });
      // N sessions lie within the newest N dates: the span is those dates (here the two newest sessions are both on the 24th).
      expect(view({ limitSessions: 2 })).toEqual({ span: { from: '2026-11-22', to: '2026-11-24' }, exerciseNames: ['Glute bridge', 'Goblet squat'] });
      expect(view({ limitSessions: 1, exerciseId: log.squat })).toEqual({ span: { from: '2026-11-24', to: '2026-11-24' }, exerciseNames: ['Goblet squat'] });
      expect(view({ since: '2026-12-01' })).toEqual({ span: null, exerciseNames: [] });
    });
  });

  test('the exercise names are one index step per exercise, not a scan of the sets', () => {
    withLog((log) => {
      threeDays(log);
      const plan = log.db.prepare(`EXPLAIN QUERY PLAN ${HISTORY_NAMES_SQL}`).all({ first: '2026-11-20', last: '2026-11-24', exerciseId: null }) as Array<{ detail: string }>;
      const details = plan.map((row) => row.detail);
      expect(details.filter((detail) => /^SCAN (sets|s)\b/.test(detail))).toEqual([]);
      expect(details).toContain('SEARCH s EXISTS USING COVERING INDEX sets_by_exercise_date (exercise_id=? AND date>? AND date<?)');
    });
  });

  test('reads lazily in one read transaction, which ends when the reader stops or reaches the end', () => {
    withLog((log) => {
      threeDays(log);
      const { entries, span } = log.sets.history({});
      expect(log.db.inTransaction).toBe(true);
      // Another rehab writes after the dates were found and before the sets are read: not seen,
      // so the entries stay within the span (and the name column fits them).
      const other = openDatabase(log.db.name).db;
      try {
        logDay({ ...log, db: other, sets: new SetRepository(other) }, log.squat, '2026-11-30', 1);
      } finally {
        other.close();
      }
      expect(span?.to).toBe('2026-11-24');
      expect(entries.next().value?.date).toBe('2026-11-24');
      entries.return?.();
      expect(log.db.inTransaction).toBe(false);
      // The connection is free again: it can write.
      logDay(log, log.squat, '2026-11-25', 1);
      const all = log.sets.history({}).entries;
      expect([...all].map((entry) => entry.date).slice(0, 2)).toEqual(['2026-11-30', '2026-11-25']);
      expect(log.db.inTransaction).toBe(false);
      // Nothing to show: no transaction left open either.
      log.sets.history({ since: '2027-01-01' });
      expect(log.db.inTransaction).toBe(false);
    });
  });

  test('inside a transaction of the caller, leaves it open', () => {
    withLog((log) => {
      threeDays(log);
      log.db.exec('BEGIN');
      expect([...log.sets.history({ limitSessions: 1 }).entries]).toHaveLength(1);
      expect(log.db.inTransaction).toBe(true);
      log.db.exec('COMMIT');
    });
  });

  test('an empty log has no history and no sets', () => {
    withLog((log) => {
      expect(history(log, {})).toEqual([]);
      expect(history(log, { limitSessions: 5 })).toEqual([]);
      expect(log.sets.count()).toBe(0);
    });
  });
});
