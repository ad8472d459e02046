import { statSync } from 'node:fs';
import { readExerciseWords } from '../db/completion-words.js';
import { starterProgramme } from '../domain/starter-programme.js';
import type { RunContext } from './context.js';
import type { CommandOutput } from './output.js';

/**
 * `rehab __complete exercises`, run by the completion scripts on Tab: the names and aliases of the
 * log's active exercises, one a line, and nothing else, ever: no notices, no errors (a problem
 * means no names), no log created. Before the first `rehab` command there is no log yet, and the
 * first command starts it with the starter programme, so those names are offered.
 */
export function completeWordsCommand(topic: string | undefined, context: Pick<RunContext, 'dbPath'>): CommandOutput {
  if (topic !== 'exercises') return {};
  try {
    const words = readExerciseWords(context.dbPath) ?? (isNewLog(context.dbPath) ? starterWords() : []);
    return words.length === 0 ? {} : { stdout: [...new Set(words)].join('\n') };
  } catch {
    return {};
  }
}

/** No file, or an empty one: what the next command makes a new log. */
function isNewLog(path: string): boolean {
  try {
    return statSync(path).size === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function starterWords(): string[] {
  const programme = starterProgramme('kg');
  return [...programme.map((exercise) => exercise.name), ...programme.flatMap((exercise) => exercise.aliases)];
}
