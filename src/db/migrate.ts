import { chmodSync, closeSync, openSync, rmSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { InternalError, RehabError, runtimeError } from '../errors.js';
import { MIGRATIONS, REHAB_APPLICATION_ID, type Migration } from './migrations.js';

/** What `migrate` did: the schema version it found, the one it left, and the backup it took. */
export interface MigrationResult {
  from: number;
  to: number;
  /** The copy of the file taken before upgrading it, or null when nothing was upgraded. */
  backupPath: string | null;
}

/**
 * Brings the open database at `path` up to the last of `migrations`.
 *
 * `PRAGMA user_version` is the truth. A file that already holds a log (version ≥ 1) is first
 * copied to `<path>.backup-v<from>-<YYYYMMDDHHmmss>` (UTC). Each migration and its version bump
 * then run in one immediate transaction, so a crash leaves the file at a whole version; inside it
 * the version is read again, so two processes migrating at once apply each step only once.
 * A file newer than the list is refused. `now` names the backup; it is a parameter for tests.
 */
export function migrate(
  db: BetterSqlite3.Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
  now: Date = new Date(),
): MigrationResult {
  checkSequence(migrations);
  const target = migrations.at(-1)?.version ?? 0;
  const found = userVersion(db);
  if (found > target) throw newerSchemaError(path, found, target);
  if (found === target) return { from: found, to: found, backupPath: null };

  // VACUUM INTO cannot run inside a transaction, so the copy is taken before the first one.
  let backupPath = found >= 1 ? backUp(db, path, found, now) : null;

  let from: number | null = null;
  for (const migration of migrations) {
    if (migration.version <= found) continue;
    const seen = applyMigration(db, path, migration, backupPath);
    from ??= seen;
  }

  if (from === null && backupPath !== null) {
    // Another process upgraded the file between our first look and our transaction (and took
    // its own backup); ours would only be clutter.
    rmSync(backupPath, { force: true });
    backupPath = null;
  }
  const to = userVersion(db);
  return { from: from ?? to, to, backupPath };
}

/** The schema version the file is at. */
export function userVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The refusal of a file written by a later rehab, whose schema this one cannot know. */
export function newerSchemaError(path: string, found: number, latest: number): RehabError {
  return runtimeError(
    `${path} was written by a newer version of rehab (schema ${found}; this version knows up to ${latest}); upgrade rehab to open it.`,
    'The file was left untouched; install the latest rehab to use it.',
  );
}

/**
 * Runs one migration in an immediate transaction. Returns the version the file was at inside the
 * transaction, or null when another process had already applied it.
 */
function applyMigration(
  db: BetterSqlite3.Database,
  path: string,
  migration: Migration,
  backupPath: string | null,
): number | null {
  const step = db.transaction((): number | null => {
    const current = userVersion(db);
    if (current >= migration.version) return null;
    if (current !== migration.version - 1) {
      throw new InternalError(`Cannot apply migration ${migration.name} to a file at schema ${current}.`);
    }
    db.exec(migration.sql);
    if (migration.version === 1) db.pragma(`application_id = ${REHAB_APPLICATION_ID}`);
    db.pragma(`user_version = ${migration.version}`);
    return current;
  });
  try {
    return step.immediate();
  } catch (error) {
    if (error instanceof RehabError || error instanceof InternalError) throw error;
    // Trouble with the file or the disk (busy, full, read-only, …) is translated by the caller;
    // anything else is a migration that does not fit the data in this file.
    if (ENVIRONMENT_ERROR.test(codeOf(error) ?? '')) throw error;
    throw runtimeError(
      `Could not upgrade ${path} to schema ${migration.version} (${migration.name}): ${messageOf(error)}. The file was left at schema ${migration.version - 1}.`,
      backupPath === null
        ? 'Please report this as a bug in rehab.'
        : `A copy of the file from before the upgrade is at ${backupPath}. Please report this as a bug in rehab.`,
      error,
    );
  }
}

/**
 * Copies the database, consistently, to a new owner-only file beside it. The file is created
 * first with mode 0600 because VACUUM INTO writes into an existing empty file as it finds it.
 */
function backUp(db: BetterSqlite3.Database, path: string, version: number, now: Date): string {
  const base = `${path}.backup-v${version}-${compactUtc(now)}`;
  let backupPath = base;
  for (let attempt = 2; ; attempt += 1) {
    try {
      closeSync(openSync(backupPath, 'wx', 0o600));
      break;
    } catch (error) {
      // Two upgrades in the same second: keep both copies rather than fail.
      if (codeOf(error) === 'EEXIST' && attempt < 100) {
        backupPath = `${base}-${attempt}`;
        continue;
      }
      throw backupError(path, error);
    }
  }
  try {
    chmodSync(backupPath, 0o600); // the umask may have narrowed the mode, never widened it; be sure
    db.prepare('VACUUM INTO ?').run(backupPath);
  } catch (error) {
    rmSync(backupPath, { force: true });
    throw backupError(path, error);
  }
  return backupPath;
}

function backupError(path: string, cause: unknown): RehabError {
  return runtimeError(
    `Could not back up ${path} before upgrading it (${messageOf(cause)}), so it was not upgraded.`,
    'Make room on the disk or fix the folder permissions, then run rehab again.',
    cause,
  );
}

const ENVIRONMENT_ERROR = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOTADB|CORRUPT|NOMEM|PERM)/;

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new InternalError(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}.`);
    }
  });
}

/** 2026-11-24T07:05:09Z → 20261124070509. */
function compactUtc(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, '').replace(/\D/g, '');
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
