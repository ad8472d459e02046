import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import {
  BEST_E1RM_SQL,
  FIRST_E1RM_SESSIONS_SQL,
  FIRST_LOG_DATE_SQL,
  FIRST_REACHING_E1RM_SQL,
  FIRST_REACHING_LOAD_SQL,
  FIRST_SESSIONS_SQL,
  LAST_SESSIONS_SQL,
  HEAVIEST_SQL,
  MilestoneRepository,
  TRAINING_DATES_SQL,
} from '../../src/db/milestone-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { SetRepository } from '../../src/db/set-repository.js';
import { addDaysIso } from '../../src/domain/calendar.js';
import { bestE1rmKg, epley } from '../../src/domain/e1rm.js';
import type { Load } from '../../src/domain/types.js';
import { settings, tempFolder } from './fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';

interface Log {
  db: Database.Database;
  milestones: MilestoneRepository;
  squat: number;
  rdl: number;
  /** Logs one session of `reps` at `load`. */
  log(exerciseId: number, date: string, load: Load, reps: number[]): void;
}

function withLog(run: (log: Log) => void): void {
  const { db } = openDatabase(path.join(tempFolder(), 'rehab.db'));
  try {
    const exercises = new ExerciseRepository(db);
    const squat = exercises.create({ name: 'Goblet squat', aliases: [], settings: settings() }, NOW).id;
    const rdl = exercises.create({ name: 'Romanian deadlift', aliases: [], settings: settings({ pattern: 'hinge' }) }, NOW).id;
    const sets = new SetRepository(db);
    run({
      db,
      milestones: new MilestoneRepository(db),
      squat,
      rdl,
      log(exerciseId, date, load, reps) {
        sets.logSession({
          exerciseId,
          date,
          sets: reps.map((count) => ({ reps: count, seconds: null, load, rpe: null, pain: null, note: null })),
          source: 'typed',
          summary: date,
          now: NOW,
        });
      },
    });
  } finally {
    db.close();
  }
}

const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });
const lb = (value: number): Load => ({ kind: 'external', value, unit: 'lb' });
const bw = (added = 0): Load => ({ kind: 'bodyweight', added, unit: 'kg' });

