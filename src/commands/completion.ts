import { completionScript, type CompletionCommand, type Shell } from '../io/completion-scripts.js';
import type { CommandOutput } from './output.js';

/** `rehab completion <shell>`: the completion script for that shell, made from the command tree. */
export function completionCommand(shell: Shell, tree: CompletionCommand): CommandOutput {
  return { stdout: completionScript(shell, tree) };
}
