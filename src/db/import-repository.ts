import type BetterSqlite3 from 'better-sqlite3';
import type { SetValues } from '../domain/types.js';
import { normalizeExerciseName } from './exercise-repository.js';

/** One session-to-be of an import (see src/io/importers/plan.ts). */
export interface ImportGroup {
  exerciseId: number;
  /** YYYY-MM-DD */
  date: string;
  /** The session number the file gave (rehab's own exports), kept when the log does not use it. */
  proposedSession: number | null;
}

/** One set-to-be of an import: its values; its group and number come with the plan. */
export interface ImportSet extends SetValues {
  uid: string;
  source: string;
}

export interface ImportInput {
  groups: readonly ImportGroup[];
  sets: readonly ImportSet[];
  /** Row index → group index. */
  groupOf: Uint32Array;
  /** Row index → set number. */
  setNumbers: Uint32Array;
  /** Row indexes in the order they are stored. */
  order: Uint32Array;
  /** What `rehab undo` says it removes, given what was added. */
  summary: (outcome: { added: number; sessions: number }) => string;
  /** ISO timestamp for created_at, injected. */
  now: string;
}

/** What an import added. */
export interface ImportOutcome {
  /** The 'import' batch holding the new sets, or null when nothing was new. */
  batchId: number | null;
  added: number;
  /** Sessions that received sets. */
  sessions: number;
  addedByExercise: Map<number, number>;
}

/**
 * The lookups an import makes for every set and every session, exported so a test can check
 * that each uses an index: a million-set import must not scan the table a million times.
 */
export const IMPORT_LOOKUP_SQL = {
  sessionOfUid: 'SELECT session FROM sets WHERE uid = ?',
  anyUidBetween: 'SELECT 1 FROM sets WHERE uid BETWEEN ? AND ? LIMIT 1',
  exerciseHasSets: 'SELECT 1 FROM sets WHERE exercise_id = ? LIMIT 1',
  sessionTaken: 'SELECT 1 FROM sets WHERE exercise_id = ? AND date = ? AND session = ? LIMIT 1',
  lastSession: 'SELECT coalesce(max(session), 0) FROM sets WHERE exercise_id = ? AND date = ?',
  remembered: 'SELECT exercise_id FROM import_mappings WHERE source_format = ? AND foreign_name = ?',
} as const;

