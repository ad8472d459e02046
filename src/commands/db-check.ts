import { basename } from 'node:path';
import { checkDatabase } from '../db/database-check.js';
import { LATEST_SCHEMA_VERSION } from '../db/migrations.js';
import { openExistingDatabase, translateDatabaseError } from '../db/open-database.js';
import { runtimeError, type RehabError } from '../errors.js';
import type { RunContext } from './context.js';
import type { CommandOutput } from './output.js';

/** How many of the problems found the one-line message names. */
const PROBLEMS_NAMED = 3;

/**
 * `rehab db check`: SQLite's integrity and foreign-key checks, the log's identity (application_id,
 * schema version) and its tables and indexes. Prints `ok: …` on stdout, or fails (exit 1) naming
 * the problems. Never creates, upgrades or changes the log.
 */
export async function dbCheckCommand(context: RunContext): Promise<CommandOutput> {
  const path = context.dbPath;
  const { db, schemaVersion } = openExistingDatabase(path);
  try {
    const result = checkDatabase(db, schemaVersion);
    if (result.problems.length > 0) throw damagedError(path, result.problems);
    const sets = result.sets === 1 ? '1 set' : `${result.sets ?? 0} sets`;
    const notes =
      schemaVersion < LATEST_SCHEMA_VERSION
        ? `The log is at schema ${schemaVersion}; rehab upgrades it to ${LATEST_SCHEMA_VERSION}, after taking a backup, the next time you use it.`
        : '';
    return { stdout: `ok: ${path} passed integrity_check and foreign_key_check (schema ${schemaVersion}, ${sets}).`, stderr: notes };
  } catch (error) {
    throw translateDatabaseError(error, path);
  } finally {
    db.close();
  }
}

function damagedError(path: string, problems: string[]): RehabError {
  const named = problems.slice(0, PROBLEMS_NAMED).map((problem) => problem.replace(/\s+/g, ' ').trim());
  const more = problems.length > PROBLEMS_NAMED ? `; and ${problems.length - PROBLEMS_NAMED} more` : '';
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return runtimeError(
    `${path} is damaged: ${count} found: ${named.join('; ')}${more}.`,
    `Restore it from a copy (\`rehab db backup\` makes them; upgrades leave ${basename(path)}.backup-v… files beside it), ` +
      'or save what can still be read with `rehab export -o rescued.csv`.',
  );
}
