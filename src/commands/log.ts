import { defaultSettings } from '../domain/exercise-defaults.js';
import { suggestNames } from '../domain/exercise-names.js';
import { decimalCommaLoad, parseLogWords, type LogWords } from '../domain/log-grammar.js';
import { prescribeNext } from '../domain/progression.js';
import type { ExerciseSettings, Load, Measure, Prescription, Scheme, Unit } from '../domain/types.js';
import { usageError } from '../errors.js';
import { formatCounts, formatDay, formatIds, showLoad } from '../io/format.js';
import { askLogSession, confirmNewExercise, type LogCandidate } from '../io/log-questions.js';
import { terminalPrompter, type Prompter } from '../io/prompts.js';
import { prescriptionScheme } from '../io/render-next.js';
import type { RunContext } from './context.js';
import { sayNoticesBeforeAsking, withLog, type RehabLog } from './open-log.js';
import type { CommandOutput } from './output.js';
import { prescribeEach, prescribeFromLog, unknownExercise } from './prescribe.js';

export interface LogOptions {
  rpe?: number;
  pain?: number;
  /** Already parsed and checked not to be in the future. */
  date?: string;
  note?: string;
  new?: boolean;
}

const LOG_EXAMPLE = 'Write it like `rehab log squat 25kg 3x8`.';

/**
 * `rehab log`: records one session of one exercise and says what was recorded and what comes next.
 * With no words, on a terminal, it asks for the exercise, load, scheme and pain; an unknown name
 * on a terminal asks whether to create it. Without a terminal it never asks: a usage error says
 * what is missing. Nothing is written before the last answer.
 */
export async function logCommand(
  words: string[],
  options: LogOptions,
  context: RunContext,
  prompter: Prompter = terminalPrompter(),
): Promise<CommandOutput> {
  if (words.length === 0 && !context.stdinIsTTY) {
    throw usageError('Missing the exercise to log.', `${LOG_EXAMPLE} On a terminal, \`rehab log\` alone asks for each part.`);
  }
  return withLog(context, async (log) => {
    // Everything is checked before anything is written: an error leaves the log as it was.
    let parsed: LogWords;
    let pain = options.pain;
    let createNew = Boolean(options.new);
    if (words.length === 0) {
      sayNoticesBeforeAsking(log, prompter);
      const answers = await askLogSession(prompter, logCandidates(log, options.date ?? context.today), {
        units: log.units,
        askPain: options.pain === undefined,
      });
      parsed = { name: answers.name, load: answers.load, scheme: answers.scheme };
      pain = options.pain ?? answers.pain;
      createNew ||= answers.isNew;
    } else {
      parsed = parseLogWords(words, log.units);
    }
    if (parsed.scheme?.rpe !== undefined && options.rpe !== undefined) {
      throw usageError('The RPE was given twice, in the scheme and with --rpe.', 'Give it once, e.g. `3x8@7` or `--rpe 7`.');
    }
    const date = options.date ?? context.today;
    const existing = log.exercises.findByNameOrAlias(parsed.name);
    if (existing?.archived) {
      throw usageError(`${existing.name} is archived.`, `Bring it back with \`rehab exercise unarchive "${existing.name}"\`, then log it.`);
    }
    if (!existing && !createNew) {
      const unknown = unknownExercise(log, parsed.name, 'Add it as a new exercise with --new.');
      if (!context.stdinIsTTY) throw unknown;
      sayNoticesBeforeAsking(log, prompter);
      if (!(await confirmNewExercise(prompter, parsed.name, closestNames(log, parsed.name)))) throw unknown;
    }
    const name = existing?.name ?? tidyName(parsed.name);
    const settings = existing?.settings ?? newExerciseSettings(parsed, log.units);
    if (parsed.scheme) checkMeasure(name, settings.measure, parsed.scheme);
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
          pain: pain ?? null,
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
    const meantLoad = decimalCommaLoad(words, parsed);
    if (meantLoad) notes.push(`If you meant a load of ${meantLoad} (not two sets, of ${counts.join(' and ')} reps), run \`rehab undo\` and write ${meantLoad}${log.units}.`);
    if (!parsed.scheme) notes.push(`No scheme given: recorded the prescribed ${formatCounts(counts, measure)}.`);
    return { stdout: line, stderr: notes.join('\n') };
  });
}

/** The active exercises, in programme order, each with its prescription for `date`: the list `rehab log` offers. */
function logCandidates(log: RehabLog, date: string): LogCandidate[] {
  const exercises = log.exercises.list();
  const prescriptions = prescribeEach(log, exercises, date);
  return exercises.map((exercise, index) => ({
    name: exercise.name,
    aliases: exercise.aliases,
    prescription: prescriptions[index] as Prescription,
  }));
}

/** The active exercises' names closest to `name`, for the "did you mean" of the create question. */
function closestNames(log: RehabLog, name: string): string[] {
  const candidates = log.exercises.list().flatMap((exercise) => [exercise.name, ...exercise.aliases]);
  return [...new Set(suggestNames(name, candidates).map((candidate) => log.exercises.findByNameOrAlias(candidate)?.name ?? candidate))];
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
