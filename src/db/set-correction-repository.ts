import type BetterSqlite3 from 'better-sqlite3';
import type { EditableSet } from '../domain/set-edit.js';
import { runtimeError } from '../errors.js';
import { STORED_SET_SELECT, summaryWithChange, toStoredSet, type StoredSet, type StoredSetRow } from './stored-set.js';

/**
 * The latest sets, newest first: a backward walk of the (date) index, whose entries end in the
 * set's id, so LIMIT stops it after a few rows at any size of log (a test checks the plan).
 */
export const LATEST_SETS_SQL = `${STORED_SET_SELECT} ORDER BY s.date DESC, s.id DESC LIMIT ?`;

/** Finding, correcting and deleting one set: `rehab edit` and `rehab delete`. */
export class SetCorrectionRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /**
   * The set a user refers to: by the short id that `log` and `history` print (all digits), else by
   * its stable uid (what exports call `id`).
   */
  find(reference: string): StoredSet | undefined {
    const text = reference.trim();
    const byId = /^\d{1,15}$/.test(text)
      ? (this.db.prepare(`${STORED_SET_SELECT} WHERE s.id = ?`).get(Number(text)) as StoredSetRow | undefined)
      : undefined;
    const row = byId ?? (this.db.prepare(`${STORED_SET_SELECT} WHERE s.uid = ?`).get(text) as StoredSetRow | undefined);
    return row && toStoredSet(row);
  }

  /** The latest `limit` sets, by date then by when they were logged, newest first. */
  latest(limit: number): StoredSet[] {
    return (this.db.prepare(LATEST_SETS_SQL).all(limit) as StoredSetRow[]).map(toStoredSet);
  }

  /**
   * Stores the corrected values of set `id` in one immediate transaction and returns the set as
   * stored. The set keeps its ids, batch and source. Moved to another date, it joins the last
   * session of its exercise on that date (session 1 when there is none), keeping its set number
   * unless that number is taken there, in which case it becomes the session's next number. Its
   * batch's summary records the edit, so `rehab undo` can say so.
   */
  update(id: number, values: EditableSet): StoredSet {
    const write = this.db.transaction((): StoredSet => {
      const current = this.read(id);
      let { session, setNumber } = current;
      if (values.date !== current.date) {
        session =
          (this.db
            .prepare('SELECT max(session) FROM sets WHERE exercise_id = ? AND date = ? AND id <> ?')
            .pluck()
            .get(current.exerciseId, values.date, id) as number | null) ?? 1;
        const taken = this.db
          .prepare('SELECT 1 FROM sets WHERE exercise_id = ? AND date = ? AND session = ? AND set_number = ? AND id <> ?')
          .get(current.exerciseId, values.date, session, setNumber, id);
        if (taken !== undefined) {
          setNumber =
            1 +
            (this.db
              .prepare('SELECT max(set_number) FROM sets WHERE exercise_id = ? AND date = ? AND session = ? AND id <> ?')
              .pluck()
              .get(current.exerciseId, values.date, session, id) as number);
        }
      }
      this.db
        .prepare(
          `UPDATE sets SET date = @date, session = @session, set_number = @setNumber, reps = @reps, seconds = @seconds,
                  load_kind = @loadKind, load_value = @loadValue, load_unit = @loadUnit, rpe = @rpe, pain = @pain, note = @note
            WHERE id = @id`,
        )
        .run({
          id,
          date: values.date,
          session,
          setNumber,
          reps: values.reps,
          seconds: values.seconds,
          loadKind: values.load.kind,
          loadValue: values.load.kind === 'external' ? values.load.value : values.load.added,
          loadUnit: values.load.unit,
          rpe: values.rpe,
          pain: values.pain,
          note: values.note,
        });
      this.recordChange(current.batchId, `set ${id} edited`);
      return this.read(id);
    });
    return write.immediate();
  }

  /** Deletes set `id` in one immediate transaction and returns it as it was; its batch's summary records the deletion. */
  remove(id: number): StoredSet {
    const write = this.db.transaction((): StoredSet => {
      const current = this.read(id);
      this.db.prepare('DELETE FROM sets WHERE id = ?').run(id);
      this.recordChange(current.batchId, `set ${id} deleted`);
      return current;
    });
    return write.immediate();
  }

  private read(id: number): StoredSet {
    const row = this.db.prepare(`${STORED_SET_SELECT} WHERE s.id = ?`).get(id) as StoredSetRow | undefined;
    if (row === undefined) throw runtimeError(`Set ${id} was deleted by another rehab process a moment ago; nothing was changed.`, 'Run `rehab history` to see the log as it is now.');
    return toStoredSet(row);
  }

  private recordChange(batchId: number, change: string): void {
    const summary = this.db.prepare('SELECT summary FROM batches WHERE id = ?').pluck().get(batchId) as string;
    this.db.prepare('UPDATE batches SET summary = ? WHERE id = ?').run(summaryWithChange(summary, change), batchId);
  }
}
