import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ChunkSink } from './export-writer.js';

/**
 * Writes the file at `path` so that it is either complete or untouched, never half-written: the
 * content goes to a temporary file in the same folder (so the rename cannot cross file systems),
 * which is flushed to disk (fsync) and then renamed over `path`. On any error the temporary file
 * is removed and `path` is as it was. The file gets normal permissions (0644 less the umask), or
 * keeps those of the file it replaces. Interrupted by SIGINT or SIGTERM, it removes the temporary
 * file before exiting. Returns what `write` returns.
 */
export async function writeFileAtomically<T>(path: string, write: (sink: ChunkSink) => Promise<T>): Promise<T> {
  const existing = await stat(path).catch(() => undefined);
  // A device, pipe or socket (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written to as it is:
  // renaming a file over it would replace /dev/null itself with a regular file.
  if (existing !== undefined && !existing.isFile() && !existing.isDirectory()) return writeInPlace(path, write);
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const existingMode = existing === undefined ? undefined : existing.mode & 0o777;
  // Interrupted (Ctrl-C), the temporary file goes too; `path` was never touched.
  const interrupted = (signal: NodeJS.Signals): void => {
    rmSync(temporary, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let handle: FileHandle | undefined;
  let closed = false;
  try {
    handle = await open(temporary, 'wx', 0o644);
    const result = await write(sinkInto(handle));
    if (existingMode !== undefined) await handle.chmod(existingMode);
    await handle.sync();
    closed = true;
    await handle.close();
    await rename(temporary, path);
    await syncFolder(folder);
    return result;
  } catch (error) {
    if (handle !== undefined && !closed) await handle.close().catch(() => {});
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/** Writes each chunk whole (a write may take only part of it). */
function sinkInto(handle: FileHandle): ChunkSink {
  return async (chunk) => {
    const bytes = Buffer.from(chunk, 'utf8');
    for (let offset = 0; offset < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, offset);
      offset += bytesWritten;
    }
  };
}

/** Writes straight into a special file (a device or a pipe), which has no "half-written" state to avoid. */
async function writeInPlace<T>(path: string, write: (sink: ChunkSink) => Promise<T>): Promise<T> {
  const handle = await open(path, 'w');
  try {
    return await write(sinkInto(handle));
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows), so best effort. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file is complete either way; only its name might not survive a power cut.
  }
}
