import { describe, expect, test } from 'vitest';
import type { UndoneBatch } from '../../src/db/batch-repository.js';
import { withCorrectionLog } from './correction-log.js';

/** The sets an undo removed, read back from its copy. */
function setsOf(undone: UndoneBatch | undefined) {
  return undone === undefined ? undefined : [...undone.sets];
}

describe('BatchRepository.undoLatest', () => {
  test('removes the newest batch and its sets, and returns them in the order they were stored', () => {
    withCorrectionLog((log) => {
      log.logDay(log.squat, '2026-11-23', [10, 10]);
      const second = log.logDay(log.bridge, '2026-11-24', [15, 14, 12]);
      const undone = log.batches.undoLatest();
      expect(undone?.batch).toMatchObject({ kind: 'log', summary: '15, 14, 12 on 2026-11-24' });
      expect(undone?.removed).toBe(3);
      expect(setsOf(undone)?.map((set) => [set.id, set.uid, set.exerciseName, set.reps])).toEqual(second.map((set) => [set.id, set.uid, 'Glute bridge', set.reps]));
      // The copy is read anew each time, after the sets are gone from the log.
      expect(setsOf(undone)).toEqual(setsOf(undone));
      expect(log.count('SELECT count(*) FROM sets')).toBe(2);
      expect(log.count('SELECT count(*) FROM batches')).toBe(1);
    });
  });

  test('again goes one step further back, then there is nothing to undo', () => {
    withCorrectionLog((log) => {
      log.logDay(log.squat, '2026-11-23', [10]);
      log.logDay(log.squat, '2026-11-24', [11]);
      expect(setsOf(log.batches.undoLatest())?.map((set) => set.date)).toEqual(['2026-11-24']);
      expect(setsOf(log.batches.undoLatest())?.map((set) => set.date)).toEqual(['2026-11-23']);
      expect(log.batches.undoLatest()).toBeUndefined();
      expect(log.count('SELECT count(*) FROM sets') + log.count('SELECT count(*) FROM batches')).toBe(0);
    });
  });

  test('removes what is left of a batch whose sets were deleted or edited one by one, and its summary says so', () => {
    withCorrectionLog((log) => {
      const [first, second, third] = log.logDay(log.squat, '2026-11-24', [10, 10, 10]);
      log.corrections.remove(second!.id);
      log.corrections.update(third!.id, { ...third!, reps: 8 });
      const undone = log.batches.undoLatest();
      expect(undone?.batch.summary).toBe(`10, 10, 10 on 2026-11-24; since then set ${second!.id} deleted, set ${third!.id} edited`);
      expect(setsOf(undone)?.map((set) => [set.id, set.reps])).toEqual([
        [first!.id, 10],
        [third!.id, 8],
      ]);
    });
  });

  test('removes the record of a batch with no sets left, and returns it with none', () => {
    withCorrectionLog((log) => {
      log.logDay(log.squat, '2026-11-23', [10]);
      const [only] = log.logDay(log.squat, '2026-11-24', [10]);
      log.corrections.remove(only!.id);
      const undone = log.batches.undoLatest();
      expect(undone?.removed).toBe(0);
      expect(setsOf(undone)).toEqual([]);
      expect(undone?.batch.summary).toContain(`set ${only!.id} deleted`);
      // The next undo reaches the batch before it.
      expect(setsOf(log.batches.undoLatest())?.map((set) => set.date)).toEqual(['2026-11-23']);
    });
  });
});
