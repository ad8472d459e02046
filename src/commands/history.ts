import { usageError } from '../errors.js';
import { renderHistoryAsJson, renderHistoryAsText } from '../io/render-history.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput, OutputFormat } from './output.js';
import { findExercise } from './prescribe.js';

export interface HistoryOptions {
  since?: string;
  until?: string;
  limit?: number;
  format: OutputFormat;
}

/** `rehab history`: what was done, newest first, one entry per exercise per day. */
export async function historyCommand(name: string | undefined, options: HistoryOptions, context: RunContext): Promise<CommandOutput> {
  if (options.since && options.until && options.since > options.until) {
    throw usageError(`--since ${options.since} is after --until ${options.until}.`, 'Give the earlier date to --since.');
  }
  return withLog(context, (log) => {
    const exercise = name === undefined ? undefined : findExercise(log, name);
    const sessions = log.sets.history({
      exerciseId: exercise?.id,
      since: options.since,
      until: options.until,
      limitSessions: options.limit,
    });
    const stdout = options.format === 'json' ? renderHistoryAsJson(sessions) : renderHistoryAsText(sessions, context);
    return { stdout, stderr: log.notices.join('\n') };
  });
}
