import type BetterSqlite3 from 'better-sqlite3';
import { ExerciseRepository } from '../db/exercise-repository.js';
import { MetaRepository } from '../db/meta-repository.js';
import { openDatabase, translateDatabaseError } from '../db/open-database.js';
import { SetRepository } from '../db/set-repository.js';
import { starterProgramme } from '../domain/starter-programme.js';
import type { Unit } from '../domain/types.js';
import { safetyNotice } from '../io/safety-notice.js';
import type { RunContext } from './context.js';

/** An open log: the repositories a handler reads and writes through, and what to tell the user. */
export interface RehabLog {
  exercises: ExerciseRepository;
  sets: SetRepository;
  meta: MetaRepository;
  /** The user's units: what a bare number means and what a new exercise starts in. */
  units: Unit;
  /** Messages for stderr: first-run set-up, a schema upgrade and its backup. */
  notices: string[];
  /** Runs `work` in one immediate transaction: all of it is written, or none. */
  transaction<T>(work: () => T): T;
  /** A repository class from src/db on this log's connection (one a command needs alone, like undo's). */
  repository<T>(Repository: new (db: BetterSqlite3.Database) => T): T;
  close(): void;
}

/** Opens (creating, migrating and seeding as needed) the log at the context's path. */
export function openLog(context: RunContext): RehabLog {
  const opened = openDatabase(context.dbPath);
  const meta = new MetaRepository(opened.db);
  const exercises = new ExerciseRepository(opened.db);
  const units: Unit = meta.get('units') === 'lb' ? 'lb' : 'kg';
  const notices: string[] = [];

  const programme = starterProgramme(units);
  if (meta.seedIfNew(programme, context.now)) {
    notices.push(
      `Started a new log at ${context.dbPath} with a starter programme: ${programme.map((e) => e.name).join(', ')}.`,
      safetyNotice(),
    );
  }
  if (opened.migratedFrom !== null && opened.migratedFrom > 0) {
    notices.push(`Upgraded the log from schema version ${opened.migratedFrom}; a backup of the old file is at ${opened.backupPath}.`);
  }

  return {
    exercises,
    sets: new SetRepository(opened.db),
    meta,
    units,
    notices,
    transaction: (work) => opened.db.transaction(work).immediate(),
    repository: (Repository) => new Repository(opened.db),
    close: () => opened.db.close(),
  };
}

/**
 * Opens the log, runs `work` with it and closes it, whatever happens. A SQLite error on the way
 * (a locked or full disk, say) becomes a one-line message that says what to do.
 */
export async function withLog<T>(context: RunContext, work: (log: RehabLog) => T | Promise<T>): Promise<T> {
  const log = openLog(context);
  try {
    return await work(log);
  } catch (error) {
    throw translateDatabaseError(error, context.dbPath);
  } finally {
    log.close();
  }
}