/** Imports: storing imported sets without duplicates, and the exercise names they were mapped by. */
export class ImportRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /** The exercise a name from `format`'s exports was mapped to last time, if any. */
  rememberedExerciseId(format: string, foreignName: string): number | undefined {
    return this.db
      .prepare(IMPORT_LOOKUP_SQL.remembered)
      .pluck()
      .get(format, normalizeExerciseName(foreignName)) as number | undefined;
  }

  /** Remembers that `foreignName` in `format`'s exports means the exercise `exerciseId`. */
  remember(format: string, foreignName: string, exerciseId: number, now: string): void {
    this.db
      .prepare(
        `INSERT INTO import_mappings (source_format, foreign_name, exercise_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (source_format, foreign_name) DO UPDATE SET exercise_id = excluded.exercise_id, updated_at = excluded.updated_at
         WHERE exercise_id <> excluded.exercise_id`,
      )
      .run(format, normalizeExerciseName(foreignName), exerciseId, now);
  }

  /**
   * Stores the sets whose uid the log does not have yet, in one immediate transaction (a savepoint
   * when called inside one), under one 'import' batch that `rehab undo` removes whole. A set whose
   * uid is already stored is left alone: importing a file twice adds nothing.
   *
   * Session numbers: a group that already has some of its sets in the log gets the rest in that
   * same session; a group with a proposed number the log does not use for that exercise and day
   * keeps it (an export re-imported reproduces itself); any other group becomes the next session
   * of its exercise that day.
   */
  importSets(input: ImportInput): ImportOutcome {
    const run = this.db.transaction((): ImportOutcome => {
      const { isNew, joined } = this.storedSets(input);
      const sessions = this.sessionsOfGroups(input, isNew, joined);
      const newSets = isNew.reduce((sum, flag) => sum + flag, 0);
      if (newSets === 0) return { batchId: null, added: 0, sessions: 0, addedByExercise: new Map() };

      const batchId = Number(this.db.prepare("INSERT INTO batches (kind, summary, created_at) VALUES ('import', '', ?)").run(input.now).lastInsertRowid);
      const insert = this.db.prepare(
        `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (uid) DO NOTHING`,
      );
      const addedByExercise = new Map<number, number>();
      let added = 0;
      this.withIndexesRebuiltIfLarge(newSets, () => {
        for (const index of input.order) {
          if (!isNew[index]) continue;
          const set = input.sets[index]!;
          const groupIndex = input.groupOf[index]!;
          const group = input.groups[groupIndex]!;
          const { changes } = insert.run(
            set.uid,
            batchId,
            group.exerciseId,
            group.date,
            sessions.of[groupIndex],
            input.setNumbers[index],
            set.reps,
            set.seconds,
            set.load.kind,
            set.load.kind === 'external' ? set.load.value : set.load.added,
            set.load.unit,
            set.rpe,
            set.pain,
            set.note,
            set.source,
            input.now,
          );
          if (changes === 0) continue;
          added += 1;
          addedByExercise.set(group.exerciseId, (addedByExercise.get(group.exerciseId) ?? 0) + 1);
        }
      });
      this.db.prepare('UPDATE batches SET summary = ? WHERE id = ?').run(input.summary({ added, sessions: sessions.count }), batchId);
      return { batchId, added, sessions: sessions.count, addedByExercise };
    });
    return run.immediate();
  }

  /**
   * Which sets are new (1 in `isNew`), and for each group with sets in the log already, the
   * session they are in. When no stored uid lies between the smallest and the largest of the
   * file's, none of them is stored: one lookup instead of one per set.
   */
  private storedSets(input: ImportInput): { isNew: Uint8Array; joined: Map<number, number> } {
    const isNew = new Uint8Array(input.sets.length).fill(1);
    const joined = new Map<number, number>();
    if (input.sets.length === 0) return { isNew, joined };
    let first = input.sets[0]!.uid;
    let last = first;
    for (const { uid } of input.sets) {
      if (uid < first) first = uid;
      else if (uid > last) last = uid;
    }
    if (this.db.prepare(IMPORT_LOOKUP_SQL.anyUidBetween).get(first, last) === undefined) return { isNew, joined };
    const sessionOfUid = this.db.prepare(IMPORT_LOOKUP_SQL.sessionOfUid).pluck();
    input.sets.forEach((set, index) => {
      const session = sessionOfUid.get(set.uid) as number | undefined;
      if (session === undefined) return;
      isNew[index] = 0;
      if (!joined.has(input.groupOf[index]!)) joined.set(input.groupOf[index]!, session);
    });
    return { isNew, joined };
  }

  /**
   * The session of each group that has new sets (see `importSets`; 0 for the others), decided in
   * the order the sets are stored, as if each group's sets were stored before the next is decided.
   */
  private sessionsOfGroups(input: ImportInput, isNew: Uint8Array, joined: Map<number, number>): { of: Uint32Array; count: number } {
    const sessionTaken = this.db.prepare(IMPORT_LOOKUP_SQL.sessionTaken).pluck();
    const lastSession = this.db.prepare(IMPORT_LOOKUP_SQL.lastSession).pluck();
    const hasSets = this.db.prepare(IMPORT_LOOKUP_SQL.exerciseHasSets).pluck();
    /** Whether the log has any set of an exercise: when not, there is nothing to look up. */
    const logged = new Map<number, boolean>();
    /** `exercise date` → the sessions this import gives groups of that exercise and day. */
    const given = new Map<string, number[]>();
    const of = new Uint32Array(input.groups.length);
    let count = 0;
    for (const index of input.order) {
      if (!isNew[index]) continue;
      const groupIndex = input.groupOf[index]!;
      if (of[groupIndex] !== 0) continue;
      const { exerciseId, date, proposedSession } = input.groups[groupIndex]!;
      let inLog = logged.get(exerciseId);
      if (inLog === undefined) {
        inLog = hasSets.get(exerciseId) !== undefined;
        logged.set(exerciseId, inLog);
      }
      const day = `${exerciseId} ${date}`;
      let givenThatDay = given.get(day);
      if (givenThatDay === undefined) {
        givenThatDay = [];
        given.set(day, givenThatDay);
      }
      let session = joined.get(groupIndex);
      if (session === undefined && proposedSession !== null) {
        const taken = givenThatDay.includes(proposedSession) || (inLog && sessionTaken.get(exerciseId, date, proposedSession) !== undefined);
        if (!taken) session = proposedSession;
      }
      if (session === undefined) {
        let lastOfDay = inLog ? (lastSession.get(exerciseId, date) as number) : 0;
        for (const other of givenThatDay) lastOfDay = Math.max(lastOfDay, other);
        session = lastOfDay + 1;
      }
      of[groupIndex] = session;
      count += 1;
      givenThatDay.push(session);
    }
    return { of, count };
  }

  /**
   * Runs `insert`, which adds `newSets` sets. When they are at least as many as the sets stored,
   * the indexes of `sets` (but the uid one, which finds duplicates) are dropped first and built
   * again after, the same, from sorted keys: cheaper than updating five indexes set by set (for
   * 100,000 sets into an empty log, 0.26 s to build them against 0.5 s to update them). All of
   * it inside the import's transaction, so a killed import leaves the log as it was.
   */
  private withIndexesRebuiltIfLarge(newSets: number, insert: () => void): void {
    // Counting stops past `newSets`: a large log is not counted whole.
    const storedSets = this.db.prepare('SELECT count(*) FROM (SELECT 1 FROM sets LIMIT ?)').pluck().get(newSets + 1) as number;
    const indexes =
      storedSets <= newSets
        ? (this.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sets' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>)
        : [];
    for (const { name } of indexes) this.db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    // Kept, every index takes every set, the uid one at random places: with SQLite's default page
    // cache a large import into a larger log spends most of its time re-reading index pages.
    // This connection ends with the command, so the larger cache goes with it.
    if (indexes.length === 0 && newSets > 10_000) this.db.pragma('cache_size = -65536');
    insert();
    for (const { sql } of indexes) this.db.exec(sql);
  }
}
