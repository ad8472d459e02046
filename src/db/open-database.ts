// src/db/: the only place that opens SQLite or writes SQL.
import { chmodSync, closeSync, mkdirSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { RehabError, runtimeError } from '../errors.js';
import { migrate, newerSchemaError } from './migrate.js';
import { LATEST_SCHEMA_VERSION, REHAB_APPLICATION_ID } from './migrations.js';
import { openSqlite } from './sqlite.js';

export { REHAB_APPLICATION_ID } from './migrations.js';

/** An open, migrated log and what happened on the way. */
export interface OpenedDatabase {
  db: Database.Database;
  /** True when this call turned a missing or empty file into a new log. */
  created: boolean;
  /** The schema version an existing log was upgraded from, or null when nothing was upgraded. */
  migratedFrom: number | null;
  /** The copy taken before that upgrade, or null. */
  backupPath: string | null;
}

/** How long a write waits for another rehab process to finish before giving up (SPEC §3). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * A log up to this size (about 3,000 sets) gets `PRAGMA quick_check` every time it is opened,
 * a few milliseconds at most, so that damage is found before anything is written to it, even in
 * pages the command would not read. Larger logs rely on SQLite noticing damage in the pages it
 * reads (the check grows with the file: about 0.2 s at 400,000 sets) and on `rehab db check`.
 */
const QUICK_CHECK_MAX_BYTES = 1024 * 1024;

/**
 * Opens the rehab log at `path`, creating it (owner-only, 0600) when it is missing, and migrating
 * it forward when it is older than this rehab.
 *
 * A file that is not SQLite, a SQLite file that is not a rehab log, and a log from a newer rehab
 * are refused with a runtime error and left byte-identical: those checks read the file's header
 * with plain file reads, because even a read-only SQLite connection creates -wal and -shm files
 * beside a WAL-mode database.
 */
export function openDatabase(path: string): OpenedDatabase {
  const size = prepareFile(path);

  const db = connect(path);

  try {
    // Again through SQLite, which also sees what the header cannot: changes still in a -wal file
    // left by another process. Nothing has been written yet.
    checkIdentity(path, readIdentity(db));
    if (size > 0 && size <= QUICK_CHECK_MAX_BYTES) quickCheck(db, path);
    configure(db);
    const result = migrate(db, path);
    const created = result.from === 0 && result.to > 0;
    return {
      db,
      created,
      migratedFrom: !created && result.to > result.from ? result.from : null,
      backupPath: result.backupPath,
    };
  } catch (error) {
    db.close();
    throw translateDatabaseError(error, path);
  }
}

/** A connection to the file at `path`, which was just checked (or created): SQLite never makes another. */
function connect(path: string): Database.Database {
  try {
    return openSqlite(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw translateDatabaseError(error, path);
  }
}

/**
 * Opens the existing rehab log at `path` as it is, for `rehab db check` and `rehab db backup`:
 * never creates it, never migrates it (an older log opens at its own schema), never switches its
 * journal mode. The refusals of `openDatabase` apply: a folder, a file that is not SQLite, a
 * SQLite file that is not a rehab log, a log from a newer rehab; and a missing or empty file.
 */
export function openExistingDatabase(path: string): { db: Database.Database; schemaVersion: number } {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw runtimeError(`There is no rehab log at ${path}.`, 'rehab creates it the first time you log something; pass another file with --db.');
    }
    throw translateDatabaseError(error, path);
  }
  checkRegularFile(path, stats);
  if (stats.size === 0) throw runtimeError(`${path} is empty: it is not a rehab log yet.`, 'rehab sets it up the first time you log something.');
  checkIdentity(path, identityFromHeader(path, readHeader(path)));

  const db = connect(path);
  try {
    const identity = readIdentity(db);
    checkIdentity(path, identity);
    if (identity.applicationId !== REHAB_APPLICATION_ID) {
      throw runtimeError(`${path} is an empty SQLite file: it is not a rehab log yet.`, 'rehab sets it up the first time you log something.');
    }
    return { db, schemaVersion: identity.userVersion };
  } catch (error) {
    db.close();
    throw translateDatabaseError(error, path);
  }
}

/**
 * Turns what SQLite or the file system throws about the log at `path` into a one-line runtime
 * error that says what to do. Anything it does not recognise (a bug) is returned unchanged.
 */
