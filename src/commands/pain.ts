import { CheckinRepository } from '../db/checkin-repository.js';
import { parsePain } from '../domain/log-grammar.js';
import { usageError } from '../errors.js';
import { formatDay } from '../io/format.js';
import { terminalPrompter, validateWith, type Prompter } from '../io/prompts.js';
import type { RunContext } from './context.js';
import { sayNoticesBeforeAsking, withLog } from './open-log.js';
import type { CommandOutput } from './output.js';

export interface PainOptions {
  /** Already parsed and checked not to be in the future. */
  date?: string;
  note?: string;
}

// Silbernagel 2007 (pain-monitoring model): pain after exercise should settle by the next morning.
const PAIN_ALLOWED = 5;

/**
 * `rehab pain <0-10>`: records the next-morning pain check-in the rules engine reads (SPEC §4 step 3).
 * Without the number it asks for it on a terminal; elsewhere that is a usage error.
 */
export async function painCommand(
  given: number | undefined,
  options: PainOptions,
  context: RunContext,
  prompter: Prompter = terminalPrompter(),
): Promise<CommandOutput> {
  if (given === undefined && !context.stdinIsTTY) {
    throw usageError('Missing the pain, 0 to 10.', 'Write it like `rehab pain 3`. On a terminal, `rehab pain` alone asks for it.');
  }
  return withLog(context, async (log) => {
    let pain = given;
    if (pain === undefined) {
      sayNoticesBeforeAsking(log, prompter);
      pain = parsePain(await prompter.input({ message: 'Pain this morning, 0 (none) to 10 (worst imaginable)', validate: validateWith(parsePain) }));
    }
    const date = options.date ?? context.today;
    const note = options.note?.trim() || null;
    const { earlierThatDay } = log.repository(CheckinRepository).record({ date, pain, note, now: context.now });
    const noteText = note === null ? '' : ` (“${note}”)`;
    const line = `Checked in pain ${pain}/10 on ${formatDay(date, context.today)}${noteText}.`;

    const notes = [...log.notices];
    const replaced = earlierThatDay.at(-1);
    if (replaced !== undefined) notes.push(`It replaces the ${replaced.pain}/10 recorded earlier that day: the latest check-in of a day counts.`);
    if (pain > PAIN_ALLOWED) {
      notes.push(
        `Above ${PAIN_ALLOWED}/10 the morning after a session, rehab holds that exercise's load until the pain settles (Silbernagel 2007). If it does not settle, see a clinician.`,
      );
    }
    return { stdout: line, stderr: notes.join('\n') };
  });
}
