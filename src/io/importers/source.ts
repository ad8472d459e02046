// Opening what `rehab import` reads: a file, or standard input for `-`.
import { createReadStream, statSync } from 'node:fs';
import { runtimeError, usageError } from '../../errors.js';
import type { ImportSource } from './read-input.js';

/** An import source and how to let go of it whatever happens. */
export interface OpenedSource extends ImportSource {
  close(): void;
}

/**
 * Opens `file` (or standard input for `-`) for reading. A missing file, a folder, or `-` with
 * nothing piped in (a terminal, which would wait for typing) are usage errors; a file that
 * cannot be read is a runtime error.
 */
export function openImportSource(file: string, stdin: NodeJS.ReadStream, stdinIsTTY: boolean): OpenedSource {
  if (file === '-') {
    if (stdinIsTTY) {
      throw usageError('`rehab import -` reads the file from standard input, but nothing is piped in.', 'Write `rehab import - < export.csv`, or give the file name.');
    }
    return { name: 'standard input', chunks: stdin, close: () => stdin.pause() };
  }
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw usageError(`There is no file ${file}.`, 'Check the name and folder of the exported file.');
    throw runtimeError(`Cannot read ${file} (${code ?? String(error)}).`, 'Check its permissions.', error);
  }
  if (stats.isDirectory()) throw usageError(`${file} is a folder, not a file.`, 'Give the exported file inside it.');
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  return {
    name: file,
    chunks: translateReadErrors(stream, file),
    close: () => stream.destroy(),
  };
}

async function* translateReadErrors(stream: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<Uint8Array> {
  try {
    yield* stream;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw runtimeError(`Cannot read ${file} (${code ?? String(error)}).`, 'Check its permissions.', error);
  }
}
