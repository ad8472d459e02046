import { BodyweightRepository } from '../db/bodyweight-repository.js';
import { parseLoad } from '../domain/log-grammar.js';
import { planSetup, type ProgrammeExercise, type SetupChoices } from '../domain/setup-plan.js';
import { starterProgramme } from '../domain/starter-programme.js';
import type { Load, Unit } from '../domain/types.js';
import { formatLoad } from '../domain/units.js';
import { RehabError, runtimeError, usageError } from '../errors.js';
import { askSetup, type SetupAnswers } from '../io/init-questions.js';
import { terminalPrompter, type Prompter } from '../io/prompts.js';
import { renderSetup, type SetupReport } from '../io/render-setup.js';
import { safetyNotice } from '../io/safety-notice.js';
import { parseBodyweight } from './bodyweight.js';
import type { RunContext } from './context.js';
import { withLog, type RehabLog } from './open-log.js';
import type { CommandOutput } from './output.js';

export interface InitOptions {
  /** Ask nothing: what the flags leave open keeps its default (or its current value). */
  yes?: boolean;
  /** The global `--units`: here, the log's units. */
  units?: Unit;
  bodyweight?: string;
  drop?: string[];
  add?: string[];
  /** `--start "rdl=12kg"`, split at the edge; the load is read here, in the log's units. */
  start?: Array<{ exercise: string; load: string }>;
}

const FLAGS_HINT =
  'To set up from a script, give the answers as flags: `rehab init --yes [--units kg|lb] [--bodyweight 80kg] [--drop NAME]… [--add NAME]… [--start NAME=LOAD]…`.';

/**
 * `rehab init`: sets the log up — units, body weight, the programme (keep, drop, add, start
 * loads) — by asking on a terminal or from flags with --yes. On a new log it writes the chosen
 * programme instead of the starter one and says the safety notice; on a log set up before it
 * changes settings only: a dropped exercise is archived with its history, and changing units
 * converts no logged load. Every check and every answer comes before the one transaction.
 */
