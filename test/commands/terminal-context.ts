// For handler tests that ask questions: a run context on a temp log that says stdin is (or is
// not) a terminal, a prompter whose messages are kept, and the log's rows read back.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import type { RunContext } from '../../src/commands/context.js';
import { withLog } from '../../src/commands/open-log.js';
import { terminalPrompter, type Prompter } from '../../src/io/prompts.js';
import { createStyle } from '../../src/io/style.js';
import { tempFolder } from '../db/fixtures.js';

export function context(options: { tty: boolean; dbPath?: string }): RunContext {
  return {
    dbPath: options.dbPath ?? path.join(tempFolder(), 'rehab.db'),
    displayUnits: undefined,
    today: '2026-11-24',
    now: '2026-11-24T07:00:00.000Z',
    style: createStyle(false),
    stdinIsTTY: options.tty,
  };
}

/**
 * A terminal run context on a log that already exists and is set up (the starter programme), so
 * that a test sees only what the command under test writes.
 */
export async function existingLog(): Promise<RunContext> {
  const run = context({ tty: true });
  await withLog(run, () => undefined);
  return run;
}

/** A prompter whose questions render on @inquirer/testing's screen and whose `say` is kept. */
export function recordingPrompter(): { prompter: Prompter; said: () => string } {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { prompter: terminalPrompter(output), said: () => text };
}

/** Rows of the log file, read with a separate read-only connection. */
export function rows<T>(dbPath: string, sql: string): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Everything a command could write: sets, batches, exercises, meta, body weights, check-ins. */
export function everything(dbPath: string) {
  return {
    sets: rows(dbPath, 'SELECT * FROM sets ORDER BY id'),
    batches: rows(dbPath, 'SELECT * FROM batches ORDER BY id'),
    exercises: rows(dbPath, 'SELECT * FROM exercises ORDER BY id'),
    aliases: rows(dbPath, 'SELECT * FROM exercise_aliases ORDER BY alias'),
    meta: rows(dbPath, 'SELECT * FROM meta ORDER BY key'),
    bodyweights: rows(dbPath, 'SELECT * FROM bodyweights ORDER BY id'),
  };
}
