// `rehab` on its own shows the next session (as `task` shows the next tasks), with a hint about
// `rehab --help` on stderr. A mistyped command, or subcommand, gets a did-you-mean.
import type { Command } from 'commander';
import { closestCommands } from './closest-commands.js';
import type { Wiring } from './wiring.js';

const HINT = 'rehab: `rehab --help` lists every command; `rehab log squat 25kg 3x10` records a session.';

/** The root's own action, and did-you-mean for mistyped commands at every level. */
export function registerDefaultCommand(program: Command, wiring: Wiring): void {
  program
    // The words of an unknown command land here instead of in commander's "too many arguments".
    .argument('[command...]')
    .usage('[options] [command]')
    // With an action of its own the root would lose the implicit `help [command]`.
    .helpCommand(true)
    .hook('preSubcommand', refuseMistypedSubcommand)
    .action(async (words: string[], _options, command: Command) => {
      const [first] = words;
      if (first !== undefined) throwUnknownCommand(command, first);
      const { nextCommand } = await import('../commands/next.js');
      wiring.deliver(await nextCommand([], { format: 'text' }, wiring.contextFrom(command)));
      // After the prescriptions (main writes outputs in order), so it is the last line on a terminal.
      wiring.deliver({ stderr: HINT });
    });
}

/**
 * Commander runs a command's default subcommand (`rehab exercise` → `list`) with whatever words
 * follow, so `rehab exercise lst` would read as `list lst` and fail with "too many arguments". A
 * first word that is not the subcommand being run is a mistyped subcommand: say so, with the
 * closest names. The hook passes itself on to each level as it is reached.
 */
function refuseMistypedSubcommand(parent: Command, subcommand: Command): void {
  const [first] = parent.args;
  if (first !== undefined && !first.startsWith('-') && first !== subcommand.name() && !subcommand.aliases().includes(first)) {
    throwUnknownCommand(parent, first);
  }
  if (subcommand.commands.length > 0) subcommand.hook('preSubcommand', refuseMistypedSubcommand);
}

/** commander's own message for an unknown command, with the closest visible names. */
function throwUnknownCommand(command: Command, name: string): never {
  const names = command
    .createHelp()
    .visibleCommands(command)
    .map((c) => c.name());
  const close = closestCommands(name, names);
  const where = command.parent === null ? '' : ` of '${commandPath(command)}'`;
  const suggestion =
    close.length === 0
      ? `\n(\`${commandPath(command)} --help\` lists them.)`
      : close.length === 1
        ? `\n(Did you mean ${close[0]}?)`
        : `\n(Did you mean one of ${close.join(', ')}?)`;
  return command.error(`error: unknown command '${name}'${where}${suggestion}`, { code: 'commander.unknownCommand', exitCode: 2 });
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current !== null; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}
