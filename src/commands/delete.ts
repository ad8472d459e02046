import { SetCorrectionRepository } from '../db/set-correction-repository.js';
import { usageError } from '../errors.js';
import { confirmDelete } from '../io/pick-questions.js';
import { terminalPrompter, type Prompter } from '../io/prompts.js';
import { renderDelete } from '../io/render-corrections.js';
import type { RunContext } from './context.js';
import { findSet, nextAfterCorrection, pickLatestSet } from './find-set.js';
import { withLog } from './open-log.js';
import type { CommandOutput } from './output.js';

/**
 * `rehab delete <id>`: removes one set (by short id or uid), prints it and the exercise's next
 * prescription. Without the id, on a terminal, it offers the latest sets and asks to be sure;
 * elsewhere that is a usage error.
 */
export async function deleteCommand(reference: string | undefined, context: RunContext, prompter: Prompter = terminalPrompter()): Promise<CommandOutput> {
  if (reference === undefined && !context.stdinIsTTY) {
    throw usageError(
      'Missing the id of the set to delete.',
      'Write it like `rehab delete 812`; `rehab history` shows the ids. On a terminal, `rehab delete` alone offers the latest sets.',
    );
  }
  return withLog(context, async (log) => {
    const corrections = log.repository(SetCorrectionRepository);
    const set = reference === undefined ? await pickLatestSet(log, corrections, prompter, context, 'Set to delete (the latest first)') : findSet(corrections, reference);
    // A set picked from a list is deleted only on a yes: a stray Enter must not lose it.
    if (reference === undefined && !(await confirmDelete(prompter, set, context))) return { stderr: 'Nothing was deleted.' };
    const removed = corrections.remove(set.id);
    const next = nextAfterCorrection(log, removed, context.today);
    return { stdout: renderDelete(removed, next, context), stderr: log.notices.join('\n') };
  });
}
