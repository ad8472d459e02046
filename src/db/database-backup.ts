// `rehab db backup`: a consistent copy of a log, written whole or not at all.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Copies the open log to `target`, owner-only (0600). `VACUUM INTO` reads the log in one read
 * transaction, so the copy is the log as it was at one moment even while other rehab processes
 * write to it (WAL lets them go on meanwhile), and it needs no -wal file to be complete. The copy
 * goes to a temporary file beside `target`, is flushed to disk, then renamed over `target`: a
 * crash or a full disk leaves `target` as it was, never half-written.
 */
export function backupDatabase(db: Database.Database, target: string): void {
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // VACUUM INTO writes into an existing empty file as it finds it: create it owner-only first.
  closeSync(openSync(temporary, 'wx', 0o600));
  try {
    chmodSync(temporary, 0o600); // the umask may have narrowed the mode, never widened it; be sure
    db.prepare('VACUUM INTO ?').run(temporary);
    syncFile(temporary);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(folder);
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows), so best effort. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The copy is complete either way; only its name might not survive a power cut.
  }
}
