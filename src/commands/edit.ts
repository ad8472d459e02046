import { SetCorrectionRepository } from '../db/set-correction-repository.js';
import type { StoredSet } from '../db/stored-set.js';
import { parseLoad, parseLogDate, parsePain, parseRpe } from '../domain/log-grammar.js';
import { applySetEdit, clearable, sameValues, type SetEdit } from '../domain/set-edit.js';
import type { Exercise, Unit } from '../domain/types.js';
import { usageError } from '../errors.js';
import { askEdit, type EditAnswers } from '../io/edit-questions.js';
import { terminalPrompter, type Prompter } from '../io/prompts.js';
import { describeSet, renderEdit } from '../io/render-corrections.js';
import type { RunContext } from './context.js';
import { exerciseOf, findSet, nextAfterCorrection, pickLatestSet } from './find-set.js';
import { sayNoticesBeforeAsking, withLog, type RehabLog } from './open-log.js';
import type { CommandOutput } from './output.js';

export interface EditOptions {
  /** As typed: a bare number is in the log's units, which only the open log knows. */
  load?: string;
  scheme?: string;
  /** `none` clears it. */
  rpe?: number | 'none';
  pain?: number | 'none';
  /** Already parsed, not in the future. */
  date?: string;
  note?: string;
}

/**
 * `rehab edit <id>`: corrects one set (by short id or uid) and prints it before and after, and
 * the exercise's next prescription, which reflects the correction at once (nothing is counted or
 * stored besides the sets). Everything is checked before the one write. On a terminal, without
 * the id it offers the latest sets, and without a change it asks what to change; elsewhere each is
 * a usage error.
 */
export async function editCommand(
  reference: string | undefined,
  options: EditOptions,
  context: RunContext,
  prompter: Prompter = terminalPrompter(),
): Promise<CommandOutput> {
  const noChangeGiven = Object.values(options).every((value) => value === undefined);
  if (noChangeGiven && !context.stdinIsTTY) {
    throw usageError(
      'Nothing to change was given.',
      'Give one or more of --load, --scheme, --rpe, --pain, --date, --note, as in `rehab edit 812 --scheme 10`. On a terminal, `rehab edit 812` asks what to change.',
    );
  }
  if (reference === undefined && !context.stdinIsTTY) {
    throw usageError(
      'Missing the id of the set to edit.',
      'Write it like `rehab edit 812 --scheme 10`; `rehab history` shows the ids. On a terminal, `rehab edit` without the id offers the latest sets.',
    );
  }
  return withLog(context, async (log) => {
    const corrections = log.repository(SetCorrectionRepository);
    const before =
      reference === undefined ? await pickLatestSet(log, corrections, prompter, context, 'Set to edit (the latest first)') : findSet(corrections, reference);
    const exercise = exerciseOf(log, before);
    const changes = noChangeGiven ? await askForChanges(log, before, exercise, prompter, context) : options;
    const values = applySetEdit(before, editFrom(changes, log.units), { name: exercise.name, measure: exercise.settings.measure });
    if (sameValues(values, before)) {
      return { stderr: [...log.notices, `Set ${before.id} already reads like that; nothing was changed: ${describeSet(before, context)}`].join('\n') };
    }
    const after = corrections.update(before.id, values);
    const next = nextAfterCorrection(log, after, context.today);
    return { stdout: renderEdit(before, after, next, context), stderr: log.notices.join('\n') };
  });
}

/** What the options ask to change, the load parsed in the log's units. */
function editFrom(options: EditOptions, units: Unit): SetEdit {
  const edit: SetEdit = {
    scheme: options.scheme,
    rpe: options.rpe === 'none' ? null : options.rpe,
    pain: options.pain === 'none' ? null : options.pain,
    date: options.date,
    note: options.note,
  };
  if (options.load !== undefined) edit.load = parseLoad(options.load, units);
  return edit;
}

/** The options the answers stand for, parsed as each option's parser would (src/cli/edit.ts). */
function optionsFrom(answers: EditAnswers, today: string): EditOptions {
  const options: EditOptions = { load: answers.load, scheme: answers.scheme, note: answers.note };
  if (answers.rpe !== undefined) options.rpe = clearable(parseRpe)(answers.rpe);
  if (answers.pain !== undefined) options.pain = clearable(parsePain)(answers.pain);
  if (answers.date !== undefined) options.date = parseLogDate(answers.date, today);
  return options;
}

/** On a terminal: which of the set's values to change and to what, each answer checked as its option would be. */
async function askForChanges(log: RehabLog, set: StoredSet, exercise: Exercise, prompter: Prompter, context: RunContext): Promise<EditOptions> {
  sayNoticesBeforeAsking(log, prompter);
  prompter.say(`Editing ${describeSet(set, context)}`);
  const measure = exercise.settings.measure;
  const answers = await askEdit(
    prompter,
    set,
    measure,
    (field, text) => applySetEdit(set, editFrom(optionsFrom({ [field]: text }, context.today), log.units), { name: exercise.name, measure }),
    context,
  );
  return optionsFrom(answers, context.today);
}
