import { realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ExportRepository, type ExportFilter, type ExportSetRow } from '../db/export-repository.js';
import { translateDatabaseError } from '../db/open-database.js';
import { runtimeError, usageError, RehabError } from '../errors.js';
import { writeFileAtomically } from '../io/atomic-file.js';
import { writeExport, type ExportFormat } from '../io/export-writer.js';
import { streamSink } from '../io/stream-sink.js';
import type { RunContext } from './context.js';
import { openLog, withLog, type RehabLog } from './open-log.js';
import type { CommandOutput } from './output.js';
import { findExercise } from './prescribe.js';

export interface ExportOptions {
  format: ExportFormat;
  exercise?: string;
  /** Already parsed, YYYY-MM-DD. */
  since?: string;
  until?: string;
  /** `-o FILE`; `-` is stdout. */
  output?: string;
  bom?: boolean;
}

/**
 * `rehab export`: every set (or the ones the filters select), one row each, in rehab's own
 * format. To stdout it streams: `main` calls the returned writer, which reads the sets one at a
 * time and waits for the reader, so memory stays flat at a million sets. To a file (`-o`) it
 * writes atomically: the file is complete or untouched.
 */
export async function exportCommand(options: ExportOptions, context: RunContext): Promise<CommandOutput> {
  if (options.since && options.until && options.since > options.until) {
    throw usageError(`--since ${options.since} is after --until ${options.until}.`, 'Give the earlier date to --since.');
  }
  if (options.bom && options.format !== 'csv') {
    throw usageError(`--bom is for CSV files, not ${options.format}: a JSON file must not start with a byte order mark.`, 'Drop --bom, or export with --format csv.');
  }
  const file = options.output === undefined || options.output === '-' ? undefined : resolve(options.output);
  if (file !== undefined) {
    checkOutputFile(file, context.dbPath);
    return withLog(context, async (log) => {
      const pages = log.repository(ExportRepository).pages(filterFor(log, options));
      const count = await writeFileAtomically(file, (sink) => writeExport(pages, options.format, sink, { bom: options.bom })).catch((error: unknown) => {
        throw outputFileError(error, file);
      });
      const message = `Exported ${count} ${count === 1 ? 'set' : 'sets'} to ${options.output} (${options.format}).`;
      return { stderr: [...log.notices, message].join('\n') };
    });
  }

  // The log stays open until the rows are written; everything that can be checked is checked
  // here, before main writes a byte.
  const log = openLog(context);
  let pages: Iterable<ExportSetRow[]>;
  try {
    pages = log.repository(ExportRepository).pages(filterFor(log, options));
  } catch (error) {
    log.close();
    throw translateDatabaseError(error, context.dbPath);
  }
  return {
    stderr: log.notices.join('\n'),
    stream: async (out) => {
      try {
        await writeExport(pages, options.format, streamSink(out), { bom: options.bom });
      } catch (error) {
        // The reader went away (`rehab export | head -1`): it has what it wanted; not an error.
        if ((error as NodeJS.ErrnoException | null)?.code === 'EPIPE') return;
        throw translateDatabaseError(error, context.dbPath);
      } finally {
        log.close();
      }
    },
  };
}

function filterFor(log: RehabLog, options: ExportOptions): ExportFilter {
  const filter: ExportFilter = {};
  if (options.exercise !== undefined) filter.exerciseId = findExercise(log, options.exercise).id;
  if (options.since !== undefined) filter.since = options.since;
  if (options.until !== undefined) filter.until = options.until;
  return filter;
}

/** Before the log is opened: the file must be writable where it is asked for, and must not be the log. */
function checkOutputFile(file: string, dbPath: string): void {
  const log = realPathOf(resolve(dbPath));
  const target = realPathOf(file);
  if ([log, `${log}-wal`, `${log}-shm`, `${log}-journal`].includes(target)) {
    throw usageError(`-o ${file} is the rehab log itself; exporting over it would destroy it.`, 'Give -o another file, as in -o log.csv.');
  }
  const folder = dirname(file);
  const folderStats = statOrUndefined(folder);
  if (folderStats === undefined) {
    throw runtimeError(`Cannot write ${file}: the folder ${folder} does not exist.`, 'Create it first, or give -o a file in an existing folder.');
  }
  if (!folderStats.isDirectory()) {
    throw runtimeError(`Cannot write ${file}: ${folder} is a file, not a folder.`, 'Give -o a file in an existing folder.');
  }
  if (statOrUndefined(file)?.isDirectory()) throw usageError(`-o ${file} is a folder.`, 'Give -o a file name, as in -o log.csv.');
}

/** The path with symbolic links resolved, as far as it exists. */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The file's details, or undefined when there is nothing there (or a path part is not a folder). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A failure while writing the output file, as one line that names the file (not the log). */
export function outputFileError(error: unknown, file: string): unknown {
  if (error instanceof RehabError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || code.startsWith('SQLITE_')) return error;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'it is on a read-only file system',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOENT: 'its folder disappeared',
  };
  const reason = reasons[code] ?? `the system said ${code}`;
  return runtimeError(`Cannot write ${file}: ${reason}; nothing was written.`, 'Check the folder and try again, or give -o another file.', error);
}
