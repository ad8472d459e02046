import { BodyweightRepository } from '../db/bodyweight-repository.js';
import type { DatedBodyweight } from '../domain/bodyweight.js';
import { usageError } from '../errors.js';
import { renderHistoryAsJson, renderHistoryAsText } from '../io/render-history.js';
import type { RunContext } from './context.js';
import { withLog, type RehabLog } from './open-log.js';
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
    const bodyweights = bodyweightsFor(log, sessions);
    const stdout = options.format === 'json' ? renderHistoryAsJson(sessions, bodyweights, context.displayUnits) : renderHistoryAsText(sessions, context, bodyweights);
    return { stdout, stderr: log.notices.join('\n') };
  });
}

/**
 * The body weights in force over the days of these sessions, to show the total of `bw` loads
 * (`bw + 10 kg (≈ 90 kg)`); none read when no set was at bodyweight.
 */
function bodyweightsFor(log: RehabLog, sessions: Array<{ date: string; sets: Array<{ load: { kind: string } }> }>): DatedBodyweight[] {
  const dates = sessions.filter((session) => session.sets.some((set) => set.load.kind === 'bodyweight')).map((session) => session.date);
  if (dates.length === 0) return [];
  const sorted = [...dates].sort();
  return log.repository(BodyweightRepository).forPeriod(sorted[0] as string, sorted.at(-1) as string);
}
