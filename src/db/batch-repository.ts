import type BetterSqlite3 from 'better-sqlite3';
import { STORED_SET_SELECT, toStoredSet, type StoredSet, type StoredSetRow } from './stored-set.js';

/** What one `rehab log` or one import added. */
export interface Batch {
  id: number;
  kind: 'log' | 'import';
  /** What was added, e.g. "Goblet squat 25 kg 3×10 on 2026-11-24", plus later changes to it. */
  summary: string;
  /** ISO timestamp. */
  createdAt: string;
}

/** What `rehab undo` removed: the batch and the sets of it that were still there. */
export interface UndoneBatch {
  batch: Batch;
  /** How many sets were removed. */
  removed: number;
  /**
   * The removed sets in the order they were stored, read one at a time from a copy that lasts
   * as long as the connection: an import may have added a million of them.
   */
  sets: Iterable<StoredSet>;
}

/** The batches of the log: what `rehab undo` takes back. */
export class BatchRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * Removes the newest batch (highest id) and whatever is left of its sets, in one immediate
   * transaction: the sets first, then the batch row (sets have no ON DELETE CASCADE). Sets
   * deleted one by one before are simply gone; sets edited since are removed as they are now.
   * Returns what was removed, or undefined when there is no batch left. The removed sets are
   * copied first into a temporary table (gone when the log is closed), so that saying what was
   * removed takes no more memory for a million sets than for three.
   */
  undoLatest(): UndoneBatch | undefined {
    const undo = this.db.transaction((): UndoneBatch | undefined => {
      const batch = this.db.prepare('SELECT id, kind, summary, created_at AS createdAt FROM batches ORDER BY id DESC LIMIT 1').get() as Batch | undefined;
      if (batch === undefined) return undefined;
      this.db.exec('DROP TABLE IF EXISTS temp.undone_sets');
      this.db.prepare(`CREATE TEMP TABLE undone_sets AS ${STORED_SET_SELECT} WHERE s.batch_id = ? ORDER BY s.id`).run(batch.id);
      const { changes: removed } = this.db.prepare('DELETE FROM sets WHERE batch_id = ?').run(batch.id);
      this.db.prepare('DELETE FROM batches WHERE id = ?').run(batch.id);
      return { batch, removed, sets: this.undoneSets() };
    });
    return undo.immediate();
  }

  /** The sets the last undo removed, in the order they were stored: each iteration reads them anew. */
  private undoneSets(): Iterable<StoredSet> {
    const read = this.db.prepare('SELECT * FROM temp.undone_sets ORDER BY rowid');
    return {
      *[Symbol.iterator]() {
        for (const row of read.iterate() as IterableIterator<StoredSetRow>) yield toStoredSet(row);
      },
    };
  }
}
