import { BodyweightRepository } from '../db/bodyweight-repository.js';
import { ProgressRepository } from '../db/progress-repository.js';
import type { Milestone } from '../domain/milestones.js';
import { pointIndexOf, progressSeries, type ProgressMetric, type ProgressSeries } from '../domain/progress-series.js';
import type { Exercise, Session, Unit } from '../domain/types.js';
import { usageError } from '../errors.js';
import { askExercise } from '../io/pick-questions.js';
import { terminalPrompter, type Prompter } from '../io/prompts.js';
import { chartPointsFor, renderProgressAsJson, renderProgressAsText } from '../io/render-progress.js';
import type { RunContext } from './context.js';
import { loadMilestones } from './milestone-facts.js';
import { sayNoticesBeforeAsking, withLog, type RehabLog } from './open-log.js';
import type { CommandOutput, OutputFormat } from './output.js';
import { findExercise } from './prescribe.js';

export interface ProgressOptions {
  metric: ProgressMetric;
  /** From this day on (inclusive); default: the first session. */
  since?: string;
  format: OutputFormat;
}

/** One exercise's progress as data; the renderers draw it. */
export interface ProgressReport {
  exercise: Exercise;
  since: string | null;
  until: string;
  /** Sessions logged in the range, whether or not the metric has a value for them. */
  loggedSessions: number;
  series: ProgressSeries;
  /** Milestones of the exercise reached, and the log's reviews due, on the chart's time line, oldest first. */
  milestones: Milestone[];
}

/** The earliest day a log can hold, for a range with no lower end. */
const BEGINNING = '0000-01-01';

/**
 * `rehab progress <exercise>`: a chart of load, e1RM or volume over time, with start → now and the
 * best. Without the exercise it asks which on a terminal; elsewhere that is a usage error.
 */
export async function progressCommand(
  words: string[],
  options: ProgressOptions,
  context: RunContext,
  prompter: Prompter = terminalPrompter(),
): Promise<CommandOutput> {
  const typed = words.join(' ').trim();
  if (typed === '' && !context.stdinIsTTY) {
    throw usageError('Missing the exercise.', 'Name it, as in `rehab progress squat`. On a terminal, `rehab progress` alone asks which.');
  }
  if (options.since !== undefined && options.since > context.today) {
    throw usageError(`--since ${options.since} is after today, so there is nothing to chart.`, 'Give a day in the past, as in --since -12w.');
  }
  // The chart library is loaded only here, and only for text (issue 6: start-up time).
  const plot = options.format === 'text' ? (await import('asciichart')).plot : undefined;

  return withLog(context, async (log) => {
    let name = typed;
    if (name === '') {
      const exercises = log.exercises.list({ includeArchived: false });
      if (exercises.length === 0) throw usageError('There is no exercise to chart.', 'Add one with `rehab exercise add`, or bring one back with `rehab exercise unarchive`.');
      sayNoticesBeforeAsking(log, prompter);
      name = await askExercise(prompter, exercises, 'Exercise to chart (type to search)');
    }
    const exercise = findExercise(log, name, 'Run `rehab exercise list` to see the exercises.');
    const sessions = log.repository(ProgressRepository).sessionsBetween(exercise.id, options.since ?? BEGINNING, context.today);
    const series = progressSeries({
      metric: options.metric,
      measure: exercise.settings.measure,
      sessions,
      unit: context.displayUnits ?? unitOfLatest(sessions) ?? log.units,
      maxPoints: chartPointsFor(context),
      bodyweights: options.metric === 'volume' ? bodyweightsFor(log, sessions, context.today) : [],
    });
    const report: ProgressReport = {
      exercise,
      since: options.since ?? null,
      until: context.today,
      loggedSessions: sessions.length,
      series,
      milestones: milestonesOnTimeLine(log, exercise, series, context),
    };
    const stdout = plot === undefined ? renderProgressAsJson(report, context.displayUnits) : renderProgressAsText(report, context, plot);
    return { stdout, stderr: log.notices.join('\n') };
  });
}

/** The unit the exercise was last logged in: how its chart reads unless --units says otherwise. */
function unitOfLatest(sessions: readonly Session[]): Unit | undefined {
  return sessions.at(-1)?.sets.at(-1)?.load.unit;
}

/** Body weights over the sessions' days, for the volume of bodyweight sets; none read when no set was at bodyweight. */
function bodyweightsFor(log: RehabLog, sessions: readonly Session[], today: string) {
  const first = sessions[0];
  if (first === undefined || !sessions.some((session) => session.sets.some((set) => set.load.kind === 'bodyweight'))) return [];
  return log.repository(BodyweightRepository).forPeriod(first.date, today);
}

/** The exercise's reached milestones and the log's due reviews that fall between the first and the last point. */
function milestonesOnTimeLine(log: RehabLog, exercise: Exercise, series: ProgressSeries, context: RunContext): Milestone[] {
  if (series.points.length === 0) return [];
  return loadMilestones(log, [exercise], context.today, { displayUnit: context.displayUnits })
    .filter((m) => (m.exercise === exercise.name && m.status === 'reached') || (m.kind === 'review' && m.status === 'due'))
    .filter((m) => m.date !== null && pointIndexOf(series, m.date) !== null)
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0));
}
