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
    // Every set touches several indexes, the uid one at random places: with SQLite's default
    // 2 MB page cache a million-set import spends most of its time re-reading index pages.
    // This connection ends with the command, so the larger cache goes with it.
    if (input.sets.length > 10_000) this.db.pragma('cache_size = -65536');
    const run = this.db.transaction((): ImportOutcome => {
      const sessionOfUid = this.db.prepare(IMPORT_LOOKUP_SQL.sessionOfUid).pluck();
      const joined = new Map<number, number>();
      const isNew = new Uint8Array(input.sets.length);
      input.sets.forEach((set, index) => {
        const session = sessionOfUid.get(set.uid) as number | undefined;
        if (session === undefined) isNew[index] = 1;
        else if (!joined.has(input.groupOf[index]!)) joined.set(input.groupOf[index]!, session);
      });

      const sessionTaken = this.db.prepare(IMPORT_LOOKUP_SQL.sessionTaken).pluck();
      const lastSession = this.db.prepare(IMPORT_LOOKUP_SQL.lastSession).pluck();
      const insert = this.db.prepare(
        `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (uid) DO NOTHING`,
      );

      let batchId: number | null = null;
      const sessions = new Map<number, number>();
      const addedByExercise = new Map<number, number>();
      let added = 0;
      for (const index of input.order) {
        if (!isNew[index]) continue;
        const set = input.sets[index]!;
        const groupIndex = input.groupOf[index]!;
        const group = input.groups[groupIndex]!;
        let session = sessions.get(groupIndex);
        if (session === undefined) {
          session =
            joined.get(groupIndex) ??
            (group.proposedSession !== null && sessionTaken.get(group.exerciseId, group.date, group.proposedSession) === undefined
              ? group.proposedSession
              : (lastSession.get(group.exerciseId, group.date) as number) + 1);
          sessions.set(groupIndex, session);
        }
        batchId ??= Number(
          this.db.prepare("INSERT INTO batches (kind, summary, created_at) VALUES ('import', '', ?)").run(input.now).lastInsertRowid,
        );
        const { changes } = insert.run(
          set.uid,
          batchId,
          group.exerciseId,
          group.date,
          session,
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

      if (batchId !== null) {
        this.db.prepare('UPDATE batches SET summary = ? WHERE id = ?').run(input.summary({ added, sessions: sessions.size }), batchId);
      }
      return { batchId, added, sessions: sessions.size, addedByExercise };
    });
    return run.immediate();
  }
}

