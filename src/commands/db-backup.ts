import { closeSync, existsSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { backupDatabase } from '../db/database-backup.js';
import { openExistingDatabase, REHAB_APPLICATION_ID, translateDatabaseError } from '../db/open-database.js';
import { RehabError, runtimeError, usageError } from '../errors.js';
import type { RunContext } from './context.js';
import type { CommandOutput } from './output.js';

/**
 * `rehab db backup [FILE]`: a consistent copy of the log, taken while other rehab processes may
 * be writing, written whole or not at all and readable by the owner alone. Without FILE (or with
 * a folder) the copy is named after the log and the time: `rehab.db.backup-20261124070509`. The
 * path written is printed alone on stdout. An existing FILE is replaced only if it is a rehab log
 * or backup (or empty): anything else is someone's data.
 */
export async function dbBackupCommand(file: string | undefined, context: RunContext): Promise<CommandOutput> {
  const target = backupTarget(file, context);
  const { db, schemaVersion } = openExistingDatabase(context.dbPath);
  try {
    backupDatabase(db, target);
  } catch (error) {
    throw backupFileError(error, target, context.dbPath);
  } finally {
    db.close();
  }
  return {
    stdout: target,
    stderr: `Backed up the log (schema ${schemaVersion}). To restore it, copy the backup over ${context.dbPath} while no rehab is running.`,
  };
}

/** Where the copy goes, checked before the log is opened. */
function backupTarget(file: string | undefined, context: RunContext): string {
  const stamp = compactUtc(context.now);
  if (file === undefined) return freeName(`${context.dbPath}.backup-${stamp}`);
  const given = resolve(file);
  const stats = statOrUndefined(given);
  if (stats?.isDirectory()) return freeName(join(given, `${basename(context.dbPath)}.backup-${stamp}`));

  const log = realPathOf(context.dbPath);
  if ([log, `${log}-wal`, `${log}-shm`, `${log}-journal`].includes(realPathOf(given))) {
    throw usageError(`${file} is the rehab log itself; a backup must go to another file.`, 'Give another file name, or none for one beside the log.');
  }
  const folder = dirname(given);
  const folderStats = statOrUndefined(folder);
  if (folderStats === undefined) {
    throw runtimeError(`Cannot write the backup ${given}: the folder ${folder} does not exist.`, 'Create it first, or give a file in an existing folder.');
  }
  if (!folderStats.isDirectory()) {
    throw runtimeError(`Cannot write the backup ${given}: ${folder} is a file, not a folder.`, 'Give a file in an existing folder.');
  }
  if (stats !== undefined && !isReplaceable(given, stats)) {
    throw usageError(`${file} already exists and is not a rehab backup, so it was left as it is.`, 'Give a new file name, or a folder to put the backup in.');
  }
  return given;
}

/** `base`, or `base-2`, `base-3`… when two backups are taken in the same second. */
function freeName(base: string): string {
  let name = base;
  for (let attempt = 2; existsSync(name); attempt += 1) name = `${base}-${attempt}`;
  return name;
}

/** An empty file, or a SQLite file marked as a rehab log (an earlier backup): safe to replace. */
function isReplaceable(path: string, stats: Stats): boolean {
  if (!stats.isFile()) return false;
  if (stats.size === 0) return true;
  const header = Buffer.alloc(72);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const read = readSync(fd, header, 0, header.length, 0);
    // sqlite.org/fileformat.html: the magic string, and the application_id at offset 68.
    return read === header.length && header.toString('latin1', 0, 16) === 'SQLite format 3\0' && header.readInt32BE(68) === REHAB_APPLICATION_ID;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A failure while copying, as one line. Damage and locks are about the log; everything else
 * (a full disk, permissions) is about where the copy was going.
 */
export function backupFileError(error: unknown, target: string, dbPath: string): unknown {
  if (RehabError.is(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (/^SQLITE_(CORRUPT|NOTADB|BUSY|LOCKED)/.test(code)) return translateDatabaseError(error, dbPath);
  const reasons: Array<[RegExp, string]> = [
    [/^(EACCES|EPERM|SQLITE_READONLY|SQLITE_PERM|SQLITE_CANTOPEN)/, 'permission denied'],
    [/^(ENOSPC|SQLITE_FULL)/, 'the disk is full'],
    [/^EDQUOT$/, 'the disk quota is used up'],
    [/^EROFS$/, 'it is on a read-only file system'],
    [/^(EIO|SQLITE_IOERR)/, 'an I/O error'],
  ];
  const reason = reasons.find(([pattern]) => pattern.test(code))?.[1];
  if (reason === undefined) return error;
  return runtimeError(`Cannot write the backup ${target}: ${reason}; nothing was written and the log is unchanged.`, 'Free some space or fix the permissions, or give another file.', error);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** 2026-11-24T07:05:09.123Z → 20261124070509 (UTC, as the upgrade backups are named). */
function compactUtc(iso: string): string {
  return iso.replace(/\.\d+Z$/, '').replace(/\D/g, '');
}
