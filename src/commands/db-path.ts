import { existsSync } from 'node:fs';
import type { RunContext } from './context.js';
import type { CommandOutput } from './output.js';

/**
 * `rehab db path`: where the log is (`--db`, else `$REHAB_DB`, else the platform data folder),
 * alone on stdout so scripts can use it. Never creates the log; says on stderr when it is not
 * there yet.
 */
export function dbPathCommand(context: RunContext): CommandOutput {
  const stderr = existsSync(context.dbPath) ? '' : 'There is no log there yet; rehab creates it the first time you log something.';
  return { stdout: context.dbPath, stderr };
}
