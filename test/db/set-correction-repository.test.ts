import { describe, expect, test } from 'vitest';
import { LATEST_SETS_SQL } from '../../src/db/set-correction-repository.js';
import { summaryWithChange } from '../../src/db/stored-set.js';
import { RehabError } from '../../src/errors.js';
import { kg, withCorrectionLog } from './correction-log.js';

describe('SetCorrectionRepository.find', () => {
  test('finds a set by its short id, or by its uid', () => {
    withCorrectionLog((log) => {
      const [set] = log.logDay(log.squat, '2026-11-24', [10]);
      expect(log.corrections.find(String(set!.id))?.uid).toBe(set!.uid);
      expect(log.corrections.find(` ${set!.id} `)?.uid).toBe(set!.uid);
      expect(log.corrections.find(set!.uid)?.id).toBe(set!.id);
      expect(log.corrections.find(set!.uid)?.exerciseName).toBe('Goblet squat');
    });
  });

  test.each(['999', 'no-such-uid', '', '1e3', '99999999999999999999'])('finds nothing for %j', (reference) => {
    withCorrectionLog((log) => {
      log.logDay(log.squat, '2026-11-24', [10]);
      expect(log.corrections.find(reference)).toBeUndefined();
    });
  });
});

describe('SetCorrectionRepository.update', () => {
  test('changes the values and keeps the ids, batch, source and place', () => {
    withCorrectionLog((log) => {
      const [, set] = log.logDay(log.squat, '2026-11-24', [10, 10]);
      const after = log.corrections.update(set!.id, { ...set!, reps: 12, load: { kind: 'external', value: 55, unit: 'lb' }, rpe: 8, pain: 3, note: 'x' });
      expect(after).toMatchObject({ id: set!.id, uid: set!.uid, source: 'typed', session: 1, setNumber: 2, reps: 12, rpe: 8, pain: 3, note: 'x' });
      expect(after.load).toEqual({ kind: 'external', value: 55, unit: 'lb' });
    });
  });

  test.each<[string, string[], string]>([
    ['moved to a day without a session of it: session 1, same set number', [], '1/2'],
    ['moved to a day with one session: joins it, same set number when free', ['2026-11-20:1'], '1/2'],
    ['moved to a day with one session: the next number there when its own is taken', ['2026-11-20:1,2'], '1/3'],
    ['moved to a day with two sessions: joins the last one', ['2026-11-20:1,2,3', '2026-11-20:1'], '2/2'],
  ])('%s', (_rule, before, expected) => {
    withCorrectionLog((log) => {
      for (const entry of before) {
        const [date, reps] = entry.split(':');
        log.logDay(log.squat, date!, reps!.split(',').map(Number));
      }
      const [, set] = log.logDay(log.squat, '2026-11-24', [10, 10]);
      const after = log.corrections.update(set!.id, { ...set!, date: '2026-11-20' });
      expect(after.date).toBe('2026-11-20');
      expect(`${after.session}/${after.setNumber}`).toBe(expected);
    });
  });

  test('a set moved to another exercise’s day does not join that exercise’s session', () => {
    withCorrectionLog((log) => {
      log.logDay(log.bridge, '2026-11-20', [15, 15]);
      log.logDay(log.bridge, '2026-11-20', [15]);
      const [set] = log.logDay(log.squat, '2026-11-24', [10]);
      const after = log.corrections.update(set!.id, { ...set!, date: '2026-11-20' });
      expect(`${after.session}/${after.setNumber}`).toBe('1/1');
    });
  });

  test('a failed write changes nothing (the CHECK on reps/seconds)', () => {
    withCorrectionLog((log) => {
      const [set] = log.logDay(log.squat, '2026-11-24', [10]);
      expect(() => log.corrections.update(set!.id, { ...set!, reps: null, seconds: null })).toThrow();
      expect(log.corrections.find(String(set!.id))?.reps).toBe(10);
      expect(log.db.prepare('SELECT summary FROM batches').pluck().get()).toBe('10 on 2026-11-24');
    });
  });
});

describe('SetCorrectionRepository.remove', () => {
  test('deletes one set and returns it as it was', () => {
    withCorrectionLog((log) => {
      const [first, second] = log.logDay(log.squat, '2026-11-24', [10, 9], kg(25));
      const removed = log.corrections.remove(second!.id);
      expect(removed).toMatchObject({ id: second!.id, uid: second!.uid, reps: 9, exerciseName: 'Goblet squat' });
      expect(log.corrections.find(String(second!.id))).toBeUndefined();
      expect(log.corrections.find(String(first!.id))).toBeDefined();
    });
  });

  test('a set deleted by another process meanwhile is a runtime error, and nothing changes', () => {
    withCorrectionLog((log) => {
      const [set] = log.logDay(log.squat, '2026-11-24', [10]);
      log.db.prepare('DELETE FROM sets WHERE id = ?').run(set!.id);
      expect(() => log.corrections.remove(set!.id)).toThrow(RehabError);
      expect(log.db.prepare('SELECT summary FROM batches').pluck().get()).toBe('10 on 2026-11-24');
    });
  });
});

describe('summaryWithChange', () => {
  test.each([
    ['the first change starts a "since then" list', 'Squat 3×10 on 2026-11-24', 'set 5 deleted', 'Squat 3×10 on 2026-11-24; since then set 5 deleted'],
    ['later changes are added to the list', 'S; since then set 5 deleted', 'set 4 edited', 'S; since then set 5 deleted, set 4 edited'],
    ['the same change is recorded once', 'S; since then set 4 edited', 'set 4 edited', 'S; since then set 4 edited'],
    ['a similar change is not the same one', 'S; since then set 14 edited', 'set 4 edited', 'S; since then set 14 edited, set 4 edited'],
  ])('%s', (_rule, summary, change, expected) => {
    expect(summaryWithChange(summary, change)).toBe(expected);
  });
});

describe('SetCorrectionRepository.latest', () => {
  test('the latest sets, newest date first and, within a day, the last logged first', () => {
    withCorrectionLog((log) => {
      log.logDay(log.squat, '2026-11-20', [10, 9]);
      log.logDay(log.bridge, '2026-11-24', [12]);
      log.logDay(log.squat, '2026-11-24', [8]);
      log.logDay(log.bridge, '2026-11-22', [11]);
      expect(log.corrections.latest(4).map((set) => `${set.date} ${set.exerciseName} ${set.reps}`)).toStrictEqual([
        '2026-11-24 Goblet squat 8',
        '2026-11-24 Glute bridge 12',
        '2026-11-22 Glute bridge 11',
        '2026-11-20 Goblet squat 9',
      ]);
      expect(log.corrections.latest(15)).toHaveLength(5);
    });
  });

  test('its query walks the date index backwards, with no sort: a few rows at any size', () => {
    withCorrectionLog((log) => {
      const plan = (log.db.prepare(`EXPLAIN QUERY PLAN ${LATEST_SETS_SQL}`).all(15) as Array<{ detail: string }>).map((row) => row.detail);
      expect(plan).toContain('SCAN s USING INDEX sets_by_date');
      expect(plan.filter((detail) => /TEMP B-TREE/.test(detail))).toEqual([]);
    });
  });
});
