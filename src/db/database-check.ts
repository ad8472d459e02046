// `rehab db check`: what SQLite and the schema history say about a log, without changing it.
import type Database from 'better-sqlite3';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { checkProblems } from './open-database.js';
import { openSqlite } from './sqlite.js';

/** What `checkDatabase` found: the problems are short phrases, none when the log is sound. */
export interface DatabaseCheck {
  schemaVersion: number;
  /** Sets in the log, or null when the table cannot be counted. */
  sets: number | null;
  problems: string[];
}

/** SQLite stops listing after this many problems; a damaged log is damaged either way. */
const MOST_INTEGRITY_PROBLEMS = 100;

/**
 * Checks an open log at schema `schemaVersion`: `PRAGMA integrity_check` (every page, every index
 * against its table), `PRAGMA foreign_key_check` (every reference has its row), and every table
 * and index that the migrations up to that version create is there. Reads only.
 */
export function checkDatabase(db: Database.Database, schemaVersion: number): DatabaseCheck {
  const problems: string[] = [];
  if (schemaVersion < 1) problems.push('the schema version is 0 although the file is marked as a rehab log');

  problems.push(...integrityProblems(db));

  // On a damaged file the later steps may stop at the damage; what was found already says enough.
  const references = unlessDamaged(problems, () => db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>) ?? [];
  for (const row of references) problems.push(`${row.table} row ${row.rowid ?? '?'} refers to a missing ${row.parent} row`);

  const missing = missingSchemaObjects(db, schemaVersion);
  for (const object of missing) problems.push(`${object.type} ${object.name} is missing`);

  const hasSets = !missing.some((object) => object.name === 'sets') && schemaVersion >= 1;
  const sets = hasSets ? (unlessDamaged(problems, () => db.prepare('SELECT count(*) FROM sets').pluck().get() as number) ?? null) : null;
  return { schemaVersion, sets, problems };
}

/** Runs `step`; a SQLITE_CORRUPT from it is left unsaid (undefined) when problems were found already. */
function unlessDamaged<T>(problems: string[], step: () => T): T | undefined {
  try {
    return step();
  } catch (error) {
    if (problems.length > 0 && isCorruption(error)) return undefined;
    throw error;
  }
}

function isCorruption(error: unknown): boolean {
  return String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_CORRUPT');
}

/**
 * `integrity_check`'s findings. Some damage makes it stop with SQLITE_CORRUPT instead of a list;
 * `quick_check`, which skips the index-against-table comparison, can often still say where.
 * Throws SQLITE_CORRUPT (which says the log is damaged, without details) when none can.
 */
function integrityProblems(db: Database.Database): string[] {
  let firstError: unknown;
  // Fewer problems asked for, less of the file read: the last tries stop at the first one found.
  const tries: Array<[string, number]> = [
    ['integrity_check', MOST_INTEGRITY_PROBLEMS],
    ['quick_check', MOST_INTEGRITY_PROBLEMS],
    ['quick_check', 1],
  ];
  for (const [check, most] of tries) {
    try {
      return checkProblems(db.pragma(`${check}(${most})`) as Array<Record<string, string>>);
    } catch (error) {
      if (!isCorruption(error)) throw error;
      firstError ??= error;
    }
  }
  throw firstError;
}

interface SchemaObject {
  type: string;
  name: string;
}

/** The tables and indexes the migrations up to `version` make that the log does not have. */
function missingSchemaObjects(db: Database.Database, version: number): SchemaObject[] {
  const expected = expectedSchema(version);
  const present = new Set(schemaObjects(db).map((object) => `${object.type} ${object.name}`));
  return expected.filter((object) => !present.has(`${object.type} ${object.name}`));
}

/** The schema a log at `version` has: the migrations run on an empty database in memory. */
function expectedSchema(version: number): SchemaObject[] {
  const memory = openSqlite(':memory:');
  try {
    migrate(memory, ':memory:', MIGRATIONS.slice(0, Math.max(0, Math.min(version, MIGRATIONS.length))));
    return schemaObjects(memory);
  } finally {
    memory.close();
  }
}

/** Tables, indexes, views and triggers, without SQLite's own (sqlite_autoindex_…, sqlite_stat1). */
function schemaObjects(db: Database.Database): SchemaObject[] {
  return db.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name").all() as SchemaObject[];
}