export function translateDatabaseError(error: unknown, path: string): unknown {
  if (error instanceof RehabError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const translated = code.startsWith('SQLITE_') ? sqliteError(code, path) : fileSystemError(code, path);
  if (translated === undefined) return error;
  return runtimeError(translated.message, translated.hint, error);
}

// ---- the file, before SQLite sees it ---------------------------------------------------------

/** The facts that decide whether a SQLite file may be opened as a rehab log. */
interface Identity {
  applicationId: number;
  userVersion: number;
  hasTables: boolean;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The 100-byte database header plus the 8-byte b-tree page header of sqlite_schema on page 1. */
const HEADER_BYTES = 108;

/**
 * Checks the file at `path` without SQLite, creating it when missing or turning an empty one
 * owner-only. Returns its size (0 for a new one).
 */
function prepareFile(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      createFile(path);
      return 0;
    }
    throw translateDatabaseError(error, path);
  }
  checkRegularFile(path, stats);
  if (stats.size === 0) {
    // An empty file (`touch rehab.db`) becomes a new log: make it owner-only like one we create.
    try {
      chmodSync(path, 0o600);
    } catch (error) {
      throw translateDatabaseError(error, path);
    }
    return 0;
  }
  checkIdentity(path, identityFromHeader(path, readHeader(path)));
  return stats.size;
}

/** A folder, a device or a socket cannot be a log. */
function checkRegularFile(path: string, stats: Stats): void {
  if (stats.isDirectory()) {
    throw runtimeError(`${path} is a folder, not a rehab database.`, `Pass a file path with --db, for example --db ${join(path, 'rehab.db')}.`);
  }
  if (!stats.isFile()) {
    throw runtimeError(`${path} is not a regular file, so it cannot be a rehab database; it was left untouched.`, 'Pass a file path with --db.');
  }
}

function createFile(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'wx', 0o600));
    // openSync's mode passes through the umask; set it outright. SQLite gives the -wal and -shm
    // files the database file's permissions, so they are owner-only too.
    chmodSync(path, 0o600);
  } catch (error) {
    // Another rehab process created it a moment ago; SQLite's locking takes it from here.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw translateDatabaseError(error, path);
  }
}

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  let length = 0;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    while (length < HEADER_BYTES) {
      const read = readSync(fd, header, length, HEADER_BYTES - length, length);
      if (read === 0) break; // end of file
      length += read;
    }
  } catch (error) {
    throw translateDatabaseError(error, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return header.subarray(0, length);
}

/** Reads the identity from the header bytes (sqlite.org/fileformat.html §1.3, §1.6). */
function identityFromHeader(path: string, header: Buffer): Identity {
  if (header.length < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw runtimeError(`${path} is not a rehab database (it is not a SQLite file); it was left untouched.`, 'Pass the path of your rehab log with --db.');
  }
  if (header.length < HEADER_BYTES) {
    throw runtimeError(`${path} is not a rehab database (it is a damaged SQLite file, too short to read); it was left untouched.`, 'Pass the path of your rehab log with --db.');
  }
  const pageType = header[100];
  const cellCount = header.readUInt16BE(103);
  return {
    userVersion: header.readInt32BE(60),
    applicationId: header.readInt32BE(68),
    // sqlite_schema is rooted on page 1: an empty leaf (type 13, no cells) means no tables at all.
    hasTables: !(pageType === 0x0d && cellCount === 0),
  };
}

// ---- through SQLite ----------------------------------------------------------------------------

function readIdentity(db: Database.Database): Identity {
  // One read transaction, so the three answers come from the same moment.
  return db.transaction(() => ({
    applicationId: db.pragma('application_id', { simple: true }) as number,
    userVersion: db.pragma('user_version', { simple: true }) as number,
    hasTables: (db.prepare('SELECT EXISTS (SELECT 1 FROM sqlite_schema) AS found').get() as { found: number }).found === 1,
  }))();
}

/**
 * A rehab log (its application_id), or an empty SQLite file that can become one. Anything else is
 * someone else's data, or a log this rehab is too old to understand.
 */
function checkIdentity(path: string, identity: Identity): void {
  if (identity.applicationId === REHAB_APPLICATION_ID) {
    if (identity.userVersion > LATEST_SCHEMA_VERSION) throw newerSchemaError(path, identity.userVersion, LATEST_SCHEMA_VERSION);
    return;
  }
  if (identity.applicationId === 0 && identity.userVersion === 0 && !identity.hasTables) return;
  throw runtimeError(`${path} is a SQLite database but not a rehab log; it was left untouched.`, 'Pass the path of your rehab log with --db, or a new file name to start one.');
}

/** Refuses a damaged log before anything is written to it (see QUICK_CHECK_MAX_BYTES). */
function quickCheck(db: Database.Database, path: string): void {
  const [first] = checkProblems(db.pragma('quick_check(1)') as Array<{ quick_check: string }>);
  if (first === undefined) return;
  throw runtimeError(
    `${path} is damaged (SQLite's quick_check: ${first}); nothing was written to it.`,
    `Restore it from a copy: \`rehab db backup\` makes them, and upgrades leave ${path}.backup-v… files beside it. \`rehab db check\` lists the problems.`,
  );
}

/**
 * The problems in the rows of `PRAGMA integrity_check` or `quick_check`, one tidy line each: a row
 * may hold several, a line each, after a "*** in database main ***" marker; "ok" is none.
 */
export function checkProblems(rows: ReadonlyArray<Record<string, string>>): string[] {
  return rows
    .flatMap((row) => String(Object.values(row)[0]).replace(/\*\*\* in database \w+ \*\*\*/g, '\n').split('\n'))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && line !== 'ok');
}

