import { usageError } from '../errors.js';
import { completionScript, SHELLS, type CompletionCommand, type Shell } from '../io/completion-scripts.js';
import { terminalPrompter, type Prompter } from '../io/prompts.js';
import type { RunContext } from './context.js';
import type { CommandOutput } from './output.js';

/**
 * `rehab completion <shell>`: the completion script for that shell, made from the command tree.
 * Without the shell it asks which on a terminal; elsewhere that is a usage error.
 */
export async function completionCommand(
  shell: Shell | undefined,
  tree: CompletionCommand,
  context: Pick<RunContext, 'stdinIsTTY'>,
  prompter: Prompter = terminalPrompter(),
): Promise<CommandOutput> {
  if (shell !== undefined) return { stdout: completionScript(shell, tree) };
  if (!context.stdinIsTTY) {
    throw usageError('Missing the shell.', 'Write it like `rehab completion bash` (bash, zsh or fish). On a terminal, `rehab completion` alone asks which.');
  }
  const chosen = await prompter.select<Shell>({ message: 'Completion script for which shell?', choices: SHELLS.map((name) => ({ name, value: name })) });
  return { stdout: completionScript(chosen, tree) };
}
