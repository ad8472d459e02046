import { BodyweightRepository } from '../db/bodyweight-repository.js';
import { usageError } from '../errors.js';
import { renderHistoryAsCsv, renderHistoryAsJson, renderHistoryAsText } from '../io/render-history.js';
import type { RunContext } from './context.js';
import { withLogUntilWritten } from './open-log.js';
import type { CommandOutput } from './output.js';
import { findExercise } from './prescribe.js';

export interface HistoryOptions {
  since?: string;
  until?: string;
  limit?: number;
  format: 'text' | 'json' | 'csv';
}

/**
 * `rehab history`: what was done, newest first, one entry per exercise per day. The output is
 * written as the sets are read (`main` takes the pieces one by one), so a century of history
 * starts printing at once and holds no more than a day of it in memory.
 */
export async function historyCommand(name: string | undefined, options: HistoryOptions, context: RunContext): Promise<CommandOutput> {
  if (options.since && options.until && options.since > options.until) {
    throw usageError(`--since ${options.since} is after --until ${options.until}.`, 'Give the earlier date to --since.');
  }
  return withLogUntilWritten(context, (log) => {
    const exercise = name === undefined ? undefined : findExercise(log, name);
    const view = log.sets.history({
      exerciseId: exercise?.id,
      since: options.since,
      until: options.until,
      limitSessions: options.limit,
    });
    // The body weights in force over the dates shown, for the total of `bw` loads (`bw + 10 kg (≈ 90 kg)`).
    const bodyweights = view.span === null ? [] : log.repository(BodyweightRepository).forPeriod(view.span.from, view.span.to);
    const pieces =
      options.format === 'json'
        ? renderHistoryAsJson(view.entries, bodyweights, context.displayUnits)
        : options.format === 'csv'
          ? renderHistoryAsCsv(view.entries, bodyweights, context.displayUnits)
          : renderHistoryAsText(view, context, bodyweights);
    return { stderr: log.notices.join('\n'), pieces };
  });
}