describe('MilestoneRepository aggregates', () => {
  test('the heaviest external load: in kg whatever the unit, the earliest day among equals, as of a date', () => {
    withLog((log) => {
      log.log(log.squat, '2026-03-02', bw(), [8, 8, 8]);
      log.log(log.squat, '2026-03-04', lb(45), [10]);
      log.log(log.squat, '2026-03-06', kg(18), [10]);
      log.log(log.squat, '2026-03-09', lb(45), [12]);
      log.log(log.rdl, '2026-03-09', kg(60), [5]);
      expect(log.milestones.heaviest([log.squat], '2026-12-31')[0]).toEqual({ kg: 45 * 0.45359237, load: lb(45), date: '2026-03-04' });
      expect(log.milestones.heaviest([log.squat], '2026-03-03')[0]).toEqual({ kg: 0, load: bw(), date: '2026-03-02' });
      expect(log.milestones.heaviest([log.squat], '2026-03-01')[0]).toBeNull();
    });
  });

  test('bw + 10 kg counts 10 kg of external load; assistance counts none', () => {
    withLog((log) => {
      log.log(log.squat, '2026-03-02', bw(-20), [8]);
      expect(log.milestones.heaviest([log.squat], '2026-12-31')[0]?.kg).toBe(0);
      log.log(log.squat, '2026-03-03', bw(10), [8]);
      expect(log.milestones.heaviest([log.squat], '2026-12-31')[0]).toMatchObject({ kg: 10, load: bw(10) });
    });
  });

  test('the best e1RM: Epley from sets of 10 reps or fewer only (Reynolds 2006), equal to the domain’s number', () => {
    withLog((log) => {
      log.log(log.rdl, '2026-03-02', kg(30), [12]); // 12 reps: no estimate, although 30 × (1 + 12/30) = 42
      log.log(log.rdl, '2026-03-04', kg(24), [10]); // 32
      log.log(log.rdl, '2026-03-06', lb(70), [1]); // 1 rep → the load: 31.75 kg
      const best = log.milestones.bestE1rm([log.rdl], '2026-12-31')[0];
      expect(best).toEqual({ kg: epley(24, 10), load: kg(24), date: '2026-03-04', reps: 10 });
      expect(best?.kg).toBe(bestE1rmKg([{ reps: 10, seconds: null, load: kg(24), rpe: null, pain: null }]));
      expect(log.milestones.bestE1rm([log.rdl], '2026-03-03')[0]).toBeNull();
    });
  });

  test('the first session, and the first with an e1RM, with their sets', () => {
    withLog((log) => {
      log.log(log.rdl, '2026-03-02', kg(8), [12, 12]);
      log.log(log.rdl, '2026-03-04', kg(8), [10, 9]);
      expect(log.milestones.firstSessions([log.rdl], '2026-12-31')[0]).toEqual({
        date: '2026-03-02',
        sets: [12, 12].map((reps) => ({ reps, seconds: null, load: kg(8), rpe: null, pain: null })),
      });
      expect(log.milestones.firstE1rmSessions([log.rdl], '2026-12-31')[0]?.date).toBe('2026-03-04');
      expect(log.milestones.firstSessions([log.squat], '2026-12-31')[0]).toBeNull();
    });
  });

  test('the first day a mark was reached, by load (45 lb reaches 20 kg) and by e1RM', () => {
    withLog((log) => {
      log.log(log.squat, '2026-03-02', kg(16), [10]);
      log.log(log.squat, '2026-03-04', lb(45), [10]);
      log.log(log.squat, '2026-03-06', kg(24), [10]);
      expect(log.milestones.firstReaching(log.squat, 'load', 20, '2026-12-31')).toBe('2026-03-04');
      expect(log.milestones.firstReaching(log.squat, 'load', 24, '2026-12-31')).toBe('2026-03-06');
      expect(log.milestones.firstReaching(log.squat, 'load', 24, '2026-03-05')).toBeNull();
      // 0.3 × 80 kg = 24.000000000000004 still counts 24 kg as reached.
      expect(log.milestones.firstReaching(log.squat, 'load', 0.3 * 80, '2026-12-31')).toBe('2026-03-06');
      expect(log.milestones.firstReaching(log.squat, 'e1rm', epley(45 * 0.45359237, 10) ?? 0, '2026-12-31')).toBe('2026-03-04');
    });
  });

  test('many exercises in one statement: answers in the order asked, null for an exercise with no sets by then', () => {
    withLog((log) => {
      log.log(log.squat, '2026-03-02', kg(10), [10, 10]);
      log.log(log.squat, '2026-03-09', kg(14), [8]);
      log.log(log.squat, '2026-03-09', kg(16), [6]);
      log.log(log.rdl, '2026-03-05', kg(30), [5]);
      const firstDates = (sessions: ReturnType<MilestoneRepository['firstSessions']>) => sessions.map((session) => session?.date ?? null);
      expect(firstDates(log.milestones.firstSessions([log.rdl, log.squat, log.rdl], '2026-12-31'))).toEqual(['2026-03-05', '2026-03-02', '2026-03-05']);
      expect(firstDates(log.milestones.firstSessions([log.rdl, log.squat], '2026-03-03'))).toEqual([null, '2026-03-02']);
      expect(log.milestones.heaviest([log.rdl, log.squat], '2026-12-31').map((best) => best?.kg ?? null)).toEqual([30, 16]);
      expect(log.milestones.heaviest([log.rdl, log.squat], '2026-03-04').map((best) => best?.kg ?? null)).toEqual([null, 10]);
      expect(log.milestones.firstSessions([], '2026-12-31')).toEqual([]);
      // The last session on or before each date: the second of two that day is the last.
      const last = log.milestones.lastSessions([
        { exerciseId: log.squat, until: '2026-03-08' },
        { exerciseId: log.squat, until: '2026-03-09' },
        { exerciseId: log.rdl, until: '2026-03-04' },
      ]);
      expect(last.map((session) => session && `${session.date} ${session.sets.map((set) => set.reps).join(',')}`)).toEqual(['2026-03-02 10,10', '2026-03-09 6', null]);
    });
  });

  test('a mark first reached more than six months after the first session is found too, beyond the walk', () => {
    withLog((log) => {
      log.log(log.squat, '2025-01-06', kg(10), [10]);
      log.log(log.squat, '2025-06-30', kg(18), [10]);
      log.log(log.squat, '2025-09-01', kg(20), [8]);
      log.log(log.squat, '2026-02-02', kg(30), [6]);
      expect(log.milestones.firstReaching(log.squat, 'load', 18, '2026-12-31')).toBe('2025-06-30');
      expect(log.milestones.firstReaching(log.squat, 'load', 20, '2026-12-31')).toBe('2025-09-01');
      expect(log.milestones.firstReaching(log.squat, 'load', 25, '2026-12-31')).toBe('2026-02-02');
      expect(log.milestones.firstReaching(log.squat, 'load', 25, '2026-01-31')).toBeNull();
      expect(log.milestones.firstReaching(log.squat, 'e1rm', epley(20, 8) ?? 0, '2026-12-31')).toBe('2025-09-01');
    });
  });

  test('the first day a mark was reached is the earliest set at or above it, for any log', () => {
    const session = fc.record({ day: fc.integer({ min: 0, max: 900 }), load: fc.integer({ min: 0, max: 40 }).map((n) => n * 2.5), reps: fc.integer({ min: 1, max: 15 }) });
    fc.assert(
      fc.property(fc.array(session, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 950 }), (sessions, kgMark, untilDay) => {
        withLog((log) => {
          for (const { day, load, reps } of sessions) log.log(log.squat, addDaysIso('2024-01-01', day), kg(load), [reps]);
          const until = addDaysIso('2024-01-01', untilDay);
          const done = sessions.map(({ day, load, reps }) => ({ date: addDaysIso('2024-01-01', day), load, e1rm: reps <= 10 ? (epley(load, reps) ?? 0) : -1 }));
          const earliest = (value: (set: (typeof done)[number]) => number) =>
            done.filter((set) => set.date <= until && value(set) >= kgMark - 1e-6).map((set) => set.date).sort()[0] ?? null;
          expect(log.milestones.firstReaching(log.squat, 'load', kgMark, until)).toBe(earliest((set) => set.load));
          expect(log.milestones.firstReaching(log.squat, 'e1rm', kgMark, until)).toBe(earliest((set) => set.e1rm));
        });
      }),
      { numRuns: 60 },
    );
  });

  test('the first day of the log and the training days of a period, each day once', () => {
    withLog((log) => {
      log.log(log.squat, '2026-03-02', bw(), [8]);
      log.log(log.rdl, '2026-03-02', kg(8), [8]);
      log.log(log.squat, '2026-03-04', bw(), [8]);
      log.log(log.squat, '2026-03-20', bw(), [8]);
      expect(log.milestones.firstLogDate('2026-12-31')).toBe('2026-03-02');
      expect(log.milestones.firstLogDate('2026-03-01')).toBeNull();
      expect(log.milestones.trainingDates('2026-03-01', '2026-03-19')).toEqual(['2026-03-02', '2026-03-04']);
    });
  });
});

