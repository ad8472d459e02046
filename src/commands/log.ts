import { defaultSettings } from '../domain/exercise-defaults.js';
import { parseLogWords } from '../domain/log-grammar.js';
import { prescribeNext } from '../domain/progression.js';
import type { ExerciseSettings, Load, Measure, Scheme, Unit } from '../domain/types.js';
import { usageError } from '../errors.js';
import { formatCounts, formatDay, formatIds, showLoad } from '../io/format.js';
import { prescriptionScheme } from '../io/render-next.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput } from './output.js';
import { prescribeFromLog, unknownExercise } from './prescribe.js';

export interface LogOptions {
  rpe?: number;
  pain?: number;
  /** Already parsed and checked not to be in the future. */
  date?: string;
  note?: string;
  new?: boolean;
}

const LOG_EXAMPLE = 'Write it like `rehab log squat 25kg 3x8`.';

/** `rehab log`: records one session of one exercise and says what was recorded and what comes next. */
export async function logCommand(words: string[], options: LogOptions, context: RunContext): Promise<CommandOutput> {
  if (words.length === 0) throw usageError('Missing the exercise to log.', LOG_EXAMPLE);
  return withLog(context, (log) => {
    // Everything is checked before anything is written: an error leaves the log as it was.
    const parsed = parseLogWords(words, log.units);
    const date = options.date ?? context.today;
    const existing = log.exercises.findByNameOrAlias(parsed.name);
    if (!existing && !options.new) throw unknownExercise(log, parsed.name, 'Add it as a new exercise with --new.');
    if (existing?.archived) {
      throw usageError(`${existing.name} is archived.`, `Bring it back with \`rehab exercise unarchive "${existing.name}"\`, then log it.`);
    }
    const name = existing?.name ?? tidyName(parsed.name);
    const settings = existing?.settings ?? newExerciseSettings(parsed, log.units);
    if (parsed.scheme) checkMeasure(name, settings.measure, parsed.scheme);
    if (parsed.scheme?.rpe !== undefined && options.rpe !== undefined) {
      throw usageError('The RPE was given twice, in the scheme and with --rpe.', 'Give it once, e.g. `3x8@7` or `--rpe 7`.');
    }
    const prescribed = existing
      ? prescribeFromLog(log, existing, date)
      : prescribeNext({ settings, sessions: [], checkins: [], today: date, defaultUnit: log.units });

    const measure = settings.measure;
    const load: Load = parsed.load ?? prescribed.load;
    const counts = parsed.scheme ? countsOf(parsed.scheme) : Array.from({ length: prescribed.sets }, () => prescribed.target);
    const rpe = parsed.scheme?.rpe ?? options.rpe ?? null;
    const { exercise, stored } = log.transaction(() => {
      const exercise = existing ?? log.exercises.create({ name, aliases: [], settings }, context.now);
      const stored = log.sets.logSession({
        exerciseId: exercise.id,
        date,
        sets: counts.map((count) => ({
          reps: measure === 'reps' ? count : null,
          seconds: measure === 'seconds' ? count : null,
          load,
          rpe,
          pain: options.pain ?? null,
          note: options.note ?? null,
        })),
        source: 'typed',
        summary: `${name} ${showLoad(load, undefined)} ${formatCounts(counts, measure)} on ${date}`,
        now: context.now,
      });
      return { exercise, stored };
    });

    const next = prescribeFromLog(log, exercise, context.today);
    const line =
      `Logged ${exercise.name} ${showLoad(load, context.displayUnits)} ${formatCounts(counts, measure, rpe)} ` +
      `on ${formatDay(date, context.today)} (${formatIds(stored.map((set) => set.id))}). ` +
      `Next: ${showLoad(next.load, context.displayUnits)} ${prescriptionScheme(next)}, ${next.action}.`;

    const notes = [...log.notices];
    if (!existing) notes.push(`Created the exercise ${name} (${settings.equipment}); change its settings with \`rehab exercise set\`.`);
    if (!parsed.load) notes.push(`No load given: recorded the prescribed ${showLoad(load, context.displayUnits)}.`);
    if (!parsed.scheme) notes.push(`No scheme given: recorded the prescribed ${formatCounts(counts, measure)}.`);
    return { stdout: line, stderr: notes.join('\n') };
  });
}

/** Default settings for an exercise created by `--new`, guessed from what was logged. */
function newExerciseSettings(parsed: { load?: Load; scheme?: Scheme }, units: Unit): ExerciseSettings {
  const unit: Unit = parsed.load?.unit ?? units;
  const equipment = parsed.load?.kind === 'external' ? 'barbell' : 'bodyweight';
  const measure: Measure = parsed.scheme?.kind === 'seconds' ? 'seconds' : 'reps';
  return { ...defaultSettings(equipment, unit), measure };
}

/** `step up` → `Step up`: names read like the starter programme's. */
function tidyName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function checkMeasure(name: string, measure: Measure, scheme: Scheme): void {
  if (measure === 'seconds' && scheme.kind === 'reps') {
    throw usageError(`${name} is a timed hold, so its scheme is in seconds.`, 'Write it like 3x30s.');
  }
  if (measure === 'reps' && scheme.kind === 'seconds') {
    throw usageError(`${name} is counted in reps, not seconds.`, 'Write it like 3x8.');
  }
}

function countsOf(scheme: Scheme): number[] {
  return scheme.kind === 'reps' ? scheme.reps : scheme.seconds;
}
