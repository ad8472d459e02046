// The command line rehab understands, read from the commander program itself: every command and
// subcommand, its options and what its arguments are. Shell completion is generated from this, so
// it never goes stale when a command or an option is added.
import type { Argument, Command, Option } from 'commander';
import type { CompletionCommand, CompletionOption, CompletionValue } from '../io/completion-scripts.js';

/** The visible commands (hidden ones, like `__complete`, left out) of `program`, as plain data. */
export function commandTree(program: Command): CompletionCommand {
  return describe(program, []);
}

function describe(command: Command, path: string[]): CompletionCommand {
  const help = command.createHelp();
  const subcommands = help.visibleCommands(command);
  return {
    path,
    summary: command.summary() || firstSentence(command.description()),
    subcommands: subcommands.map((subcommand) => {
      const described = describe(subcommand, [...path, subcommand.name()]);
      // commander's own `help [command]` is made on the fly, outside `commands`: it takes a command's name.
      if (!command.commands.includes(subcommand)) {
        described.positionals = [{ kind: 'choice', values: command.commands.filter((c) => subcommands.includes(c)).map((c) => c.name()) }];
      }
      return described;
    }),
    options: help.visibleOptions(command).map(describeOption),
    positionals: command.registeredArguments.map(describeArgument),
    repeatLast: command.registeredArguments.at(-1)?.name() === 'exercises',
  };
}

function describeOption(option: Option): CompletionOption {
  const flags = [option.short, option.long].filter((flag): flag is string => flag !== undefined);
  if (!option.required && !option.optional) return { flags, description: option.description, value: null };
  let value: CompletionValue = { kind: 'any' };
  if (option.argChoices) value = { kind: 'choice', values: option.argChoices };
  else if (/<(file|path)>/.test(option.flags)) value = { kind: 'file' };
  else if (option.long === '--exercise') value = { kind: 'exercise' };
  return { flags, description: option.description, value };
}

/**
 * An argument completes to exercise names when it names one: it is called `exercise` or
 * `exercises`, or its description starts with "exercise name" (`rehab log`'s words).
 */
function describeArgument(argument: Argument): CompletionValue {
  if (argument.argChoices) return { kind: 'choice', values: argument.argChoices };
  if (argument.name() === 'file') return { kind: 'file' };
  if (/^exercises?$/.test(argument.name()) || /^exercise names?\b/i.test(argument.description)) return { kind: 'exercise' };
  return { kind: 'any' };
}

function firstSentence(text: string): string {
  const match = /^(.*?[.!?])(\s|$)/.exec(text);
  return (match?.[1] ?? text).replace(/\.$/, '');
}
