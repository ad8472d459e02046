// What shell completion offers after `rehab log `: the exercises' names and aliases, read from the
// log without changing anything. Unlike openDatabase this never creates, migrates or seeds a log:
// completion runs on every Tab press and must have no side effects.
import { closeSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { REHAB_APPLICATION_ID } from './migrations.js';
import { openSqlite } from './sqlite.js';

const SQLITE_MAGIC = 'SQLite format 3\0';
/** `PRAGMA application_id` is stored big-endian at this offset of the header (sqlite.org/fileformat.html §1.3). */
const APPLICATION_ID_OFFSET = 68;

/**
 * The names and aliases of the active exercises of the log at `path`, names first; null when
 * there is no rehab log there (no file, another kind of file, or one that cannot be read).
 */
export function readExerciseWords(path: string): string[] | null {
  if (!isRehabLog(path)) return null;
  let db: Database.Database | undefined;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true, timeout: 200 });
    const names = db.prepare('SELECT name FROM exercises WHERE archived = 0 ORDER BY name COLLATE NOCASE').pluck().all() as string[];
    const aliases = db
      .prepare('SELECT a.alias FROM exercise_aliases a JOIN exercises e ON e.id = a.exercise_id WHERE e.archived = 0 ORDER BY a.alias COLLATE NOCASE')
      .pluck()
      .all() as string[];
    return [...names, ...aliases];
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** Whether the file starts with a SQLite header whose application id is rehab's. */
function isRehabLog(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(APPLICATION_ID_OFFSET + 4);
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.toString('latin1', 0, SQLITE_MAGIC.length) === SQLITE_MAGIC && header.readInt32BE(APPLICATION_ID_OFFSET) === REHAB_APPLICATION_ID;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
