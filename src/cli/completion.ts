import { Argument, type Command } from 'commander';
import type { Shell } from '../io/completion-scripts.js';
import type { Wiring } from './wiring.js';

/** `rehab completion <shell>`, and the hidden `rehab __complete exercises` its scripts call. */
export function registerCompletion(program: Command, wiring: Wiring): void {
  program
    .command('completion')
    .summary('print a shell completion script (bash, zsh or fish)')
    .description(
      'Print a completion script for bash, zsh or fish: Tab completes commands, subcommands, options, their choices, ' +
        "and your log's exercise names.",
    )
    .addArgument(new Argument('[shell]', 'bash, zsh or fish; asked for on a terminal when left out').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ rehab completion bash > ~/.local/share/bash-completion/completions/rehab
  $ rehab completion zsh > ~/.zfunc/_rehab      with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc
  $ rehab completion fish > ~/.config/fish/completions/rehab.fish
  $ source <(rehab completion bash)              just for this shell`,
    )
    .action(async (shell: Shell | undefined, _options, command: Command) => {
      const [{ completionCommand }, { commandTree }] = await Promise.all([import('../commands/completion.js'), import('./command-tree.js')]);
      wiring.deliver(await completionCommand(shell, commandTree(program), wiring.contextFrom(command)));
    });

  program
    .command('__complete', { hidden: true })
    .argument('[topic]')
    .allowExcessArguments()
    .action(async (topic: string | undefined, _options, command: Command) => {
      const { completeWordsCommand } = await import('../commands/complete-words.js');
      wiring.deliver(completeWordsCommand(topic, wiring.contextFrom(command)));
    });
}
