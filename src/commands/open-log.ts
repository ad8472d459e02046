import type BetterSqlite3 from 'better-sqlite3';
import { ExerciseRepository } from '../db/exercise-repository.js';
import { MetaRepository } from '../db/meta-repository.js';
import { openDatabase, translateDatabaseError, type OpenedDatabase } from '../db/open-database.js';
import { SetRepository } from '../db/set-repository.js';
import { starterProgramme } from '../domain/starter-programme.js';
import type { Unit } from '../domain/types.js';
import type { Prompter } from '../io/prompts.js';
import { safetyNotice } from '../io/safety-notice.js';
import type { RunContext } from './context.js';
import type { CommandOutput } from './output.js';

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
  /**
   * Runs `work`, which only reads, in one read transaction: every read sees the log at the same
   * moment, even while another rehab writes, and the file is locked once rather than per query.
   */
  snapshot<T>(work: () => T): T;
  /** A repository class from src/db on this log's connection (one a command needs alone, like undo's). */
  repository<T>(Repository: new (db: BetterSqlite3.Database) => T): T;
  close(): void;
}

export interface OpenLogOptions {
  /**
   * Whether a log that was never set up gets the starter programme now (the default: any first
   * command just works). `rehab init` says false: it sets the log up itself, as the user chooses.
   */
  seedStarter?: boolean;
}

/** Opens (creating, migrating and seeding as needed) the log at the context's path. */
export function openLog(context: RunContext, options: OpenLogOptions = {}): RehabLog {
  const opened = openDatabase(context.dbPath);
  try {
    return logOn(opened, context, options);
  } catch (error) {
    // The first-run seed on a full, read-only or busy disk: say so in words, and let go of the file.
    opened.db.close();
    throw translateDatabaseError(error, context.dbPath);
  }
}

function logOn(opened: OpenedDatabase, context: RunContext, options: OpenLogOptions): RehabLog {
  const meta = new MetaRepository(opened.db);
  const exercises = new ExerciseRepository(opened.db);
  const units: Unit = meta.get('units') === 'lb' ? 'lb' : 'kg';
  const notices: string[] = [];

  const programme = starterProgramme(units);
  if (options.seedStarter !== false && meta.seedIfNew(programme, context.now)) {
    notices.push(
      `Started a new log at ${context.dbPath} with a starter programme: ${programme.map((e) => e.name).join(', ')}. ` +
        'To choose your units, body weight and exercises, run `rehab init`.',
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
    snapshot: (work) => opened.db.transaction(work).deferred(),
    repository: (Repository) => new Repository(opened.db),
    close: () => opened.db.close(),
  };
}

/**
 * Says the log's notices (a new log and the safety notice, an upgrade) before a handler's first
 * question rather than with its output, so that a cancelled question does not swallow them.
 */
export function sayNoticesBeforeAsking(log: RehabLog, prompter: Prompter): void {
  if (log.notices.length === 0) return;
  prompter.say(log.notices.join('\n'));
  log.notices.length = 0;
}

/**
 * Opens the log, runs `work` with it and closes it, whatever happens. A SQLite error on the way
 * (a locked or full disk, say) becomes a one-line message that says what to do.
 */
export async function withLog<T>(context: RunContext, work: (log: RehabLog) => T | Promise<T>, options: OpenLogOptions = {}): Promise<T> {
  const log = openLog(context, options);
  try {
    return await work(log);
  } catch (error) {
    throw translateDatabaseError(error, context.dbPath);
  } finally {
    log.close();
  }
}

/**
 * `withLog` for output written as it is read (`CommandOutput.pieces`): `work` runs with the log
 * open, and the log stays open until `main` has taken the last piece (closed at once when there
 * are none). An error before the first piece or on the way is said in words, as `withLog` does;
 * everything `work` checks is checked before `main` writes a byte.
 */
export function withLogUntilWritten(context: RunContext, work: (log: RehabLog) => CommandOutput): CommandOutput {
  const log = openLog(context);
  let output: CommandOutput;
  try {
    output = work(log);
  } catch (error) {
    log.close();
    throw translateDatabaseError(error, context.dbPath);
  }
  if (output.pieces === undefined) {
    log.close();
    return output;
  }
  return { ...output, pieces: closingAfter(output.pieces, log, context.dbPath) };
}

/** The pieces, then the log closed. */
function* closingAfter(pieces: Iterable<string>, log: RehabLog, dbPath: string): Generator<string, void, undefined> {
  try {
    yield* pieces;
  } catch (error) {
    throw translateDatabaseError(error, dbPath);
  } finally {
    log.close();
  }
}