function configure(db: Database.Database): void {
  // WAL lets readers and one writer work at once, so several rehab processes all succeed.
  // Switching needs an exclusive lock, so only ask when the file is not in WAL mode already. A file
  // system without shared memory (some network drives) keeps the rollback journal: slower under
  // contention, still correct, so that is not an error.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  // FULL after WAL: in WAL mode SQLite would otherwise drop to NORMAL, which can lose the last
  // commit on power loss; a logged session must survive.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

// ---- errors ------------------------------------------------------------------------------------

function sqliteError(code: string, path: string): { message: string; hint: string } | undefined {
  // Extended codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, …) share their primary's advice.
  const primary = code.split('_').slice(0, 2).join('_');
  switch (primary) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return {
        message: `${path} is busy: another program kept it locked for more than ${BUSY_TIMEOUT_MS / 1000} seconds.`,
        hint: 'Try again in a moment; if it keeps happening, close other programs that have the file open.',
      };
    case 'SQLITE_CANTOPEN':
      return {
        message: `Cannot open ${path}.`,
        hint: `Check that its folder exists and that you may read and write there (rehab writes ${basename(path)}-wal and ${basename(path)}-shm beside it), or pass another file with --db.`,
      };
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return {
        message: `${path} is read-only, so rehab cannot write to it.`,
        hint: `Check the permissions of the file and its folder (rehab also writes ${path}-wal and ${path}-shm beside it).`,
      };
    case 'SQLITE_FULL':
      return {
        message: `The disk holding ${path} is full.`,
        hint: 'Free some space and try again; what was being written was not saved, and nothing else was lost.',
      };
    case 'SQLITE_NOTADB':
      return {
        message: `${path} is not a rehab database (SQLite cannot read it); it was left untouched.`,
        hint: 'Pass the path of your rehab log with --db.',
      };
    case 'SQLITE_CORRUPT':
      return {
        message: `${path} is damaged (SQLite reports corruption).`,
        hint: `Restore it from a copy: \`rehab db backup\` makes them, and upgrades leave ${path}.backup-v… files beside it.`,
      };
    case 'SQLITE_IOERR':
      return {
        message: `Reading or writing ${path} failed (an I/O error).`,
        hint: 'Check the disk or drive it is on, then try again.',
      };
    default:
      return undefined;
  }
}

function fileSystemError(code: string, path: string): { message: string; hint: string } | undefined {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return {
        message: `Cannot use ${path}: permission denied.`,
        hint: 'Check the permissions of the file and its folder, or pass another file with --db.',
      };
    case 'ENOTDIR':
      return {
        message: `Cannot use ${path}: part of its folder path is a file, not a folder.`,
        hint: 'Pass another file with --db.',
      };
    case 'EROFS':
      return {
        message: `Cannot use ${path}: it is on a read-only file system.`,
        hint: 'Pass a file on a writable disk with --db.',
      };
    case 'ENOSPC':
      return {
        message: `The disk holding ${path} is full.`,
        hint: 'Free some space and try again.',
      };
    case 'EDQUOT':
      return {
        message: `Your disk quota is used up, so rehab cannot write ${path}.`,
        hint: 'Free some space (or ask for a larger quota) and try again.',
      };
    case 'ENAMETOOLONG':
    case 'ELOOP':
      return {
        message: `Cannot use ${path}: the path is too long or loops through symbolic links.`,
        hint: 'Pass another file with --db.',
      };
    default:
      return undefined;
  }
}
