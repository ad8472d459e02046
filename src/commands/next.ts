import { milestonesForNext, type Milestone } from '../domain/milestones.js';
import type { Exercise, Prescription } from '../domain/types.js';
import { renderNextAsJson, renderNextAsText } from '../io/render-next.js';
import type { RunContext } from './context.js';
import { loadMilestones } from './milestone-facts.js';
import { withLog } from './open-log.js';
import type { CommandOutput, OutputFormat } from './output.js';
import { findExercise, prescribeEach } from './prescribe.js';

/** The next session of each exercise asked about, as data; the renderers turn it into output. */
export interface NextReport {
  date: string;
  items: Array<{ exercise: Exercise; prescription: Prescription }>;
  /** Milestones reached or due and not yet acknowledged, then the next one coming (SPEC §4.1). */
  milestones: Milestone[];
}

export async function nextCommand(
  names: string[],
  options: { date?: string; format: OutputFormat },
  context: RunContext,
): Promise<CommandOutput> {
  return withLog(context, (log) => {
    const date = options.date ?? context.today;
    const report = log.snapshot((): NextReport => {
      const exercises = names.length > 0 ? names.map((name) => findExercise(log, name)) : log.exercises.list({ includeArchived: false });
      const prescriptions = prescribeEach(log, exercises, date, context.displayUnits);
      return {
        date,
        items: exercises.map((exercise, index) => ({ exercise, prescription: prescriptions[index] as Prescription })),
        milestones: milestonesForNext(loadMilestones(log, exercises, date, { displayUnit: context.displayUnits })),
      };
    });
    const stdout = options.format === 'json' ? renderNextAsJson(report, context.displayUnits) : renderNextAsText(report, context);
    return { stdout, stderr: log.notices.join('\n') };
  });
}
