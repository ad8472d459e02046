import { SetCorrectionRepository } from '../db/set-correction-repository.js';
import { applySetEdit, sameValues, type SetEdit } from '../domain/set-edit.js';
import { parseLoad } from '../domain/log-grammar.js';
import { usageError } from '../errors.js';
import { terminalPrompter, type Prompter } from '../io/prompts.js';
import { describeSet, renderEdit } from '../io/render-corrections.js';
import type { RunContext } from './context.js';
import { exerciseOf, findSet, nextAfterCorrection, pickLatestSet } from './find-set.js';
import { withLog } from './open-log.js';
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
 * stored besides the sets). Everything is checked before the one write. Without the id, on a
 * terminal, it offers the latest sets; elsewhere that is a usage error.
 */
export async function editCommand(
  reference: string | undefined,
  options: EditOptions,
  context: RunContext,
  prompter: Prompter = terminalPrompter(),
): Promise<CommandOutput> {
  if (Object.values(options).every((value) => value === undefined)) {
    throw usageError('Nothing to change was given.', 'Give one or more of --load, --scheme, --rpe, --pain, --date, --note, as in `rehab edit 812 --scheme 10`.');
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
    const edit: SetEdit = {
      scheme: options.scheme,
      rpe: options.rpe === 'none' ? null : options.rpe,
      pain: options.pain === 'none' ? null : options.pain,
      date: options.date,
      note: options.note,
    };
    if (options.load !== undefined) edit.load = parseLoad(options.load, log.units);
    const values = applySetEdit(before, edit, { name: exercise.name, measure: exercise.settings.measure });
    if (sameValues(values, before)) {
      return { stderr: [...log.notices, `Set ${before.id} already reads like that; nothing was changed: ${describeSet(before, context)}`].join('\n') };
    }
    const after = corrections.update(before.id, values);
    const next = nextAfterCorrection(log, after, context.today);
    return { stdout: renderEdit(before, after, next, context), stderr: log.notices.join('\n') };
  });
}