describe('MilestoneRepository acknowledgements', () => {
  test('stores each once, keeping the first time', () => {
    withLog((log) => {
      log.milestones.acknowledge(['review-2w', 'suitcase-20kg:goblet-squat'], NOW);
      log.milestones.acknowledge(['review-2w'], '2027-01-01T00:00:00.000Z');
      expect(log.milestones.acknowledged()).toEqual(
        new Map([
          ['review-2w', NOW],
          ['suitcase-20kg:goblet-squat', NOW],
        ]),
      );
    });
  });

  test("renaming an exercise moves its acknowledgements, and only its own", () => {
    withLog((log) => {
      log.milestones.acknowledge(['suitcase-20kg:goblet-squat', 'suitcase-20kg:goblet-squat-2', 'review-6w'], NOW);
      log.milestones.renameExercise('Goblet squat', 'Front squat');
      expect([...log.milestones.acknowledged().keys()].sort()).toEqual(['review-6w', 'suitcase-20kg:front-squat', 'suitcase-20kg:goblet-squat-2']);
    });
  });
});

/** Index lookups for `rehab next`: each query reads O(log n) index entries, never scans sets, never sorts them all. */
describe('the milestone queries’ plans (kept fast for `rehab next` at 1,000,000 sets)', () => {
  const parameters = { exerciseId: 1, exerciseIds: '[1, 2]', points: '[[1, "2026-06-01"], [2, "2026-12-31"]]', until: '2026-12-31', kg: 20, from: '2026-01-01' };

  function planOf(db: Database.Database, sql: string): string[] {
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(parameters) as Array<{ detail: string }>).map((row) => row.detail);
  }

  test.each([
    ['the heaviest load of each exercise: the external-kg expression index, walked backwards, no sort', HEAVIEST_SQL, 'SEARCH sets USING COVERING INDEX sets_by_exercise_external_kg (exercise_id=?)'],
    ['the best e1RM of each exercise: the partial e1RM expression index, no sort', BEST_E1RM_SQL, 'SEARCH sets USING INDEX sets_by_exercise_e1rm (exercise_id=?)'],
  ])('%s', (_what, sql, lookup) => {
    withLog((log) => {
      expect(planOf(log.db, sql)).toEqual([
        'SCAN exercise VIRTUAL TABLE INDEX 1:',
        'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)',
        'CORRELATED SCALAR SUBQUERY 1',
        lookup,
      ]);
    });
  });

  test.each([
    ['the first day of the log: one step into the date index', FIRST_LOG_DATE_SQL, ['SEARCH sets USING COVERING INDEX sets_by_date (date<?)']],
    ['the training days of 13 weeks: a range of the date index', TRAINING_DATES_SQL, ['SEARCH sets USING COVERING INDEX sets_by_date (date>? AND date<?)']],
  ])('%s', (_what, sql, expected) => {
    withLog((log) => {
      expect(planOf(log.db, sql)).toEqual(expected);
    });
  });

  test.each([
    ['load', FIRST_REACHING_LOAD_SQL, 'COVERING INDEX sets_by_exercise_external_kg'],
    ['e1RM', FIRST_REACHING_E1RM_SQL, 'INDEX sets_by_exercise_e1rm'],
  ])('the first day a %s mark was reached: a walk by date from the first session, else a skip scan of the distinct values above it', (_what, sql, index) => {
    withLog((log) => {
      expect(planOf(log.db, sql).filter((detail) => detail.startsWith('SEARCH sets') || detail.startsWith('SCAN sets'))).toEqual([
        'SEARCH sets USING INDEX sets_by_exercise_date (exercise_id=? AND date<?)',
        'SEARCH sets USING COVERING INDEX sets_by_exercise_date (exercise_id=?)',
        `SEARCH sets USING ${index} (exercise_id=? AND <expr>>?)`,
        `SEARCH sets USING ${index} (exercise_id=? AND <expr>>?)`,
        `SEARCH sets USING ${index} (exercise_id=? AND <expr>=? AND date<?)`,
      ]);
    });
  });

  test.each([
    ['the first session', FIRST_SESSIONS_SQL],
    ['the first session with an e1RM', FIRST_E1RM_SESSIONS_SQL],
    ['the last session on or before a date', LAST_SESSIONS_SQL],
  ])('%s of each exercise: its entry in the (exercise_id, date) index, then that session’s sets', (_what, sql) => {
    withLog((log) => {
      const details = planOf(log.db, sql);
      expect(details.filter((detail) => /^SCAN (sets|s)\b/.test(detail))).toEqual([]);
      // The only sort is of the chosen sessions' sets, by point and set number: a handful of rows each.
      expect(details.filter((detail) => /TEMP B-TREE/.test(detail))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
      expect(details).toContain('SEARCH s USING INDEX sets_by_exercise_date (exercise_id=? AND date=? AND session=?)');
      expect(details.some((detail) => /^SEARCH sets USING (COVERING )?INDEX sets_by_exercise_date \(exercise_id=\? AND date<\?\)$/.test(detail))).toBe(true);
    });
  });

  test('the heaviest load stays one index step as the log grows: 20,000 sets read like 20', () => {
    withLog((log) => {
      const insert = log.db.prepare(
        `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, load_kind, load_value, load_unit, source, created_at)
         VALUES (?, 1, ?, ?, 1, ?, 10, 'external', ?, 'kg', 'typed', ?)`,
      );
      log.db.prepare("INSERT INTO batches (id, kind, summary, created_at) VALUES (1, 'log', 'bulk', ?)").run(NOW);
      log.db.transaction(() => {
        for (let i = 0; i < 20_000; i++) {
          const date = new Date(Date.UTC(1990, 0, 1 + Math.floor(i / 4))).toISOString().slice(0, 10);
          insert.run(`u${i}`, i % 2 === 0 ? log.squat : log.rdl, date, (i % 4) + 1, (i * 7) % 100, NOW);
        }
      })();
      // Correct answers from the indexes, checked against a plain scan.
      const scan = log.db
        .prepare("SELECT max(max(load_value, 0.0) * (CASE load_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END)) FROM sets NOT INDEXED WHERE exercise_id = ?")
        .pluck()
        .get(log.squat);
      expect(log.milestones.heaviest([log.squat], '2099-01-01')[0]?.kg).toBe(scan);
      const e1rmScan = log.db.prepare('SELECT max(load_value * (1.0 + reps / 30.0)) FROM sets NOT INDEXED WHERE exercise_id = ? AND reps <= 10').pluck().get(log.rdl);
      expect(log.milestones.bestE1rm([log.rdl], '2099-01-01')[0]?.kg).toBe(e1rmScan);
    });
  });
});