export async function initCommand(options: InitOptions, context: RunContext, prompter: Prompter = terminalPrompter()): Promise<CommandOutput> {
  if (!options.yes && !context.stdinIsTTY) throw usageError('`rehab init` asks its questions on a terminal, and stdin is not one.', FLAGS_HINT);
  return withLog(
    context,
    async (log) => {
      const isNew = log.meta.get('seeded_at') === undefined;
      const current = isNew ? [] : currentProgramme(log);
      const programmeIn = (units: Unit): ProgrammeExercise[] =>
        isNew ? starterEntries(units) : planSetup(current, { units, drop: [], add: [], starts: [] }, log.units).programme;

      // The flags are checked before any question, so that a typo does not waste the answers.
      const flagUnits = options.units ?? log.units;
      const flagChoices: SetupChoices = {
        units: flagUnits,
        drop: options.drop ?? [],
        add: (options.add ?? []).map((name) => ({ name })),
        starts: (options.start ?? []).map(({ exercise, load }) => ({ exercise, load: parseStart(exercise, load, flagUnits) })),
      };
      if (options.bodyweight !== undefined) parseBodyweight(options.bodyweight, flagUnits);
      planSetup(isNew ? starterEntries(flagUnits) : current, flagChoices, isNew ? null : log.units);
      const bodyweights = log.repository(BodyweightRepository);
      const latest = bodyweights.latestOnOrBefore(context.today);

      let answers: SetupAnswers;
      if (options.yes) {
        answers = { ...flagChoices, bodyweight: options.bodyweight };
      } else {
        prompter.say(
          isNew
            ? `${safetyNotice()}\n\nSetting up a new log at ${context.dbPath}.`
            : `The log at ${context.dbPath} is set up already: your answers change its settings, never what you logged.`,
        );
        answers = await askSetup(
          prompter,
          {
            isNew,
            units: log.units,
            bodyweight: latest && formatLoad(latest.load),
            programme: programmeIn,
            parseBodyweight,
          },
          {
            units: options.units,
            bodyweight: options.bodyweight,
            programme: options.drop !== undefined || options.add !== undefined,
            starts: options.start !== undefined,
            choices: flagChoices,
          },
        );
      }

      const plan = planSetup(isNew ? starterEntries(answers.units) : current, answers, isNew ? null : log.units);
      const weight = answers.bodyweight === undefined ? undefined : parseBodyweight(answers.bodyweight, answers.units);
      const recordWeight = weight !== undefined && !(latest && latest.load.value === weight.value && latest.load.unit === weight.unit);
      const report: SetupReport = {
        dbPath: context.dbPath,
        isNew,
        units: { from: isNew ? null : log.units, to: answers.units },
        bodyweight: weight ? { load: weight, date: recordWeight || !latest ? context.today : latest.date, recorded: recordWeight } : null,
        programme: plan.programme,
        changes: plan.changes,
      };
      const summary = renderSetup(report, context.today);

      if (!options.yes) {
        prompter.say(summary);
        if (!(await prompter.confirm({ message: 'Save this?', default: true }))) {
          return { stderr: 'Nothing was saved; run `rehab init` again when you are ready.' };
        }
      }

      log.transaction(() => {
        if (isNew) {
          // Read inside the write lock: another rehab may have set the log up while we asked.
          if (log.meta.get('seeded_at') !== undefined) {
            throw runtimeError('Another rehab command set this log up while `rehab init` was asking.', 'Run `rehab init` again to change its settings.');
          }
          const kept = plan.programme.filter((exercise) => !exercise.archived);
          log.meta.seedIfNew(
            kept.map(({ name, aliases, settings }) => ({ name, aliases, settings })),
            context.now,
          );
          log.meta.set('units', answers.units);
        } else {
          if (answers.units !== log.units) log.meta.set('units', answers.units);
          // Planned again from the log as it is inside the write lock, so that a change another
          // rehab made while we asked is built on, not overwritten.
          const now = currentProgramme(log);
          writeProgramme(log, now, planSetup(now, answers, log.units).programme, context.now);
        }
        if (weight && recordWeight) bodyweights.record({ date: context.today, value: weight.value, unit: weight.unit, now: context.now });
      });

      const next = isNew ? 'Run `rehab next` to see your first session.' : '';
      if (options.yes) {
        const notes = [...log.notices];
        if (isNew) notes.push(safetyNotice());
        return { stdout: [summary, next].filter(Boolean).join('\n'), stderr: notes.join('\n') };
      }
      return { stdout: isNew ? `Saved. ${next}` : 'Saved.', stderr: log.notices.join('\n') };
    },
    // A new log gets the programme chosen here, not the starter one first.
    { seedStarter: false },
  );
}

/** The starter programme as set-up sees it: not in the log yet. */
function starterEntries(units: Unit): ProgrammeExercise[] {
  return starterProgramme(units).map((exercise) => ({ id: null, ...exercise, archived: false, hasSets: false }));
}

/** The log's exercises, archived ones too, each with whether it has sets. */
function currentProgramme(log: RehabLog): ProgrammeExercise[] {
  return log.exercises.list({ includeArchived: true }).map((exercise) => ({
    ...exercise,
    hasSets: (log.sets.recentSessions([exercise.id], '9999-12-31', 1)[0] ?? []).length > 0,
  }));
}

/** Writes the differences between `before` and `after` (call inside a transaction). */
function writeProgramme(log: RehabLog, before: ProgrammeExercise[], after: ProgrammeExercise[], now: string): void {
  const byId = new Map(before.map((exercise) => [exercise.id, exercise]));
  for (const exercise of after) {
    if (exercise.id === null) {
      log.exercises.create({ name: exercise.name, aliases: exercise.aliases, settings: exercise.settings }, now);
      continue;
    }
    const was = byId.get(exercise.id);
    if (!was) continue;
    const settingsChanged = JSON.stringify(was.settings) !== JSON.stringify(exercise.settings);
    if (settingsChanged || was.archived !== exercise.archived) {
      log.exercises.update(exercise.id, { archived: exercise.archived, ...(settingsChanged ? { settings: exercise.settings } : {}) });
    }
  }
}

function parseStart(exercise: string, text: string, units: Unit): Load {
  try {
    return parseLoad(text, units);
  } catch (error) {
    if (RehabError.is(error)) throw usageError(`--start "${exercise}=${text}": ${error.message}`, 'Write it like --start "rdl=12kg" or --start "bridge=bw".');
    throw error;
  }
}
